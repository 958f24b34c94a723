using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Platform.Audit;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Http;
using Touchpoint.Server.Platform.Identity;
using Touchpoint.Server.Platform.Localization;

namespace Touchpoint.Server.Features.Knowledge;

/// <param name="Version">On a change: the version the editor started from (409 when someone saved since).</param>
/// <param name="TranslationOf">On a new article: the article this one translates (it joins its translation group).</param>
/// <param name="Branch">A branch code to show the article only in that branch's help centre; empty: every branch.</param>
public sealed record ArticleRequest(
    string? Language, string? Title, string? Summary, string? Body, string? Category, List<string>? Tags, string? State, Guid? OwnerId,
    DateOnly? ReviewBy, string? Branch, int? Version, Guid? TranslationOf);

public sealed record RestoreRequest(int? Version);

/// <summary>Writing articles: every save is a version (author and time); an edit from a stale version is refused.</summary>
public static class ArticleEditing
{
    public const int MaxBody = 50_000;
    public const int MaxTags = 20;

    public static async Task<Results<Created<ArticleDto>, ValidationProblem, ProblemHttpResult>> Create(
        ArticleRequest r, ClaimsPrincipal user, TouchpointDb db, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var v = new Validation();
        v.Language("language", r.Language);
        var branchId = await ValidateAsync(r, user, db, v, ct);
        // A new article is its writer's unless they name someone else.
        var ownerId = r.OwnerId ?? user.UserId();
        if (r.OwnerId is { } named && named != user.UserId())
            await ArticleOwners.ValidateAsync(db, user, v, named, branchId, ownerChanged: true, branchChanged: false, ct);
        KnowledgeArticle? source = null;
        if (r.TranslationOf is { } of)
        {
            source = await db.KnowledgeArticles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == of, ct);
            if (source is null) v.Add("translationOf", "knowledge.unknownArticle");
        }
        if (!v.IsValid) return v.Problem();
        if (source is not null && await db.KnowledgeArticles.AnyAsync(a => a.GroupId == source.GroupId && a.Language == r.Language, ct))
            return Problems.Result(StatusCodes.Status409Conflict, null, "knowledge.translationExists", r.Language);

