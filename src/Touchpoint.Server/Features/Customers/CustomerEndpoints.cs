using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Platform.Audit;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Http;
using Touchpoint.Server.Platform.Identity;

namespace Touchpoint.Server.Features.Customers;

public sealed record TimelineItemDto(string Type, DateTime At, string? BranchCode, string? Reference, IReadOnlyDictionary<string, string?> Details);
public sealed record VipRequest(DateTime? Until, string? Reason);

public static class CustomerEndpoints
{
    public const string Target = "customer:";
    /// <summary>A name prefix as short as one surname can match thousands; staff narrow the search long before.</summary>
    private const int MaxMatches = 1000;

    public static void MapCustomerApi(this IEndpointRouteBuilder app)
    {
        var customers = app.MapGroup("/api/customers").RequireAuthorization(Permissions.CustomersRead).WithTags("Customers");
        customers.MapGet("", Search);
        customers.MapPost("", Create).RequireAuthorization(Permissions.CustomersWrite);
        customers.MapGet("/{id:guid}", Get);
        customers.MapPatch("/{id:guid}", Update).RequireAuthorization(Permissions.CustomersWrite);
        customers.MapGet("/{id:guid}/timeline", Timeline);
        customers.MapPut("/{id:guid}/vip", SetVip).RequireAuthorization(Permissions.CustomersSegments);
        customers.MapCustomerPrivacyApi();
        customers.MapPost("/{id:guid}/merge", CustomerMerge.Merge).RequireAuthorization(Permissions.CustomersMerge);
        app.MapSegmentApi();
    }

