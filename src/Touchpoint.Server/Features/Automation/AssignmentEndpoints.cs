using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Features.Cases;
using Touchpoint.Server.Platform.Audit;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Http;
using Touchpoint.Server.Platform.Identity;

namespace Touchpoint.Server.Features.Automation;

public sealed record PresenceDto(Guid UserId, string DisplayName, bool IsAvailable, List<string> Skills, int Capacity, int Load, DateTime? LastAssignedAt);
public sealed record PresenceRequest(bool? IsAvailable);
public sealed record StaffSkillsRequest(List<string>? Skills, int? Capacity);
public sealed record AutoAssignDto(string Branch, bool Enabled);
public sealed record AutoAssignRequest(bool? Enabled);
public sealed record AutoAssignResult(Guid? AssigneeId);

/// <summary>
/// Presence, skills and capacity, and each branch's auto-assignment switch. Staff set themselves available or away;
/// case managers set skills and capacity for staff of their branches and switch auto-assignment on per branch.
/// </summary>
public static class AssignmentEndpoints
{
    public static void MapAssignmentApi(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/assignment").WithTags("Automation");
        g.MapGet("/me", Me).RequireAuthorization(Permissions.CasesWrite);
        g.MapPut("/me/presence", SetPresence).RequireAuthorization(Permissions.CasesWrite);
        g.MapGet("/staff", Staff).RequireAuthorization(Permissions.CasesManage);
        g.MapPut("/staff/{userId:guid}", SetSkills).RequireAuthorization(Permissions.CasesManage);
        g.MapGet("/branches/{code}", GetBranch).RequireAuthorization(Permissions.CasesRead);
        g.MapPut("/branches/{code}", SetBranch).RequireAuthorization(Permissions.CasesManage);
        app.MapPost("/api/cases/{id:guid}/auto-assign", AssignNow).WithTags("Automation").RequireAuthorization(Permissions.CasesWrite);
    }

    private static async Task<PresenceDto> Me(ClaimsPrincipal user, TouchpointDb db, CancellationToken ct) =>
        (await RowsAsync(db, [user.UserId()!.Value], ct)).Single();

    private static async Task<Results<Ok<PresenceDto>, ValidationProblem>> SetPresence(
        PresenceRequest r, ClaimsPrincipal user, TouchpointDb db, TimeProvider clock, CancellationToken ct)
    {
        if (r.IsAvailable is not { } available) return new Validation().Add("isAvailable", "validation.required").Problem();
        var row = await RowAsync(db, user.UserId()!.Value, ct);
        row.IsAvailable = available;
        row.ChangedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok((await RowsAsync(db, [row.UserId], ct)).Single());
    }

    /// <summary>Staff who work cases in the branch (or all the caller reaches), with their presence and load.</summary>
    private static async Task<Results<Ok<List<PresenceDto>>, ValidationProblem, ProblemHttpResult>> Staff(
        ClaimsPrincipal user, TouchpointDb db, CancellationToken ct, string? branch = null)
    {
        var q = db.Users.AsNoTracking().Where(u => u.IsActive && u.Roles.Any(r => r.Role != Roles.Device && r.Role != Roles.Trainer && r.Role != Roles.QualityReviewer));
        if (branch is not null)
        {
            var code = branch.Trim().ToUpperInvariant();
            if (!await db.Branches.AnyAsync(b => b.Code == code, ct)) return new Validation().Add("branch", "validation.unknownBranch", branch).Problem();
            if (!user.CanAccessBranch(code)) return Problems.Forbidden();
            q = q.Where(u => u.Branches.Any(b => b.Branch!.Code == code));
        }
        else if (!user.SpansAllBranches())
        {
            var codes = user.BranchCodes();
            q = q.Where(u => u.Branches.Any(b => codes.Contains(b.Branch!.Code)));
        }
        var ids = await q.Select(u => u.Id).Take(500).ToListAsync(ct);
        return TypedResults.Ok((await RowsAsync(db, ids, ct)).OrderBy(p => p.DisplayName, StringComparer.CurrentCulture).ToList());
    }

