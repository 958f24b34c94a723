using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Features.Organisation;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Http;
using Touchpoint.Server.Platform.Identity;
using Touchpoint.Server.Platform.Realtime;

namespace Touchpoint.Server.Features.Queue;

public sealed record TransferTicketRequest(string? Service, int? Counter);
public sealed record ResumeTicketRequest(int? Counter);

/// <summary>
/// What a counter does with the ticket it called: start, recall, no-show, transfer, park and resume (completing, the
/// busiest, has a file of its own: <see cref="TicketCompletion"/>). Each checks the ticket's state and answers 409 with
/// the reason when it is wrong, then saves and publishes the change.
/// </summary>
public static class TicketActions
{
    private delegate Task<ProblemHttpResult?> Change(QueueTicket ticket, BranchLayout layout, TouchpointDb db, DateTime now);

    public static void MapTicketActions(this RouteGroupBuilder tickets)
    {
        tickets.MapPost("/{id:guid}/start", (Guid id, ClaimsPrincipal u, QueueContext q, CancellationToken ct) =>
            Apply(id, u, q, ct, (t, b, d, now) => Start(t, b.Branch, d, now)));
        tickets.MapPost("/{id:guid}/complete", TicketCompletion.Complete);
        tickets.MapPost("/{id:guid}/recall", (Guid id, ClaimsPrincipal u, QueueContext q, CancellationToken ct) =>
            Apply(id, u, q, ct, (t, b, d, now) => Recall(t, b.Branch, d, now), QueueContext.TicketCalledEvent));
        tickets.MapPost("/{id:guid}/no-show", (Guid id, ClaimsPrincipal u, QueueContext q, CancellationToken ct) =>
            Apply(id, u, q, ct, (t, b, d, now) => NoShow(t, b.Branch, d, now)));
        tickets.MapPost("/{id:guid}/park", (Guid id, ClaimsPrincipal u, QueueContext q, CancellationToken ct) =>
            Apply(id, u, q, ct, (t, b, d, now) => Park(t, b.Branch, d, now)));
        tickets.MapPost("/{id:guid}/transfer", (Guid id, TransferTicketRequest r, ClaimsPrincipal u, QueueContext q, CancellationToken ct) =>
            (r.Service is null) == (r.Counter is null)
                ? Task.FromResult<Results<Ok<TicketDto>, ValidationProblem, ProblemHttpResult>>(
                    new Validation().Add("service", "validation.transferTarget").Problem())
                : Apply(id, u, q, ct, (t, b, d, now) => Transfer(t, b, d, r)));
        // resume (and complete) take an optional body: devices and scripts call them with none at all.
        tickets.MapPost("/{id:guid}/resume", async (Guid id, HttpRequest request, ClaimsPrincipal u, QueueContext q, CancellationToken ct) =>
        {
            var r = await OptionalBody.ReadAsync<ResumeTicketRequest>(request, ct);
            return await Apply(id, u, q, ct, (t, b, d, now) => Resume(t, b, d, now, r?.Counter, u.UserId()));
        });
    }

