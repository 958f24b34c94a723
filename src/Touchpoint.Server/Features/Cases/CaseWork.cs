using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Features.Channels;
using Touchpoint.Server.Platform.Audit;
using Touchpoint.Server.Platform.Http;
using Touchpoint.Server.Platform.Identity;

namespace Touchpoint.Server.Features.Cases;

/// <param name="AttachmentIds">Files uploaded to the case beforehand (POST /api/cases/{id}/attachments), sent with this message.</param>
/// <param name="SeenAt">The newest message time the sender saw: replies written since then by others give 409 unless <paramref name="Confirm"/>.</param>
public sealed record AddCaseMessageRequest(
    string? Body, string? Visibility, List<Guid>? AttachmentIds = null, DateTime? SeenAt = null, bool? Confirm = null);
public sealed record ChangeCaseStatusRequest(string? Status);
/// <summary>Sets both the assignee and the team: null (or left out) clears each.</summary>
/// <param name="TeamId">A team of the case's branch, not retired.</param>
/// <param name="Team">The team by name instead (integrations written before teams were records): an active team of the case's branch.</param>
public sealed record AssignCaseRequest(Guid? AssigneeId, Guid? TeamId = null, string? Team = null);
public sealed record LinkCaseRequest(Guid? CaseId);

/// <summary>Working a case: replies and notes, status changes along the transition table, assignment, links and merges.</summary>
public static class CaseWork
{
    public static async Task<Results<Created<CaseMessageDto>, ValidationProblem, ProblemHttpResult>> AddMessage(
        Guid id, AddCaseMessageRequest r, ClaimsPrincipal user, CaseContext cases, EmailOutbox outbox, CaseWorkspace.CaseAttachmentService attachments,
        CancellationToken ct)
    {
        var v = new Validation();
        v.Required("body", r.Body, 20_000);
        if (r.Visibility is not (CaseMessageVisibility.Public or CaseMessageVisibility.Internal))
            v.Add("visibility", "validation.oneOf", "public, internal");
        if (!v.IsValid) return v.Problem();
        var (c, branch, problem) = await cases.FindAsync(id, user, ct);
        if (c is null) return problem!;
        if (c.Status == CaseStatuses.Closed && r.Visibility == CaseMessageVisibility.Public)
            return Problems.Result(StatusCodes.Status409Conflict, "cases.conflictTitle", "cases.closed", c.Reference);
        if (await CaseWorkspace.ReplyCollision.CheckAsync(cases, c, r.SeenAt, r.Confirm == true, user, ct) is { } collision) return collision;

        var now = cases.Now;
        var isPublic = r.Visibility == CaseMessageVisibility.Public;
        var message = new CaseMessage
        {
            CaseId = c.Id, Visibility = r.Visibility!, Direction = isPublic ? CaseMessageDirections.Outbound : CaseMessageDirections.Note,
            AuthorUserId = user.UserId(), AuthorName = user.FindFirstValue(TouchpointClaims.DisplayName) ?? user.ActorName(),
            Body = r.Body!.Trim(), CreatedAt = now,
        };
        var (files, badFile) = await attachments.ClaimAsync(cases.Db, c.Id, message.Id, user.UserId(), r.AttachmentIds ?? [], ct);
        if (badFile is { } i) return new Validation().Add($"attachmentIds[{i}]", "attachments.unknown").Problem();
        if (isPublic)
        {
            var policy = await cases.PolicyForAsync(c, ct);
            var calendar = CaseCreation.CalendarOf(branch!.Branch);
            if (c.Status == CaseStatuses.New)
            {
                c.Status = CaseStatuses.Open;
                SlaClock.StatusChanged(c, CaseStatuses.New, policy, calendar, now);
            }
            SlaClock.StaffReplied(c, policy, calendar, now);
            // A case that came by email is answered by email, threaded under the customer's last message; so is one
            // opened from a web chat whose visitor left an email for the reply.
            if (c.Channel is (CaseChannels.Email or CaseChannels.WebChat) && c.CustomerEmail is not null)
                await outbox.EnqueueReplyAsync(cases.Db, c, message, ct, files);
        }
        c.UpdatedAt = now;
        cases.Db.CaseMessages.Add(message);
        await cases.Automation.CaseChangedAsync(cases, c, branch!.Branch, Automation.RuleEvents.CaseUpdated, ct);
        await cases.Db.SaveChangesAsync(ct);
        await cases.PublishAsync(branch!.Branch.Code, c, CaseContext.CaseChangedEvent, ct);
        return TypedResults.Created($"/api/cases/{c.Id}/messages/{message.Id}",
            new CaseMessageDto(message.Id, message.Visibility, message.Direction, message.AuthorName, message.Body, message.CreatedAt));
    }

