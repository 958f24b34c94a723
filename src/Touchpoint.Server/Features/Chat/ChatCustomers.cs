using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Features.Customers;
using Touchpoint.Server.Platform.Data;

namespace Touchpoint.Server.Features.Chat;

/// <summary>
/// Finds the customer behind a chat by a contact point (an email the visitor left, a messaging id) or creates one on
/// the fly, at the conversation's branch, as staff do at the desk. Anonymous visitors stay without a profile.
/// </summary>
public static class ChatCustomers
{
    public static async Task<Guid> FindOrCreateAsync(TouchpointDb db, string kind, string normalizedValue, string? name, Guid branchId, string language,
        CancellationToken ct)
    {
        var found = await db.CustomerContacts.AsNoTracking().Where(x => x.Kind == kind && x.Value == normalizedValue)
            .Join(db.Customers.Where(c => c.Status == CustomerStatuses.Active), x => x.CustomerId, c => c.Id, (x, c) => (Guid?)c.Id)
            .FirstOrDefaultAsync(ct);
        if (found is { } id) return id;
        var customer = new Customer { Name = string.IsNullOrWhiteSpace(name) ? normalizedValue : name.Trim(), Language = language, HomeBranchId = branchId };
        db.Customers.Add(customer);
        db.CustomerContacts.Add(new CustomerContact { CustomerId = customer.Id, Kind = kind, Value = normalizedValue });
        await CustomerEditor.SetNameKeysAsync(db, customer, ct);
        await db.SaveChangesAsync(ct);
        return customer.Id;
    }
}
