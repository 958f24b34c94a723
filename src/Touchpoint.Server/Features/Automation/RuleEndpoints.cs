using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Features.Cases;
using Touchpoint.Server.Platform.Audit;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Http;
using Touchpoint.Server.Platform.Identity;

namespace Touchpoint.Server.Features.Automation;

public sealed record CaseRuleDto(
    Guid Id, string Name, string? Branch, string Event, int? Hours, int Position, bool IsEnabled, bool MatchAll,
    List<RuleCondition> Conditions, List<RuleAction> Actions, DateTime UpdatedAt);
public sealed record CaseRuleRequest(
    string? Name, string? Branch, string? Event, int? Hours, int? Position, bool? IsEnabled, bool? MatchAll,
    List<RuleCondition>? Conditions, List<RuleAction>? Actions);
public sealed record RuleFiringDto(Guid RuleId, string RuleName, string EventKey, DateTime FiredAt);

/// <summary>Triggers and time-based automations: case managers list, write, enable and disable them; anyone on a case sees what fired.</summary>
public static class RuleEndpoints
{
    public static void MapRuleApi(this IEndpointRouteBuilder app)
    {
        var rules = app.MapGroup("/api/case-rules").WithTags("Automation").RequireAuthorization(Permissions.CasesManage);
        rules.MapGet("", List);
        rules.MapPost("", Create);
        rules.MapPut("/{id:guid}", Update);
        rules.MapDelete("/{id:guid}", Delete);
        app.MapGet("/api/cases/{id:guid}/rule-firings", Firings).WithTags("Automation").RequireAuthorization(Permissions.CasesRead);
    }

    private static async Task<List<CaseRuleDto>> List(ClaimsPrincipal user, TouchpointDb db, CancellationToken ct)
    {
        var branches = await db.Branches.AsNoTracking().ToDictionaryAsync(b => b.Id, b => b.Code, ct);
        return (await db.CaseRules.AsNoTracking().ToListAsync(ct))
            .Where(r => r.BranchId is null || (branches.TryGetValue(r.BranchId.Value, out var code) && user.CanAccessBranch(code)))
            .OrderBy(r => r.Position).ThenBy(r => r.CreatedAt).ThenBy(r => r.Id)
            .Select(r => ToDto(r, r.BranchId is { } b ? branches.GetValueOrDefault(b) : null)).ToList();
    }

    private static async Task<Results<Created<CaseRuleDto>, ValidationProblem>> Create(
        CaseRuleRequest r, ClaimsPrincipal user, TouchpointDb db, CaseRuleCache cache, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var (branchId, v) = await ValidateAsync(r, user, db, ct);
        if (!v.IsValid) return v.Problem();
        var now = clock.GetUtcNow().UtcDateTime;
        var rule = new CaseRule { Name = "", Event = "", CreatedAt = now, UpdatedAt = now };
        Apply(rule, r, branchId);
        if (r.Position is null) rule.Position = (await db.CaseRules.MaxAsync(x => (int?)x.Position, ct) ?? 0) + 10;
        db.CaseRules.Add(rule);
        audit.Record("caseRule.created", "case-rule:" + rule.Id, new { rule.Name, rule.Event, rule.IsEnabled });
        await db.SaveChangesAsync(ct);
        cache.Invalidate();
        return TypedResults.Created($"/api/case-rules/{rule.Id}", ToDto(rule, r.Branch?.Trim().ToUpperInvariant()));
    }

