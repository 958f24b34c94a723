using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Features.Organisation;
using Touchpoint.Server.Platform.Audit;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Http;
using Touchpoint.Server.Platform.Identity;
using Touchpoint.Server.Platform.Search;

namespace Touchpoint.Server.Features.Search;

/// <param name="BranchCode">The branch of a case or encounter, the home branch of a customer.</param>
public sealed record SearchHitDto(
    string Kind, Guid Id, IReadOnlyList<SnippetPart> Title, IReadOnlyList<SnippetPart> Snippet, string? Label, string? BranchCode, DateTime At, double Score);
/// <param name="Counts">Matches per kind, at most <see cref="SearchEngine.CandidatesPerKind"/> each.</param>
/// <param name="Capped">A kind had more matches than were ranked: the newest were kept.</param>
/// <param name="NextOffset">Pass as <c>offset</c> for the next page; null on the last page.</param>
public sealed record SearchResults(IReadOnlyList<SearchHitDto> Items, int Total, IReadOnlyDictionary<string, int> Counts, bool Capped, int? NextOffset);

/// <summary>One search box for cases, encounters and customers, in Chinese, Korean and English (decision 0011).</summary>
public static class SearchEndpoints
{
    public const int MaxQueryLength = 200;
    public const int MaxTerms = 32;
    private const string RebuiltAction = "search.rebuilt";

    public static IServiceCollection AddSearch(this IServiceCollection services)
    {
        services.AddSingleton<SearchIndexing>();
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(sp => sp.GetRequiredService<SearchIndexing>());
        services.AddSingleton<SearchEngine>();
        services.AddSearchSource<CaseSearchSource>();
        services.AddSearchSource<EncounterSearchSource>();
        return services.AddSearchSource<CustomerSearchSource>();
    }

    public static void MapSearchApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/search").WithTags("Search");
        group.MapGet("", Search).RequireAuthorization();
        group.MapPost("/rebuild", Rebuild).RequireAuthorization(Permissions.SettingsManage);
    }

    /// <param name="q">Words in any of the languages; every word must match.</param>
    /// <param name="kinds">Comma-separated: case, encounter, customer. Default: every kind the caller may read.</param>
    private static async Task<Results<Ok<SearchResults>, ValidationProblem, ProblemHttpResult>> Search(
        ClaimsPrincipal user, TouchpointDb db, SearchEngine engine, BranchDirectory branches, CancellationToken ct,
        string? q = null, string? kinds = null, int offset = 0, int limit = 20)
    {
        var v = new Validation();
        var terms = new List<QueryTerm>();
        if (v.Required("q", q, MaxQueryLength))
        {
            terms = SearchTokenizer.Query(q);
            if (terms.Count == 0) v.Add("q", "validation.searchTerms");
            else if (terms.Count > MaxTerms) v.Add("q", "validation.searchTooManyTerms", MaxTerms);
        }
        var known = engine.Sources.Select(s => s.Kind).ToList();
        var requested = kinds is null ? known
            : kinds.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
        if (requested.Count == 0 || requested.Any(k => !known.Contains(k))) v.Add("kinds", "validation.oneOf", string.Join(", ", known));
        v.Range("limit", limit, 1, 50);
        v.Range("offset", offset, 0, SearchEngine.CandidatesPerKind * known.Count);
        if (!v.IsValid) return v.Problem();

        var sources = engine.Sources.Where(s => requested.Contains(s.Kind)).ToList();
        var allowed = sources.Where(s => user.Has(s.Permission)).ToList();
        // Asking for a kind one may not read is refused; by default the kinds one may not read are left out.
        if (allowed.Count == 0 || (kinds is not null && allowed.Count < sources.Count)) return Problems.Forbidden();

        List<Guid>? branchIds = null;
        if (!user.SpansAllBranches())
        {
            branchIds = [];
            foreach (var code in user.BranchCodes())
                if (await branches.FindAsync(db, code, ct) is { } b) branchIds.Add(b.Branch.Id);
        }
        // One connection for the search's statements (the candidates, then the page's documents), not one from the pool each.
        await db.Database.OpenConnectionAsync(ct);
        Dictionary<string, int> counts;
        List<SearchCandidate> ranked, page;
        List<SearchHit> hits;
        try
        {
            var found = await engine.CandidatesAsync(db, user, terms, allowed, branchIds, ct);
            counts = found.ToDictionary(f => f.Key, f => f.Value.Count);
            ranked = found.Values.SelectMany(c => c).OrderByDescending(c => c.Score).ThenByDescending(c => c.EntryId).ToList();
            page = ranked.Skip(offset).Take(limit).ToList();
            hits = await engine.HitsAsync(db, page, terms, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        var items = new List<SearchHitDto>(hits.Count);
        foreach (var h in hits)
            items.Add(new SearchHitDto(h.Kind, h.Id, h.Title, h.Snippet, h.Label,
                h.BranchId is { } b ? (await branches.FindAsync(db, b, ct))?.Branch.Code : null, h.At, h.Score));
        var next = offset + page.Count < ranked.Count ? offset + page.Count : (int?)null;
        return TypedResults.Ok(new SearchResults(items, ranked.Count, counts, counts.Values.Any(c => c >= SearchEngine.CandidatesPerKind), next));
    }

    /// <summary>Rewrites the whole index (after an import or a change made outside the application); answers when done.</summary>
    private static async Task<Ok<SearchRebuildResult>> Rebuild(TouchpointDb db, SearchIndexing indexing, AuditLog audit, CancellationToken ct)
    {
        var result = await indexing.RebuildAsync(db, ct);
        audit.Record(RebuiltAction, "search", new { documents = result.Documents, seconds = result.Seconds });
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(result);
    }
}
