using System.Diagnostics;
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
/// Call next: pick by <see cref="TicketRouter"/> from the heads of the queues (<see cref="QueueHeads"/>), then claim
/// with a conditional update (status still waiting). The pick and claim run as one section of the write gate: on
/// SQLite nobody else claims in between; on PostgreSQL the heads read are locked for this call and those locked by
/// other counters (on any node) are skipped. Either way the claim wins; should it not, the conditional update lets
/// exactly one caller have the ticket and the other takes its next best head. No ticket is ever called twice.
/// </summary>
public static class CallNextTicket
{
    private const int Reloads = 4;

    // PostgreSQL: when every head this counter may call is held by other counters' calls, those commit within
    // milliseconds and free the heads they did not claim; the call tries again, for at most this long.
    private static readonly TimeSpan HeldPatience = TimeSpan.FromSeconds(5);

    public static async Task<Results<Ok<TicketDto>, NoContent, ProblemHttpResult>> CallNext(
        [FromRoute(Name = "branch")] string branchCode, int number, ClaimsPrincipal user, QueueContext q, QueueAlerts alerts, CancellationToken ct)
    {
        var (layout, counter, problem) = await q.FindCounterLayoutAsync(branchCode, number, user, ct);
        if (counter is null) return problem!;
        var branch = layout!.Branch;
        var rules = new QueueRules(branch.PriorityRatio, TimeSpan.FromMinutes(branch.AppointmentWindowMinutes),
            layout.Services.ToDictionary(s => s.Id, s => TimeSpan.FromMinutes(s.TargetWaitMinutes)));
        Guid id;
        var started = Stopwatch.GetTimestamp();
        for (var attempt = 0; ; attempt++)
        {
            var (calledId, notReady, held) = await q.Gate.RunAsync(q.Db, () => PickAndClaimAsync(q, layout, counter, rules, user.UserId(), ct), ct);
            if (notReady is not null) return notReady;
            if (calledId is { } claimed) { id = claimed; break; }
            // Nothing waits, or the heads stayed held beyond all patience: the counter simply calls again.
            if (!held || Stopwatch.GetElapsedTime(started) > HeldPatience) return TypedResults.NoContent();
            // Outside the transaction, so that this call holds no lock while the others commit: 2, 4, 8, 16, 32, 32... ms.
            await Task.Delay(TimeSpan.FromMilliseconds(2 << Math.Min(attempt, 4)), ct);
        }
        // Read after the commit, outside the single writer's section: the ticket is this counter's now.
        var called = (await q.ReadTicketAsync(id, ct))!;
        alerts.TicketCalled(called, counter.Number);
        return TypedResults.Ok(await AnnounceAsync(q, layout, counter.Number, called, user, ct));
    }

    /// <summary>
    /// The pick and the claim, in one gated section: nobody else claims the heads it read in between. Held: nothing
    /// was claimed, but other calls hold heads this counter may call (PostgreSQL).
    /// </summary>
    private static async Task<(Guid? Called, ProblemHttpResult? NotReady, bool Held)> PickAndClaimAsync(
        QueueContext q, BranchLayout layout, CounterLayout counter, QueueRules rules, Guid? caller, CancellationToken ct)
    {
        var (desk, notReady) = await ReadDeskAsync(q.Db, counter.Id, counter.Number, ct);
        if (notReady is not null) return (null, notReady, false);
        var skills = new CounterSkills(counter.Id, counter.Weights, desk!.PriorityStreak);
        // One moment for the whole section: its reads and claim take milliseconds.
        var now = q.Now;
        for (var reload = 0; reload < Reloads; reload++)
        {
            var candidates = await QueueHeads.ReadAsync(q.Db, layout.Branch.Id, counter, now + rules.AppointmentWindow, QueueHeads.Locking.SkipLocked, ct);
            var lostRace = false;
            // A claim that loses (it should not: see the summary) takes the next best from what was already read.
            while (TicketRouter.PickNext(candidates, skills, rules, now) is { } decision)
            {
                if (await ClaimAsync(q, decision.Ticket.Id, counter.Id, caller, now, ct))
                {
                    await RememberCallAsync(q, counter.Id, desk, decision.NextStreak(desk.PriorityStreak), caller, ct);
                    return (decision.Ticket.Id, null, false);
                }
                candidates.Remove(decision.Ticket);
                lostRace = true;
            }
            // Nothing this counter may call, or nothing free: read again only after losing races.
            if (!lostRace) break;
        }
        var held = q.Db.IsPostgres && TicketRouter.PickNext(
            await QueueHeads.ReadAsync(q.Db, layout.Branch.Id, counter, now + rules.AppointmentWindow, QueueHeads.Locking.None, ct), skills, rules, now) is not null;
        return (null, null, held);
    }

