using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Features.Customers;
using Touchpoint.Server.Platform.Data;

namespace Touchpoint.Server.Features.Encounters;

/// <summary>
/// Encounters on channels without a queue ticket (phone, email, chat). Counter encounters appear on their ticket's
/// line of the timeline (<see cref="Queue.QueueTimelineSource"/>), so each visit shows once.
/// </summary>
public sealed class EncounterTimelineSource : ICustomerTimelineSource
{
    public IQueryable<CustomerActivity> Activity(TouchpointDb db) =>
        db.Encounters.Where(e => e.CustomerId != null && e.TicketId == null)
            .Select(e => new CustomerActivity { CustomerId = e.CustomerId!.Value, BranchId = e.BranchId, At = e.StartedAt });

    public async Task<IReadOnlyList<TimelineEntry>> ReadAsync(TouchpointDb db, TimelineQuery query, CancellationToken ct)
    {
        var q = db.Encounters.AsNoTracking().Where(e => e.CustomerId == query.CustomerId && e.TicketId == null);
        if (query.BranchIds is { } branches) q = q.Where(e => branches.Contains(e.BranchId));
        if (query.Before is { } before) q = q.Where(e => e.StartedAt < before);
        var rows = await q.OrderByDescending(e => e.StartedAt).Take(query.Limit)
            .Select(e => new { e.Id, e.BranchId, e.StartedAt, e.EndedAt, e.Channel, e.Mode, e.Outcome,
                Staff = db.Users.Where(u => u.Id == e.StaffUserId).Select(u => u.DisplayName).FirstOrDefault() })
            .ToListAsync(ct);
        return rows.Select(e => new TimelineEntry("encounter", e.StartedAt, e.BranchId, null, new Dictionary<string, string?>
        {
            ["channel"] = e.Channel,
            ["mode"] = e.Mode,
            ["outcome"] = e.Outcome,
            ["staff"] = e.Staff,
            ["minutes"] = ((int)Math.Round((e.EndedAt - e.StartedAt).TotalMinutes)).ToString(),
        })).ToList();
    }

    public async Task<IReadOnlyDictionary<string, int>> MoveAsync(TouchpointDb db, Guid from, Guid to, CancellationToken ct) =>
        new Dictionary<string, int>
        {
            ["encounters"] = await db.Encounters.Where(e => e.CustomerId == from).ExecuteUpdateAsync(s => s.SetProperty(e => e.CustomerId, to), ct),
        };

    /// <summary>The contact's name and the summary (what they said, in staff's words) go; channel, times and outcome stay.</summary>
    public async Task EraseAsync(TouchpointDb db, Guid customerId, CancellationToken ct)
    {
        foreach (var e in await db.Encounters.Where(e => e.CustomerId == customerId).ToListAsync(ct))
            e.CustomerName = e.Summary = null;
    }

    public IReadOnlyList<string> ErasedTables => ["Encounters"];
}
