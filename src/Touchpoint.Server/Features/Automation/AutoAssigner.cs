using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Features.Cases;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Identity;

namespace Touchpoint.Server.Features.Automation;

/// <summary>
/// Assigns a case round robin within its branch when the branch has auto-assignment on; a case with a team goes to one
/// of the team's members only (nobody of the team free: it waits, and the monitor offers it again). Must run inside the caller's
/// transaction: it first bumps the branch's pool row, which on PostgreSQL holds the row lock until commit (and on
/// SQLite the write gate already lets one writer in), so two cases chosen at once see each other's assignment and
/// nobody is filled past capacity.
/// </summary>
public static class AutoAssigner
{
    public static async Task<Guid?> AssignAsync(TouchpointDb db, SupportCase c, string branchCode, DateTime now, CancellationToken ct)
    {
        if (!CaseStatuses.IsActive(c.Status)) return null;
        var locked = await db.AutoAssignPools.Where(p => p.BranchId == c.BranchId && p.Enabled)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Turn, p => p.Turn + 1), ct);
        if (locked == 0) return null;

        // Everyone available (of the case's team, when it has one), with what they may do and where, in one read; then
        // the open cases of those who qualify.
        var available = db.StaffAvailability.AsNoTracking().Where(a => a.IsAvailable);
        if (c.TeamId is { } teamId) available = available.Where(a => db.TeamMembers.Any(m => m.TeamId == teamId && m.UserId == a.UserId));
        var present = await available
            .Join(db.Users.Where(u => u.IsActive), a => a.UserId, u => u.Id, (a, u) => new
            {
                Availability = a,
                Roles = u.Roles.Select(r => r.Role).ToList(),
                Branches = u.Branches.Select(b => b.Branch!.Code).ToList(),
            })
            .ToListAsync(ct);
        var eligible = present.Where(p => UserAccess.CanWorkCasesIn(Permissions.ForRoles(p.Roles), p.Branches, branchCode))
            .Select(p => p.Availability).ToList();
        if (eligible.Count == 0) return null;
        var loads = await OpenLoadsAsync(db, eligible.Select(a => a.UserId).ToList(), ct);
        var chosen = AssignmentChoice.Choose(
            eligible.Select(a => new AssignmentCandidate(a.UserId, a.Skills, a.Capacity, loads.GetValueOrDefault(a.UserId), a.LastAssignedAt)),
            c.Category, c.Language);
        if (chosen is null) return null;
        c.AssigneeId = chosen.UserId;
        await db.StaffAvailability.Where(a => a.UserId == chosen.UserId).ExecuteUpdateAsync(s => s.SetProperty(a => a.LastAssignedAt, now), ct);
        return chosen.UserId;
    }

    /// <summary>How many open cases (not solved or closed) each of the users carries; users with none are absent.</summary>
    public static Task<Dictionary<Guid, int>> OpenLoadsAsync(TouchpointDb db, List<Guid> userIds, CancellationToken ct) =>
        db.Cases.Where(x => x.AssigneeId != null && userIds.Contains(x.AssigneeId.Value)
                && x.Status != CaseStatuses.Solved && x.Status != CaseStatuses.Closed)
            .GroupBy(x => x.AssigneeId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
}
