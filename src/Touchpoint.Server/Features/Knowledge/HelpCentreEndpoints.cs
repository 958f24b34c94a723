using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Features.Organisation;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Http;
using Touchpoint.Server.Platform.Localization;

namespace Touchpoint.Server.Features.Knowledge;

public sealed record HelpBranch(string Code, string Name);
public sealed record HelpArticleLink(Guid Id, string Language, string Title, string Summary);
public sealed record HelpCategory(string Name, IReadOnlyList<HelpArticleLink> Articles);
/// <param name="Branch">The branch whose help centre this is (its own articles included); null for the organisation's.</param>
public sealed record HelpCentre(HelpBranch? Branch, string Language, IReadOnlyList<HelpCategory> Categories);
/// <param name="Translations">The published languages of this article, for the language switch.</param>
public sealed record HelpArticle(
    Guid Id, string Language, string Title, string Summary, string Body, string? Category, DateTime UpdatedAt, int HelpfulYes, int HelpfulNo,
    IReadOnlyList<HelpArticleLink> Translations);
/// <param name="Voter">A random token the browser keeps (16 to 64 characters): one vote per browser and article.</param>
public sealed record HelpfulVote(bool? Helpful, string? Voter);
public sealed record HelpfulCounts(int HelpfulYes, int HelpfulNo);

/// <summary>
/// The public help centre: published articles only, organisation-wide ones plus the branch's own under /help/&lt;code&gt;,
/// in the visitor's language with a fallback (English, then any translation), and "was this helpful" votes.
/// </summary>
public static class HelpCentreEndpoints
{
    public static void MapHelpCentreApi(this IEndpointRouteBuilder app)
    {
        var help = app.MapGroup("/api/public/help").AllowAnonymous().RequireRateLimiting(RateLimitPolicies.Anonymous).WithTags("Help centre");
        help.MapGet("", Home);
        help.MapGet("/articles/{id:guid}", Article);
        help.MapGet("/search", Search);
        help.MapPost("/articles/{id:guid}/feedback", Vote);
    }

    /// <param name="branch">A branch code for that branch's help centre.</param>
    private static async Task<Results<Ok<HelpCentre>, ProblemHttpResult>> Home(TouchpointDb db, BranchDirectory branches, CancellationToken ct,
        string? language = null, string? branch = null)
    {
        var lang = KnowledgeSearch.LanguageOf(language);
        var (found, b) = await BranchAsync(db, branches, branch, ct);
        if (!found) return Problems.NotFound();
        var articles = await Published(db, b?.Branch.Id)
            .Select(a => new { a.Id, a.GroupId, a.Language, a.Title, a.Summary, a.Category, a.UpdatedAt }).ToListAsync(ct);
        var shown = articles.GroupBy(a => a.GroupId).Select(g => g.OrderBy(a => Preference(a.Language, lang)).First()).ToList();
        var categories = shown.GroupBy(a => a.Category ?? "")
            .Select(g => new HelpCategory(g.Key, g.OrderBy(a => a.Title, StringComparer.Ordinal).Select(a => new HelpArticleLink(a.Id, a.Language, a.Title, a.Summary)).ToList()))
            // Categories in the reader's language first, then by size.
            .OrderByDescending(c => c.Articles.Count(a => a.Language == lang)).ThenByDescending(c => c.Articles.Count).ThenBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
        return TypedResults.Ok(new HelpCentre(b is null ? null : new HelpBranch(b.Branch.Code, b.Branch.Name.Resolve(lang)), lang, categories));
    }

    /// <summary>The article in the asked language when that translation is published, otherwise the one asked for.</summary>
    private static async Task<Results<Ok<HelpArticle>, ProblemHttpResult>> Article(Guid id, TouchpointDb db, BranchDirectory branches,
        CancellationToken ct, string? language = null, string? branch = null)
    {
        var (found, b) = await BranchAsync(db, branches, branch, ct);
        if (!found) return Problems.NotFound();
        var published = Published(db, b?.Branch.Id);
        var article = await published.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (article is null) return Problems.NotFound();
        var group = await published.Where(a => a.GroupId == article.GroupId).ToListAsync(ct);
        if (Languages.IsSupported(language) && group.FirstOrDefault(a => a.Language == language) is { } translated) article = translated;
        var links = group.OrderBy(a => Languages.All.ToList().IndexOf(a.Language)).Select(a => new HelpArticleLink(a.Id, a.Language, a.Title, a.Summary)).ToList();
        return TypedResults.Ok(new HelpArticle(article.Id, article.Language, article.Title, article.Summary, article.Body, article.Category,
            article.UpdatedAt, article.HelpfulYes, article.HelpfulNo, links));
    }

