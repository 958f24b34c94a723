using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Http;
using Touchpoint.Server.Platform.Identity;

namespace Touchpoint.Server.Platform.Audit;

public sealed record AuditEntryDto(Guid Id, DateTime At, string Actor, string Action, string? Target, string? Details, string? IpAddress);

public sealed record AuditPage(IReadOnlyList<AuditEntryDto> Items, int Total, int Page, int PageSize);

public static class AuditEndpoints
{
    public static void MapAuditApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/audit", Search).RequireAuthorization(Permissions.AuditRead).WithTags("Audit");
    }

    /// <summary>Newest first; action and target match by prefix ("device." finds every device event), actor exactly.</summary>
    private static async Task<Results<Ok<AuditPage>, ValidationProblem>> Search(
        TouchpointDb db, string? action, string? actor, string? target, DateTime? from, DateTime? to,
        int page = 1, int pageSize = 50, CancellationToken ct = default)
    {
        var v = new Validation();
        v.Range(nameof(page), page, 1, 100_000);
        v.Range(nameof(pageSize), pageSize, 1, 500);
        if (!v.IsValid) return v.Problem();

        var q = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(action)) q = q.Where(e => e.Action.StartsWith(action));
        if (!string.IsNullOrWhiteSpace(actor)) q = q.Where(e => e.Actor == actor);
        if (!string.IsNullOrWhiteSpace(target)) q = q.Where(e => e.Target != null && e.Target.StartsWith(target));
        if (from is { } f) { var fu = f.ToUniversalTime(); q = q.Where(e => e.At >= fu); }
        if (to is { } t) { var tu = t.ToUniversalTime(); q = q.Where(e => e.At < tu); }

        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(e => new AuditEntryDto(e.Id, e.At, e.Actor, e.Action, e.Target, e.Details, e.IpAddress))
            .ToListAsync(ct);
        return TypedResults.Ok(new AuditPage(items, total, page, pageSize));
    }
}
