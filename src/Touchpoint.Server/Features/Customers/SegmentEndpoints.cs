using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Features.Queue;
using Touchpoint.Server.Platform.Audit;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Http;
using Touchpoint.Server.Platform.Identity;
using Touchpoint.Server.Platform.Localization;

namespace Touchpoint.Server.Features.Customers;

public sealed record SegmentDto(string Code, LocalizedText Name, string DisplayName, SegmentRules Rules, SegmentPolicy Policy, int Rank, bool IsActive, int Members);
public sealed record SegmentRequest(string? Code, LocalizedText? Name, SegmentRules? Rules, SegmentPolicy? Policy, int? Rank, bool? IsActive);

public static class SegmentEndpoints
{
    public static void MapSegmentApi(this IEndpointRouteBuilder app)
    {
        var segments = app.MapGroup("/api/customer-segments").RequireAuthorization(Permissions.CustomersRead).WithTags("Customers");
        segments.MapGet("", List);
        segments.MapPost("", Create).RequireAuthorization(Permissions.CustomersSegments);
        segments.MapPut("/{code}", Update).RequireAuthorization(Permissions.CustomersSegments);
        segments.MapGet("/{code}/members", Members);
    }

    private static async Task<List<SegmentDto>> List(TouchpointDb db, CancellationToken ct)
    {
        var rows = await db.CustomerSegments.AsNoTracking().OrderByDescending(s => s.Rank).ThenBy(s => s.Code)
            .Select(s => new { Segment = s, Members = db.CustomerSegmentMemberships.Count(m => m.SegmentId == s.Id && m.Until == null) })
            .ToListAsync(ct);
        return rows.Select(r => ToDto(r.Segment, r.Members)).ToList();
    }

    private static async Task<Results<Created<SegmentDto>, ValidationProblem>> Create(
        SegmentRequest r, TouchpointDb db, SegmentMembership membership, AuditLog audit, CancellationToken ct)
    {
        var v = Validate(r);
        v.Code("code", r.Code);
        var code = r.Code?.Trim().ToUpperInvariant();
        if (v.IsValid && await db.CustomerSegments.AnyAsync(s => s.Code == code, ct)) v.Add("code", "validation.duplicate", code);
        if (!v.IsValid) return v.Problem();
        var segment = new CustomerSegment { Code = code!, Name = r.Name! };
        Apply(segment, r);
        db.CustomerSegments.Add(segment);
        audit.Record(CustomerAuditActions.SegmentChanged, "segment:" + segment.Code, new { created = true });
        await db.SaveChangesAsync(ct);
        var members = await RecomputeAsync(db, membership, segment, ct);
        return TypedResults.Created($"/api/customer-segments/{segment.Code}", ToDto(segment, members));
    }

    private static async Task<Results<Ok<SegmentDto>, ValidationProblem, ProblemHttpResult>> Update(
        string code, SegmentRequest r, TouchpointDb db, SegmentMembership membership, AuditLog audit, CancellationToken ct)
    {
        var normalized = code.Trim().ToUpperInvariant();
        var segment = await db.CustomerSegments.FirstOrDefaultAsync(s => s.Code == normalized, ct);
        if (segment is null) return Problems.NotFound();
        var v = Validate(r);
        if (!v.IsValid) return v.Problem();
        Apply(segment, r);
        audit.Record(CustomerAuditActions.SegmentChanged, "segment:" + segment.Code, new { rules = segment.Rules, policy = segment.Policy, segment.IsActive });
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToDto(segment, await RecomputeAsync(db, membership, segment, ct)));
    }

    /// <summary>A segment's members are recomputed as soon as its rules change, not at the next scheduled run.</summary>
    private static async Task<int> RecomputeAsync(TouchpointDb db, SegmentMembership membership, CustomerSegment segment, CancellationToken ct)
    {
        await membership.RecomputeAllAsync(db, ct);
        return await db.CustomerSegmentMemberships.CountAsync(m => m.SegmentId == segment.Id && m.Until == null, ct);
    }

    private static async Task<Results<Ok<List<CustomerSummaryDto>>, ProblemHttpResult>> Members(
        string code, ClaimsPrincipal user, TouchpointDb db, CustomerAccess access, int limit = 50, CancellationToken ct = default)
    {
        var normalized = code.Trim().ToUpperInvariant();
        var segment = await db.CustomerSegments.AsNoTracking().FirstOrDefaultAsync(s => s.Code == normalized, ct);
        if (segment is null) return Problems.NotFound();
        var memberIds = db.CustomerSegmentMemberships.Where(m => m.SegmentId == segment.Id && m.Until == null).Select(m => m.CustomerId);
        var visible = access.Visible(db, db.Customers.Where(c => memberIds.Contains(c.Id)), await access.BranchIdsAsync(db, user, ct));
        return TypedResults.Ok(await CustomerProfile.SummariesAsync(db, visible.OrderByDescending(c => c.Value).ThenBy(c => c.Id).Take(Math.Clamp(limit, 1, 200)), ct));
    }

    private static Validation Validate(SegmentRequest r)
    {
        var v = new Validation();
        if (r.Name is not null) v.LocalizedName("name", r.Name);
        else v.Add("name", "validation.localizedName");
        if (r.Policy?.QueuePriority is { } p && !PriorityClasses.All.Contains(p)) v.Add("policy.queuePriority", "validation.priority", string.Join(", ", PriorityClasses.All));
        v.MaxLength("policy.slaPolicy", r.Policy?.SlaPolicy, 32);
        foreach (var tier in r.Rules?.AnyTiers ?? [])
            if (!CustomerTiers.All.Contains(tier)) v.Add("rules.anyTiers", "validation.tier", string.Join(", ", CustomerTiers.All));
        foreach (var need in r.Rules?.AnyNeeds ?? [])
            if (!CustomerNeeds.All.Contains(need)) v.Add("rules.anyNeeds", "validation.needs", string.Join(", ", CustomerNeeds.All));
        if (r.Rules?.MinValue is < 0) v.Add("rules.minValue", "validation.range", 0, 1e15);
        foreach (var (field, days) in new[] { ("rules.seenWithinDays", r.Rules?.SeenWithinDays), ("rules.notSeenForDays", r.Rules?.NotSeenForDays), ("rules.minVisitsLastYear", r.Rules?.MinVisitsLastYear) })
            if (days is { } d) v.Range(field, d, 0, 36500);
        if (r.Rank is { } rank) v.Range("rank", rank, -1000, 1000);
        return v;
    }

    private static void Apply(CustomerSegment s, SegmentRequest r)
    {
        s.Name = r.Name!;
        s.Rules = r.Rules ?? new SegmentRules();
        s.Policy = r.Policy ?? new SegmentPolicy();
        s.Rank = r.Rank ?? s.Rank;
        s.IsActive = r.IsActive ?? s.IsActive;
    }

    private static SegmentDto ToDto(CustomerSegment s, int members) =>
        new(s.Code, s.Name, s.Name.Resolve(Languages.Current), s.Rules, s.Policy, s.Rank, s.IsActive, members);
}
