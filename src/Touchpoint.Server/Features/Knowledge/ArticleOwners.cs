using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Http;
using Touchpoint.Server.Platform.Identity;

namespace Touchpoint.Server.Features.Knowledge;

/// <summary>Someone who may own an article: a name to pick, nothing else about them.</summary>
public sealed record ArticleOwner(Guid Id, string DisplayName);

/// <summary>
/// Who may own an article: active staff who write knowledge and may write the article's branch (anyone who writes
/// knowledge for an organisation-wide article), the same rule <see cref="KnowledgeQueries.CanWriteAsync"/> applies to
/// the writer. A writer picks among those of their own branches (all of them when their role spans branches).
/// </summary>
public static class ArticleOwners
{
    public const int MaxLimit = 200;

    // Roles are checked in the database, so the permissions are turned into the roles that carry them once.
    private static readonly string[] WriterRoles = RolesWith(Permissions.KnowledgeWrite);
    private static readonly string[] AllBranchRoles = RolesWith(Permissions.BranchesAll);

    private static string[] RolesWith(string permission) =>
        Roles.StaffRoles.Where(r => Permissions.ForRoles([r]).Contains(permission)).ToArray();

    /// <param name="branch">The article's branch code; empty for an organisation-wide article.</param>
    /// <param name="q">Part of a name, to narrow a long list.</param>
    public static async Task<Results<Ok<List<ArticleOwner>>, ValidationProblem, ProblemHttpResult>> List(
        ClaimsPrincipal user, TouchpointDb db, CancellationToken ct, string? branch = null, string? q = null, int limit = 50)
    {
        var v = new Validation();
        v.MaxLength("q", q, 128);
        v.Range("limit", limit, 1, MaxLimit);
        Guid? branchId = null;
        if (!string.IsNullOrWhiteSpace(branch))
        {
            var code = branch.Trim().ToUpperInvariant();
            branchId = await db.Branches.Where(b => b.Code == code).Select(b => (Guid?)b.Id).FirstOrDefaultAsync(ct);
            if (branchId is null) v.Add("branch", "validation.unknownBranch", code);
            else if (!user.CanAccessBranch(code)) return Problems.Forbidden();
        }
        if (!v.IsValid) return v.Problem();

        var candidates = await SeenByAsync(db, user, Eligible(db, branchId), ct);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var part = q.Trim().ToLower();
            candidates = candidates.Where(u => u.DisplayName.ToLower().Contains(part));
        }
        var rows = await candidates.OrderBy(u => u.DisplayName).ThenBy(u => u.Id).Take(limit)
            .Select(u => new ArticleOwner(u.Id, u.DisplayName)).ToListAsync(ct);
        return TypedResults.Ok(rows);
    }

    /// <summary>
    /// Checks the owner an article is saved with. A new owner must be someone the writer sees (else unknown: the writer
    /// learns nothing about staff they cannot see) who qualifies for the article's branch; an unchanged owner of an
    /// article moved to another branch must still qualify there. An unchanged owner of an unmoved article is left
    /// alone (someone who has since left does not stop others from fixing a typo).
    /// </summary>
    public static async Task ValidateAsync(TouchpointDb db, ClaimsPrincipal user, Validation v, Guid ownerId, Guid? branchId, bool ownerChanged,
        bool branchChanged, CancellationToken ct)
    {
        if (!ownerChanged && !branchChanged) return;
        if (ownerChanged && !await (await SeenByAsync(db, user, db.Users.AsNoTracking().Where(u => u.IsActive), ct)).AnyAsync(u => u.Id == ownerId, ct))
            v.Add("ownerId", "knowledge.unknownOwner");
        else if (!await Eligible(db, branchId).AnyAsync(u => u.Id == ownerId, ct))
            v.Add("ownerId", "knowledge.ownerMayNotWrite");
    }

    /// <summary>Active staff who may own an article of the branch (null: organisation-wide).</summary>
    private static IQueryable<User> Eligible(TouchpointDb db, Guid? branchId)
    {
        var q = db.Users.AsNoTracking().Where(u => u.IsActive && u.Roles.Any(r => WriterRoles.Contains(r.Role)));
        if (branchId is { } b) q = q.Where(u => u.Roles.Any(r => AllBranchRoles.Contains(r.Role)) || u.Branches.Any(x => x.BranchId == b));
        return q;
    }

    /// <summary>
    /// The staff a writer sees: everyone when the writer's role spans branches, else those sharing one of the writer's
    /// branches, and always the writer.
    /// </summary>
    private static async Task<IQueryable<User>> SeenByAsync(TouchpointDb db, ClaimsPrincipal user, IQueryable<User> q, CancellationToken ct)
    {
        var mine = await KnowledgeQueries.ReadableBranchesAsync(db, user, ct);
        var me = user.UserId();
        return mine is null ? q : q.Where(u => u.Id == me || u.Branches.Any(x => mine.Contains(x.BranchId)));
    }
}