    private static async Task<Results<Ok<TicketDto>, ValidationProblem, ProblemHttpResult>> Apply(
        Guid id, ClaimsPrincipal user, QueueContext q, CancellationToken ct, Change change, string eventType = QueueContext.TicketChangedEvent)
    {
        var (ticket, layout, problem) = await q.FindTicketAsync(id, user, ct);
        if (ticket is null) return problem!;
        var counterBefore = ticket.CounterId;
        if (await change(ticket, layout!, q.Db, q.Now) is { } refused) return refused;
        try
        {
            await q.Gate.RunAsync(q.Db, () => q.Db.SaveChangesAsync(ct), ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Status is a concurrency token: someone else acted on the ticket since it was read (two clicks, two
            // screens). The second action is refused with the state it found, never applied twice.
            return QueueContext.WrongState((await q.ReadTicketAsync(id, ct))!);
        }

        // A transfer puts a ticket back into a queue: let the next ticket issued count again.
        if (ticket.Status == TicketStatuses.Waiting) q.WaitingCounts.Forget();
        var counterNumber = (ticket.CounterId ?? counterBefore) is { } cid ? layout!.CounterById(cid)?.Number : null;
        await q.PublishAsync(layout!, ticket, counterNumber, eventType, ct);
        if (eventType != QueueContext.TicketChangedEvent) await q.PublishAsync(layout!, ticket, counterNumber, QueueContext.TicketChangedEvent, ct);
        return TypedResults.Ok(await q.ToDtoAsync(ticket, layout!, user, ct));
    }

    private static Task<ProblemHttpResult?> Start(QueueTicket t, Branch b, TouchpointDb db, DateTime now)
    {
        if (t.Status != TicketStatuses.Called) return Task.FromResult<ProblemHttpResult?>(QueueContext.WrongState(t));
        t.Status = TicketStatuses.Serving;
        t.StartedAt = now;
        return Task.FromResult<ProblemHttpResult?>(null);
    }

    private static Task<ProblemHttpResult?> Recall(QueueTicket t, Branch b, TouchpointDb db, DateTime now)
    {
        if (t.Status != TicketStatuses.Called) return Task.FromResult<ProblemHttpResult?>(QueueContext.WrongState(t));
        if (t.RecallCount >= b.RecallLimit) return Task.FromResult<ProblemHttpResult?>(QueueContext.Conflict("queue.recallLimit", t.Number, t.RecallCount));
        t.RecallCount++;
        return Task.FromResult<ProblemHttpResult?>(null);
    }

    private static Task<ProblemHttpResult?> NoShow(QueueTicket t, Branch b, TouchpointDb db, DateTime now)
    {
        if (t.Status != TicketStatuses.Called) return Task.FromResult<ProblemHttpResult?>(QueueContext.WrongState(t));
        if (t.RecallCount < b.RecallLimit) return Task.FromResult<ProblemHttpResult?>(QueueContext.Conflict("queue.noShowTooEarly", t.Number, b.RecallLimit));
        t.Status = TicketStatuses.NoShow;
        t.CompletedAt = now;
        return Task.FromResult<ProblemHttpResult?>(null);
    }

    private static Task<ProblemHttpResult?> Park(QueueTicket t, Branch b, TouchpointDb db, DateTime now)
    {
        if (!TicketStatuses.IsActive(t.Status)) return Task.FromResult<ProblemHttpResult?>(QueueContext.WrongState(t));
        t.Status = TicketStatuses.Parked;
        return Task.FromResult<ProblemHttpResult?>(null);
    }

    /// <summary>Back to waiting in another service or for one counter, keeping the issue time so the wait counts from arrival.</summary>
    private static async Task<ProblemHttpResult?> Transfer(QueueTicket t, BranchLayout b, TouchpointDb db, TransferTicketRequest r)
    {
        if (!TicketStatuses.IsActive(t.Status) && t.Status != TicketStatuses.Parked) return QueueContext.WrongState(t);
        if (r.Service is not null)
        {
            var code = r.Service.Trim().ToUpperInvariant();
            var service = b.ServiceByCode(code);
            if (service is null) return Problems.Result(StatusCodes.Status404NotFound, null, "validation.unknownService", code);
            t.ServiceTypeId = service.Id;
            t.TargetCounterId = null;
        }
        else
        {
            var counter = b.CounterByNumber(r.Counter!.Value);
            if (counter is null) return Problems.Result(StatusCodes.Status404NotFound, null, "validation.unknownCounter", r.Counter);
            t.TargetCounterId = counter.Id;
        }
        t.Status = TicketStatuses.Waiting;
        t.CounterId = null;
        t.StaffUserId = null;
        t.CalledAt = null;
        t.StartedAt = null;
        t.RecallCount = 0;
        t.TransferCount++;
        return null;
    }

    /// <summary>A parked ticket comes back at a counter (the one it left by default), which must be open and free.</summary>
    private static async Task<ProblemHttpResult?> Resume(QueueTicket t, BranchLayout b, TouchpointDb db, DateTime now, int? counterNumber, Guid? staffId)
    {
        if (t.Status != TicketStatuses.Parked) return QueueContext.WrongState(t);
        var counter = counterNumber is { } n ? b.CounterByNumber(n) : t.CounterId is { } id ? b.CounterById(id) : null;
        if (counter is null) return Problems.Result(StatusCodes.Status404NotFound, null, "validation.unknownCounter", counterNumber);
        if ((await CallNextTicket.ReadDeskAsync(db, counter.Id, counter.Number, CancellationToken.None)).Problem is { } notReady) return notReady;
        t.Status = t.StartedAt is null ? TicketStatuses.Called : TicketStatuses.Serving;
        t.CounterId = counter.Id;
        t.StaffUserId = staffId ?? t.StaffUserId;
        t.CalledAt ??= now;
        return null;
    }
}
