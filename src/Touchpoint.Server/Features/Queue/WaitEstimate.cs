using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Features.Organisation;
using Touchpoint.Server.Platform.Data;

namespace Touchpoint.Server.Features.Queue;

/// <summary>
/// Minutes until a waiting ticket is called: the people ahead, served by the open counters that take the service, at
/// today's average service time (the service's configured average until today has its own completed tickets).
/// </summary>
public static class WaitEstimate
{
    private const int RecentTickets = 20;

    public static async Task<int> MinutesAsync(TouchpointDb db, Branch branch, ServiceType service, int peopleAhead, CancellationToken ct)
    {
        var openCounters = await db.Counters.CountAsync(c => c.BranchId == branch.Id && c.State == CounterStates.Open
            && c.Services.Any(s => s.ServiceTypeId == service.Id), ct);
        var minutes = await AverageServiceMinutesAsync(db, branch, service, ct);
        return Estimate(peopleAhead, Math.Max(1, openCounters), minutes);
    }

    public static int Estimate(int peopleAhead, int counters, double serviceMinutes) =>
        (int)Math.Ceiling(peopleAhead * serviceMinutes / Math.Max(1, counters));

    public static async Task<double> AverageServiceMinutesAsync(TouchpointDb db, Branch branch, ServiceType service, CancellationToken ct)
    {
        var since = QueueClock.StartOfDayUtc(branch, DateTime.UtcNow);
        var recent = await db.QueueTickets.AsNoTracking()
            .Where(t => t.ServiceTypeId == service.Id && t.Status == TicketStatuses.Completed && t.CompletedAt >= since && t.StartedAt != null
                && t.CompletedAt > t.StartedAt)
            .OrderByDescending(t => t.CompletedAt).Take(RecentTickets)
            .Select(t => new { t.StartedAt, t.CompletedAt }).ToListAsync(ct);
        // A ticket completed straight after the call has no service time worth averaging; so does a day without any.
        var average = recent.Count == 0 ? 0 : recent.Average(t => (t.CompletedAt!.Value - t.StartedAt!.Value).TotalMinutes);
        return average > 0.05 ? average : Math.Max(1, service.AverageServiceMinutes);
    }
}