    private static async Task<Results<Ok<ArticleSearchResult>, ValidationProblem, ProblemHttpResult>> Search(
        TouchpointDb db, BranchDirectory branches, KnowledgeSearch search, CancellationToken ct, string? q = null, string? language = null,
        string? branch = null, int limit = 20)
    {
        var v = new Validation();
        var terms = KnowledgeEndpoints.QueryTerms(v, q);
        v.Range("limit", limit, 1, 50);
        if (!v.IsValid) return v.Problem();
        var (found, b) = await BranchAsync(db, branches, branch, ct);
        if (!found) return Problems.NotFound();
        return TypedResults.Ok(await search.SearchAsync(db, terms, KnowledgeSearch.LanguageOf(language), ArticleAudience.Public(b?.Branch.Id), limit, ct));
    }

    /// <summary>
    /// One vote per browser and article, changeable. Counters move by set-based updates, so votes arriving together
    /// all count and an editor's save (whose version check covers the article row) is not disturbed.
    /// </summary>
    private static async Task<Results<Ok<HelpfulCounts>, ValidationProblem, ProblemHttpResult>> Vote(Guid id, HelpfulVote r, TouchpointDb db,
        TimeProvider clock, CancellationToken ct)
    {
        var v = new Validation();
        if (r.Helpful is null) v.Add("helpful", "validation.required");
        if (string.IsNullOrWhiteSpace(r.Voter) || r.Voter.Length is < 16 or > 64) v.Add("voter", "validation.range", 16, 64);
        if (!v.IsValid) return v.Problem();
        if (!await db.KnowledgeArticles.AnyAsync(a => a.Id == id && a.State == ArticleStates.Published, ct)) return Problems.NotFound();

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("touchpoint-help-vote:" + r.Voter)));
        var helpful = r.Helpful!.Value;
        var existing = await db.KnowledgeVotes.FirstOrDefaultAsync(x => x.ArticleId == id && x.VoterHash == hash, ct);
        if (existing is null)
        {
            db.KnowledgeVotes.Add(new KnowledgeVote { ArticleId = id, VoterHash = hash, Helpful = helpful, At = clock.GetUtcNow().UtcDateTime });
            try
            {
                await db.SaveChangesAsync(ct);
                await Count(db, id, helpful, +1, ct);
            }
            catch (DbUpdateException e) when (Conflicts.IsUniqueViolation(e)) { db.ChangeTracker.Clear(); } // the same browser, twice at once
        }
        else if (existing.Helpful != helpful)
        {
            existing.Helpful = helpful;
            existing.At = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
            await Count(db, id, !helpful, -1, ct);
            await Count(db, id, helpful, +1, ct);
        }
        var counts = await db.KnowledgeArticles.AsNoTracking().Where(a => a.Id == id).Select(a => new HelpfulCounts(a.HelpfulYes, a.HelpfulNo)).FirstAsync(ct);
        return TypedResults.Ok(counts);
    }

    private static Task<int> Count(TouchpointDb db, Guid id, bool helpful, int delta, CancellationToken ct) => helpful
        ? db.KnowledgeArticles.Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.HelpfulYes, a => a.HelpfulYes + delta), ct)
        : db.KnowledgeArticles.Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.HelpfulNo, a => a.HelpfulNo + delta), ct);

    private static IQueryable<KnowledgeArticle> Published(TouchpointDb db, Guid? branchId) =>
        db.KnowledgeArticles.AsNoTracking().Where(a => a.State == ArticleStates.Published && (a.BranchId == null || a.BranchId == branchId));

    /// <summary>The reader's language first, then English, then the others in the usual order.</summary>
    private static int Preference(string articleLanguage, string reader) =>
        articleLanguage == reader ? 0 : articleLanguage == Languages.Default ? 1 : 2 + Languages.All.ToList().IndexOf(articleLanguage);

    private static async Task<(bool Found, BranchLayout? Branch)> BranchAsync(TouchpointDb db, BranchDirectory branches, string? code, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code)) return (true, null);
        var b = await branches.FindAsync(db, code.Trim().ToUpperInvariant(), ct);
        return (b is not null, b);
    }
}
