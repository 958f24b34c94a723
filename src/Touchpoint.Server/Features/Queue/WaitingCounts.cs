using System.Collections.Concurrent;

namespace Touchpoint.Server.Features.Queue;

/// <summary>
/// How many tickets wait per service, for the answer to a ticket just issued ("12 people ahead"). Counting the queue
/// for every ticket costs more than everything else issuing does once thousands wait, so each node counts a service
/// at most every <see cref="MaxAge"/> and keeps the figure up to date with the tickets it issues and calls itself.
/// Calls made on another node within that second are not seen yet: the figure may be a call or two high for a moment,
/// never low. The status page (<c>GET /api/tickets/{id}</c>) always counts exactly.
/// </summary>
public sealed class WaitingCounts(TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);
    private sealed class Entry(int waiting, long countedAt)
    {
        public int Waiting = waiting;
        public readonly long CountedAt = countedAt;
    }
    private readonly ConcurrentDictionary<Guid, Entry> services = new();

    /// <summary>The people ahead of a ticket just issued, counting it in; null when the service must be counted again.</summary>
    public int? TakeAheadOfNew(Guid serviceId)
    {
        if (!services.TryGetValue(serviceId, out var entry) || clock.GetElapsedTime(entry.CountedAt) >= MaxAge) return null;
        return Interlocked.Increment(ref entry.Waiting) - 1;
    }

    /// <summary>An exact count, taken when the ticket that made it was already saved: <paramref name="waiting"/> includes it.</summary>
    public void Counted(Guid serviceId, int waiting) => services[serviceId] = new Entry(waiting, clock.GetTimestamp());

    public void LeftQueue(Guid serviceId)
    {
        if (services.TryGetValue(serviceId, out var entry)) Interlocked.Decrement(ref entry.Waiting);
    }

    /// <summary>Transfers and parking move tickets between queues: count again rather than follow them.</summary>
    public void Forget() => services.Clear();
}
