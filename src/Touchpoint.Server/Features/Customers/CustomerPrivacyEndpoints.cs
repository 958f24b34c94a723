using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Platform.Audit;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Http;
using Touchpoint.Server.Platform.Identity;

namespace Touchpoint.Server.Features.Customers;

/// <param name="Field">name, phone, email, messaging, identifier or notes.</param>
/// <param name="ItemId">One contact point or identifier; all of the field's values when left out.</param>
public sealed record RevealRequest(string? Field, string? Reason, Guid? ItemId);
public sealed record RevealedDto(string Field, IReadOnlyList<string> Values);
public sealed record EraseRequest(string? Reason);

/// <summary>Reveal (audited, with a reason), export (subject access) and erasure.</summary>
public static class CustomerPrivacyEndpoints
{
    public static readonly IReadOnlyList<string> RevealableFields = ["name", ContactKinds.Phone, ContactKinds.Email, ContactKinds.Messaging, "identifier", "notes"];

    public static void MapCustomerPrivacyApi(this RouteGroupBuilder customers)
    {
        customers.MapPost("/{id:guid}/reveal", Reveal).RequireAuthorization(Permissions.CustomersReveal);
        customers.MapGet("/{id:guid}/export", Export).RequireAuthorization(Permissions.CustomersExport);
        customers.MapPost("/{id:guid}/erase", Erase).RequireAuthorization(Permissions.CustomersErase);
    }

    private static async Task<Results<Ok<RevealedDto>, ValidationProblem, ProblemHttpResult>> Reveal(
        Guid id, RevealRequest r, ClaimsPrincipal user, TouchpointDb db, CustomerAccess access, IdentifierVault vault, AuditLog audit, CancellationToken ct)
    {
        var v = new Validation();
        if (!RevealableFields.Contains(r.Field ?? "")) v.Add("field", "validation.revealField", string.Join(", ", RevealableFields));
        if (v.Required("reason", r.Reason, 256) && r.Reason!.Trim().Length < 4) v.Add("reason", "validation.reason");
        if (!v.IsValid) return v.Problem();
        var (customer, problem) = await access.FindAsync(db, id, user, ct);
        if (customer is null) return problem!;

        List<string> values = r.Field switch
        {
            "name" => customer.Name is null ? [] : [customer.Name],
            "notes" => customer.Notes is null ? [] : [customer.Notes],
            "identifier" => (await db.CustomerIdentifiers.AsNoTracking()
                    .Where(x => x.CustomerId == id && (r.ItemId == null || x.Id == r.ItemId)).OrderBy(x => x.Kind).ToListAsync(ct))
                .Select(x => vault.Unprotect(x.Protected)).ToList(),
            _ => await db.CustomerContacts.AsNoTracking()
                .Where(x => x.CustomerId == id && x.Kind == r.Field && (r.ItemId == null || x.Id == r.ItemId))
                .OrderBy(x => x.CreatedAt).Select(x => x.Value).ToListAsync(ct),
        };
        // Saved before the answer leaves: a reveal that is not in the audit log does not happen.
        await audit.RecordNowAsync(CustomerAuditActions.Revealed, CustomerEndpoints.Target + id, new { field = r.Field, itemId = r.ItemId, reason = r.Reason!.Trim() });
        return TypedResults.Ok(new RevealedDto(r.Field!, values));
    }

    private static async Task<Results<Ok<CustomerExport>, ProblemHttpResult>> Export(
        Guid id, ClaimsPrincipal user, TouchpointDb db, CustomerAccess access, CustomerExporter exporter, AuditLog audit, CancellationToken ct)
    {
        var (customer, problem) = await access.FindAsync(db, id, user, ct);
        if (customer is null) return problem!;
        var export = await exporter.ExportAsync(db, customer, ct);
        await audit.RecordNowAsync(CustomerAuditActions.Exported, CustomerEndpoints.Target + id);
        return TypedResults.Ok(export);
    }

    private static async Task<Results<Ok<CustomerDto>, ValidationProblem, ProblemHttpResult>> Erase(
        Guid id, HttpRequest request, ClaimsPrincipal user, TouchpointDb db, CustomerAccess access, CustomerErasure erasure, CancellationToken ct)
    {
        var r = await OptionalBody.ReadAsync<EraseRequest>(request, ct);
        var v = new Validation();
        v.MaxLength("reason", r?.Reason, 256);
        if (!v.IsValid) return v.Problem();
        var (customer, problem) = await access.FindAsync(db, id, user, ct, tracking: true);
        if (customer is null) return problem!;
        if (customer.Status is CustomerStatuses.Erased) return CustomerAccess.RefuseUnlessActive(customer)!;
        await erasure.EraseAsync(db, customer, CustomerStatuses.Erased, r?.Reason, ct);
        return TypedResults.Ok(await CustomerProfile.ToDtoAsync(db, customer, ct));
    }
}
