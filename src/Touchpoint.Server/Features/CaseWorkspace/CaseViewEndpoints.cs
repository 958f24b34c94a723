using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Features.Cases;
using Touchpoint.Server.Features.Teams;
using Touchpoint.Server.Platform.Audit;
using Touchpoint.Server.Platform.Http;
using Touchpoint.Server.Platform.Identity;
using Touchpoint.Server.Platform.Localization;

namespace Touchpoint.Server.Features.CaseWorkspace;

/// <param name="Scope">private (default), branch (supervisors) or team (members of the team, and supervisors of its branch).</param>
/// <param name="TeamId">The team a team view is shared with.</param>
public sealed record SaveCaseViewRequest(string? Name, string? Scope, string? Branch, CaseViewFilter? Filter, Guid? TeamId = null);
/// <param name="Key">The view's id, or the name of a built-in view (mine, unassigned, breachingSoon).</param>
/// <param name="Editable">The caller may change or delete it (its owner; a supervisor of the branch for a shared view).</param>
public sealed record CaseViewDto(
    string Key, Guid? Id, string Name, string Scope, string? BranchCode, bool Editable, CaseViewFilter Filter, int Count, Guid? TeamId = null,
    string? TeamName = null);
public sealed record CaseViewPage(IReadOnlyList<CaseListItem> Items, int Total);

/// <summary>
/// Saved case views: private to their owner, shared with a branch (supervisors share) or with a team (its members
/// share, and see it), plus three built-in views everyone has. The side bar shows each with its count: all views'
/// counts in one query over indexed columns.
/// </summary>
public static class CaseViewEndpoints
{
    public const string Private = "private";
    public const string Branch = "branch";
    public const string Team = "team";

    private static readonly (string Key, CaseViewFilter Filter)[] Builtins =
    [
        ("mine", new CaseViewFilter(Statuses: [.. CaseViewFilters.Active], Assignee: "me", Sort: "slaDue")),
        ("unassigned", new CaseViewFilter(Statuses: [.. CaseViewFilters.Active], Assignee: "none", Sort: "slaDue")),
        ("breachingSoon", new CaseViewFilter(Statuses: [.. CaseViewFilters.Active], Sla: "dueSoon", Sort: "slaDue")),
    ];

    public static void MapCaseViewApi(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/case-views").RequireAuthorization(Permissions.CasesRead).WithTags("Case views");
        g.MapGet("", List);
        g.MapPost("", Create);
        g.MapPut("/{id:guid}", Update);
        g.MapDelete("/{id:guid}", Delete);
        g.MapGet("/{key}/cases", Cases);
    }

    public static async Task<Ok<List<CaseViewDto>>> List(ClaimsPrincipal user, CaseContext cases, CaseViewCounts cache, CancellationToken ct)
    {
        var branches = await CaseQueries.BranchIdsAsync(user, cases, ct);
        var me = user.UserId();
        var teams = await MyTeamsAsync(cases, user, ct);
        var teamIds = teams.Keys.ToList();
        var saved = await cases.Db.CaseViews.AsNoTracking()
            .Where(v => v.OwnerId == me || ((v.Scope == Branch || (v.Scope == Team && teamIds.Contains(v.TeamId!.Value)))
                && (branches == null || branches.Contains(v.BranchId!.Value))))
            .OrderBy(v => v.Scope).ThenBy(v => v.Name).ToListAsync(ct);
        var filters = saved.Select(v => CaseViewFilters.FromJson(v.Filter)).ToList();
        List<(CaseViewFilter Filter, IReadOnlyList<Guid>? Branches)> views =
            [.. Builtins.Select(b => (b.Filter, (IReadOnlyList<Guid>?)branches)), .. saved.Select((v, i) => (filters[i], Scope(v, branches)))];
        var counts = await cache.GetAsync([.. views.Select(v => CountKey(v.Filter, v.Branches, user))],
            missing => CountAsync(cases, user, [.. missing.Select(i => views[i])], ct));
        var result = new List<CaseViewDto>();
        for (var i = 0; i < Builtins.Length; i++)
            result.Add(new CaseViewDto(Builtins[i].Key, null, Messages.Get("workspace.view." + Builtins[i].Key), "builtin", null, false,
                Builtins[i].Filter, counts[i]));
        for (var i = 0; i < saved.Count; i++) result.Add(await ToDtoAsync(saved[i], filters[i], user, cases, counts[Builtins.Length + i], ct));
        return TypedResults.Ok(result);
    }