    /// <summary>Calls one ticket out of order (a customer with a special need, a mistake to correct): needs a reason, audited.</summary>
    public static async Task<Results<Ok<TicketDto>, ValidationProblem, ProblemHttpResult>> CallSpecific(
        [FromRoute(Name = "branch")] string branchCode, int number, CallTicketRequest r, ClaimsPrincipal user, QueueContext q, QueueAlerts alerts, AuditLog audit, CancellationToken ct)
    {
        var v = new Validation();
        if (r.TicketId is null) v.Add("ticketId", "validation.required");
        v.Required("reason", r.Reason, 500);
        if (!v.IsValid) return v.Problem();
        var (layout, counter, problem) = await q.FindCounterLayoutAsync(branchCode, number, user, ct);
        if (counter is null) return problem!;
        var (desk, notReady) = await ReadDeskAsync(q.Db, counter.Id, counter.Number, ct);
        if (notReady is not null) return notReady;
        var ticket = await q.Db.QueueTickets.AsNoTracking().FirstOrDefaultAsync(t => t.Id == r.TicketId && t.BranchId == layout!.Branch.Id, ct);
        if (ticket is null) return Problems.NotFound();
        var claimed = await q.Gate.RunAsync(q.Db, async () =>
        {
            var won = await ClaimAsync(q, ticket.Id, counter.Id, user.UserId(), q.Now, ct);
            if (won) await RememberCallAsync(q, counter.Id, desk!, desk!.PriorityStreak, user.UserId(), ct);
            return won;
        }, ct);
        if (!claimed) return QueueContext.WrongState((await q.ReadTicketAsync(ticket.Id, ct))!);
        var called = (await q.ReadTicketAsync(ticket.Id, ct))!;
        audit.Record("queue.called_out_of_order", $"ticket:{ticket.Number}", new { counter = counter.Number, reason = r.Reason });
        await q.Db.SaveChangesAsync(ct);
        alerts.TicketCalled(called, counter.Number);
        return TypedResults.Ok(await AnnounceAsync(q, layout!, counter.Number, called, user, ct));
    }

    /// <summary>What a call needs to know of the counter right now, in one statement.</summary>
    internal sealed record Desk(string State, Guid? StaffUserId, int PriorityStreak, string? Busy);

    /// <summary>The counter's state and its current ticket, read through <c>IX_QueueTickets_CounterCurrent</c> (M0025).</summary>
    public const string DeskSql = """
        SELECT c."State", c."StaffUserId", c."PriorityStreak",
            (SELECT t."Number" FROM "QueueTickets" t WHERE t."CounterId" = c."Id" AND t."Status" IN ('called', 'serving') LIMIT 1)
        FROM "Counters" c WHERE c."Id" = @p0
        """;

    /// <summary>
    /// A plain statement: on every call, inside the gated section, where it is kept prepared on the SQLite writer's
    /// connection (an EF compiled query still went through the query pipeline there).
    /// </summary>
    private static async Task<Desk> DeskOf(TouchpointDb db, Guid counterId, CancellationToken ct) =>
        (await db.QueryAsync(DeskSql, r => new Desk(r.GetString(0), r.IsDBNull(1) ? null : r.GetGuid(1), r.GetInt32(2), r.IsDBNull(3) ? null : r.GetString(3)), ct, counterId))
        .Single();

    /// <summary>A counter calls only when open and free (nothing called or in service there): 409 with the reason otherwise.</summary>
    internal static async Task<(Desk? Desk, ProblemHttpResult? Problem)> ReadDeskAsync(TouchpointDb db, Guid counterId, int number, CancellationToken ct)
    {
        var desk = await DeskOf(db, counterId, ct);
        if (desk.State != CounterStates.Open) return (null, QueueContext.Conflict("queue.counterNotOpen", number));
        return desk.Busy is null ? (desk, null) : (null, QueueContext.Conflict("queue.counterBusy", number, desk.Busy));
    }

    /// <summary>The claim, under the caller's write gate: succeeds only while the ticket still waits.</summary>
    private static async Task<bool> ClaimAsync(QueueContext q, Guid ticketId, Guid counterId, Guid? staffId, DateTime now, CancellationToken ct) =>
        await q.Db.ExecuteAsync("""
            UPDATE "QueueTickets" SET "Status" = 'called', "CounterId" = @p0, "TargetCounterId" = NULL, "StaffUserId" = @p1, "CalledAt" = @p2
            WHERE "Id" = @p3 AND "Status" = 'waiting'
            """, ct, counterId, staffId, now, ticketId) == 1;

    /// <summary>The counter's priority streak, and who serves there when someone else calls from it; written only when changed.</summary>
    private static async Task RememberCallAsync(QueueContext q, Guid counterId, Desk desk, int streak, Guid? caller, CancellationToken ct)
    {
        var staff = caller ?? desk.StaffUserId;
        if (streak == desk.PriorityStreak && staff == desk.StaffUserId) return;
        await q.Db.ExecuteAsync("""UPDATE "Counters" SET "PriorityStreak" = @p0, "StaffUserId" = @p1 WHERE "Id" = @p2""", ct, streak, staff, counterId);
    }

    internal static async Task<TicketDto> AnnounceAsync(QueueContext q, BranchLayout layout, int counterNumber, QueueTicket ticket, ClaimsPrincipal user, CancellationToken ct)
    {
        q.WaitingCounts.LeftQueue(ticket.ServiceTypeId);
        await q.PublishAsync(layout, ticket, counterNumber, QueueContext.TicketCalledEvent, ct);
        await q.PublishAsync(layout, ticket, counterNumber, QueueContext.TicketChangedEvent, ct);
        return await q.ToDtoAsync(ticket, layout, user, ct);
    }
}
