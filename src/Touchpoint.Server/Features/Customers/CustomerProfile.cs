using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Platform.Privacy;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Localization;

namespace Touchpoint.Server.Features.Customers;

public sealed record ContactDto(Guid Id, string Kind, string Masked);
public sealed record IdentifierDto(Guid Id, string Kind, string Masked);
public sealed record SegmentRefDto(string Code, string Name, DateTime Since);
public sealed record ServicePolicyDto(string? QueuePriority, string? SlaPolicy, bool SurveyEligible);

/// <summary>A row of the search list: masked, enough to pick the right person.</summary>
public sealed record CustomerSummaryDto(
    Guid Id, string Name, string? Phone, string? Email, string Language, string Tier, bool Vip, IReadOnlyList<string> Needs,
    string? HomeBranch, string Status, DateTime? LastSeenAt);

/// <summary>The profile with every personal field masked; POST /reveal shows one field in clear.</summary>
public sealed record CustomerDto(
    Guid Id, string Name, IReadOnlyList<ContactDto> Contacts, IReadOnlyList<IdentifierDto> Identifiers, string Language,
    IReadOnlyList<string> Needs, IReadOnlyList<string> Tags, bool HasNotes, bool ConsentSurveys, bool ConsentMarketing,
    double Value, bool Vip, DateTime? VipUntil, string Tier, string? Rfm, DateTime? LastSeenAt, int VisitsLastYear,
    IReadOnlyList<SegmentRefDto> Segments, ServicePolicyDto Policy, string Status, Guid? MergedIntoId, string? HomeBranch,
    DateTime CreatedAt, DateTime UpdatedAt);

/// <summary>Reads profiles into their masked form, and the service policy other modules act on.</summary>
public static class CustomerProfile
{
    public static async Task<CustomerDto> ToDtoAsync(TouchpointDb db, Customer c, CancellationToken ct)
    {
        var contacts = await db.CustomerContacts.AsNoTracking().Where(x => x.CustomerId == c.Id).OrderBy(x => x.Kind).ThenBy(x => x.CreatedAt).ToListAsync(ct);
        var identifiers = await db.CustomerIdentifiers.AsNoTracking().Where(x => x.CustomerId == c.Id).OrderBy(x => x.Kind).ToListAsync(ct);
        var segments = await CurrentSegmentsAsync(db, c.Id, ct);
        var home = c.HomeBranchId is { } h ? await db.Branches.AsNoTracking().Where(b => b.Id == h).Select(b => b.Code).FirstOrDefaultAsync(ct) : null;
        var now = DateTime.UtcNow;
        return new CustomerDto(c.Id, PersonalData.MaskName(c.Name),
            contacts.Select(x => new ContactDto(x.Id, x.Kind, PersonalData.MaskContact(x.Kind, x.Value))).ToList(),
            identifiers.Select(x => new IdentifierDto(x.Id, x.Kind, PersonalData.MaskIdentifier(x.Hint))).ToList(),
            c.Language, c.Needs, c.Tags, !string.IsNullOrEmpty(c.Notes), c.ConsentSurveys, c.ConsentMarketing, c.Value,
            c.IsVip(now), c.VipUntil, c.Tier, c.Rfm, c.LastSeenAt, c.VisitsLastYear,
            segments.Select(s => new SegmentRefDto(s.Segment.Code, s.Segment.Name.Resolve(Languages.Current), s.Since)).ToList(),
            PolicyOf(c, segments.Select(s => s.Segment), now), c.Status, c.MergedIntoId, home, c.CreatedAt, c.UpdatedAt);
    }

    public static async Task<List<(CustomerSegment Segment, DateTime Since)>> CurrentSegmentsAsync(TouchpointDb db, Guid customerId, CancellationToken ct)
    {
        var rows = await db.CustomerSegmentMemberships.AsNoTracking().Where(m => m.CustomerId == customerId && m.Until == null)
            .Join(db.CustomerSegments.AsNoTracking(), m => m.SegmentId, s => s.Id, (m, s) => new { Segment = s, m.Since })
            .ToListAsync(ct);
        return rows.OrderByDescending(r => r.Segment.Rank).Select(r => (r.Segment, r.Since)).ToList();
    }

    /// <summary>
    /// The highest-ranked segment that sets a policy wins; without one, the VIP flag and then accessibility needs give
    /// the queue priority. Surveys need the customer's consent whatever a segment says.
    /// </summary>
    public static ServicePolicyDto PolicyOf(Customer c, IEnumerable<CustomerSegment> segmentsByRank, DateTime now)
    {
        var segments = segmentsByRank.ToList();
        var priority = segments.Select(s => s.Policy.QueuePriority).FirstOrDefault(p => p is not null)
            ?? (c.IsVip(now) ? "vip" : CustomerNeeds.PriorityOf(c.Needs));
        var sla = segments.Select(s => s.Policy.SlaPolicy).FirstOrDefault(p => p is not null);
        var surveys = c.ConsentSurveys && segments.All(s => s.Policy.SurveyEligible != false);
        return new ServicePolicyDto(priority, sla, surveys);
    }

    public static async Task<List<CustomerSummaryDto>> SummariesAsync(TouchpointDb db, IQueryable<Customer> customers, CancellationToken ct)
    {
        var rows = await customers.AsNoTracking().Select(c => new
        {
            Customer = c,
            Phone = db.CustomerContacts.Where(x => x.CustomerId == c.Id && x.Kind == ContactKinds.Phone).OrderBy(x => x.CreatedAt).Select(x => x.Value).FirstOrDefault(),
            Email = db.CustomerContacts.Where(x => x.CustomerId == c.Id && x.Kind == ContactKinds.Email).OrderBy(x => x.CreatedAt).Select(x => x.Value).FirstOrDefault(),
            Home = db.Branches.Where(b => b.Id == c.HomeBranchId).Select(b => b.Code).FirstOrDefault(),
        }).ToListAsync(ct);
        var now = DateTime.UtcNow;
        return rows.Select(r => new CustomerSummaryDto(r.Customer.Id, PersonalData.MaskName(r.Customer.Name),
            r.Phone is null ? null : Masks.Phone(r.Phone), r.Email is null ? null : PersonalData.MaskEmail(r.Email),
            r.Customer.Language, r.Customer.Tier, r.Customer.IsVip(now), r.Customer.Needs, r.Home, r.Customer.Status, r.Customer.LastSeenAt)).ToList();
    }
}