    public static async Task<Results<Ok<CaseDetail>, ValidationProblem, ProblemHttpResult>> ChangeStatus(
        Guid id, ChangeCaseStatusRequest r, ClaimsPrincipal user, CaseContext cases, AuditLog audit, CancellationToken ct)
    {
        if (r.Status is null || !CaseStatuses.All.Contains(r.Status))
            return new Validation().Add("status", "validation.oneOf", string.Join(", ", CaseStatuses.All)).Problem();
        var (c, branch, problem) = await cases.FindAsync(id, user, ct);
        if (c is null) return problem!;
        if (c.Status == r.Status) return TypedResults.Ok(await CaseQueries.DetailAsync(cases, c, branch!.Branch.Code, ct));
        if (!CaseStatuses.CanMove(c.Status, r.Status))
            return Problems.Result(StatusCodes.Status409Conflict, "cases.conflictTitle", "cases.transition", c.Status, r.Status);
        var from = c.Status;
        await MoveAsync(cases, c, branch!.Branch, r.Status, ct);
        await cases.Automation.CaseChangedAsync(cases, c, branch.Branch, Automation.RuleEvents.StatusChanged, ct);
        audit.Record(AuditActions.CaseStatusChanged, $"case:{c.Reference}", new { from, to = c.Status });
        await cases.Db.SaveChangesAsync(ct);
        if (c.Status == CaseStatuses.Solved) await cases.Surveys.CaseSolvedAsync(cases.Db, c, ct);
        await cases.PublishAsync(branch.Branch.Code, c, CaseContext.CaseChangedEvent, ct);
        return TypedResults.Ok(await CaseQueries.DetailAsync(cases, c, branch.Branch.Code, ct));
    }

    /// <summary>
    /// The customer wrote on the case, by email or in a chat: a case waiting on them or solved opens again, the next
    /// response falls due, and the "customer wrote" rules run (the caller saves, in the same transaction).
    /// </summary>
    public static async Task CustomerWroteAsync(CaseContext cases, SupportCase c, Organisation.Branch branch, CancellationToken ct)
    {
        if (c.Status is CaseStatuses.PendingCustomer or CaseStatuses.Solved) await MoveAsync(cases, c, branch, CaseStatuses.Open, ct);
        SlaClock.CustomerReplied(c, await cases.PolicyForAsync(c, ct), CaseCreation.CalendarOf(branch), cases.Now);
        c.UpdatedAt = cases.Now;
        await cases.Automation.CaseChangedAsync(cases, c, branch, Automation.RuleEvents.CustomerMessage, ct);
    }

    /// <summary>Changes the status and applies it to the SLA clocks (the caller saves).</summary>
    public static async Task MoveAsync(CaseContext cases, SupportCase c, Organisation.Branch branch, string status, CancellationToken ct)
    {
        var from = c.Status;
        c.Status = status;
        c.UpdatedAt = cases.Now;
        SlaClock.StatusChanged(c, from, await cases.PolicyForAsync(c, ct), CaseCreation.CalendarOf(branch), cases.Now);
    }

    public static async Task<Results<Ok<CaseDetail>, ValidationProblem, ProblemHttpResult>> Assign(
        Guid id, AssignCaseRequest r, ClaimsPrincipal user, CaseContext cases, AuditLog audit, CancellationToken ct)
    {
        var v = new Validation();
        var (c, branch, problem) = await cases.FindAsync(id, user, ct);
        if (c is null) return problem!;
        if (r.AssigneeId is { } assigneeId)
        {
            var assignee = await UserAccess(cases, assigneeId, ct);
            if (assignee is null || !assignee.IsActive) v.Add("assigneeId", "validation.unknownUser");
            else if (!assignee.CanWorkCasesIn(branch!.Branch.Code)) v.Add("assigneeId", "validation.assigneeScope");
        }
        Teams.Team? team = null;
        // The case's own team is kept even if retired since: a retired team takes no new cases, it keeps its own.
        var keepTeam = r.TeamId is not null && r.TeamId == c.TeamId;
        if (!keepTeam && r.TeamId is { } teamId)
        {
            (team, var error) = await Teams.TeamLookup.ForCaseAsync(cases.Db, c.BranchId, teamId, ct);
            if (error is not null) v.Add("teamId", error, branch!.Branch.Code);
        }
        else if (!keepTeam && !string.IsNullOrWhiteSpace(r.Team))
        {
            team = await Teams.TeamLookup.ByNameAsync(cases.Db, c.BranchId, r.Team, ct);
            if (team is null) v.Add("team", "teams.unknownName", r.Team.Trim(), branch!.Branch.Code);
        }
        if (!v.IsValid) return v.Problem();
        c.AssigneeId = r.AssigneeId;
        if (!keepTeam) Teams.TeamLookup.SetTeam(c, team);
        c.UpdatedAt = cases.Now;
        await cases.Automation.CaseChangedAsync(cases, c, branch!.Branch, Automation.RuleEvents.CaseUpdated, ct);
        audit.Record(AuditActions.CaseAssigned, $"case:{c.Reference}", new { assigneeId = r.AssigneeId, teamId = c.TeamId, team = c.Team });
        await cases.Db.SaveChangesAsync(ct);
        await cases.PublishAsync(branch!.Branch.Code, c, CaseContext.CaseChangedEvent, ct);
        return TypedResults.Ok(await CaseQueries.DetailAsync(cases, c, branch.Branch.Code, ct));
    }

