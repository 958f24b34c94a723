using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Features.Cases;
using System.Security.Claims;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Http;
using Touchpoint.Server.Platform.Identity;

namespace Touchpoint.Server.Features.Teams;

/// <summary>How cases, rules, intent routes, lists and views find teams.</summary>
public static class TeamLookup
{
    public const int MaxNameLength = 64;
    public const string Mine = "mine", None = "none";

    /// <summary>
    /// The active team of the branch with this name (exact first, then ignoring case), or null: what a rule's
    /// "set team" and an intent's route name. A name no team of the branch carries sets nothing.
    /// </summary>
    public static async Task<Team?> ByNameAsync(TouchpointDb db, Guid branchId, string? name, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        var wanted = name.Trim();
        var teams = await db.Teams.AsNoTracking().Where(t => t.BranchId == branchId && t.RetiredAt == null).ToListAsync(ct);
        return teams.FirstOrDefault(t => t.Name == wanted) ?? teams.FirstOrDefault(t => string.Equals(t.Name, wanted, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// The team a case of <paramref name="branchId"/> may be given, or the message key saying why not: a team of
    /// another branch reads the same as an unknown one, and a retired team takes no new cases.
    /// </summary>
    public static async Task<(Team? Team, string? ErrorKey)> ForCaseAsync(TouchpointDb db, Guid branchId, Guid teamId, CancellationToken ct)
    {
        var team = await db.Teams.AsNoTracking().FirstOrDefaultAsync(t => t.Id == teamId, ct);
        if (team is null || team.BranchId != branchId) return (null, "teams.notInBranch");
        return team.RetiredAt is null ? (team, null) : (null, "teams.retired");
    }

    /// <summary>
    /// Cases of a team filter: <c>mine</c> (any team the user belongs to), <c>none</c>, a team's id, or (in views saved
    /// before teams were records) a team's name, matched on the copy each case keeps.
    /// </summary>
    public static IQueryable<SupportCase> WhereTeam(this IQueryable<SupportCase> q, TouchpointDb db, string? team, Guid? userId)
    {
        if (string.IsNullOrWhiteSpace(team)) return q;
        if (team == Mine) return q.Where(c => TeamIdsOf(db, userId).Contains(c.TeamId!.Value));
        if (team == None) return q.Where(c => c.TeamId == null);
        return Guid.TryParse(team, out var id) ? q.Where(c => c.TeamId == id) : q.Where(c => c.Team == team);
    }

    /// <summary>A team filter as a list or a new view takes it: mine, none, or the id of a team in a branch the caller reaches.</summary>
    public static async Task CheckFilterAsync(Validation v, string field, string? team, ClaimsPrincipal user, TouchpointDb db, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(team) || team is Mine or None) return;
        var branch = Guid.TryParse(team, out var id)
            ? await db.Teams.Where(t => t.Id == id).Join(db.Branches, t => t.BranchId, b => b.Id, (t, b) => b.Code).FirstOrDefaultAsync(ct)
            : null;
        if (branch is null || !user.CanAccessBranch(branch)) v.Add(field, "teams.unknownFilter");
    }

    /// <summary>The teams the user belongs to, as a subquery (lists and views filter "my teams" inside their own query).</summary>
    public static IQueryable<Guid> TeamIdsOf(TouchpointDb db, Guid? userId) =>
        db.TeamMembers.Where(m => m.UserId == userId).Select(m => m.TeamId);

    /// <summary>
    /// Gives the case the team (or none). The name is copied beside the reference, as the branch and customer are on
    /// other rows, so rule conditions, lists and old saved filters read it without a join; a rename rewrites the copies.
    /// </summary>
    public static void SetTeam(this SupportCase c, Team? team)
    {
        c.TeamId = team?.Id;
        c.Team = team?.Name;
    }
}
