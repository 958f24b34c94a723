using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Features.Organisation;
using Touchpoint.Server.Platform.Data;

namespace Touchpoint.Server.Features.Queue;

/// <summary>
/// Minutes until a waiting ticket is called: the people ahead, served by the open counters that take the service, at
/// today's average service time (the service's configured average until today has its own completed tickets).
/// The two inputs are read at most every <see cref="MaxAge"/> per service: every ticket issued and every status page
/// refresh needs them, and an estimate in minutes does not change with each second.
/// </summary>
public sealed class WaitEstimate(TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(10);
    private const int RecentTickets = 20;
    private readonly ConcurrentDictionary<Guid, (int OpenCounters, double ServiceMinutes, long ReadAt)> inputs = new();

    public async Task<int> MinutesAsync(TouchpointDb db, Branch branch, ServiceType service, int peopleAhead, CancellationToken ct)
    {
        if (!inputs.TryGetValue(service.Id, out var known) || clock.GetElapsedTime(known.ReadAt) >= MaxAge)
        {
            var readAt = clock.GetTimestamp();
            var openCounters = await db.Counters.CountAsync(c => c.BranchId == branch.Id && c.State == CounterStates.Open
                && c.Services.Any(s => s.ServiceTypeId == service.Id), ct);
            known = (openCounters, await AverageServiceMinutesAsync(db, branch, service, ct), readAt);
            inputs[service.Id] = known;
        }
        return Estimate(peopleAhead, Math.Max(1, known.OpenCounters), known.ServiceMinutes);
    }

    /// <summary>A counter opened, paused or closed: the next estimate for the branch reads the counters again.</summary>
    public void CountersChanged() => inputs.Clear();

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
