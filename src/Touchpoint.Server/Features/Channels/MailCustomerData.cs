using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Features.Customers;
using Touchpoint.Server.Platform.Data;

namespace Touchpoint.Server.Features.Channels;

/// <summary>
/// The email channel keeps every message byte for byte (inbound, and outbound in the outbox). The messages already show
/// on the timeline through their cases; erasure must still take the raw copies, which carry addresses, names and words.
/// </summary>
public sealed class MailCustomerData : ICustomerTimelineSource
{
    public async Task EraseAsync(TouchpointDb db, Guid customerId, CancellationToken ct)
    {
        var cases = db.Cases.Where(c => c.CustomerId == customerId).Select(c => c.Id);
        await db.InboundMails.Where(m => m.CaseId != null && cases.Contains(m.CaseId.Value))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Raw, Array.Empty<byte>())
                .SetProperty(m => m.FromAddress, (string?)null).SetProperty(m => m.Subject, (string?)null), ct);
        await db.OutboundMails.Where(m => cases.Contains(m.CaseId))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Raw, Array.Empty<byte>()).SetProperty(m => m.Recipient, ""), ct);
    }

    public IReadOnlyList<string> ErasedTables => ["InboundMails", "OutboundMails"];
}
