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
        ISearchSource source, IReadOnlyList<Guid>? branchIds, CancellationToken ct, int cap = CandidatesPerKind) =>
        (await CandidatesAsync(db, user, terms, [source], branchIds, ct, cap))[source.Kind];

    /// <summary>The candidates of several kinds, by kind: on PostgreSQL read in one statement.</summary>
    public async Task<Dictionary<string, List<SearchCandidate>>> CandidatesAsync(TouchpointDb db, ClaimsPrincipal user,
        IReadOnlyList<QueryTerm> terms, IReadOnlyList<ISearchSource> sources, IReadOnlyList<Guid>? branchIds, CancellationToken ct,
        int cap = CandidatesPerKind)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cap);
        var result = sources.ToDictionary(s => s.Kind, _ => new List<SearchCandidate>());
        var asked = sources.Select(s => new KindQuery(s.Kind, terms.Select(t => t with { Text = s.TermPrefix + t.Text }).ToList(),
                s.BranchScoped ? branchIds : null))
            .Where(q => terms.Count > 0 && q.Branches is not { Count: 0 }).ToList();
        if (asked.Count == 0) return result;
        var matches = (db.IsPostgres ? await PostgresAsync(db, asked, cap, ct) : await SqliteAsync(db, asked, cap, ct)).ToLookup(m => m.Kind);
        foreach (var query in asked)
        {
            var source = sources.First(s => s.Kind == query.Kind);
            var found = matches[query.Kind].ToList();
            var scores = SearchRanking.Score(found.Select(m => m.Terms).ToList(), query.Terms);
            var rows = found.Select((m, i) => new SearchCandidate(source.Kind, m.EntryId, m.EntityId, scores[i])).ToList();
            if (branchIds is not null && !source.BranchScoped && rows.Count > 0)
            {
                var visible = (await source.VisibleAsync(db, user, rows.Select(r => r.EntityId).ToList(), ct)).ToHashSet();
                rows = rows.Where(r => visible.Contains(r.EntityId)).ToList();
            }
            result[query.Kind] = rows;
        }
        return result;
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
    /// FTS5 walks each kind's matches (its terms carry the kind's prefix) newest rowid first, reads each row by primary
    /// key (checking the branch, where scoped), and stops at the cap. FTS5's bm25() is not used: it counts every document
    /// of every term on each query.
    /// </summary>
    private static async Task<List<Match>> SqliteAsync(TouchpointDb db, IReadOnlyList<KindQuery> queries, int cap, CancellationToken ct)
    {
        var matches = new List<Match>();
        foreach (var query in queries)
        {
            var match = string.Join(" AND ", query.Terms.Select(t => t.Prefix ? $"\"{t.Text}\"*" : $"\"{t.Text}\""));
            var values = new List<object?> { match, cap };
            var inBranches = BranchFilter(query.Branches, values, "e.\"BranchId\"");
            var sql = $"""
                SELECT f.rowid, e."Kind", e."EntityId", e."Terms" FROM "SearchIndex" AS f
                JOIN "SearchEntries" AS e ON e."Id" = f.rowid
                WHERE "SearchIndex" MATCH @p0 {inBranches}
                ORDER BY f.rowid DESC LIMIT @p1
                """;
            matches.AddRange(await db.QueryAsync(sql, ReadMatch, ct, [.. values]));
        }
        return matches;
    }

    /// <summary>
    /// The GIN index finds each kind's matches (by the terms' prefix); the newest (of the branches) are kept. Every kind
    /// is a part of one statement with a limit of its own. The query is a tsquery literal: the terms are already
    /// normalised, no parser touches them. Whole words are looked up block by block of the index's history
    /// (<see cref="SearchSegments"/>); a prefix is not: the index would read every word that starts with it for each
    /// block, so it walks the entries newest first, testing each.
    /// </summary>
    private static async Task<List<Match>> PostgresAsync(TouchpointDb db, IReadOnlyList<KindQuery> queries, int cap, CancellationToken ct)
    {
        // Every kind asks the same words (each with its kind's letter), so either every part is a prefix walk or none is.
        var prefix = queries[0].Terms.Any(t => t.Prefix);
        var newest = prefix ? 0 : await db.ScalarAsync<long>("""SELECT COALESCE(MAX("Id"), 0) FROM "SearchEntries" """, ct);
        var values = new List<object?> { cap };
        var kinds = queries.Select(q =>
        {
            var tsquery = string.Join(" & ", q.Terms.Select(t => t.Prefix ? $"'{t.Text}':*" : $"'{t.Text}'"));
            var inBranches = BranchFilter(q.Branches, values, "\"BranchId\"");
            return prefix ? NewestFirstSql(tsquery, inBranches, values) : BlockwiseSql(newest, tsquery, inBranches, values);
        }).ToList();
        var sql = string.Join("\nUNION ALL\n", kinds.Select((k, i) => $"SELECT * FROM ({k}) AS k{i}"));
        return await db.QueryAsync(sql, ReadMatch, ct, [.. values]);
    }

    private const string MatchColumns = """SELECT "Id", "Kind", "EntityId", "Terms" FROM "SearchEntries" """;

    private static string NewestFirstSql(string tsquery, string inBranches, List<object?> values)
    {
        values.Add(tsquery);
        return $"""{MatchColumns} WHERE "Vector" @@ @p{values.Count - 1}::tsquery {inBranches} ORDER BY "Id" DESC LIMIT @p0""";
    }

    /// <summary>
    /// The blocks newest first, each a tsquery of the words and the block's lexeme in one array parameter, read by a
    /// lateral subquery per block in the array's order, under one limit: PostgreSQL reads the next block only while the
    /// ones before gave fewer rows than the limit, so a common word reads one small block and a rare one every block
    /// (each a few index pages). The subquery sorts its block's matches by "Id" + 0: ordered by "Id" itself the planner
    /// would walk the primary key testing every row instead of letting the GIN index intersect word and block. Entries
    /// older than the last block (at least 1.5 million entries back) are one last element without a block, bounded by
    /// id. One subquery, not one per block, because planning a statement of a part per block (twelve a kind, with its
    /// own estimates each) cost PostgreSQL more than running it; the subquery's plan does not depend on the words.
    /// </summary>
    private static string BlockwiseSql(long newest, string tsquery, string inBranches, List<object?> values)
    {
        var blocks = SearchSegments.NewestFirst(newest, MaxBlocks, out var olderThan);
        var queries = blocks.Select(b => $"({tsquery}) & '{b.Lexeme}'").ToList();
        var before = blocks.Select(_ => long.MaxValue).ToList();
        if (olderThan > 0)
        {
            queries.Add(tsquery);
            before.Add(olderThan);
        }
        values.Add(queries.ToArray());
        values.Add(before.ToArray());
        return $"""
            SELECT m.* FROM unnest(@p{values.Count - 2}::tsquery[], @p{values.Count - 1}::bigint[]) AS b(q, before)
            CROSS JOIN LATERAL ({MatchColumns} WHERE "Vector" @@ b.q AND "Id" + 0 < b.before {inBranches}
                ORDER BY "Id" + 0 DESC LIMIT @p0) AS m
            LIMIT @p0
            """;
    }

    /// <summary>Adds the branches as the next parameters (written as EF writes a Guid on each database).</summary>
    private static string BranchFilter(IReadOnlyList<Guid>? branches, List<object?> values, string column)
    {
        if (branches is null) return "";
        var names = branches.Select(b => { values.Add(b); return $"@p{values.Count - 1}"; }).ToList();
        return $"AND {column} IN ({string.Join(", ", names)})";
    }

    /// <param name="Branches">Null when the kind is not limited by branch, or the caller sees all of them.</param>
    private sealed record KindQuery(string Kind, IReadOnlyList<QueryTerm> Terms, IReadOnlyList<Guid>? Branches);

    private readonly record struct Match(long EntryId, string Kind, Guid EntityId, string Terms);

    private static Match ReadMatch(DbDataReader reader) => new(reader.GetInt64(0), reader.GetString(1), reader.GetGuid(2), reader.GetString(3));
}
