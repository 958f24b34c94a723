using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Features.Cases;
using Touchpoint.Server.Features.Organisation;
using Touchpoint.Server.Platform.Audit;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Http;
using Touchpoint.Server.Platform.Identity;
using Touchpoint.Server.Platform.Realtime;

namespace Touchpoint.Server.Features.Teams;

public sealed record TeamMemberDto(Guid UserId, string DisplayName);
/// <param name="OpenCases">Cases of the team not yet solved or closed.</param>
public sealed record TeamDto(Guid Id, string BranchCode, string Name, bool Retired, DateTime? RetiredAt, IReadOnlyList<TeamMemberDto> Members, int OpenCases);
/// <param name="MemberIds">The whole membership: staff who may work the branch's cases.</param>
public sealed record SaveTeamRequest(string? Name, List<Guid>? MemberIds);
public sealed record MyTeamDto(Guid Id, string BranchCode, string Name);
/// <param name="Name">One spelling of the name (names are matched ignoring case, as rules and intent routes match them).</param>
/// <param name="Branches">The branches, of those asked about, with an active team of this name.</param>
public sealed record TeamNameDto(string Name, IReadOnlyList<string> Branches);

/// <summary>
/// Teams of a branch. Everyone who reads the organisation lists them (the case page picks from them); administrators
/// and managers (<c>organisation.manage</c>) create, rename, retire and reinstate them and set their members, within
/// the branches they reach, each change in the audit log.
/// </summary>
public static class TeamEndpoints
{
    public const int MaxMembers = 200;
    private const string Audited = "team.changed";

    public static void MapTeamsApi(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/branches/{code}/teams").WithTags("Teams").RequireAuthorization(Permissions.OrganisationRead);
        g.MapGet("", List);
        g.MapGet("/candidates", Candidates).RequireAuthorization(Permissions.OrganisationManage);
        g.MapPost("", Create).RequireAuthorization(Permissions.OrganisationManage);
        g.MapPut("/{id:guid}", Update).RequireAuthorization(Permissions.OrganisationManage);
        g.MapPost("/{id:guid}/retire", Retire).RequireAuthorization(Permissions.OrganisationManage);
        g.MapPost("/{id:guid}/reinstate", Reinstate).RequireAuthorization(Permissions.OrganisationManage);
        app.MapGet("/api/teams/mine", Mine).WithTags("Teams").RequireAuthorization(Permissions.CasesRead);
        // Rules and intent routes name teams: those who write them (cases.manage) pick from the names in use.
        app.MapGet("/api/teams/names", Names).WithTags("Teams").RequireAuthorization(Permissions.OrganisationRead, Permissions.CasesManage);
    }

    private static async Task<Results<Ok<List<TeamDto>>, ProblemHttpResult>> List(
        string code, ClaimsPrincipal user, TouchpointDb db, CancellationToken ct, bool includeRetired = false)
    {
        var (branch, problem) = await BranchAccess.FindAsync(db, code, user, ct);
        if (branch is null) return problem!;
        var teams = await db.Teams.AsNoTracking().Where(t => t.BranchId == branch.Id && (includeRetired || t.RetiredAt == null))
            .OrderBy(t => t.RetiredAt != null).ThenBy(t => t.Name).ToListAsync(ct);
        return TypedResults.Ok(await ToDtosAsync(db, branch.Code, teams, ct));
    }

    /// <summary>My active teams in every branch I reach: the "my teams" filter and sharing a view with a team.</summary>
    private static async Task<List<MyTeamDto>> Mine(ClaimsPrincipal user, TouchpointDb db, CancellationToken ct)
    {
        var rows = await db.Teams.AsNoTracking()
            .Where(t => t.RetiredAt == null && TeamLookup.TeamIdsOf(db, user.UserId()).Contains(t.Id))
            .Join(db.Branches, t => t.BranchId, b => b.Id, (t, b) => new { t.Id, b.Code, t.Name }).ToListAsync(ct);
        return rows.Where(r => user.CanAccessBranch(r.Code)).OrderBy(r => r.Code).ThenBy(r => r.Name)
            .Select(r => new MyTeamDto(r.Id, r.Code, r.Name)).ToList();
    }

