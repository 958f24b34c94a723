using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Touchpoint.Server.Platform.Audit;
using Touchpoint.Server.Platform.Http;

namespace Touchpoint.Server.Features.Cases;

/// <summary>What staff may correct on a case; a field left out (null) stays as it is, an empty category clears it.</summary>
public sealed record UpdateCaseRequest(string? Subject, string? Priority, string? Category, List<string>? Tags);

/// <summary>
/// <c>PATCH /api/cases/{id}</c>: staff correct the subject, priority, category and tags as they learn more about the
/// request. A new priority or category may bring another SLA policy: running clocks keep the working time already
/// spent and take the new targets, as when a rule changes them. A closed case is final.
/// </summary>
public static class CaseEditing
{
    public static async Task<Results<Ok<CaseDetail>, ValidationProblem, ProblemHttpResult>> Update(
        Guid id, UpdateCaseRequest r, ClaimsPrincipal user, CaseContext cases, AuditLog audit, CancellationToken ct)
    {
        var v = new Validation();
        if (r.Subject is not null) v.Required("subject", r.Subject, 256);
        if (r.Priority is not null && !CasePriorities.All.Contains(r.Priority))
            v.Add("priority", "validation.oneOf", string.Join(", ", CasePriorities.All));
        v.MaxLength("category", r.Category, 64);
        var tags = r.Tags is null ? null : CaseCreation.CleanTags(r.Tags, v);
        if (!v.IsValid) return v.Problem();
        var (c, branch, problem) = await cases.FindAsync(id, user, ct);
        if (c is null) return problem!;
        if (c.Status == CaseStatuses.Closed)
            return Problems.Result(StatusCodes.Status409Conflict, "cases.conflictTitle", "cases.closed", c.Reference);

        var (priority, category) = (c.Priority, c.Category);
        var policyBefore = await cases.PolicyForAsync(c, ct);
        var changed = new List<string>();
        if (r.Subject is not null && r.Subject.Trim() != c.Subject) { c.Subject = r.Subject.Trim(); changed.Add("subject"); }
        if (r.Priority is not null && r.Priority != c.Priority) { c.Priority = r.Priority; changed.Add("priority"); }
        var newCategory = r.Category is null ? c.Category : string.IsNullOrWhiteSpace(r.Category) ? null : r.Category.Trim();
        if (newCategory != c.Category) { c.Category = newCategory; changed.Add("category"); }
        if (tags is not null && !tags.SequenceEqual(c.Tags)) { c.Tags = tags; changed.Add("tags"); }
        if (changed.Count == 0) return TypedResults.Ok(await CaseQueries.DetailAsync(cases, c, branch!.Branch.Code, ct));

        var now = cases.Now;
        if (c.Priority != priority || c.Category != category)
            SlaClock.PolicyChanged(c, policyBefore, await cases.PolicyForAsync(c, ct), CaseCreation.CalendarOf(branch!.Branch), now);
        c.UpdatedAt = now;
        await cases.Automation.CaseChangedAsync(cases, c, branch!.Branch, Automation.RuleEvents.CaseUpdated, ct);
        // Which fields changed, and the priority and category (labels, not the customer's words: the subject may name them).
        audit.Record(AuditActions.CaseEdited, $"case:{c.Reference}",
            new { changed, priority = new { from = priority, to = c.Priority }, category = new { from = category, to = c.Category } });
        await cases.Db.SaveChangesAsync(ct);
        await cases.PublishAsync(branch.Branch.Code, c, CaseContext.CaseChangedEvent, ct);
        return TypedResults.Ok(await CaseQueries.DetailAsync(cases, c, branch.Branch.Code, ct));
    }
}
