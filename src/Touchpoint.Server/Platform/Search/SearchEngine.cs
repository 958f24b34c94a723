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
/// Runs a search over the index on either database. Every query term is required (AND). Ranking is BM25 on SQLite
/// (FTS5) and ts_rank on PostgreSQL, over the newest <see cref="CandidatesPerKind"/> matches of each kind: a term found
/// in a fifth of a million encounters must still answer in milliseconds, and at a service desk the recent matches are
/// the ones people look for. Counts say when a kind reached the cap.
/// </summary>
public sealed class SearchEngine(SearchIndexing indexing)
{
    public const int CandidatesPerKind = 1000;

    public IReadOnlyList<ISearchSource> Sources => indexing.Sources;

    /// <param name="branchIds">The caller's branches; null when the caller's role spans all branches.</param>
    public async Task<List<SearchCandidate>> CandidatesAsync(TouchpointDb db, ClaimsPrincipal user, IReadOnlyList<QueryTerm> terms,
        ISearchSource source, IReadOnlyList<Guid>? branchIds, CancellationToken ct)
    {
        var scope = source.BranchScoped && branchIds is not null
            ? branchIds.Select(b => SearchIndexing.BranchToken(source.Kind, b)).ToList()
            : [SearchIndexing.KindToken(source.Kind)];
        if (scope.Count == 0 || terms.Count == 0) return [];
        var rows = db.IsPostgres ? await PostgresAsync(db, source.Kind, terms, scope, ct) : await SqliteAsync(db, source.Kind, terms, scope, ct);
        if (branchIds is null || rows.Count == 0) return rows;
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
    /// FTS5 walks the doclists newest rowid first and stops after the cap; bm25 (negated, so larger is better) is computed
    /// for those rows only. The scope column has weight 0: it filters, it does not rank.
    /// </summary>
    private static async Task<List<SearchCandidate>> SqliteAsync(TouchpointDb db, string kind, IReadOnlyList<QueryTerm> terms, List<string> scope,
        CancellationToken ct)
    {
        var match = new StringBuilder("terms : (");
        match.AppendJoin(" AND ", terms.Select(t => t.Prefix ? $"\"{t.Text}\"*" : $"\"{t.Text}\""));
        match.Append(") AND scope : (").AppendJoin(" OR ", scope.Select(s => $"\"{s}\"")).Append(')');
        const string sql = """
            SELECT c.id, e."EntityId", c.score FROM (
                SELECT rowid AS id, -bm25("SearchIndex", 1.0, 0.0) AS score FROM "SearchIndex"
                WHERE "SearchIndex" MATCH @match ORDER BY rowid DESC LIMIT @cap) AS c
            JOIN "SearchEntries" AS e ON e."Id" = c.id
            """;
        return await ReadAsync(db, kind, sql, ct, ("@match", match.ToString()), ("@cap", CandidatesPerKind));
    }

    /// <summary>
    /// The GIN index finds the matches; the newest are kept, then ranked by ts_rank (normalised by document length).
    /// The query is given as a tsquery literal: the terms are already normalised, so no parser touches them.
    /// </summary>
    private static async Task<List<SearchCandidate>> PostgresAsync(TouchpointDb db, string kind, IReadOnlyList<QueryTerm> terms, List<string> scope,
        CancellationToken ct)
    {
        var rank = string.Join(" & ", terms.Select(t => t.Prefix ? $"'{t.Text}':*A" : $"'{t.Text}':A"));
        var filter = $"{rank} & ({string.Join(" | ", scope.Select(s => $"'{s}':D"))})";
        const string sql = """
            SELECT c."Id", c."EntityId", ts_rank(c."Vector", @rank::tsquery, 1)::float8 FROM (
                SELECT "Id", "EntityId", "Vector" FROM "SearchEntries"
                WHERE "Vector" @@ @filter::tsquery ORDER BY "Id" DESC LIMIT @cap) AS c
            """;
        return await ReadAsync(db, kind, sql, ct, ("@rank", rank), ("@filter", filter), ("@cap", CandidatesPerKind));
    }

    private static async Task<List<SearchCandidate>> ReadAsync(TouchpointDb db, string kind, string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        var rows = new List<SearchCandidate>();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            foreach (var (name, value) in parameters) Add(command, name, value);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                rows.Add(new SearchCandidate(kind, reader.GetInt64(0), reader.GetGuid(1), reader.GetDouble(2)));
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
