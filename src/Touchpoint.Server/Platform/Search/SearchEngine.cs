using System.Data.Common;
using System.Security.Claims;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
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
        var parameters = new List<(string, object)> { ("@match", match), ("@cap", cap) };
        // EF keeps Guids as upper-case text on SQLite.
        var inBranches = BranchFilter(branches, parameters, b => b.ToString().ToUpperInvariant(), "e.\"BranchId\"");
        var sql = $"""
            SELECT f.rowid, e."EntityId", e."Terms" FROM "SearchIndex" AS f
            JOIN "SearchEntries" AS e ON e."Id" = f.rowid
            WHERE "SearchIndex" MATCH @match {inBranches}
            ORDER BY f.rowid DESC LIMIT @cap
            """;
        return await ReadAsync(db, sql, ct, [.. parameters]);
    }

    /// <summary>
    /// The GIN index finds the kind's matches (by the terms' prefix); the newest (of the branches) are kept. The query is a
    /// tsquery literal: the terms are already normalised, no parser touches them.
    /// </summary>
    private static async Task<List<Match>> PostgresAsync(TouchpointDb db, IReadOnlyList<QueryTerm> terms,
        IReadOnlyList<Guid>? branches, int cap, CancellationToken ct)
    {
        var query = string.Join(" & ", terms.Select(t => t.Prefix ? $"'{t.Text}':*" : $"'{t.Text}'"));
        var parameters = new List<(string, object)> { ("@query", query), ("@cap", cap) };
        var inBranches = BranchFilter(branches, parameters, b => b, "\"BranchId\"");
        var sql = $"""
            SELECT "Id", "EntityId", "Terms" FROM "SearchEntries"
            WHERE "Vector" @@ @query::tsquery {inBranches}
            ORDER BY "Id" DESC LIMIT @cap
            """;
        return await ReadAsync(db, sql, ct, [.. parameters]);
    }

    private static string BranchFilter(IReadOnlyList<Guid>? branches, List<(string, object)> parameters, Func<Guid, object> value, string column)
    {
        if (branches is null) return "";
        var names = branches.Select((b, i) => { parameters.Add(($"@b{i}", value(b))); return $"@b{i}"; });
        return $"AND {column} IN ({string.Join(", ", names)})";
    }

    private readonly record struct Match(long EntryId, Guid EntityId, string Terms);

    private static async Task<List<Match>> ReadAsync(TouchpointDb db, string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        var rows = new List<Match>();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            foreach (var (name, value) in parameters) Add(command, name, value);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                rows.Add(new Match(reader.GetInt64(0), reader.GetGuid(1), reader.GetString(2)));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return rows;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }
}