    /// <summary>
    /// The names of the active teams of one branch, or of every branch the caller reaches, each name once (ignoring
    /// case) with the branches that have it: what a rule or an intent route without a branch may name.
    /// </summary>
    private static async Task<Results<Ok<List<TeamNameDto>>, ProblemHttpResult>> Names(
        ClaimsPrincipal user, TouchpointDb db, CancellationToken ct, string? branch = null)
    {
        var teams = db.Teams.AsNoTracking().Where(t => t.RetiredAt == null);
        if (!string.IsNullOrWhiteSpace(branch))
        {
            var (found, problem) = await BranchAccess.FindAsync(db, branch, user, ct);
            if (found is null) return problem!;
            teams = teams.Where(t => t.BranchId == found.Id);
        }
        var branches = db.Branches.AsQueryable();
        if (!user.SpansAllBranches())
        {
            var codes = user.BranchCodes();
            branches = branches.Where(b => codes.Contains(b.Code));
        }
        var rows = await teams.Join(branches, t => t.BranchId, b => b.Id, (t, b) => new { t.Name, b.Code }).ToListAsync(ct);
        return TypedResults.Ok(rows.GroupBy(r => r.Name, StringComparer.OrdinalIgnoreCase)
            .Select(g => new TeamNameDto(g.Select(r => r.Name).Min(StringComparer.Ordinal)!, g.Select(r => r.Code).Distinct().Order(StringComparer.Ordinal).ToList()))
            .OrderBy(n => n.Name, StringComparer.CurrentCulture).ToList());
    }

    /// <summary>Active staff of the branch who may work its cases: who may join its teams.</summary>
    private static async Task<Results<Ok<List<TeamMemberDto>>, ProblemHttpResult>> Candidates(string code, ClaimsPrincipal user, TouchpointDb db, CancellationToken ct)
    {
        var (branch, problem) = await BranchAccess.FindAsync(db, code, user, ct);
        if (branch is null) return problem!;
        var staff = await db.Users.AsNoTracking().Where(u => u.IsActive && u.Branches.Any(b => b.BranchId == branch.Id))
            .Select(u => new { u.Id, u.DisplayName, Roles = u.Roles.Select(r => r.Role).ToList() }).Take(1000).ToListAsync(ct);
        return TypedResults.Ok(staff.Where(s => Permissions.ForRoles(s.Roles).Contains(Permissions.CasesWrite))
            .OrderBy(s => s.DisplayName, StringComparer.CurrentCulture).Select(s => new TeamMemberDto(s.Id, s.DisplayName)).ToList());
    }

    private static async Task<Results<Created<TeamDto>, ValidationProblem, ProblemHttpResult>> Create(
        string code, SaveTeamRequest r, ClaimsPrincipal user, TouchpointDb db, AuditLog audit, IRealtimePublisher realtime, TimeProvider clock,
        CancellationToken ct)
    {
        var (branch, problem) = await BranchAccess.FindAsync(db, code, user, ct);
        if (branch is null) return problem!;
        var v = new Validation();
        var members = await ValidateAsync(v, db, branch, r, null, ct);
        if (!v.IsValid) return v.Problem();

        var now = clock.GetUtcNow().UtcDateTime;
        var team = new Team { BranchId = branch.Id, Name = r.Name!.Trim(), CreatedAt = now, UpdatedAt = now };
        db.Teams.Add(team);
        db.TeamMembers.AddRange(members.Select(id => new TeamMember { TeamId = team.Id, UserId = id, AddedAt = now }));
        audit.Record(Audited, $"team:{branch.Code}/{team.Id}", new { change = "created", name = team.Name, members });
        if (await SaveAsync(db, team.Name, ct) is { } taken) return taken;
        await PublishAsync(realtime, branch.Code, team, ct);
        return TypedResults.Created($"/api/branches/{branch.Code}/teams/{team.Id}", (await ToDtosAsync(db, branch.Code, [team], ct)).Single());
    }

