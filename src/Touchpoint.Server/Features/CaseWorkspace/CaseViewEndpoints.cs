using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Features.Cases;
using Touchpoint.Server.Platform.Audit;
using Touchpoint.Server.Platform.Http;
using Touchpoint.Server.Platform.Identity;
using Touchpoint.Server.Platform.Localization;
using Touchpoint.Server.Platform.Privacy;

namespace Touchpoint.Server.Features.CaseWorkspace;

public sealed record SaveCaseViewRequest(string? Name, string? Scope, string? Branch, CaseViewFilter? Filter);
/// <param name="Key">The view's id, or the name of a built-in view (mine, unassigned, breachingSoon).</param>
/// <param name="Editable">The caller may change or delete it (its owner; a supervisor of the branch for a shared view).</param>
public sealed record CaseViewDto(string Key, Guid? Id, string Name, string Scope, string? BranchCode, bool Editable, CaseViewFilter Filter, int Count);
public sealed record CaseViewPage(IReadOnlyList<CaseListItem> Items, int Total);

/// <summary>
/// Saved case views: private to their owner or shared with a branch (supervisors share), plus three built-in views
/// everyone has. The side bar shows each with its count, so counts are one COUNT query per view over indexed columns.
/// </summary>
public static class CaseViewEndpoints
{
    public const string Private = "private";
    public const string Branch = "branch";

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

    private static async Task<IReadOnlyList<Guid>?> MyBranchIdsAsync(ClaimsPrincipal user, CaseContext cases, CancellationToken ct)
    {
        if (user.SpansAllBranches()) return null;
        var ids = new List<Guid>();
        foreach (var code in user.BranchCodes())
            if (await cases.BranchAsync(code, ct) is { } b) ids.Add(b.Branch.Id);
        return ids;
    }

    public static async Task<Ok<List<CaseViewDto>>> List(ClaimsPrincipal user, CaseContext cases, CancellationToken ct)
    {
        var branches = await MyBranchIdsAsync(user, cases, ct);
        var me = user.UserId();
        var result = new List<CaseViewDto>();
        foreach (var (key, filter) in Builtins)
            result.Add(new CaseViewDto(key, null, Messages.Get("workspace.view." + key), "builtin", null, false, filter,
                await CaseViewFilters.Apply(cases.Db, filter, user, branches, cases.Now).CountAsync(ct)));
        var saved = await cases.Db.CaseViews.AsNoTracking()
            .Where(v => v.OwnerId == me || (v.Scope == Branch && (branches == null || branches.Contains(v.BranchId!.Value))))
            .OrderBy(v => v.Scope).ThenBy(v => v.Name).ToListAsync(ct);
        foreach (var v in saved) result.Add(await ToDtoAsync(v, user, cases, branches, ct));
        return TypedResults.Ok(result);
    }

    private static async Task<CaseViewDto> ToDtoAsync(CaseView v, ClaimsPrincipal user, CaseContext cases, IReadOnlyList<Guid>? branches, CancellationToken ct)
    {
        var filter = CaseViewFilters.FromJson(v.Filter);
        var code = v.BranchId is { } b ? (await cases.BranchAsync(b, ct))?.Branch.Code : null;
        var scope = v.BranchId is { } only ? (branches is null || branches.Contains(only) ? [only] : []) : branches;
        return new CaseViewDto(v.Id.ToString(), v.Id, v.Name, v.Scope, code, CanEdit(v, user, code), filter,
            await CaseViewFilters.Apply(cases.Db, filter, user, scope, cases.Now).CountAsync(ct));
    }

    private static bool CanEdit(CaseView v, ClaimsPrincipal user, string? branchCode) =>
        v.OwnerId == user.UserId()
        || (v.Scope == Branch && user.Has(Permissions.CasesSupervise) && branchCode is not null && user.CanAccessBranch(branchCode));

