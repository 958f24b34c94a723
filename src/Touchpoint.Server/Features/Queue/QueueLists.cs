using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Features.Organisation;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Http;
using Touchpoint.Server.Platform.Localization;

namespace Touchpoint.Server.Features.Queue;

public sealed record KioskService(string Code, LocalizedText Name, string Prefix, int Waiting, bool Issuing, bool Full, string? IssuingStart, string? IssuingEnd);
public sealed record KioskInfo(string BranchCode, LocalizedText BranchName, IReadOnlyList<KioskService> Services);
public sealed record QueueEntry(Guid Id, string Number, string Service, string Priority, DateTime IssuedAt, int WaitedSeconds, int? TargetCounter, int? Counter);
public sealed record QueueLists(IReadOnlyList<QueueEntry> Waiting, IReadOnlyList<QueueEntry> Parked);
public sealed record CounterDesk(int Number, string State, string? PauseReason, string? StaffName, TicketDto? Current);

/// <summary>What kiosks and customers' phones may read without signing in, and the lists a counter works from.</summary>
public static class QueueListEndpoints
{
    /// <summary>Services to choose from, with whether each issues tickets right now: the kiosk says so before anyone taps.</summary>
    public static async Task<Results<Ok<KioskInfo>, ProblemHttpResult>> Kiosk(string branch, TouchpointDb db, TimeProvider clock, CancellationToken ct)
    {
        var code = branch.Trim().ToUpperInvariant();
        var b = await db.Branches.AsNoTracking().FirstOrDefaultAsync(x => x.Code == code, ct);
        if (b is null) return Problems.NotFound();
        var now = clock.GetUtcNow().UtcDateTime;
        var today = QueueClock.BusinessDate(b, now);
        var services = await db.Services.AsNoTracking().Where(s => s.BranchId == b.Id).OrderBy(s => s.Code).ToListAsync(ct);
        var issued = await db.TicketSequences.AsNoTracking().Where(s => s.BusinessDate == today && services.Select(x => x.Id).Contains(s.ServiceTypeId))
            .ToDictionaryAsync(s => s.ServiceTypeId, s => s.LastNumber, ct);
        var waiting = await db.QueueTickets.AsNoTracking().Where(t => t.BranchId == b.Id && t.Status == TicketStatuses.Waiting)
            .GroupBy(t => t.ServiceTypeId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return TypedResults.Ok(new KioskInfo(b.Code, b.Name, services.Select(s => new KioskService(
            s.Code, s.Name, s.Prefix, waiting.GetValueOrDefault(s.Id), QueueClock.IsIssuing(s, b, now),
            s.DailyCap is { } cap && issued.GetValueOrDefault(s.Id) >= cap, s.IssuingStart, s.IssuingEnd)).ToList()));
    }

    /// <summary>The ticket called or in service at a counter, read through <c>IX_QueueTickets_CounterCurrent</c> (M0025).</summary>
    public static IQueryable<QueueTicket> CurrentAt(TouchpointDb db, Guid counterId) =>
        db.QueueTickets.AsNoTracking().Where(t => t.CounterId == counterId && (t.Status == TicketStatuses.Called || t.Status == TicketStatuses.Serving));

    /// <summary>What a counter screen shows on load: the counter's state and the ticket it is calling or serving, if any.</summary>
    public static async Task<Results<Ok<CounterDesk>, ProblemHttpResult>> Desk(string branch, int number, ClaimsPrincipal user, QueueContext q, CancellationToken ct)
    {
        var (counter, layout, problem) = await q.FindCounterAsync(branch, number, user, ct);
        if (counter is null) return problem!;
        var db = q.Db;
        var staff = counter.StaffUserId is { } id ? await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) : null;
        var current = await CurrentAt(db, counter.Id).FirstOrDefaultAsync(ct);
        return TypedResults.Ok(new CounterDesk(counter.Number, counter.State, counter.PauseReason, staff,
            current is null ? null : await q.ToDtoAsync(current, layout!, user, ct)));
    }

    /// <summary>
    /// The waiting and parked tickets of a branch for counter staff: numbers, services and waited time only, never who
    /// the customers are, so nobody can pick the easy cases.
    /// </summary>
    public static async Task<Results<Ok<QueueLists>, ProblemHttpResult>> Lists(string branch, ClaimsPrincipal user, TouchpointDb db, TimeProvider clock, CancellationToken ct)
    {
        var (b, problem) = await BranchAccess.FindAsync(db, branch, user, ct);
        if (b is null) return problem!;
        var now = clock.GetUtcNow().UtcDateTime;
        var services = await db.Services.AsNoTracking().Where(s => s.BranchId == b.Id).ToDictionaryAsync(s => s.Id, s => s.Code, ct);
        var counters = await db.Counters.AsNoTracking().Where(c => c.BranchId == b.Id).ToDictionaryAsync(c => c.Id, c => c.Number, ct);
        var tickets = await db.QueueTickets.AsNoTracking()
            .Where(t => t.BranchId == b.Id && (t.Status == TicketStatuses.Waiting || t.Status == TicketStatuses.Parked))
            .OrderBy(t => t.IssuedAt).Take(500).ToListAsync(ct);
        QueueEntry Entry(QueueTicket t) => new(t.Id, t.Number, services.GetValueOrDefault(t.ServiceTypeId, "?"), t.Priority, t.IssuedAt,
            (int)Math.Max(0, (now - t.IssuedAt).TotalSeconds),
            t.TargetCounterId is { } tc ? counters.GetValueOrDefault(tc) : null, t.CounterId is { } c ? counters.GetValueOrDefault(c) : null);
        return TypedResults.Ok(new QueueLists(
            tickets.Where(t => t.Status == TicketStatuses.Waiting).Select(Entry).ToList(),
            tickets.Where(t => t.Status == TicketStatuses.Parked).Select(Entry).ToList()));
    }
}
