using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Touchpoint.Server.Features.Encounters;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Http;

namespace Touchpoint.Server.Features.Queue;

public sealed record CompleteTicketRequest(string? Outcome);

/// <summary>
/// Completing a ticket, the end of every counter visit: the ticket's update and what completing records, the counter
/// encounter (face to face) the reports read, the evaluation pad's question (put by itself: staff can neither trigger
/// nor skip it) and the survey link for the customer's ticket page, written together in one gated section as plain
/// statements. Through SaveChanges these four rows cost more in change tracking than in SQLite, on the single writer
/// and on every counter visit (bench/README.md). None of them is watched by a save interceptor (no search entry: a
/// counter encounter has no summary; see <see cref="PlainInsert"/>).
/// </summary>
public static class TicketCompletion
{
    public static async Task<Results<Ok<TicketDto>, ValidationProblem, ProblemHttpResult>> Complete(
        Guid id, HttpRequest request, ClaimsPrincipal user, QueueContext q, CancellationToken ct)
    {
        // An optional body: devices and scripts complete with none at all.
        var outcome = (await OptionalBody.ReadAsync<CompleteTicketRequest>(request, ct))?.Outcome?.Trim() is { Length: > 0 } given
            ? given : EncounterOutcomes.Resolved;
        // The reports count first-contact resolution by these values, as for every other encounter.
        if (!EncounterOutcomes.All.Contains(outcome))
            return new Validation().Add("outcome", "validation.oneOf", string.Join(", ", EncounterOutcomes.All)).Problem();
        var (ticket, layout, problem) = await q.FindTicketAsync(id, user, ct, tracked: false);
        if (ticket is null) return problem!;
        if (!TicketStatuses.IsActive(ticket.Status)) return QueueContext.WrongState(ticket);

        var now = q.Now;
        var statusRead = ticket.Status;
        ticket.StartedAt ??= now;
        ticket.Status = TicketStatuses.Completed;
        ticket.CompletedAt = now;
        var encounter = EncounterOf(ticket, outcome);
        var evaluation = ticket.CounterId is { } counterId ? EvaluationOf(ticket, counterId, layout!.Branch.RatingWindowSeconds) : null;
        var invitation = await q.Surveys.ForCompletedTicketAsync(q.Db, ticket, encounter.Id, ct);
        var completed = await q.Gate.RunAsync(q.Db, async () =>
        {
            // Only from the state it was read in: someone who acted on the ticket since (two clicks, two screens)
            // wins, and this completion is refused with the state it found, never applied twice.
            if (await q.Db.ExecuteAsync("""
                UPDATE "QueueTickets" SET "Status" = 'completed', "StartedAt" = @p0, "CompletedAt" = @p1 WHERE "Id" = @p2 AND "Status" = @p3
                """, ct, ticket.StartedAt, now, ticket.Id, statusRead) == 0) return false;
            await q.Db.InsertAsync(encounter, ct);
            if (evaluation is not null) await q.Db.InsertAsync(evaluation, ct);
            if (invitation is not null) await q.Db.InsertAsync(invitation, ct);
            return true;
        }, ct);
        if (!completed) return QueueContext.WrongState((await q.ReadTicketAsync(id, ct))!);

        var counterNumber = ticket.CounterId is { } cid ? layout!.CounterById(cid)?.Number : null;
        await q.PublishAsync(layout!, ticket, counterNumber, QueueContext.TicketChangedEvent, ct);
        return TypedResults.Ok(await q.ToDtoAsync(ticket, layout!, user, ct, surveyInvitation: invitation?.Id));
    }

    private static Encounter EncounterOf(QueueTicket t, string outcome) => new()
    {
        BranchId = t.BranchId, Channel = EncounterChannels.Counter, Mode = EncounterChannels.ModeOf(EncounterChannels.Counter),
        StaffUserId = t.StaffUserId, ServiceTypeId = t.ServiceTypeId, TicketId = t.Id, StartedAt = t.StartedAt!.Value, EndedAt = t.CompletedAt!.Value,
        Outcome = outcome,
    };

    private static ServiceEvaluation EvaluationOf(QueueTicket t, Guid counterId, int ratingWindowSeconds) => new()
    {
        TicketId = t.Id, BranchId = t.BranchId, CounterId = counterId, StaffUserId = t.StaffUserId, ServiceTypeId = t.ServiceTypeId,
        Language = t.Language, PromptedAt = t.CompletedAt!.Value, ExpiresAt = t.CompletedAt.Value.AddSeconds(ratingWindowSeconds),
    };
}
