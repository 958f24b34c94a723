using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Features.Customers;
using Touchpoint.Server.Platform.Data;

namespace Touchpoint.Server.Features.CaseWorkspace;

/// <summary>
/// Calls keep the caller's number. The calls themselves reach the timeline as phone encounters; this source moves the
/// call records on a merge and empties the numbers on erasure (the times and the link to the encounter stay).
/// </summary>
public sealed class PhoneCallCustomerData : ICustomerTimelineSource
{
    public async Task<IReadOnlyDictionary<string, int>> MoveAsync(TouchpointDb db, Guid from, Guid to, CancellationToken ct) =>
        new Dictionary<string, int>
        {
            ["phoneCalls"] = await db.PhoneCalls.Where(c => c.CustomerId == from).ExecuteUpdateAsync(s => s.SetProperty(c => c.CustomerId, to), ct),
        };

    public async Task EraseAsync(TouchpointDb db, Guid customerId, CancellationToken ct) =>
        await db.PhoneCalls.Where(c => c.CustomerId == customerId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.CallerNumber, (string?)null), ct);

    public IReadOnlyList<string> ErasedTables => ["PhoneCalls"];
}