    public static Task<Results<Ok<CaseDetail>, ValidationProblem, ProblemHttpResult>> Link(
        Guid id, LinkCaseRequest r, ClaimsPrincipal user, CaseContext cases, AuditLog audit, CancellationToken ct) =>
        LinkOrMergeAsync(id, r, user, cases, audit, merge: false, ct);

    /// <summary>Merges this case into another: the thread stays readable here, the case closes and points to the survivor.</summary>
    public static Task<Results<Ok<CaseDetail>, ValidationProblem, ProblemHttpResult>> Merge(
        Guid id, LinkCaseRequest r, ClaimsPrincipal user, CaseContext cases, AuditLog audit, CancellationToken ct) =>
        LinkOrMergeAsync(id, r, user, cases, audit, merge: true, ct);

    private static async Task<Results<Ok<CaseDetail>, ValidationProblem, ProblemHttpResult>> LinkOrMergeAsync(
        Guid id, LinkCaseRequest r, ClaimsPrincipal user, CaseContext cases, AuditLog audit, bool merge, CancellationToken ct)
    {
        if (r.CaseId is not { } otherId || otherId == id) return new Validation().Add("caseId", "validation.required").Problem();
        var (c, branch, problem) = await cases.FindAsync(id, user, ct);
        if (c is null) return problem!;
        var (other, _, otherProblem) = await cases.FindAsync(otherId, user, ct);
        if (other is null) return otherProblem!;
        if (merge && (!CaseStatuses.CanMove(c.Status, CaseStatuses.Closed) || other.Status == CaseStatuses.Closed))
            return Problems.Result(StatusCodes.Status409Conflict, "cases.conflictTitle", "cases.transition", c.Status, CaseStatuses.Closed);
        var db = cases.Db;
        var kind = merge ? "merged" : "related";
        var now = cases.Now;
        foreach (var (a, b) in new[] { (c.Id, other.Id), (other.Id, c.Id) })
        {
            var existing = await db.CaseLinks.FirstOrDefaultAsync(l => l.CaseId == a && l.LinkedCaseId == b, ct);
            if (existing is null) db.CaseLinks.Add(new CaseLink { CaseId = a, LinkedCaseId = b, Kind = kind, CreatedAt = now });
            else existing.Kind = kind;
        }
        if (merge)
        {
            c.MergedIntoId = other.Id;
            await MoveAsync(cases, c, branch!.Branch, CaseStatuses.Closed, ct);
            db.CaseMessages.Add(new CaseMessage
            {
                CaseId = other.Id, Visibility = CaseMessageVisibility.Internal, Direction = CaseMessageDirections.Note, CreatedAt = now,
                AuthorUserId = user.UserId(), AuthorName = user.FindFirstValue(TouchpointClaims.DisplayName) ?? user.ActorName(),
                Body = $"{c.Reference}: {c.Subject}\n\n{c.Description}",
            });
        }
        audit.Record(merge ? AuditActions.CaseMerged : AuditActions.CaseLinked, $"case:{c.Reference}", new { other = other.Reference });
        await db.SaveChangesAsync(ct);
        await cases.PublishAsync(branch!.Branch.Code, c, CaseContext.CaseChangedEvent, ct);
        return TypedResults.Ok(await CaseQueries.DetailAsync(cases, c, branch.Branch.Code, ct));
    }

    private static Task<UserAccess?> UserAccess(CaseContext cases, Guid userId, CancellationToken ct) =>
        Platform.Identity.UserAccessCache.LoadAsync(cases.Db, userId, ct);
}
