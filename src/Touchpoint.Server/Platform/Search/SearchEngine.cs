using System.Data.Common;
using System.Security.Claims;
using System.Text;
using Touchpoint.Server.Platform.Data;

namespace Touchpoint.Server.Platform.Search;

public sealed record SearchHit(
    string Kind, Guid Id, IReadOnlyList<SnippetPart> Title, IReadOnlyList<SnippetPart> Snippet, string? Label, Guid? BranchId, DateTime At, double Score);

public sealed record SearchCandidate(string Kind, long EntryId, Guid EntityId, double Score);

/// <summary>
/// Runs a search over the index on either database. Every query term is required (AND). The database finds the newest
/// <see cref="CandidatesPerKind"/> matches of each kind (FTS5 on SQLite, the GIN index on PostgreSQL); they are ranked
/// here by <see cref="SearchRanking"/>, the same on both. A term found in a fifth of a million encounters must still
/// answer in milliseconds, and at a service desk the recent matches are the ones people look for; counts say when a
/// kind reached the cap.
/// </summary>
public sealed class SearchEngine(SearchIndexing indexing)
{
    public const int CandidatesPerKind = 1000;
    private const int MaxBlocks = 12;

    public IReadOnlyList<ISearchSource> Sources => indexing.Sources;

    /// <param name="branchIds">The caller's branches; null when the caller's role spans all branches.</param>
    /// <param name="cap">At most this many candidates, the newest matches (default <see cref="CandidatesPerKind"/>): each is
    /// read with its terms and ranked, so a caller that shows a few should not pay for a thousand.</param>
    public async Task<List<SearchCandidate>> CandidatesAsync(TouchpointDb db, ClaimsPrincipal user, IReadOnlyList<QueryTerm> terms,
        ISearchSource source, IReadOnlyList<Guid>? branchIds, CancellationToken ct, int cap = CandidatesPerKind)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cap);
        var branches = source.BranchScoped ? branchIds : null;
        if (terms.Count == 0 || branches is { Count: 0 }) return [];
        var kindTerms = terms.Select(t => t with { Text = source.TermPrefix + t.Text }).ToList();
        var matches = db.IsPostgres ? await PostgresAsync(db, kindTerms, branches, cap, ct) : await SqliteAsync(db, kindTerms, branches, cap, ct);
        var scores = SearchRanking.Score(matches.Select(m => m.Terms).ToList(), kindTerms);
        var rows = matches.Select((m, i) => new SearchCandidate(source.Kind, m.EntryId, m.EntityId, scores[i])).ToList();
        if (branchIds is null || source.BranchScoped || rows.Count == 0) return rows;
        var visible = (await source.VisibleAsync(db, user, rows.Select(r => r.EntityId).ToList(), ct)).ToHashSet();
        return rows.Where(r => visible.Contains(r.EntityId)).ToList();
    }

    /// <summary>Builds the hits of one page, in the order given, from the sources' current documents.</summary>
    public async Task<List<SearchHit>> HitsAsync(TouchpointDb db, IReadOnlyList<SearchCandidate> page, IReadOnlyList<QueryTerm> terms, CancellationToken ct)
    {
        var docs = new Dictionary<(string, Guid), SearchDocument>();
        foreach (var group in page.GroupBy(c => c.Kind))
        {
            var source = Sources.First(s => s.Kind == group.Key);
            foreach (var d in await source.LoadAsync(db, group.Select(c => c.EntityId).ToList(), ct)) docs[(group.Key, d.EntityId)] = d;
        }
        var hits = new List<SearchHit>(page.Count);
        foreach (var c in page)
        {
            // An entity changed between the candidate query and now may have lost its document: leave it out.
            if (!docs.TryGetValue((c.Kind, c.EntityId), out var d)) continue;
            hits.Add(new SearchHit(c.Kind, c.EntityId, SearchSnippets.Build(d.Title, terms), SearchSnippets.Build(d.Body, terms), d.Label, d.BranchId,
                d.At, Math.Round(c.Score, 6)));
        }
        return hits;
    }

    /// <summary>
    /// FTS5 walks the kind's matches (its terms carry the kind's prefix) newest rowid first, reads each row by primary key
    /// (checking the branch, where scoped), and stops at the cap. FTS5's bm25() is not used: it counts every document of
    /// every term on each query.
    /// </summary>
    private static async Task<List<Match>> SqliteAsync(TouchpointDb db, IReadOnlyList<QueryTerm> terms,
        IReadOnlyList<Guid>? branches, int cap, CancellationToken ct)
    {
        var match = string.Join(" AND ", terms.Select(t => t.Prefix ? $"\"{t.Text}\"*" : $"\"{t.Text}\""));
        var values = new List<object?> { match, cap };
        var inBranches = BranchFilter(branches, values, "e.\"BranchId\"");
        var sql = $"""
            SELECT f.rowid, e."EntityId", e."Terms" FROM "SearchIndex" AS f
            JOIN "SearchEntries" AS e ON e."Id" = f.rowid
            WHERE "SearchIndex" MATCH @p0 {inBranches}
            ORDER BY f.rowid DESC LIMIT @p1
            """;
        return await db.QueryAsync(sql, ReadMatch, ct, [.. values]);
    }

    /// <summary>
    /// The GIN index finds the kind's matches (by the terms' prefix); the newest (of the branches) are kept. The query is a
    /// tsquery literal: the terms are already normalised, no parser touches them. Whole words are looked up block by block
    /// of the index's history (<see cref="SearchSegments"/>); a prefix is not: the index would read every word that starts
    /// with it for each block, so it walks the entries newest first, testing each.
    /// </summary>
    private static async Task<List<Match>> PostgresAsync(TouchpointDb db, IReadOnlyList<QueryTerm> terms,
        IReadOnlyList<Guid>? branches, int cap, CancellationToken ct)
    {
        var query = string.Join(" & ", terms.Select(t => t.Prefix ? $"'{t.Text}':*" : $"'{t.Text}'"));
        if (terms.Any(t => t.Prefix))
        {
            var values = new List<object?> { query, cap };
            var inBranches = BranchFilter(branches, values, "\"BranchId\"");
            var sql = $"""
                SELECT "Id", "EntityId", "Terms" FROM "SearchEntries"
                WHERE "Vector" @@ @p0::tsquery {inBranches}
                ORDER BY "Id" DESC LIMIT @p1
                """;
            return await db.QueryAsync(sql, ReadMatch, ct, [.. values]);
        }
        var newest = await db.ScalarAsync<long>("""SELECT COALESCE(MAX("Id"), 0) FROM "SearchEntries" """, ct);
        return await db.QueryAsync(BlockwiseSql(newest, query, branches, cap, out var parameters), ReadMatch, ct, parameters);
    }

    /// <summary>
    /// One part per block, newest first, concatenated: PostgreSQL runs a part of a UNION ALL only when the parts before
    /// it gave fewer rows than the limit, so a common word reads one small block and a rare one every block (each a few
    /// index pages). Each part sorts its block's matches by "Id" + 0: ordered by "Id" itself the planner would walk the
    /// primary key testing every row instead of letting the GIN index intersect word and block. Entries older than the
    /// last block (only past some 2.7 million) are one last part without a block.
    /// </summary>
    private static string BlockwiseSql(long newest, string query, IReadOnlyList<Guid>? branches, int cap, out object?[] parameters)
    {
        var blocks = SearchSegments.NewestFirst(newest, MaxBlocks, out var olderThan);
        var values = new List<object?> { cap, olderThan };
        var inBranches = BranchFilter(branches, values, "\"BranchId\"");
        var parts = new List<string>();
        foreach (var block in blocks)
        {
            values.Add($"({query}) & '{block.Lexeme}'");
            parts.Add($"""SELECT "Id", "EntityId", "Terms" FROM "SearchEntries" WHERE "Vector" @@ @p{values.Count - 1}::tsquery {inBranches}""");
        }
        if (olderThan > 0)
        {
            values.Add(query);
            parts.Add($"""SELECT "Id", "EntityId", "Terms" FROM "SearchEntries" WHERE "Vector" @@ @p{values.Count - 1}::tsquery AND "Id" + 0 < @p1 {inBranches}""");
        }
        parameters = [.. values];
        return string.Join("\nUNION ALL\n", parts.Select((p, i) => $"""SELECT * FROM ({p} ORDER BY "Id" + 0 DESC LIMIT @p0) AS b{i}""")) + "\nLIMIT @p0";
    }

    /// <summary>Adds the branches as the next parameters (written as EF writes a Guid on each database).</summary>
    private static string BranchFilter(IReadOnlyList<Guid>? branches, List<object?> values, string column)
    {
        if (branches is null) return "";
        var names = branches.Select(b => { values.Add(b); return $"@p{values.Count - 1}"; }).ToList();
        return $"AND {column} IN ({string.Join(", ", names)})";
    }

    private readonly record struct Match(long EntryId, Guid EntityId, string Terms);

    private static Match ReadMatch(DbDataReader reader) => new(reader.GetInt64(0), reader.GetGuid(1), reader.GetString(2));
}
