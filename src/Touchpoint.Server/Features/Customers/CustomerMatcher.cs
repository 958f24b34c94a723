using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Platform.Audit;
using Touchpoint.Server.Platform.Data;

namespace Touchpoint.Server.Features.Customers;

/// <summary>What a channel knows about the person it is serving (any of it may be missing).</summary>
public sealed record CustomerSighting(Guid BranchId, string? Name, string? Phone, string? Email, string? Messaging, string Language);

/// <summary>The profile a sighting belongs to, and the SLA policy its segments ask for (null for a new profile).</summary>
public sealed record MatchedCustomer(Guid Id, string? SlaPolicy);

/// <summary>
/// Finds the profile a channel's contact belongs to, or creates one, so every case, chat and call lands on one
/// timeline. An email address or a messaging id is taken as one person's; a phone number may be a household's, so it is
/// tried last. When several active profiles share the contact point, the one seen most recently wins (staff merge the
/// duplicates). A name alone identifies nobody: without a contact point no profile is made.
/// Call it inside the caller's write section and transaction: on SQLite the write gate then keeps two messages from a
/// new person from making two profiles; on PostgreSQL a transaction-scoped advisory lock on the contact point does.
/// </summary>
public sealed class CustomerMatcher(AuditLog audit)
{
    /// <summary>
    /// Matching only, for a phone that rings: the active profile with this number (the most recently seen), or null.
    /// Nothing is created, since most rings are not worth a profile.
    /// </summary>
    public static async Task<Guid?> FindByPhoneAsync(TouchpointDb db, string? phone, CancellationToken ct) =>
        PersonalData.NormalizePhone(phone) is { } value ? (await FindActive(db, ContactKinds.Phone, value, ct))?.Id : null;

    /// <summary>
    /// The active profile with this contact point (the most recently seen) and the SLA policy of its current segments
    /// (the highest-ranked that sets one), in one plain statement: a returning customer's lookup is on the path of every
    /// case a channel opens, and through EF (a compiled query projecting the segments' collection) it cost more than
    /// the case's own statements outside the writer.
    /// </summary>
    private static async Task<MatchedCustomer?> FindActive(TouchpointDb db, string kind, string value, CancellationToken ct)
    {
        var rows = await db.QueryAsync("""
            SELECT p."Id", s."Policy"
            FROM (SELECT c."Id" FROM "CustomerContacts" x JOIN "Customers" c ON c."Id" = x."CustomerId"
                  WHERE x."Kind" = @p0 AND x."Value" = @p1 AND c."Status" = @p2
                  ORDER BY COALESCE(c."LastSeenAt", c."CreatedAt") DESC LIMIT 1) p
            LEFT JOIN "CustomerSegmentMemberships" m ON m."CustomerId" = p."Id" AND m."Until" IS NULL
            LEFT JOIN "CustomerSegments" s ON s."Id" = m."SegmentId"
            ORDER BY s."Rank" DESC
            """, r => (Id: r.GetGuid(0), Policy: r.IsDBNull(1) ? null : JsonColumns.FromJson<SegmentPolicy>(r.GetString(1))), ct,
            kind, value, CustomerStatuses.Active);
        return rows.Count == 0 ? null : new MatchedCustomer(rows[0].Id, rows.Select(r => r.Policy?.SlaPolicy).FirstOrDefault(p => p is not null));
    }

    /// <summary>
    /// Matching only, outside any write section: the profile a returning customer already has. A caller that finds one
    /// skips <see cref="FindOrCreateAsync"/>, so the single SQLite writer spends no time on the lookup (most contacts
    /// are returning customers); only a contact seen for the first time is matched again, and made, inside the section.
    /// </summary>
    public static async Task<MatchedCustomer?> FindAsync(TouchpointDb db, CustomerSighting s, CancellationToken ct)
    {
        foreach (var (kind, value) in ContactPoints(s))
            if (await FindActive(db, kind, value, ct) is { } found)
                return found;
        return null;
    }

    private static List<(string Kind, string Value)> ContactPoints(CustomerSighting s)
    {
        var points = new List<(string Kind, string Value)>(3);
        if (PersonalData.NormalizeEmail(s.Email) is { } email) points.Add((ContactKinds.Email, email));
        if (PersonalData.NormalizeMessaging(s.Messaging) is { } messaging) points.Add((ContactKinds.Messaging, messaging));
        if (PersonalData.NormalizePhone(s.Phone) is { } phone) points.Add((ContactKinds.Phone, phone));
        return points;
    }

    public async Task<MatchedCustomer?> FindOrCreateAsync(TouchpointDb db, CustomerSighting s, CancellationToken ct)
    {
        var points = ContactPoints(s);
        if (points.Count == 0) return null;

        if (db.IsPostgres)
            foreach (var (kind, value) in points.OrderBy(p => p.Kind, StringComparer.Ordinal))
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({kind + ":" + value}))", ct);

        foreach (var (kind, value) in points)
            if (await FindActive(db, kind, value, ct) is { } found)
                return found;

        // A person known only from this contact is asked about the service they just had, as anyone without a profile
        // is (they may withdraw, and staff can untick it); marketing consent is never assumed.
        var customer = new Customer
        {
            Name = string.IsNullOrWhiteSpace(s.Name) ? null : s.Name.Trim(), Language = s.Language, HomeBranchId = s.BranchId, ConsentSurveys = true,
        };
        db.Customers.Add(customer);
        foreach (var (kind, value) in points)
            db.CustomerContacts.Add(new CustomerContact { CustomerId = customer.Id, Kind = kind, Value = value });
        if (customer.Name is not null)
            db.CustomerNameKeys.AddRange(PersonalData.NameKeys(customer.Name).Select(k => new CustomerNameKey { CustomerId = customer.Id, Key = k }));
        audit.Record(CustomerAuditActions.Created, CustomerEndpoints.Target + customer.Id, new { channel = true });
        return new MatchedCustomer(customer.Id, null);
    }
}