        var now = clock.GetUtcNow().UtcDateTime;
        var article = new KnowledgeArticle
        {
            Language = r.Language!, Title = "", Body = "", CreatedAt = now, UpdatedAt = now, Version = 1,
        };
        article.GroupId = source?.GroupId ?? article.Id;
        Apply(article, r, branchId, ownerId);
        db.KnowledgeArticles.Add(article);
        db.KnowledgeArticleVersions.Add(VersionOf(article, user, now, null));
        audit.Record("knowledge.created", "article:" + article.Id, new { article.Language, article.State });
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (Conflicts.IsUniqueViolation(e))
        {
            // Two people translated into the same language at once: the second learns it exists.
            return Problems.Result(StatusCodes.Status409Conflict, null, "knowledge.translationExists", r.Language);
        }
        return TypedResults.Created($"/api/knowledge/articles/{article.Id}", await KnowledgeQueries.ToDtoAsync(db, article, user, clock, ct));
    }

    public static async Task<Results<Ok<ArticleDto>, ValidationProblem, ProblemHttpResult>> Update(
        Guid id, ArticleRequest r, ClaimsPrincipal user, TouchpointDb db, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var article = await db.KnowledgeArticles.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (article is null) return Problems.NotFound();
        if (!await KnowledgeQueries.CanWriteAsync(db, user, article.BranchId, ct)) return Problems.Forbidden();
        var v = new Validation();
        if (r.Version is null) v.Add("version", "validation.required");
        var branchId = await ValidateAsync(r, user, db, v, ct);
        // Left out: the owner stays.
        var ownerId = r.OwnerId ?? article.OwnerId;
        if (ownerId is { } owner)
            await ArticleOwners.ValidateAsync(db, user, v, owner, branchId, ownerChanged: owner != article.OwnerId, branchChanged: branchId != article.BranchId, ct);
        if (!v.IsValid) return v.Problem();
        if (r.Version != article.Version) return await StaleAsync(db, article, ct);
        Apply(article, r, branchId, ownerId);
        return await SaveVersionAsync(db, article, user, audit, clock, null, ct);
    }

    /// <summary>Brings back an old version's text as a new version; the state stays (restoring text is not publishing).</summary>
    public static async Task<Results<Ok<ArticleDto>, ValidationProblem, ProblemHttpResult>> Restore(
        Guid id, int number, RestoreRequest r, ClaimsPrincipal user, TouchpointDb db, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var article = await db.KnowledgeArticles.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (article is null) return Problems.NotFound();
        if (!await KnowledgeQueries.CanWriteAsync(db, user, article.BranchId, ct)) return Problems.Forbidden();
        if (r.Version is null) return new Validation().Add("version", "validation.required").Problem();
        var old = await db.KnowledgeArticleVersions.AsNoTracking().FirstOrDefaultAsync(x => x.ArticleId == id && x.Number == number, ct);
        if (old is null) return Problems.NotFound();
        if (r.Version != article.Version) return await StaleAsync(db, article, ct);
        article.Title = old.Title;
        article.Summary = old.Summary;
        article.Body = old.Body;
        article.Category = old.Category;
        article.Tags = [.. old.Tags];
        return await SaveVersionAsync(db, article, user, audit, clock, number, ct);
    }

    private static async Task<Results<Ok<ArticleDto>, ValidationProblem, ProblemHttpResult>> SaveVersionAsync(
        TouchpointDb db, KnowledgeArticle article, ClaimsPrincipal user, AuditLog audit, TimeProvider clock, int? restoredFrom, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        article.Version++;
        article.UpdatedAt = now;
        db.KnowledgeArticleVersions.Add(VersionOf(article, user, now, restoredFrom));
        audit.Record(restoredFrom is null ? "knowledge.changed" : "knowledge.restored", "article:" + article.Id,
            new { article.Version, article.State, article.OwnerId, restoredFrom });
        try { await db.SaveChangesAsync(ct); }
        catch (Exception e) when (e is DbUpdateConcurrencyException || (e is DbUpdateException u && Conflicts.IsUniqueViolation(u)))
        {
            // Someone saved between our read and our write (the version is the concurrency token).
            db.ChangeTracker.Clear();
            var current = await db.KnowledgeArticles.AsNoTracking().FirstAsync(a => a.Id == article.Id, ct);
            return await StaleAsync(db, current, ct);
        }
        return TypedResults.Ok(await KnowledgeQueries.ToDtoAsync(db, article, user, clock, ct));
    }

    private static async Task<ProblemHttpResult> StaleAsync(TouchpointDb db, KnowledgeArticle article, CancellationToken ct)
    {
        var last = await db.KnowledgeArticleVersions.AsNoTracking().Where(x => x.ArticleId == article.Id).OrderByDescending(x => x.Number)
            .Select(x => x.AuthorName).FirstOrDefaultAsync(ct);
        return Problems.Result(StatusCodes.Status409Conflict, null, "knowledge.staleVersion", last ?? "", article.Version);
    }

    /// <summary>Checks the fields every save shares; returns the article's branch (null: organisation-wide).</summary>
    private static async Task<Guid?> ValidateAsync(ArticleRequest r, ClaimsPrincipal user, TouchpointDb db, Validation v,
        CancellationToken ct)
    {
        v.Required("title", r.Title, 200);
        v.Required("body", r.Body, MaxBody);
        v.MaxLength("summary", r.Summary, 500);
        v.MaxLength("category", r.Category, 64);
        if (r.State is not null && !ArticleStates.All.Contains(r.State)) v.Add("state", "validation.oneOf", string.Join(", ", ArticleStates.All));
        var tags = r.Tags ?? [];
        if (tags.Count > MaxTags) v.Add("tags", "validation.range", 0, MaxTags);
        for (var i = 0; i < tags.Count; i++)
            if (string.IsNullOrWhiteSpace(tags[i]) || tags[i].Length > 32) v.Add($"tags[{i}]", "validation.maxLength", 32);
        Guid? branchId = null;
        if (!string.IsNullOrWhiteSpace(r.Branch))
        {
            var code = r.Branch.Trim().ToUpperInvariant();
            branchId = await db.Branches.Where(b => b.Code == code).Select(b => (Guid?)b.Id).FirstOrDefaultAsync(ct);
            if (branchId is null || !user.CanAccessBranch(code)) v.Add("branch", "validation.unknownBranch", code);
        }
        return branchId;
    }

    private static void Apply(KnowledgeArticle a, ArticleRequest r, Guid? branchId, Guid? ownerId)
    {
        a.Title = r.Title!.Trim();
        a.Summary = r.Summary?.Trim() ?? "";
        a.Body = r.Body!.Replace("\r\n", "\n");
        a.Category = string.IsNullOrWhiteSpace(r.Category) ? null : r.Category.Trim();
        a.Tags = (r.Tags ?? []).Select(t => t.Trim()).Distinct().ToList();
        a.State = r.State ?? a.State;
        a.OwnerId = ownerId;
        a.ReviewBy = r.ReviewBy;
        a.BranchId = branchId;
    }

    private static KnowledgeArticleVersion VersionOf(KnowledgeArticle a, ClaimsPrincipal user, DateTime now, int? restoredFrom) => new()
    {
        ArticleId = a.Id, Number = a.Version, Title = a.Title, Summary = a.Summary, Body = a.Body, Category = a.Category, Tags = [.. a.Tags],
        State = a.State, AuthorId = user.UserId(), AuthorName = user.FindFirstValue(TouchpointClaims.DisplayName) ?? user.ActorName(),
        RestoredFrom = restoredFrom, CreatedAt = now,
    };
}
