using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Features.Customers;
using Touchpoint.Server.Platform.Data;

namespace Touchpoint.Server.Features.Cases;

/// <summary>The cases' part of a customer's timeline: each case when it was opened, with its state and SLA outcome.</summary>
public sealed class CaseTimelineSource : ICustomerTimelineSource
{
    public IQueryable<CustomerActivity> Activity(TouchpointDb db) =>
        db.Cases.Where(c => c.CustomerId != null)
            .Select(c => new CustomerActivity { CustomerId = c.CustomerId!.Value, BranchId = c.BranchId, At = c.CreatedAt });

    public async Task<IReadOnlyList<TimelineEntry>> ReadAsync(TouchpointDb db, TimelineQuery query, CancellationToken ct)
    {
        var q = db.Cases.AsNoTracking().Where(c => c.CustomerId == query.CustomerId);
        if (query.BranchIds is { } branches) q = q.Where(c => branches.Contains(c.BranchId));
        if (query.Before is { } before) q = q.Where(c => c.CreatedAt < before);
        var rows = await q.OrderByDescending(c => c.CreatedAt).Take(query.Limit)
            .Select(c => new { c.Id, c.Reference, c.BranchId, c.CreatedAt, c.Subject, c.Channel, c.Status, c.Priority, c.SlaBreached })
            .ToListAsync(ct);
        return rows.Select(c => new TimelineEntry("case", c.CreatedAt, c.BranchId, c.Reference, new Dictionary<string, string?>
        {
            ["id"] = c.Id.ToString(),
            ["subject"] = c.Subject,
            ["channel"] = c.Channel,
            ["status"] = c.Status,
            ["priority"] = c.Priority,
            ["slaBreached"] = c.SlaBreached ? "true" : null,
        })).ToList();
    }

    public async Task<IReadOnlyDictionary<string, int>> MoveAsync(TouchpointDb db, Guid from, Guid to, CancellationToken ct) =>
        new Dictionary<string, int>
        {
            ["cases"] = await db.Cases.Where(c => c.CustomerId == from).ExecuteUpdateAsync(s => s.SetProperty(c => c.CustomerId, to), ct),
        };

    /// <summary>
    /// The contact snapshot goes, and so does what the customer wrote (their words may carry anything about them);
    /// numbers, times, statuses and SLA outcomes stay for the reports. Staff replies and notes stay: they are the
    /// organisation's record of its own work. The cases change through the tracker, so the search index follows them
    /// in the erasure's SaveChanges.
    /// </summary>
    public async Task EraseAsync(TouchpointDb db, Guid customerId, CancellationToken ct)
    {
        var cases = await db.Cases.Where(c => c.CustomerId == customerId).ToListAsync(ct);
        var ids = cases.Select(c => c.Id).ToList();
        foreach (var m in await db.CaseMessages.Where(m => m.Direction == CaseMessageDirections.Inbound && ids.Contains(m.CaseId)).ToListAsync(ct))
        {
            m.Body = "";
            m.AuthorName = "";
        }
        foreach (var c in cases)
        {
            c.CustomerName = "";
            c.CustomerEmail = c.CustomerPhone = null;
            c.Subject = c.Description = "";
        }
    }

    public IReadOnlyList<string> ErasedTables => ["Cases", "CaseMessages"];
}
