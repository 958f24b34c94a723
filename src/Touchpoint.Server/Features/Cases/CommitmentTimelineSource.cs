using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Features.Customers;
using Touchpoint.Server.Platform.Data;

namespace Touchpoint.Server.Features.Cases;

/// <summary>Promises made to the customer on the customer's timeline: when made, what, due when and whether kept.</summary>
public sealed class CommitmentTimelineSource : ICustomerTimelineSource
{
    public async Task<IReadOnlyList<TimelineEntry>> ReadAsync(TouchpointDb db, TimelineQuery query, CancellationToken ct)
    {
        var q = db.Commitments.AsNoTracking().Where(x => x.CustomerId == query.CustomerId);
        if (query.BranchIds is { } branches) q = q.Where(x => branches.Contains(x.BranchId));
        if (query.Before is { } before) q = q.Where(x => x.CreatedAt < before);
        var rows = await q.OrderByDescending(x => x.CreatedAt).Take(query.Limit)
            .Join(db.Cases, x => x.CaseId, c => c.Id, (x, c) => new { x.Id, x.CaseId, c.Reference, x.BranchId, x.CreatedAt, x.Promise, x.DueAt, x.Status, x.KeptAt })
            .ToListAsync(ct);
        return rows.Select(x => new TimelineEntry("commitment", x.CreatedAt, x.BranchId, x.Reference, new Dictionary<string, string?>
        {
            ["id"] = x.Id.ToString(),
            ["caseId"] = x.CaseId.ToString(),
            ["promise"] = x.Promise,
            ["dueAt"] = x.DueAt.ToString("O"),
            ["status"] = x.Status,
            ["keptAt"] = x.KeptAt?.ToString("O"),
        })).ToList();
    }

    public async Task<IReadOnlyDictionary<string, int>> MoveAsync(TouchpointDb db, Guid from, Guid to, CancellationToken ct) =>
        new Dictionary<string, int>
        {
            ["commitments"] = await db.Commitments.Where(x => x.CustomerId == from).ExecuteUpdateAsync(s => s.SetProperty(x => x.CustomerId, to), ct),
        };

    /// <summary>What was promised may name the customer or their matter; the times and whether it was kept stay for the reports.</summary>
    public async Task EraseAsync(TouchpointDb db, Guid customerId, CancellationToken ct) =>
        await db.Commitments.Where(x => x.CustomerId == customerId).ExecuteUpdateAsync(s => s.SetProperty(x => x.Promise, ""), ct);

    public IReadOnlyList<string> ErasedTables => ["Commitments"];
}