    private static async Task<Results<Ok<PresenceDto>, ValidationProblem, ProblemHttpResult>> SetSkills(
        Guid userId, StaffSkillsRequest r, ClaimsPrincipal user, TouchpointDb db, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var access = await UserAccessCache.LoadAsync(db, userId, ct);
        if (access is null) return Problems.NotFound();
        if (!user.SpansAllBranches() && !access.BranchCodes.Any(user.CanAccessBranch)) return Problems.Forbidden();
        var v = new Validation();
        var skills = (r.Skills ?? []).Select(s => s.Trim()).Where(s => s.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (skills.Count > 30) v.Add("skills", "validation.range", 0, 30);
        if (skills.Any(s => s.Length > 64)) v.Add("skills", "validation.maxLength", 64);
        if (r.Capacity is not { } capacity) v.Add("capacity", "validation.required");
        else v.Range("capacity", capacity, 0, 500);
        if (!v.IsValid) return v.Problem();
        var row = await RowAsync(db, userId, ct);
        row.Skills = skills;
        row.Capacity = r.Capacity!.Value;
        row.ChangedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record("assignment.skillsChanged", "user:" + userId, new { skills, capacity = row.Capacity });
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok((await RowsAsync(db, [userId], ct)).Single());
    }

    private static async Task<Results<Ok<AutoAssignDto>, ProblemHttpResult>> GetBranch(string code, ClaimsPrincipal user, TouchpointDb db, CancellationToken ct)
    {
        var (branchId, problem) = await BranchAsync(code, user, db, ct);
        if (branchId is null) return problem!;
        var enabled = await db.AutoAssignPools.AnyAsync(p => p.BranchId == branchId && p.Enabled, ct);
        return TypedResults.Ok(new AutoAssignDto(code.ToUpperInvariant(), enabled));
    }

    private static async Task<Results<Ok<AutoAssignDto>, ValidationProblem, ProblemHttpResult>> SetBranch(
        string code, AutoAssignRequest r, ClaimsPrincipal user, TouchpointDb db, CaseRuleCache cache, AuditLog audit, CancellationToken ct)
    {
        var (branchId, problem) = await BranchAsync(code, user, db, ct);
        if (branchId is null) return problem!;
        if (r.Enabled is not { } enabled) return new Validation().Add("enabled", "validation.required").Problem();
        var pool = await db.AutoAssignPools.FirstOrDefaultAsync(p => p.BranchId == branchId, ct);
        if (pool is null) db.AutoAssignPools.Add(pool = new AutoAssignPool { BranchId = branchId.Value });
        pool.Enabled = enabled;
        audit.Record("assignment.autoAssign", "branch:" + code.ToUpperInvariant(), new { enabled });
        await db.SaveChangesAsync(ct);
        cache.Invalidate();
        return TypedResults.Ok(new AutoAssignDto(code.ToUpperInvariant(), enabled));
    }

    /// <summary>Offers an unassigned case round robin now (409 when it already has someone, or nobody can take it).</summary>
    private static async Task<Results<Ok<AutoAssignResult>, ProblemHttpResult>> AssignNow(Guid id, ClaimsPrincipal user, CaseContext cases, AuditLog audit, CancellationToken ct)
    {
        var (c, branch, problem) = await cases.FindAsync(id, user, ct);
        if (c is null) return problem!;
        if (c.AssigneeId is not null || !CaseStatuses.IsActive(c.Status))
            return Problems.Result(StatusCodes.Status409Conflict, "cases.conflictTitle", "assignment.notUnassigned");
        var db = cases.Db;
        db.ChangeTracker.Clear();
        var chosen = await cases.Gate.RunAsync(db, async () =>
        {
            var tracked = await db.Cases.FirstAsync(x => x.Id == id, ct);
            if (tracked.AssigneeId is not null) return null;
            var who = await AutoAssigner.AssignAsync(db, tracked, branch!.Branch.Code, cases.Now, ct);
            if (who is null) return null;
            tracked.UpdatedAt = cases.Now;
            audit.Record(AuditActions.CaseAssigned, $"case:{tracked.Reference}", new { assigneeId = who, auto = true });
            await db.SaveChangesAsync(ct);
            c = tracked;
            return who;
        }, ct);
        if (chosen is null) return Problems.Result(StatusCodes.Status409Conflict, "cases.conflictTitle", "assignment.nobodyFree");
        await cases.PublishAsync(branch!.Branch.Code, c, CaseContext.CaseChangedEvent, ct);
        return TypedResults.Ok(new AutoAssignResult(chosen));
    }

    private static async Task<(Guid? Id, ProblemHttpResult? Problem)> BranchAsync(string code, ClaimsPrincipal user, TouchpointDb db, CancellationToken ct)
    {
        var upper = code.Trim().ToUpperInvariant();
        var id = await db.Branches.Where(b => b.Code == upper).Select(b => (Guid?)b.Id).FirstOrDefaultAsync(ct);
        if (id is null) return (null, Problems.NotFound());
        return user.CanAccessBranch(upper) ? (id, null) : (null, Problems.Forbidden());
    }

    private static async Task<StaffAvailability> RowAsync(TouchpointDb db, Guid userId, CancellationToken ct)
    {
        var row = await db.StaffAvailability.FirstOrDefaultAsync(a => a.UserId == userId, ct);
        if (row is null) db.StaffAvailability.Add(row = new StaffAvailability { UserId = userId });
        return row;
    }

    private static async Task<List<PresenceDto>> RowsAsync(TouchpointDb db, List<Guid> ids, CancellationToken ct)
    {
        var users = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct);
        var rows = await db.StaffAvailability.AsNoTracking().Where(a => ids.Contains(a.UserId)).ToDictionaryAsync(a => a.UserId, ct);
        var loads = await AutoAssigner.OpenLoadsAsync(db, ids, ct);
        return users.Select(u =>
        {
            var a = rows.GetValueOrDefault(u.Id) ?? new StaffAvailability { UserId = u.Id };
            return new PresenceDto(u.Id, u.DisplayName, a.IsAvailable, a.Skills, a.Capacity, loads.GetValueOrDefault(u.Id), a.LastAssignedAt);
        }).ToList();
    }
}