    private static async Task<Results<Ok<CaseRuleDto>, ValidationProblem, ProblemHttpResult>> Update(
        Guid id, CaseRuleRequest r, ClaimsPrincipal user, TouchpointDb db, CaseRuleCache cache, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var rule = await db.CaseRules.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (rule is null) return Problems.NotFound();
        if (await ForbiddenAsync(rule, user, db, ct)) return Problems.Forbidden();
        var (branchId, v) = await ValidateAsync(r, user, db, ct);
        if (!v.IsValid) return v.Problem();
        Apply(rule, r, branchId);
        rule.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record("caseRule.changed", "case-rule:" + rule.Id, new { rule.Name, rule.Event, rule.IsEnabled });
        await db.SaveChangesAsync(ct);
        cache.Invalidate();
        return TypedResults.Ok(ToDto(rule, r.Branch?.Trim().ToUpperInvariant()));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        Guid id, ClaimsPrincipal user, TouchpointDb db, CaseRuleCache cache, AuditLog audit, CancellationToken ct)
    {
        var rule = await db.CaseRules.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (rule is null) return Problems.NotFound();
        if (await ForbiddenAsync(rule, user, db, ct)) return Problems.Forbidden();
        db.CaseRules.Remove(rule);
        audit.Record("caseRule.deleted", "case-rule:" + rule.Id, new { rule.Name });
        await db.SaveChangesAsync(ct);
        cache.Invalidate();
        return TypedResults.NoContent();
    }

    /// <summary>The once-only firings on a case (at its creation, time-based); what change events ran is in the thread's notes.</summary>
    private static async Task<Results<Ok<List<RuleFiringDto>>, ProblemHttpResult>> Firings(Guid id, ClaimsPrincipal user, CaseContext cases, CancellationToken ct)
    {
        var (c, _, problem) = await cases.FindAsync(id, user, ct);
        if (c is null) return problem!;
        var rows = await cases.Db.CaseRuleFirings.AsNoTracking().Where(f => f.CaseId == c.Id)
            .GroupJoin(cases.Db.CaseRules, f => f.RuleId, r => r.Id, (f, r) => new { f, r })
            .SelectMany(x => x.r.DefaultIfEmpty(), (x, r) => new { x.f.RuleId, Name = r == null ? "" : r.Name, x.f.EventKey, x.f.FiredAt })
            .ToListAsync(ct);
        return TypedResults.Ok(rows.OrderBy(x => x.FiredAt).Select(x => new RuleFiringDto(x.RuleId, x.Name, x.EventKey, x.FiredAt)).ToList());
    }

    private static async Task<bool> ForbiddenAsync(CaseRule rule, ClaimsPrincipal user, TouchpointDb db, CancellationToken ct)
    {
        var current = rule.BranchId is { } b ? await db.Branches.Where(x => x.Id == b).Select(x => x.Code).FirstOrDefaultAsync(ct) : null;
        return current is not null ? !user.CanAccessBranch(current) : !user.SpansAllBranches();
    }