    /// <summary>The caller's active teams by id, with their names: whose team views they see.</summary>
    private static Task<Dictionary<Guid, string>> MyTeamsAsync(CaseContext cases, ClaimsPrincipal user, CancellationToken ct) =>
        cases.Db.Teams.AsNoTracking().Where(t => t.RetiredAt == null && TeamLookup.TeamIdsOf(cases.Db, user.UserId()).Contains(t.Id))
            .ToDictionaryAsync(t => t.Id, t => t.Name, ct);

    /// <summary>Its owner sees a view; so does everyone of its branch for a branch view, and every member of its (active) team for a team view.</summary>
    private static bool Visible(CaseView v, ClaimsPrincipal user, IReadOnlyList<Guid>? branches, IReadOnlyDictionary<Guid, string> myTeams) =>
        v.OwnerId == user.UserId()
        || ((v.Scope == Branch || (v.Scope == Team && v.TeamId is { } t && myTeams.ContainsKey(t)))
            && v.BranchId is { } b && (branches is null || branches.Contains(b)));

    /// <summary>A view shared with a branch or a team counts that branch only (if the caller reaches it); a private one, all the caller's.</summary>
    private static IReadOnlyList<Guid>? Scope(CaseView v, IReadOnlyList<Guid>? branches) =>
        v.BranchId is { } only ? (branches is null || branches.Contains(only) ? [only] : []) : branches;

    /// <summary>
    /// What a count depends on: the filter (not its sort), the branches, and the viewer where the filter says "me" or "my
    /// teams". Views with the same key share a count, whoever asks.
    /// </summary>
    private static string CountKey(CaseViewFilter f, IReadOnlyList<Guid>? branches, ClaimsPrincipal user) =>
        string.Join('|', branches is null ? "*" : string.Join(',', branches.Order()),
            f.Assignee == "me" || f.Team == "mine" ? user.UserId().ToString() : "",
            CaseViewFilters.ToJson(f with { Sort = null }));

    /// <summary>
    /// Every view's count in one round trip: each view's cases yield the view's index, the union is grouped by it
    /// (each part is still a scan of indexed columns, as a COUNT per view was).
    /// </summary>
    private static async Task<int[]> CountAsync(
        CaseContext cases, ClaimsPrincipal user, IReadOnlyList<(CaseViewFilter Filter, IReadOnlyList<Guid>? Branches)> views, CancellationToken ct)
    {
        IQueryable<int>? all = null;
        for (var i = 0; i < views.Count; i++)
        {
            var index = i;
            var keys = CaseViewFilters.Apply(cases.Db, views[i].Filter, user, views[i].Branches, cases.Now).Select(c => index);
            all = all is null ? keys : all.Concat(keys);
        }
        if (all is null) return [];
        var counts = await all.GroupBy(k => k).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return [.. Enumerable.Range(0, views.Count).Select(i => counts.GetValueOrDefault(i))];
    }

    private static async Task<CaseViewDto> ToDtoAsync(CaseView v, CaseViewFilter filter, ClaimsPrincipal user, CaseContext cases, int count, CancellationToken ct)
    {
        var code = v.BranchId is { } b ? (await cases.BranchAsync(b, ct))?.Branch.Code : null;
        var team = v.TeamId is { } t ? await cases.Db.Teams.AsNoTracking().Where(x => x.Id == t).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
        return new CaseViewDto(v.Id.ToString(), v.Id, v.Name, v.Scope, code, CanEdit(v, user, code), filter, count, v.TeamId, team);
    }

    private static async Task<CaseViewDto> ToDtoAsync(CaseView v, ClaimsPrincipal user, CaseContext cases, CancellationToken ct)
    {
        var filter = CaseViewFilters.FromJson(v.Filter);
        var counts = await CountAsync(cases, user, [(filter, Scope(v, await CaseQueries.BranchIdsAsync(user, cases, ct)))], ct);
        return await ToDtoAsync(v, filter, user, cases, counts[0], ct);
    }