    /// <summary>Renames and sets the members in one go; a new name is copied onto the team's cases in the same transaction.</summary>
    private static async Task<Results<Ok<TeamDto>, ValidationProblem, ProblemHttpResult>> Update(
        string code, Guid id, SaveTeamRequest r, ClaimsPrincipal user, TouchpointDb db, AuditLog audit, IRealtimePublisher realtime, TimeProvider clock,
        CancellationToken ct)
    {
        var (branch, team, problem) = await FindAsync(db, code, id, user, ct);
        if (team is null) return problem!;
        if (team.RetiredAt is not null) return Problems.Result(StatusCodes.Status409Conflict, null, "teams.editRetired");
        var v = new Validation();
        var members = await ValidateAsync(v, db, branch!, r, team.Id, ct);
        if (!v.IsValid) return v.Problem();

        var now = clock.GetUtcNow().UtcDateTime;
        var before = await db.TeamMembers.Where(m => m.TeamId == team.Id).ToListAsync(ct);
        var added = members.Where(m => before.All(b => b.UserId != m)).ToList();
        var removed = before.Where(b => !members.Contains(b.UserId)).ToList();
        db.TeamMembers.RemoveRange(removed);
        db.TeamMembers.AddRange(added.Select(m => new TeamMember { TeamId = team.Id, UserId = m, AddedAt = now }));
        var (oldName, newName) = (team.Name, r.Name!.Trim());
        team.Name = newName;
        team.UpdatedAt = now;
        audit.Record(Audited, $"team:{branch!.Code}/{team.Id}", new
        {
            change = "updated", name = oldName == newName ? null : new { from = oldName, to = newName }, added, removed = removed.Select(m => m.UserId),
        });
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (oldName != newName)
            await db.Cases.Where(c => c.TeamId == team.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Team, newName), ct);
        if (await SaveAsync(db, newName, ct) is { } taken) return taken;
        await tx.CommitAsync(ct);
        await PublishAsync(realtime, branch.Code, team, ct);
        return TypedResults.Ok((await ToDtosAsync(db, branch.Code, [team], ct)).Single());
    }

    /// <summary>
    /// Retiring keeps the team on its cases (they still show it, and its members still find them under "my teams"),
    /// but offers it no more for new cases, rules or views. Reinstating brings it back if its name is still free.
    /// </summary>
    private static Task<Results<Ok<TeamDto>, ProblemHttpResult>> Retire(
        string code, Guid id, ClaimsPrincipal user, TouchpointDb db, AuditLog audit, IRealtimePublisher realtime, TimeProvider clock, CancellationToken ct) =>
        SetRetiredAsync(code, id, retire: true, user, db, audit, realtime, clock, ct);

    private static Task<Results<Ok<TeamDto>, ProblemHttpResult>> Reinstate(
        string code, Guid id, ClaimsPrincipal user, TouchpointDb db, AuditLog audit, IRealtimePublisher realtime, TimeProvider clock, CancellationToken ct) =>
        SetRetiredAsync(code, id, retire: false, user, db, audit, realtime, clock, ct);

    private static async Task<Results<Ok<TeamDto>, ProblemHttpResult>> SetRetiredAsync(
        string code, Guid id, bool retire, ClaimsPrincipal user, TouchpointDb db, AuditLog audit, IRealtimePublisher realtime, TimeProvider clock,
        CancellationToken ct)
    {
        var (branch, team, problem) = await FindAsync(db, code, id, user, ct);
        if (team is null) return problem!;
        if ((team.RetiredAt is not null) == retire)
            return Problems.Result(StatusCodes.Status409Conflict, null, retire ? "teams.alreadyRetired" : "teams.notRetired");
        if (!retire && await NameTakenAsync(db, team.BranchId, team.Name, team.Id, ct))
            return Problems.Result(StatusCodes.Status409Conflict, null, "teams.nameTaken", team.Name);
        var now = clock.GetUtcNow().UtcDateTime;
        team.RetiredAt = retire ? now : null;
        team.UpdatedAt = now;
        audit.Record(Audited, $"team:{branch!.Code}/{team.Id}", new { change = retire ? "retired" : "reinstated", name = team.Name });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (Conflicts.IsUniqueViolation(e))
        {
            // Another active team took the name while this one was retired.
            return Problems.Result(StatusCodes.Status409Conflict, null, "teams.nameTaken", team.Name);
        }
        await PublishAsync(realtime, branch.Code, team, ct);
        return TypedResults.Ok((await ToDtosAsync(db, branch.Code, [team], ct)).Single());
    }

    /// <summary>The name is free among the branch's active teams (ignoring case), and every member may work the branch's cases.</summary>
    private static async Task<List<Guid>> ValidateAsync(Validation v, TouchpointDb db, Branch branch, SaveTeamRequest r, Guid? self, CancellationToken ct)
    {
        if (v.Required("name", r.Name, TeamLookup.MaxNameLength))
        {
            var name = r.Name!.Trim();
            if (await NameTakenAsync(db, branch.Id, name, self, ct)) v.Add("name", "validation.duplicate", name);
        }
        var ids = (r.MemberIds ?? []).Distinct().ToList();
        if (ids.Count > MaxMembers) { v.Add("memberIds", "validation.range", 0, MaxMembers); return []; }
        var users = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.IsActive, Roles = u.Roles.Select(x => x.Role).ToList(), Branches = u.Branches.Select(b => b.Branch!.Code).ToList() })
            .ToDictionaryAsync(u => u.Id, ct);
        for (var i = 0; i < (r.MemberIds?.Count ?? 0); i++)
        {
            if (!users.TryGetValue(r.MemberIds![i], out var u) || !u.IsActive) v.Add($"memberIds[{i}]", "validation.unknownUser");
            else if (!UserAccess.CanWorkCasesIn(Permissions.ForRoles(u.Roles), u.Branches, branch.Code)) v.Add($"memberIds[{i}]", "teams.memberScope", branch.Code);
        }
        return ids;
    }

    /// <summary>Whether another active team of the branch has the name, ignoring case (the index compares exactly; people do not).</summary>
    private static async Task<bool> NameTakenAsync(TouchpointDb db, Guid branchId, string name, Guid? self, CancellationToken ct) =>
        (await db.Teams.AsNoTracking().Where(t => t.BranchId == branchId && t.RetiredAt == null && t.Id != self).Select(t => t.Name).ToListAsync(ct))
            .Any(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Saves; two requests naming a team alike at once meet the unique index, and the second hears so (409).</summary>
    private static async Task<ProblemHttpResult?> SaveAsync(TouchpointDb db, string name, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateException e) when (Conflicts.IsUniqueViolation(e))
        {
            return Problems.Result(StatusCodes.Status409Conflict, null, "teams.nameTaken", name);
        }
    }

    /// <summary>The team (tracked) if it belongs to the branch named and the caller reaches that branch: 404 / 403 otherwise.</summary>
    private static async Task<(Branch? Branch, Team? Team, ProblemHttpResult? Problem)> FindAsync(
        TouchpointDb db, string code, Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        var (branch, problem) = await BranchAccess.FindAsync(db, code, user, ct);
        if (branch is null) return (null, null, problem);
        var team = await db.Teams.FirstOrDefaultAsync(t => t.Id == id && t.BranchId == branch.Id, ct);
        return team is null ? (null, null, Problems.NotFound()) : (branch, team, null);
    }

    private static Task PublishAsync(IRealtimePublisher realtime, string branchCode, Team team, CancellationToken ct) =>
        realtime.PublishToBranchAsync(branchCode, BranchEndpoints.ChangedEvent, new { entity = "team", id = team.Id }, ct);

    private static async Task<List<TeamDto>> ToDtosAsync(TouchpointDb db, string branchCode, IReadOnlyList<Team> teams, CancellationToken ct)
    {
        var ids = teams.Select(t => t.Id).ToList();
        var members = await db.TeamMembers.AsNoTracking().Where(m => ids.Contains(m.TeamId))
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m.TeamId, u.Id, u.DisplayName }).ToListAsync(ct);
        var open = await db.Cases.AsNoTracking()
            .Where(c => c.TeamId != null && ids.Contains(c.TeamId.Value) && c.Status != CaseStatuses.Solved && c.Status != CaseStatuses.Closed)
            .GroupBy(c => c.TeamId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return teams.Select(t => new TeamDto(t.Id, branchCode, t.Name, t.RetiredAt is not null, t.RetiredAt,
            members.Where(m => m.TeamId == t.Id).OrderBy(m => m.DisplayName, StringComparer.CurrentCulture)
                .Select(m => new TeamMemberDto(m.Id, m.DisplayName)).ToList(),
            open.GetValueOrDefault(t.Id))).ToList();
    }
}
