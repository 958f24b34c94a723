using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Features.Customers;
using Touchpoint.Server.Platform.Data;

namespace Touchpoint.Server.Features.Assist;

/// <summary>
/// Staff corrections keep a copy of the customer's words as a training example. Erasing the customer deletes those
/// copies (the analyses themselves hold labels and scores only, which stay for the reports).
/// </summary>
public sealed class AssistCustomerData : ICustomerTimelineSource
{
    public async Task EraseAsync(TouchpointDb db, Guid customerId, CancellationToken ct)
    {
        var cases = db.Cases.Where(c => c.CustomerId == customerId).Select(c => c.Id);
        var messages = db.CaseMessages.Where(m => cases.Contains(m.CaseId)).Select(m => m.Id);
        var encounters = db.Encounters.Where(e => e.CustomerId == customerId).Select(e => e.Id);
        await db.AssistExamples.Where(x => x.OwnerId != null && (
                (x.OwnerKind == AssistOwners.Case && cases.Contains(x.OwnerId.Value))
                || (x.OwnerKind == AssistOwners.Message && messages.Contains(x.OwnerId.Value))
                || (x.OwnerKind == AssistOwners.Encounter && encounters.Contains(x.OwnerId.Value))))
            .ExecuteDeleteAsync(ct);
    }

    public IReadOnlyList<string> ErasedTables => ["AssistExamples"];
}