    private static bool CanEdit(CaseView v, ClaimsPrincipal user, string? branchCode) =>
        v.OwnerId == user.UserId()
        || (v.Scope is Branch or Team && user.Has(Permissions.CasesSupervise) && branchCode is not null && user.CanAccessBranch(branchCode));

    private static async Task<(CaseView? View, ValidationProblem? Problem)> ValidateAsync(
        SaveCaseViewRequest r, CaseView view, ClaimsPrincipal user, CaseContext cases, CancellationToken ct)
    {
        var v = new Validation();
        v.Required("name", r.Name, 128);
        var scope = r.Scope ?? Private;
        if (scope is not (Private or Branch or Team)) v.Add("scope", "validation.oneOf", "private, branch, team");
        else if (scope == Branch && !user.Has(Permissions.CasesSupervise)) v.Add("scope", "workspace.shareNeedsSupervisor");
        CaseViewFilters.Validate(v, r.Filter);
        await TeamLookup.CheckFilterAsync(v, "filter.team", r.Filter?.Team, user, cases.Db, ct);
        Guid? branchId = null;
        Guid? teamId = null;
        if (scope == Team) (branchId, teamId) = await ShareWithTeamAsync(v, r.TeamId, user, cases, ct);
        else if (scope == Branch || !string.IsNullOrWhiteSpace(r.Branch))
        {
            var (layout, error) = await cases.ChooseBranchAsync(r.Branch, user, ct);
            if (layout is null) v.Add("branch", error!, r.Branch ?? "");
            branchId = layout?.Branch.Id;
        }
        if (!v.IsValid) return (null, v.Problem());
        view.Name = r.Name!.Trim();
        view.Scope = scope;
        view.BranchId = branchId;
        view.TeamId = teamId;
        view.Filter = CaseViewFilters.ToJson(Normalise(r.Filter ?? new CaseViewFilter()));
        view.UpdatedAt = cases.Now;
        return (view, null);
    }

