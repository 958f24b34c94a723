using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Http;
using Touchpoint.Server.Platform.Identity;
using Touchpoint.Server.Platform.Localization;

namespace Touchpoint.Server.Features.Knowledge;

/// <param name="DueForReview">The review date has come: someone should check the article is still right.</param>
public sealed record ArticleListItem(
    Guid Id, Guid GroupId, string Language, string Title, string Summary, string? Category, IReadOnlyList<string> Tags, string State, string? Branch,
    Guid? OwnerId, string? OwnerName, DateOnly? ReviewBy, bool DueForReview, int Version, int HelpfulYes, int HelpfulNo, DateTime UpdatedAt);

public sealed record ArticleTranslation(Guid Id, string Language, string State, string Title, int Version);

/// <param name="MissingLanguages">Languages the article has no translation in yet.</param>
public sealed record ArticleDto(
    Guid Id, Guid GroupId, string Language, string Title, string Summary, string Body, string? Category, IReadOnlyList<string> Tags, string State,
    string? Branch, Guid? OwnerId, string? OwnerName, DateOnly? ReviewBy, bool DueForReview, int Version, int HelpfulYes, int HelpfulNo,
    DateTime CreatedAt, DateTime UpdatedAt, bool CanEdit, IReadOnlyList<ArticleTranslation> Translations, IReadOnlyList<string> MissingLanguages);

public sealed record ArticlePage(IReadOnlyList<ArticleListItem> Items, int Total);
public sealed record ArticleVersionItem(int Number, string Title, string State, string AuthorName, int? RestoredFrom, DateTime CreatedAt);
public sealed record ArticleVersionDto(
    int Number, string Title, string Summary, string Body, string? Category, IReadOnlyList<string> Tags, string State, string AuthorName,
    int? RestoredFrom, DateTime CreatedAt);
public sealed record ArticleDiff(int From, int To, string OldTitle, string NewTitle, string OldSummary, string NewSummary, IReadOnlyList<DiffLine> Lines);
public sealed record KnowledgeCategory(string Name, string Language, int Count);

/// <summary>Reading the knowledge base as staff: lists with filters, one article with its translations, history and diffs.</summary>
public static class KnowledgeQueries
{
    /// <summary>The branches whose own articles a member of staff reads; null: all of them.</summary>
    public static async Task<List<Guid>?> ReadableBranchesAsync(TouchpointDb db, ClaimsPrincipal user, CancellationToken ct)
    {
        if (user.SpansAllBranches()) return null;
        var codes = user.BranchCodes().Select(c => c.ToUpperInvariant()).ToList();
        return await db.Branches.Where(b => codes.Contains(b.Code)).Select(b => b.Id).ToListAsync(ct);
    }

    /// <summary>Organisation-wide articles are written by anyone who writes knowledge; a branch's own ones by its staff.</summary>
    public static async Task<bool> CanWriteAsync(TouchpointDb db, ClaimsPrincipal user, Guid? branchId, CancellationToken ct)
    {
        if (!user.Has(Permissions.KnowledgeWrite)) return false;
        if (branchId is null || user.SpansAllBranches()) return true;
        var code = await db.Branches.Where(b => b.Id == branchId).Select(b => b.Code).FirstOrDefaultAsync(ct);
        return code is not null && user.CanAccessBranch(code);
    }

    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <param name="state">draft, internal or published (drafts only for those who write).</param>
    /// <param name="due">Only articles whose review date has come, soonest first.</param>
    /// <param name="mine">Only articles the caller owns.</param>
    public static async Task<Results<Ok<ArticlePage>, ValidationProblem>> List(
        ClaimsPrincipal user, TouchpointDb db, TimeProvider clock, CancellationToken ct, string? state = null, string? category = null,
        string? language = null, bool due = false, bool mine = false, int offset = 0, int limit = 50)
    {
        var v = new Validation();
        if (state is not null && !ArticleStates.All.Contains(state)) v.Add("state", "validation.oneOf", string.Join(", ", ArticleStates.All));
        if (language is not null) v.Language("language", language);
        v.Range("limit", limit, 1, 200);
        v.Range("offset", offset, 0, int.MaxValue);
        if (!v.IsValid) return v.Problem();

        var q = Visible(db, user, await ReadableBranchesAsync(db, user, ct));
        if (state is not null) q = q.Where(a => a.State == state);
        if (!string.IsNullOrWhiteSpace(category)) q = q.Where(a => a.Category == category.Trim());
        if (language is not null) q = q.Where(a => a.Language == language);
        if (mine) { var me = user.UserId(); q = q.Where(a => a.OwnerId == me); }
        var today = Today(clock);
        if (due) q = q.Where(a => a.ReviewBy != null && a.ReviewBy <= today);
        var total = await q.CountAsync(ct);
        var ordered = due ? q.OrderBy(a => a.ReviewBy).ThenBy(a => a.Id) : q.OrderByDescending(a => a.UpdatedAt).ThenBy(a => a.Id);
        var page = await ordered.Skip(offset).Take(limit).ToListAsync(ct);
        var names = await NamesAsync(db, page, ct);
        return TypedResults.Ok(new ArticlePage(page.Select(a => Item(a, names, today)).ToList(), total));
    }

