using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Localization;

namespace Touchpoint.Server.Features.Customers;

/// <summary>
/// The profile's own events: created, changed, VIP, merged (what moved and why), erased or anonymised, from the audit log; joining and
/// leaving segments, from the membership history. Reveals and exports are left out here (they are in the export).
/// </summary>
public sealed class ProfileTimelineSource : ICustomerTimelineSource
{
    private static readonly string[] Shown =
        [CustomerAuditActions.Created, CustomerAuditActions.Updated, CustomerAuditActions.VipChanged, CustomerAuditActions.Merged,
         CustomerAuditActions.Erased, CustomerAuditActions.Anonymised];

    public async Task<IReadOnlyList<TimelineEntry>> ReadAsync(TouchpointDb db, TimelineQuery query, CancellationToken ct)
    {
        var target = CustomerEndpoints.Target + query.CustomerId;
        var audit = db.AuditEntries.AsNoTracking().Where(e => e.Target == target && Shown.Contains(e.Action));
        if (query.Before is { } before) audit = audit.Where(e => e.At < before);
        var entries = (await audit.OrderByDescending(e => e.At).Take(query.Limit).ToListAsync(ct))
            .Select(e => new TimelineEntry(e.Action, e.At, null, null, Flatten(e.Details, e.Actor))).ToList();

        var memberships = await db.CustomerSegmentMemberships.AsNoTracking().Where(m => m.CustomerId == query.CustomerId)
            .Join(db.CustomerSegments, m => m.SegmentId, s => s.Id, (m, s) => new { m.Since, m.Until, s.Code, s.Name })
            .OrderByDescending(m => m.Since).Take(query.Limit).ToListAsync(ct);
        foreach (var m in memberships)
        {
            var details = new Dictionary<string, string?> { ["segment"] = m.Code, ["name"] = m.Name.Resolve(Languages.Current) };
            if (query.Before is null || m.Since < query.Before) entries.Add(new TimelineEntry("segment.joined", m.Since, null, m.Code, details));
            if (m.Until is { } until && (query.Before is null || until < query.Before)) entries.Add(new TimelineEntry("segment.left", until, null, m.Code, details));
        }
        return entries;
    }

    /// <summary>Top-level fields of the audit details as text; nested values (what a merge moved) stay JSON.</summary>
    private static Dictionary<string, string?> Flatten(string? json, string actor)
    {
        var details = new Dictionary<string, string?> { ["actor"] = actor };
        if (json is null) return details;
        using var doc = JsonDocument.Parse(json);
        if (doc.RootElement.ValueKind != JsonValueKind.Object) return details;
        foreach (var p in doc.RootElement.EnumerateObject())
            details[p.Name] = p.Value.ValueKind switch
            {
                JsonValueKind.String => p.Value.GetString(),
                JsonValueKind.Null => null,
                _ => p.Value.GetRawText(),
            };
        return details;
    }
}
