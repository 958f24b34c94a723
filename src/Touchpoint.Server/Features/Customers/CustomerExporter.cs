using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Platform.Data;

namespace Touchpoint.Server.Features.Customers;

public sealed record ExportedContact(string Kind, string Value, DateTime CreatedAt);
public sealed record ExportedIdentifier(string Kind, string Value, DateTime CreatedAt);
public sealed record ExportedMembership(string Segment, DateTime Since, DateTime? Until);
public sealed record ExportedProfile(
    Guid Id, string? Name, string Language, IReadOnlyList<string> Needs, IReadOnlyList<string> Tags, string? Notes, bool ConsentSurveys,
    bool ConsentMarketing, double Value, DateTime? VipUntil, string Tier, string? Rfm, DateTime? LastSeenAt, int VisitsLastYear,
    string Status, Guid? MergedIntoId, DateTime CreatedAt, DateTime UpdatedAt, DateTime? ErasedAt);
public sealed record ExportedAccess(DateTime At, string Actor, string Action, string? Details);

/// <summary>Everything kept about one customer, in clear, as one JSON document (a subject access request).</summary>
public sealed record CustomerExport(
    DateTime ExportedAt, ExportedProfile Profile, IReadOnlyList<ExportedContact> Contacts, IReadOnlyList<ExportedIdentifier> Identifiers,
    IReadOnlyList<ExportedMembership> Segments, IReadOnlyList<TimelineItemDto> Timeline, IReadOnlyList<ExportedAccess> Audit);

public sealed class CustomerExporter(CustomerHistory history, IdentifierVault vault)
{
    public async Task<CustomerExport> ExportAsync(TouchpointDb db, Customer c, CancellationToken ct)
    {
        var contacts = await db.CustomerContacts.AsNoTracking().Where(x => x.CustomerId == c.Id).OrderBy(x => x.CreatedAt)
            .Select(x => new ExportedContact(x.Kind, x.Value, x.CreatedAt)).ToListAsync(ct);
        var identifiers = (await db.CustomerIdentifiers.AsNoTracking().Where(x => x.CustomerId == c.Id).OrderBy(x => x.CreatedAt).ToListAsync(ct))
            .Select(x => new ExportedIdentifier(x.Kind, vault.Unprotect(x.Protected), x.CreatedAt)).ToList();
        var segments = await db.CustomerSegmentMemberships.AsNoTracking().Where(m => m.CustomerId == c.Id)
            .Join(db.CustomerSegments, m => m.SegmentId, s => s.Id, (m, s) => new ExportedMembership(s.Code, m.Since, m.Until))
            .ToListAsync(ct);
        var timeline = await history.ReadAsync(db, new TimelineQuery(c.Id, null, null, 100_000), ct);
        // Who looked at or changed the profile belongs to the person too (reveals included).
        var target = CustomerEndpoints.Target + c.Id;
        var audit = await db.AuditEntries.AsNoTracking().Where(e => e.Target == target).OrderBy(e => e.At)
            .Select(e => new ExportedAccess(e.At, e.Actor, e.Action, e.Details)).ToListAsync(ct);
        return new CustomerExport(DateTime.UtcNow,
            new ExportedProfile(c.Id, c.Name, c.Language, c.Needs, c.Tags, c.Notes, c.ConsentSurveys, c.ConsentMarketing, c.Value, c.VipUntil,
                c.Tier, c.Rfm, c.LastSeenAt, c.VisitsLastYear, c.Status, c.MergedIntoId, c.CreatedAt, c.UpdatedAt, c.ErasedAt),
            contacts, identifiers, segments.OrderBy(s => s.Since).ToList(), await CustomerEndpoints.ToDtosAsync(db, timeline, ct), audit);
    }
}