    public static async Task<Ok<List<KnowledgeCategory>>> Categories(ClaimsPrincipal user, TouchpointDb db, CancellationToken ct, string? language = null)
    {
        var q = Visible(db, user, await ReadableBranchesAsync(db, user, ct)).Where(a => a.Category != null);
        if (Languages.IsSupported(language)) q = q.Where(a => a.Language == language);
        var rows = await q.GroupBy(a => new { a.Category, a.Language }).Select(g => new { g.Key.Category, g.Key.Language, Count = g.Count() }).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(r => new KnowledgeCategory(r.Category!, r.Language, r.Count))
            .OrderBy(c => c.Language).ThenBy(c => c.Name, StringComparer.Ordinal).ToList());
    }

    public static async Task<Results<Ok<ArticleDto>, ProblemHttpResult>> Get(Guid id, ClaimsPrincipal user, TouchpointDb db, TimeProvider clock, CancellationToken ct)
    {
        var article = await FindVisibleAsync(db, user, id, ct);
        return article is null ? Problems.NotFound() : TypedResults.Ok(await ToDtoAsync(db, article, user, clock, ct));
    }

    public static async Task<Results<Ok<List<ArticleVersionItem>>, ProblemHttpResult>> Versions(Guid id, ClaimsPrincipal user, TouchpointDb db, CancellationToken ct)
    {
        if (await FindVisibleAsync(db, user, id, ct) is null) return Problems.NotFound();
        var versions = await db.KnowledgeArticleVersions.AsNoTracking().Where(x => x.ArticleId == id).OrderByDescending(x => x.Number)
            .Select(x => new ArticleVersionItem(x.Number, x.Title, x.State, x.AuthorName, x.RestoredFrom, x.CreatedAt)).ToListAsync(ct);
        return TypedResults.Ok(versions);
    }

    public static async Task<Results<Ok<ArticleVersionDto>, ProblemHttpResult>> Version(Guid id, int number, ClaimsPrincipal user, TouchpointDb db,
        CancellationToken ct)
    {
        if (await FindVisibleAsync(db, user, id, ct) is null) return Problems.NotFound();
        var x = await db.KnowledgeArticleVersions.AsNoTracking().FirstOrDefaultAsync(x => x.ArticleId == id && x.Number == number, ct);
        return x is null ? Problems.NotFound()
            : TypedResults.Ok(new ArticleVersionDto(x.Number, x.Title, x.Summary, x.Body, x.Category, x.Tags, x.State, x.AuthorName, x.RestoredFrom, x.CreatedAt));
    }

    /// <summary>What changed from one version to another (lines of the body; title and summary side by side).</summary>
    public static async Task<Results<Ok<ArticleDiff>, ValidationProblem, ProblemHttpResult>> Diff(Guid id, ClaimsPrincipal user, TouchpointDb db,
        CancellationToken ct, int? from = null, int? to = null)
    {
        var v = new Validation();
        if (from is null) v.Add("from", "validation.required");
        if (to is null) v.Add("to", "validation.required");
        if (!v.IsValid) return v.Problem();
        if (await FindVisibleAsync(db, user, id, ct) is null) return Problems.NotFound();
        var pair = await db.KnowledgeArticleVersions.AsNoTracking().Where(x => x.ArticleId == id && (x.Number == from || x.Number == to)).ToListAsync(ct);
        var a = pair.FirstOrDefault(x => x.Number == from);
        var b = pair.FirstOrDefault(x => x.Number == to);
        if (a is null || b is null) return Problems.NotFound();
        return TypedResults.Ok(new ArticleDiff(a.Number, b.Number, a.Title, b.Title, a.Summary, b.Summary, LineDiff.Compute(a.Body, b.Body)));
    }

    /// <summary>Staff read organisation-wide articles and their branches'; drafts only those who write.</summary>
    public static IQueryable<KnowledgeArticle> Visible(TouchpointDb db, ClaimsPrincipal user, List<Guid>? branches)
    {
        var q = db.KnowledgeArticles.AsNoTracking();
        if (!user.Has(Permissions.KnowledgeWrite)) q = q.Where(a => a.State != ArticleStates.Draft);
        if (branches is not null) q = q.Where(a => a.BranchId == null || branches.Contains(a.BranchId.Value));
        return q;
    }

    private static async Task<KnowledgeArticle?> FindVisibleAsync(TouchpointDb db, ClaimsPrincipal user, Guid id, CancellationToken ct) =>
        await Visible(db, user, await ReadableBranchesAsync(db, user, ct)).FirstOrDefaultAsync(a => a.Id == id, ct);

    public static async Task<ArticleDto> ToDtoAsync(TouchpointDb db, KnowledgeArticle a, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        var names = await NamesAsync(db, [a], ct);
        var item = Item(a, names, Today(clock));
        var translations = await Visible(db, user, await ReadableBranchesAsync(db, user, ct))
            .Where(t => t.GroupId == a.GroupId && t.Id != a.Id)
            .Select(t => new ArticleTranslation(t.Id, t.Language, t.State, t.Title, t.Version)).ToListAsync(ct);
        // Missing means no translation at all, including ones this reader cannot see (a draft in progress is not missing).
        var present = await db.KnowledgeArticles.Where(t => t.GroupId == a.GroupId).Select(t => t.Language).ToListAsync(ct);
        return new ArticleDto(a.Id, a.GroupId, a.Language, a.Title, a.Summary, a.Body, a.Category, a.Tags, a.State, item.Branch, a.OwnerId,
            item.OwnerName, a.ReviewBy, item.DueForReview, a.Version, a.HelpfulYes, a.HelpfulNo, a.CreatedAt, a.UpdatedAt,
            await CanWriteAsync(db, user, a.BranchId, ct),
            translations.OrderBy(t => Languages.All.ToList().IndexOf(t.Language)).ToList(), Languages.All.Except(present).ToList());
    }

    private sealed record Names(Dictionary<Guid, string> Users, Dictionary<Guid, string> Branches);

    private static async Task<Names> NamesAsync(TouchpointDb db, IReadOnlyList<KnowledgeArticle> articles, CancellationToken ct)
    {
        var owners = articles.Where(a => a.OwnerId != null).Select(a => a.OwnerId!.Value).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => owners.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var branches = await db.Branches.AsNoTracking().ToDictionaryAsync(b => b.Id, b => b.Code, ct);
        return new Names(users, branches);
    }

    private static ArticleListItem Item(KnowledgeArticle a, Names n, DateOnly today) => new(
        a.Id, a.GroupId, a.Language, a.Title, a.Summary, a.Category, a.Tags, a.State, a.BranchId is { } b ? n.Branches.GetValueOrDefault(b) : null,
        a.OwnerId, a.OwnerId is { } o ? n.Users.GetValueOrDefault(o) : null, a.ReviewBy, a.ReviewBy is { } r && r <= today, a.Version,
        a.HelpfulYes, a.HelpfulNo, a.UpdatedAt);
}
