using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Features.Organisation;
using Touchpoint.Server.Platform.Audit;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Http;
using Touchpoint.Server.Platform.Identity;
using Touchpoint.Server.Platform.Realtime;

namespace Touchpoint.Server.Features.Queue;

public sealed record CallTicketRequest(Guid? TicketId, string? Reason);

/// <summary>
/// Call next: pick by <see cref="TicketRouter"/>, then claim with a conditional update (status still waiting). When
/// two counters pick the same ticket, the database lets exactly one update succeed and the other picks again, so no
/// ticket is ever called twice, on one node or many, on SQLite or PostgreSQL.
/// </summary>
public static class CallNextTicket
{
    private const int Reloads = 4;
    /// <summary>How many of each queue's head tickets are read at once, so a lost race has fallbacks at hand.</summary>
    private const int HeadDepth = 6;

    public static async Task<Results<Ok<TicketDto>, NoContent, ProblemHttpResult>> CallNext(
        [FromRoute(Name = "branch")] string branchCode, int number, ClaimsPrincipal user, TouchpointDb db, IRealtimePublisher realtime, TimeProvider clock, CancellationToken ct)
    {
        var (counter, branch, problem) = await QueueContext.FindCounterAsync(db, branchCode, number, user, ct);
        if (counter is null) return problem!;
        if (await ReadyProblemAsync(db, counter, ct) is { } notReady) return notReady;

        var skills = new CounterSkills(counter.Id, counter.Services.ToDictionary(s => s.ServiceTypeId, s => s.Weight), counter.PriorityStreak);
        var rules = new QueueRules(branch!.PriorityRatio, TimeSpan.FromMinutes(branch.AppointmentWindowMinutes),
            await db.Services.Where(s => s.BranchId == branch.Id).ToDictionaryAsync(s => s.Id, s => TimeSpan.FromMinutes(s.TargetWaitMinutes), ct));
        for (var reload = 0; reload < Reloads; reload++)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var candidates = await CandidatesAsync(db, branch, counter, rules, now, ct);
            var lostRace = false;
            // Counters with the same skills pick the same head ticket; the losers of that race take the next best
            // from what they already read instead of all reading the queue again (a thundering herd on busy days).
            while (TicketRouter.PickNext(candidates, skills, rules, now) is { } decision)
            {
                if (await ClaimAsync(db, decision.Ticket.Id, counter, user.UserId(), now, ct))
                {
                    counter.PriorityStreak = decision.NextStreak(counter.PriorityStreak);
                    counter.StaffUserId = user.UserId() ?? counter.StaffUserId;
                    await db.SaveChangesAsync(ct);
                    return TypedResults.Ok(await AnnounceAsync(db, realtime, branch, counter, decision.Ticket.Id, ct));
                }
                candidates.Remove(decision.Ticket);
                lostRace = true;
            }
            // Nothing this counter may call: the queue is empty for it. Read again only after losing races.
            if (!lostRace) break;
        }
        // Every attempt lost a race: the queue is being drained very fast; the counter simply calls again.
        return TypedResults.NoContent();
    }

    /// <summary>Calls one ticket out of order (a customer with a special need, a mistake to correct): needs a reason, audited.</summary>
    public static async Task<Results<Ok<TicketDto>, ValidationProblem, ProblemHttpResult>> CallSpecific(
        [FromRoute(Name = "branch")] string branchCode, int number, CallTicketRequest r, ClaimsPrincipal user, TouchpointDb db, AuditLog audit,
        IRealtimePublisher realtime, TimeProvider clock, CancellationToken ct)
    {
        var v = new Validation();
        if (r.TicketId is null) v.Add("ticketId", "validation.required");
        v.Required("reason", r.Reason, 500);
        if (!v.IsValid) return v.Problem();
        var (counter, branch, problem) = await QueueContext.FindCounterAsync(db, branchCode, number, user, ct);
        if (counter is null) return problem!;
        if (await ReadyProblemAsync(db, counter, ct) is { } notReady) return notReady;
        var ticket = await db.QueueTickets.AsNoTracking().FirstOrDefaultAsync(t => t.Id == r.TicketId && t.BranchId == branch!.Id, ct);
        if (ticket is null) return Problems.NotFound();
        if (!await ClaimAsync(db, ticket.Id, counter, user.UserId(), clock.GetUtcNow().UtcDateTime, ct)) return QueueContext.WrongState(ticket);

        counter.StaffUserId = user.UserId() ?? counter.StaffUserId;
        audit.Record("queue.called_out_of_order", $"ticket:{ticket.Number}", new { counter = counter.Number, reason = r.Reason });
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await AnnounceAsync(db, realtime, branch!, counter, ticket.Id, ct));
    }

    /// <summary>A counter calls only when open and free (nothing called or in service there).</summary>
    internal static async Task<ProblemHttpResult?> ReadyProblemAsync(TouchpointDb db, Counter counter, CancellationToken ct)
    {
        if (counter.State != CounterStates.Open) return QueueContext.Conflict("queue.counterNotOpen", counter.Number);
        var active = await db.QueueTickets.AsNoTracking()
            .Where(t => t.CounterId == counter.Id && (t.Status == TicketStatuses.Called || t.Status == TicketStatuses.Serving))
            .Select(t => t.Number).FirstOrDefaultAsync(ct);
        return active is null ? null : QueueContext.Conflict("queue.counterBusy", counter.Number, active);
    }

    /// <summary>
    /// Only the head of each queue can win (urgency grows with waiting time within a service), so a handful of indexed
    /// lookups replaces reading every waiting ticket: per service the oldest normal and oldest priority tickets, the
    /// earliest due appointments, and the oldest tickets transferred to this counter (a few of each, see HeadDepth).
    /// </summary>
    private static async Task<List<RoutingCandidate>> CandidatesAsync(TouchpointDb db, Branch branch, Counter counter, QueueRules rules, DateTime now, CancellationToken ct)
    {
        var waiting = db.QueueTickets.AsNoTracking().Where(t => t.BranchId == branch.Id && t.Status == TicketStatuses.Waiting);
        var candidates = new List<RoutingCandidate>();
        async Task AddFirst(IQueryable<QueueTicket> q) =>
            candidates.AddRange(await q.Take(HeadDepth).Select(t => new RoutingCandidate(t.Id, t.ServiceTypeId, t.Priority, t.IssuedAt, t.AppointmentAt, t.TargetCounterId)).ToListAsync(ct));

        await AddFirst(waiting.Where(t => t.TargetCounterId == counter.Id).OrderBy(t => t.IssuedAt));
        var dueBy = now + rules.AppointmentWindow;
        foreach (var serviceId in counter.Services.Where(s => s.Weight > 0).Select(s => s.ServiceTypeId))
        {
            var service = waiting.Where(t => t.ServiceTypeId == serviceId && t.TargetCounterId == null);
            await AddFirst(service.Where(t => t.AppointmentAt != null && t.AppointmentAt <= dueBy).OrderBy(t => t.AppointmentAt));
            await AddFirst(service.Where(t => t.Priority == PriorityClasses.Normal || t.Priority == PriorityClasses.Appointment).OrderBy(t => t.IssuedAt));
            await AddFirst(service.Where(t => t.Priority != PriorityClasses.Normal && t.Priority != PriorityClasses.Appointment).OrderBy(t => t.IssuedAt));
        }
        return candidates.DistinctBy(c => c.Id).ToList();
    }

    private static async Task<bool> ClaimAsync(TouchpointDb db, Guid ticketId, Counter counter, Guid? staffId, DateTime now, CancellationToken ct) =>
        await db.QueueTickets
            .Where(t => t.Id == ticketId && t.Status == TicketStatuses.Waiting)
            .ExecuteUpdateAsync(s => s
                .SetProperty(t => t.Status, TicketStatuses.Called)
                .SetProperty(t => t.CounterId, counter.Id)
                .SetProperty(t => t.TargetCounterId, (Guid?)null)
                .SetProperty(t => t.StaffUserId, staffId)
                .SetProperty(t => t.CalledAt, now), ct) == 1;

    internal static async Task<TicketDto> AnnounceAsync(TouchpointDb db, IRealtimePublisher realtime, Branch branch, Counter counter, Guid ticketId, CancellationToken ct)
    {
        var ticket = await db.QueueTickets.AsNoTracking().FirstAsync(t => t.Id == ticketId, ct);
        await QueueContext.PublishAsync(realtime, branch, ticket, counter.Number, QueueContext.TicketCalledEvent, ct);
        await QueueContext.PublishAsync(realtime, branch, ticket, counter.Number, QueueContext.TicketChangedEvent, ct);
        return await QueueContext.ToDtoAsync(db, ticket, branch, ct);
    }
}