    /// <summary>
    /// A view goes to an active team of a branch the caller reaches, shared by one of its members or by a supervisor;
    /// it then belongs to the team's branch. Returns the branch and team, or adds the reason to <paramref name="v"/>.
    /// </summary>
    private static async Task<(Guid? BranchId, Guid? TeamId)> ShareWithTeamAsync(Validation v, Guid? teamId, ClaimsPrincipal user, CaseContext cases, CancellationToken ct)
    {
        var team = teamId is { } id ? await cases.Db.Teams.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id && t.RetiredAt == null, ct) : null;
        var branch = team is null ? null : await cases.BranchAsync(team.BranchId, ct);
        if (team is null || branch is null || !user.CanAccessBranch(branch.Branch.Code))
        {
            v.Add("teamId", teamId is null ? "validation.required" : "teams.unknownFilter");
            return (null, null);
        }
        var member = await TeamLookup.TeamIdsOf(cases.Db, user.UserId()).ContainsAsync(team.Id, ct);
        if (!member && !user.Has(Permissions.CasesSupervise)) v.Add("teamId", "workspace.shareNeedsMember", team.Name);
        return (team.BranchId, team.Id);
    }

    private static CaseViewFilter Normalise(CaseViewFilter f) => f with
    {
        Team = string.IsNullOrWhiteSpace(f.Team) ? null : f.Team.Trim(),
        Category = string.IsNullOrWhiteSpace(f.Category) ? null : f.Category.Trim(),
        Tags = f.Tags is { Count: > 0 } ? f.Tags.Select(t => t.Trim()).Distinct().ToList() : null,
        Statuses = f.Statuses is { Count: > 0 } ? f.Statuses.Distinct().ToList() : null,
    };

    public static async Task<Results<Created<CaseViewDto>, ValidationProblem>> Create(
        SaveCaseViewRequest r, ClaimsPrincipal user, CaseContext cases, AuditLog audit, CancellationToken ct)
    {
        var (view, problem) = await ValidateAsync(r, new CaseView { OwnerId = user.UserId() ?? Guid.Empty, Name = "", Scope = "", Filter = "{}", CreatedAt = cases.Now },
            user, cases, ct);
        if (view is null) return problem!;
        if (view.OwnerId == Guid.Empty) return new Validation().Add("scope", "problem.forbidden").Problem();
        cases.Db.CaseViews.Add(view);
        if (view.Scope != Private) RecordShared(audit, view);
        await cases.Db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/case-views/{view.Id}", await ToDtoAsync(view, user, cases, ct));
    }

    private static async Task<(CaseView? View, ProblemHttpResult? Problem)> FindEditableAsync(Guid id, ClaimsPrincipal user, CaseContext cases, CancellationToken ct)
    {
        var view = await cases.Db.CaseViews.FirstOrDefaultAsync(v => v.Id == id, ct);
        if (view is null) return (null, Problems.NotFound());
        var code = view.BranchId is { } b ? (await cases.BranchAsync(b, ct))?.Branch.Code : null;
        if (!Visible(view, user, await CaseQueries.BranchIdsAsync(user, cases, ct), await MyTeamsAsync(cases, user, ct))) return (null, Problems.NotFound());
        return CanEdit(view, user, code) ? (view, null) : (null, Problems.Forbidden());
    }

    public static async Task<Results<Ok<CaseViewDto>, ValidationProblem, ProblemHttpResult>> Update(
        Guid id, SaveCaseViewRequest r, ClaimsPrincipal user, CaseContext cases, AuditLog audit, CancellationToken ct)
    {
        var (view, problem) = await FindEditableAsync(id, user, cases, ct);
        if (view is null) return problem!;
        var sharedWith = (view.Scope, view.BranchId, view.TeamId);
        var (saved, invalid) = await ValidateAsync(r, view, user, cases, ct);
        if (saved is null) return invalid!;
        // Sharing a private view later (or with someone else) is the same act as creating it shared: the audit trail says so either way.
        if (saved.Scope != Private && sharedWith != (saved.Scope, saved.BranchId, saved.TeamId)) RecordShared(audit, saved);
        await cases.Db.SaveChangesAsync(ct);
        return TypedResults.Ok(await ToDtoAsync(saved, user, cases, ct));
    }

    private static void RecordShared(AuditLog audit, CaseView view) =>
        audit.Record("caseView.shared", $"case-view:{view.Id}", new { name = view.Name, scope = view.Scope, teamId = view.TeamId });

    public static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid id, ClaimsPrincipal user, CaseContext cases, CancellationToken ct)
    {
        var (view, problem) = await FindEditableAsync(id, user, cases, ct);
        if (view is null) return problem!;
        cases.Db.CaseViews.Remove(view);
        await cases.Db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    /// <summary>The cases of a view, a page at a time (offset paging: views sort by many keys, and a view is read near its top).</summary>
    public static async Task<Results<Ok<CaseViewPage>, ValidationProblem, ProblemHttpResult>> Cases(
        string key, ClaimsPrincipal user, CaseContext cases, CancellationToken ct, int? offset = null, int? limit = null)
    {
        var v = new Validation();
        v.Range("offset", offset ?? 0, 0, 100_000);
        v.Range("limit", limit ?? 50, 1, 200);
        if (!v.IsValid) return v.Problem();
        IReadOnlyList<Guid>? branches = await CaseQueries.BranchIdsAsync(user, cases, ct);
        CaseViewFilter filter;
        if (Builtins.FirstOrDefault(b => b.Key == key) is { Key: not null } builtin) filter = builtin.Filter;
        else if (Guid.TryParse(key, out var id) && await cases.Db.CaseViews.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) is { } view
                 && Visible(view, user, branches, await MyTeamsAsync(cases, user, ct)))
        {
            filter = CaseViewFilters.FromJson(view.Filter);
            branches = Scope(view, branches);
        }
        else return Problems.NotFound();

        var query = CaseViewFilters.Apply(cases.Db, filter, user, branches, cases.Now);
        var total = await query.CountAsync(ct);
        var rows = await CaseQueries.ListRows(CaseViewFilters.Sort(query, filter.Sort).Skip(offset ?? 0).Take(limit ?? 50)).ToListAsync(ct);
        return TypedResults.Ok(new CaseViewPage(await CaseQueries.ListItemsAsync(cases, rows, ct), total));
    }
}