    /// <summary>
    /// Fields, operators and action types known; values valid for what they set. A time-based rule needs hours and,
    /// so that it cannot repeat on a case, runs once per case (its firing key), which the editor says.
    /// </summary>
    private static async Task<(Guid? BranchId, Validation V)> ValidateAsync(CaseRuleRequest r, ClaimsPrincipal user, TouchpointDb db, CancellationToken ct)
    {
        var v = new Validation();
        v.Required("name", r.Name, 128);
        if (r.Event is null || !RuleEvents.All.Contains(r.Event)) v.Add("event", "validation.oneOf", string.Join(", ", RuleEvents.All));
        else if (RuleEvents.Timed.Contains(r.Event))
        {
            if (r.Hours is null) v.Add("hours", "validation.required");
            else v.Range("hours", r.Hours.Value, r.Event == RuleEvents.HoursUntilSlaDue ? 0 : 1, 24 * 90);
        }
        if (r.Position is { } p) v.Range("position", p, 0, 100_000);
        var conditions = r.Conditions ?? [];
        if (conditions.Count > 20) v.Add("conditions", "validation.range", 0, 20);
        for (var i = 0; i < conditions.Count; i++)
        {
            var c = conditions[i];
            if (!RuleFields.All.Contains(c.Field)) v.Add($"conditions[{i}].field", "validation.oneOf", string.Join(", ", RuleFields.All));
            if (!RuleOperators.All.Contains(c.Operator)) v.Add($"conditions[{i}].operator", "validation.oneOf", string.Join(", ", RuleOperators.All));
            else if (c.Operator is not (RuleOperators.Set or RuleOperators.NotSet) && string.IsNullOrWhiteSpace(c.Value))
                v.Add($"conditions[{i}].value", "validation.required");
            v.MaxLength($"conditions[{i}].value", c.Value, 256);
        }
        var actions = r.Actions ?? [];
        if (actions.Count is 0 or > 20) v.Add("actions", "validation.range", 1, 20);
        for (var i = 0; i < actions.Count; i++)
        {
            var a = actions[i];
            var field = $"actions[{i}].value";
            var value = a.Value?.Trim();
            v.MaxLength(field, a.Value, 4000);
            switch (a.Type)
            {
                case RuleActionTypes.SetPriority when value is null || !CasePriorities.All.Contains(value):
                    v.Add(field, "validation.oneOf", string.Join(", ", CasePriorities.All)); break;
                case RuleActionTypes.SetStatus when value is null || !CaseStatuses.All.Contains(value):
                    v.Add(field, "validation.oneOf", string.Join(", ", CaseStatuses.All)); break;
                case RuleActionTypes.SetCategory or RuleActionTypes.SetTeam:
                    v.MaxLength(field, value, 64); break;
                case RuleActionTypes.AddTag or RuleActionTypes.RemoveTag when string.IsNullOrEmpty(value) || value.Length > 32:
                    v.Add(field, "validation.maxLength", 32); break;
                case RuleActionTypes.AddNote when string.IsNullOrEmpty(value):
                    v.Add(field, "validation.required"); break;
                case RuleActionTypes.SetAssignee when value != "auto" && !(Guid.TryParse(value, out var u) && await db.Users.AnyAsync(x => x.Id == u && x.IsActive, ct)):
                    v.Add(field, "validation.ruleAssignee"); break;
                case RuleActionTypes.SendMacro when !(Guid.TryParse(value, out var m) && await db.Macros.AnyAsync(x => x.Id == m, ct)):
                    v.Add(field, "validation.unknownMacro"); break;
                case var t when !RuleActionTypes.All.Contains(t):
                    v.Add($"actions[{i}].type", "validation.oneOf", string.Join(", ", RuleActionTypes.All)); break;
            }
        }
        Guid? branchId = null;
        if (!string.IsNullOrWhiteSpace(r.Branch))
        {
            var code = r.Branch.Trim().ToUpperInvariant();
            branchId = await db.Branches.Where(b => b.Code == code).Select(b => (Guid?)b.Id).FirstOrDefaultAsync(ct);
            if (branchId is null) v.Add("branch", "validation.unknownBranch", r.Branch);
            else if (!user.CanAccessBranch(code)) v.Add("branch", "problem.forbidden");
        }
        else if (!user.SpansAllBranches()) v.Add("branch", "validation.required");
        return (branchId, v);
    }

    private static void Apply(CaseRule rule, CaseRuleRequest r, Guid? branchId)
    {
        rule.Name = r.Name!.Trim();
        rule.BranchId = branchId;
        rule.Event = r.Event!;
        rule.Hours = RuleEvents.Timed.Contains(r.Event!) ? r.Hours : null;
        if (r.Position is { } p) rule.Position = p;
        rule.IsEnabled = r.IsEnabled ?? false;
        rule.MatchAll = r.MatchAll ?? true;
        rule.Conditions = (r.Conditions ?? []).Select(c => new RuleCondition { Field = c.Field, Operator = c.Operator, Value = c.Value?.Trim() }).ToList();
        rule.Actions = (r.Actions ?? []).Select(a => new RuleAction { Type = a.Type, Value = a.Value?.Trim() }).ToList();
    }

    private static CaseRuleDto ToDto(CaseRule r, string? branch) =>
        new(r.Id, r.Name, branch, r.Event, r.Hours, r.Position, r.IsEnabled, r.MatchAll, r.Conditions, r.Actions, r.UpdatedAt);
}