    /// <summary>
    /// One box for everything staff type: an email or phone number matches exactly, a membership or national id through
    /// its keyed hash, anything else as the start of a name (the whole name, the surname or the given name).
    /// </summary>
    private static async Task<Results<Ok<List<CustomerSummaryDto>>, ValidationProblem>> Search(
        string? q, ClaimsPrincipal user, TouchpointDb db, CustomerAccess access, IdentifierVault vault, int limit = 50, CancellationToken ct = default)
    {
        var v = new Validation();
        v.Range(nameof(limit), limit, 1, 200);
        v.MaxLength(nameof(q), q, 128);
        if (!v.IsValid) return v.Problem();

        var branchIds = await access.BranchIdsAsync(db, user, ct);
        var customers = access.Visible(db, db.Customers.Where(c => c.Status == CustomerStatuses.Active), branchIds);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            var hash = await vault.HashAsync(PersonalData.NormalizeIdentifier(term), ct);
            var ids = db.CustomerIdentifiers.Where(x => x.LookupHash == hash).Select(x => x.CustomerId);
            if (PersonalData.NormalizeEmail(term) is { } email)
                ids = ids.Concat(db.CustomerContacts.Where(x => x.Kind == ContactKinds.Email && x.Value == email).Select(x => x.CustomerId));
            else if (PersonalData.NormalizePhone(term) is { } phone)
                ids = ids.Concat(db.CustomerContacts.Where(x => x.Kind == ContactKinds.Phone && x.Value == phone).Select(x => x.CustomerId));
            else
            {
                var key = PersonalData.NormalizeName(term);
                var upper = key + char.MaxValue;
                ids = ids.Concat(db.CustomerNameKeys.Where(k => k.Key.CompareTo(key) >= 0 && k.Key.CompareTo(upper) < 0).Select(k => k.CustomerId));
            }
            // The matches first, by index, then their rows: a Contains over the union would be planned as a
            // correlated EXISTS and visit every customer.
            var matched = await ids.Distinct().Take(MaxMatches).ToListAsync(ct);
            customers = customers.Where(c => matched.Contains(c.Id));
        }
        var page = customers.OrderByDescending(c => c.UpdatedAt).ThenBy(c => c.Id).Take(limit);
        return TypedResults.Ok(await CustomerProfile.SummariesAsync(db, page, ct));
    }

    private static async Task<Results<Created<CustomerDto>, ValidationProblem>> Create(
        CustomerInput r, ClaimsPrincipal user, TouchpointDb db, CustomerEditor editor, AuditLog audit, SegmentMembership segments, CancellationToken ct)
    {
        var v = new Validation();
        CustomerEditor.Validate(v, r, creating: true);
        Guid? home = null;
        if (r.Branch is not null)
        {
            var code = r.Branch.Trim().ToUpperInvariant();
            home = await db.Branches.Where(b => b.Code == code).Select(b => (Guid?)b.Id).FirstOrDefaultAsync(ct);
            if (home is null || !user.CanAccessBranch(code)) v.Add("branch", "validation.unknownBranch", code);
        }
        else if (!user.SpansAllBranches())
        {
            // Staff of one branch create customers there; staff of several say which.
            var codes = user.BranchCodes();
            if (codes.Count == 1) home = await db.Branches.Where(b => b.Code == codes[0]).Select(b => (Guid?)b.Id).FirstAsync(ct);
            else v.Add("branch", "validation.required");
        }
        if (!v.IsValid) return v.Problem();

        var customer = new Customer { Language = r.Language!, HomeBranchId = home };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Customers.Add(customer);
        if (await editor.ApplyAsync(db, customer, r, ct) is { } taken) return v.Add(taken, "validation.identifierTaken").Problem();
        audit.Record(CustomerAuditActions.Created, Target + customer.Id);
        await db.SaveChangesAsync(ct);
        await segments.RecomputeAsync(db, [customer.Id], ct);
        await tx.CommitAsync(ct);
        return TypedResults.Created($"/api/customers/{customer.Id}", await CustomerProfile.ToDtoAsync(db, customer, ct));
    }

    /// <summary>
    /// Other modules add history without telling this one (a ticket, a call), so reading a profile rescoring it when
    /// its history has moved on keeps tier and segments current between the scheduled runs.
    /// </summary>
    private static async Task<Results<Ok<CustomerDto>, ProblemHttpResult>> Get(
        Guid id, ClaimsPrincipal user, TouchpointDb db, CustomerAccess access, SegmentMembership segments, CancellationToken ct)
    {
        var (customer, problem) = await access.FindAsync(db, id, user, ct, tracking: true);
        if (customer is null) return problem!;
        if (customer.Status == CustomerStatuses.Active && await segments.IsStaleAsync(db, customer, ct))
            await segments.RecomputeAsync(db, [customer.Id], ct);
        return TypedResults.Ok(await CustomerProfile.ToDtoAsync(db, customer, ct));
    }

    private static async Task<Results<Ok<CustomerDto>, ValidationProblem, ProblemHttpResult>> Update(
        Guid id, CustomerInput r, ClaimsPrincipal user, TouchpointDb db, CustomerAccess access, CustomerEditor editor, AuditLog audit,
        SegmentMembership segments, CancellationToken ct)
    {
        var (customer, problem) = await access.FindAsync(db, id, user, ct, tracking: true);
        if (customer is null) return problem!;
        if (CustomerAccess.RefuseUnlessActive(customer) is { } refused) return refused;
        var v = new Validation();
        CustomerEditor.Validate(v, r, creating: false);
        if (!v.IsValid) return v.Problem();

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await editor.ApplyAsync(db, customer, r, ct) is { } taken) return v.Add(taken, "validation.identifierTaken").Problem();
        // Which fields changed, never their values: the audit log holds no personal data.
        var fields = typeof(CustomerInput).GetProperties().Where(p => p.GetValue(r) is not null).Select(p => char.ToLowerInvariant(p.Name[0]) + p.Name[1..]);
        audit.Record(CustomerAuditActions.Updated, Target + customer.Id, new { fields });
        await db.SaveChangesAsync(ct);
        await segments.RecomputeAsync(db, [customer.Id], ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(await CustomerProfile.ToDtoAsync(db, customer, ct));
    }

    /// <summary>Newest first, in pages: pass the oldest entry's time as `before` for the next page.</summary>
    private static async Task<Results<Ok<List<TimelineItemDto>>, ValidationProblem, ProblemHttpResult>> Timeline(
        Guid id, ClaimsPrincipal user, TouchpointDb db, CustomerAccess access, CustomerHistory history, DateTime? before, int limit = 50, CancellationToken ct = default)
    {
        var v = new Validation();
        v.Range(nameof(limit), limit, 1, 500);
        if (!v.IsValid) return v.Problem();
        var (customer, problem) = await access.FindAsync(db, id, user, ct);
        if (customer is null) return problem!;
        var branchIds = await access.BranchIdsAsync(db, user, ct);
        var entries = await history.ReadAsync(db, new TimelineQuery(id, branchIds, before?.ToUniversalTime(), limit), ct);
        return TypedResults.Ok(await ToDtosAsync(db, entries, ct));
    }

    public static async Task<List<TimelineItemDto>> ToDtosAsync(TouchpointDb db, IReadOnlyList<TimelineEntry> entries, CancellationToken ct)
    {
        var codes = await db.Branches.AsNoTracking().ToDictionaryAsync(b => b.Id, b => b.Code, ct);
        return entries.Select(e => new TimelineItemDto(e.Type, e.At, e.BranchId is { } b ? codes.GetValueOrDefault(b) : null, e.Reference,
            e.Details.Where(d => d.Value is not null).ToDictionary())).ToList();
    }

    private static async Task<Results<Ok<CustomerDto>, ValidationProblem, ProblemHttpResult>> SetVip(
        Guid id, VipRequest r, ClaimsPrincipal user, TouchpointDb db, CustomerAccess access, AuditLog audit, SegmentMembership segments, CancellationToken ct)
    {
        var (customer, problem) = await access.FindAsync(db, id, user, ct, tracking: true);
        if (customer is null) return problem!;
        if (CustomerAccess.RefuseUnlessActive(customer) is { } refused) return refused;
        var v = new Validation();
        if (r.Until is { } until && until.ToUniversalTime() <= DateTime.UtcNow) v.Add("until", "validation.future");
        v.MaxLength("reason", r.Reason, 256);
        if (!v.IsValid) return v.Problem();

        var before = customer.VipUntil;
        customer.VipUntil = r.Until?.ToUniversalTime();
        customer.UpdatedAt = DateTime.UtcNow;
        audit.Record(CustomerAuditActions.VipChanged, Target + customer.Id, new { from = before, to = customer.VipUntil, reason = r.Reason });
        await db.SaveChangesAsync(ct);
        await segments.RecomputeAsync(db, [customer.Id], ct);
        return TypedResults.Ok(await CustomerProfile.ToDtoAsync(db, customer, ct));
    }
}

public static class CustomerAuditActions
{
    public const string Created = "customer.created";
    public const string Updated = "customer.updated";
    public const string VipChanged = "customer.vip_changed";
    public const string Revealed = "customer.revealed";
    public const string Exported = "customer.exported";
    public const string Erased = "customer.erased";
    public const string Anonymised = "customer.anonymised";
    public const string Merged = "customer.merged";
    public const string SegmentChanged = "segment.changed";
}