    private static async Task<(CaseView? View, ValidationProblem? Problem)> ValidateAsync(
        SaveCaseViewRequest r, CaseView view, ClaimsPrincipal user, CaseContext cases, CancellationToken ct)
    {
        var v = new Validation();
        v.Required("name", r.Name, 128);
        var scope = r.Scope ?? Private;
        if (scope is not (Private or Branch)) v.Add("scope", "validation.oneOf", "private, branch");
        else if (scope == Branch && !user.Has(Permissions.CasesSupervise)) v.Add("scope", "workspace.shareNeedsSupervisor");
        CaseViewFilters.Validate(v, r.Filter);
        Guid? branchId = null;
        if (scope == Branch || !string.IsNullOrWhiteSpace(r.Branch))
        {
            var (layout, error) = await cases.ChooseBranchAsync(r.Branch, user, ct);
            if (layout is null) v.Add("branch", error!, r.Branch ?? "");
            branchId = layout?.Branch.Id;
        }
        if (!v.IsValid) return (null, v.Problem());
        view.Name = r.Name!.Trim();
        view.Scope = scope;
        view.BranchId = branchId;
        view.Filter = CaseViewFilters.ToJson(Normalise(r.Filter ?? new CaseViewFilter()));
        view.UpdatedAt = cases.Now;
        return (view, null);
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
        if (view.Scope == Branch) audit.Record("caseView.shared", $"case-view:{view.Id}", new { name = view.Name });
        await cases.Db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/case-views/{view.Id}", await ToDtoAsync(view, user, cases, await MyBranchIdsAsync(user, cases, ct), ct));
    }

    private static async Task<(CaseView? View, ProblemHttpResult? Problem)> FindEditableAsync(Guid id, ClaimsPrincipal user, CaseContext cases, CancellationToken ct)
    {
        var view = await cases.Db.CaseViews.FirstOrDefaultAsync(v => v.Id == id, ct);
        if (view is null) return (null, Problems.NotFound());
        var code = view.BranchId is { } b ? (await cases.BranchAsync(b, ct))?.Branch.Code : null;
        var visible = view.OwnerId == user.UserId() || (view.Scope == Branch && code is not null && user.CanAccessBranch(code));
        if (!visible) return (null, Problems.NotFound());
        return CanEdit(view, user, code) ? (view, null) : (null, Problems.Forbidden());
    }

    public static async Task<Results<Ok<CaseViewDto>, ValidationProblem, ProblemHttpResult>> Update(
        Guid id, SaveCaseViewRequest r, ClaimsPrincipal user, CaseContext cases, CancellationToken ct)
    {
        var (view, problem) = await FindEditableAsync(id, user, cases, ct);
        if (view is null) return problem!;
        var (saved, invalid) = await ValidateAsync(r, view, user, cases, ct);
        if (saved is null) return invalid!;
        await cases.Db.SaveChangesAsync(ct);
        return TypedResults.Ok(await ToDtoAsync(saved, user, cases, await MyBranchIdsAsync(user, cases, ct), ct));
    }

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
        var branches = await MyBranchIdsAsync(user, cases, ct);
        CaseViewFilter filter;
        if (Builtins.FirstOrDefault(b => b.Key == key) is { Key: not null } builtin) filter = builtin.Filter;
        else if (Guid.TryParse(key, out var id) && await cases.Db.CaseViews.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) is { } view
                 && (view.OwnerId == user.UserId() || (view.Scope == Branch && (branches is null || branches.Contains(view.BranchId!.Value)))))
        {
            filter = CaseViewFilters.FromJson(view.Filter);
            if (view.BranchId is { } only) branches = branches is null || branches.Contains(only) ? [only] : [];
        }
        else return Problems.NotFound();

        var query = CaseViewFilters.Apply(cases.Db, filter, user, branches, cases.Now);
        var total = await query.CountAsync(ct);
        var rows = await CaseViewFilters.Sort(query, filter.Sort).Skip(offset ?? 0).Take(limit ?? 50).ToListAsync(ct);
        var assignees = rows.Select(r => r.AssigneeId).OfType<Guid>().Distinct().ToList();
        var names = await cases.Db.Users.AsNoTracking().Where(u => assignees.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var items = new List<CaseListItem>(rows.Count);
        foreach (var c in rows)
            items.Add(new CaseListItem(c.Id, c.Reference, (await cases.BranchAsync(c.BranchId, ct))?.Branch.Code ?? "", c.Subject, c.Channel, c.Priority,
                c.Category, c.Status, Masks.ShortName(c.CustomerName), c.AssigneeId, c.AssigneeId is { } a ? names.GetValueOrDefault(a) : null,
                c.CreatedAt, c.SlaDueAt, c.SlaTarget, c.SlaBreached));
        return TypedResults.Ok(new CaseViewPage(items, total));
    }
}
