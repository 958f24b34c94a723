using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Platform.Data;

namespace Touchpoint.Server.Features.Customers;

/// <summary>
/// Recomputes customers' statistics (last seen, visits in the last year, RFM, tier) from every module's activity and
/// then their segment memberships, closing and opening membership rows so that the history shows who was in which
/// segment when. Runs for one customer on every change and for everyone on a schedule (<see cref="CustomerMaintenance"/>).
/// </summary>
public sealed class SegmentMembership(CustomerHistory history, TimeProvider clock)
{
    private const int BatchSize = 1000;

    public async Task RecomputeAsync(TouchpointDb db, IReadOnlyList<Guid> customerIds, CancellationToken ct)
    {
        var segments = await db.CustomerSegments.AsNoTracking().Where(s => s.IsActive).ToListAsync(ct);
        await RecomputeBatchAsync(db, customerIds.ToList(), segments, ct);
    }

    /// <summary>Whether the customer's history has news their stored statistics do not show yet.</summary>
    public async Task<bool> IsStaleAsync(TouchpointDb db, Customer c, CancellationToken ct)
    {
        var last = await history.Activity(db).Where(a => a.CustomerId == c.Id).MaxAsync(a => (DateTime?)a.At, ct);
        return last != c.LastSeenAt;
    }

    /// <summary>Every active customer, in batches, each batch saved and forgotten before the next.</summary>
    public async Task<int> RecomputeAllAsync(TouchpointDb db, CancellationToken ct)
    {
        var segments = await db.CustomerSegments.AsNoTracking().Where(s => s.IsActive).ToListAsync(ct);
        var all = await db.Customers.AsNoTracking().Where(c => c.Status == CustomerStatuses.Active).Select(c => c.Id).ToListAsync(ct);
        foreach (var batch in all.Chunk(BatchSize))
        {
            await RecomputeBatchAsync(db, [.. batch], segments, ct);
            db.ChangeTracker.Clear();
        }
        // Memberships of segments switched off end now.
        var now = clock.GetUtcNow().UtcDateTime;
        var inactive = db.CustomerSegments.Where(s => !s.IsActive).Select(s => s.Id);
        await db.CustomerSegmentMemberships.Where(m => m.Until == null && inactive.Contains(m.SegmentId))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Until, now), ct);
        return all.Count;
    }

    private async Task RecomputeBatchAsync(TouchpointDb db, List<Guid> ids, List<CustomerSegment> segments, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var yearAgo = now.AddDays(-365);
        var stats = await history.Activity(db).Where(a => ids.Contains(a.CustomerId))
            .GroupBy(a => a.CustomerId)
            .Select(g => new { CustomerId = g.Key, LastSeen = g.Max(a => a.At), Visits = g.Count(a => a.At >= yearAgo) })
            .ToDictionaryAsync(x => x.CustomerId, ct);
        var customers = await db.Customers.Where(c => ids.Contains(c.Id) && c.Status == CustomerStatuses.Active).ToListAsync(ct);
        var open = (await db.CustomerSegmentMemberships.Where(m => ids.Contains(m.CustomerId) && m.Until == null).ToListAsync(ct))
            .ToLookup(m => m.CustomerId);
        foreach (var c in customers)
        {
            // Statistics only: UpdatedAt stays, it is what retention reads as the last change by a person.
            var s = stats.GetValueOrDefault(c.Id);
            c.LastSeenAt = s?.LastSeen;
            c.VisitsLastYear = s?.Visits ?? 0;
            (c.Rfm, c.Tier) = CustomerScoring.Score(c.LastSeenAt, c.VisitsLastYear, c.Value, c.CreatedAt, now);

            var wanted = segments.Where(seg => CustomerScoring.Matches(seg.Rules, c, now)).Select(seg => seg.Id).ToHashSet();
            foreach (var m in open[c.Id])
                if (!wanted.Remove(m.SegmentId)) m.Until = now;
            foreach (var segmentId in wanted)
                db.CustomerSegmentMemberships.Add(new CustomerSegmentMembership { CustomerId = c.Id, SegmentId = segmentId, Since = now });
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (Conflicts.IsUniqueViolation(e))
        {
            // Another recompute of the same customer opened the membership first (one open row per segment is an
            // index): its row stands; the statistics and the memberships this one closed are saved without ours.
            foreach (var added in db.ChangeTracker.Entries<CustomerSegmentMembership>().Where(x => x.State == EntityState.Added).ToList())
                added.State = EntityState.Detached;
            await db.SaveChangesAsync(ct);
        }
    }
}
