using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Features.Organisation;
using Touchpoint.Server.Platform.Audit;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Http;
using Touchpoint.Server.Platform.Identity;
using Touchpoint.Server.Platform.Realtime;

namespace Touchpoint.Server.Platform.Devices;

public sealed record DeviceDto(
    Guid Id, string Kind, string Name, int? CounterNumber, string Status, string? PairingCode, DateTime? PairingExpiresAt,
    DateTime CreatedAt, DateTime? PairedAt, DateTime? LastSeenAt);
public sealed record CreateDeviceRequest(string? Kind, string? Name, int? CounterNumber);
public sealed record PairDeviceRequest(string? Code);
public sealed record PairedDevice(string Token, Guid DeviceId, string Kind, string Name, string BranchCode, int? CounterNumber);
public sealed record DeviceSelf(Guid DeviceId, string Kind, string Name, string BranchCode, int? CounterNumber);

public static class DeviceEndpoints
{
    public const string ChangedEvent = "device.changed";
    public static readonly TimeSpan PairingLifetime = TimeSpan.FromHours(24);

    public static void MapDeviceApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api").WithTags("Devices").RequireAuthorization(Permissions.OrganisationManage);
        admin.MapGet("/branches/{code}/devices", List);
        admin.MapPost("/branches/{code}/devices", Create);
        admin.MapPost("/devices/{id:guid}/pairing-code", RenewPairingCode);
        admin.MapDelete("/devices/{id:guid}", Revoke);

        app.MapPost("/api/devices/pair", Pair).AllowAnonymous().RequireRateLimiting(RateLimitPolicies.Pairing).WithTags("Devices");
        app.MapGet("/api/device/me", Self).RequireAuthorization(policy => policy.RequireRole(Roles.Device)).WithTags("Devices");
    }

    private static async Task<Results<Ok<List<DeviceDto>>, ProblemHttpResult>> List(string code, ClaimsPrincipal user, TouchpointDb db, CancellationToken ct)
    {
        var (branch, problem) = await BranchAccess.FindAsync(db, code, user, ct);
        if (branch is null) return problem!;
        var devices = await db.Devices.AsNoTracking().Where(d => d.BranchId == branch.Id).OrderBy(d => d.Kind).ThenBy(d => d.Name).ToListAsync(ct);
        return TypedResults.Ok(devices.Select(ToDto).ToList());
    }

    private static async Task<Results<Created<DeviceDto>, ValidationProblem, ProblemHttpResult>> Create(
        string code, CreateDeviceRequest r, ClaimsPrincipal user, TouchpointDb db, AuditLog audit, IRealtimePublisher realtime, TimeProvider clock, CancellationToken ct)
    {
        var (branch, problem) = await BranchAccess.FindAsync(db, code, user, ct);
        if (branch is null) return problem!;
        var v = new Validation();
        var kind = r.Kind?.Trim().ToLowerInvariant();
        if (kind is null || !DeviceKinds.All.Contains(kind)) v.Add("kind", "validation.deviceKind");
        v.Required("name", r.Name, 128);
        if (kind is not null && DeviceKinds.NeedsCounter(kind) && r.CounterNumber is null) v.Add("counterNumber", "validation.counterRequired");
        if (r.CounterNumber is { } n && !await db.Counters.AnyAsync(c => c.BranchId == branch.Id && c.Number == n, ct))
            v.Add("counterNumber", "validation.unknownCounter", n);
        if (!v.IsValid) return v.Problem();

        var device = new Device { BranchId = branch.Id, Kind = kind!, Name = r.Name!.Trim(), CounterNumber = r.CounterNumber };
        SetPairingCode(device, clock);
        db.Devices.Add(device);
        audit.Record(AuditActions.DeviceCreated, $"device:{device.Id}", new { branch = branch.Code, device.Kind, device.Name, device.CounterNumber });
        await db.SaveChangesAsync(ct);
        await realtime.PublishToBranchAsync(branch.Code, ChangedEvent, new { id = device.Id, status = device.Status }, ct);
        return TypedResults.Created($"/api/devices/{device.Id}", ToDto(device));
    }

    /// <summary>A new code for a device that lost its token or whose code expired; any old token stops working.</summary>
    private static async Task<Results<Ok<DeviceDto>, ProblemHttpResult>> RenewPairingCode(
        Guid id, ClaimsPrincipal user, TouchpointDb db, AuditLog audit, IRealtimePublisher realtime, TimeProvider clock, CancellationToken ct)
    {
        var device = await db.Devices.Include(d => d.Branch).FirstOrDefaultAsync(d => d.Id == id, ct);
        if (device is null) return Problems.NotFound();
        if (!user.CanAccessBranch(device.Branch!.Code)) return Problems.Forbidden();
        SetPairingCode(device, clock);
        device.TokenHash = null;
        device.PairedAt = null;
        device.RevokedAt = null;
        audit.Record(AuditActions.DeviceCreated, $"device:{device.Id}", new { renewed = true });
        await db.SaveChangesAsync(ct);
        await realtime.PublishToBranchAsync(device.Branch.Code, ChangedEvent, new { id = device.Id, status = device.Status }, ct);
        return TypedResults.Ok(ToDto(device));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Revoke(
        Guid id, ClaimsPrincipal user, TouchpointDb db, AuditLog audit, IRealtimePublisher realtime, TimeProvider clock, CancellationToken ct)
    {
        var device = await db.Devices.Include(d => d.Branch).FirstOrDefaultAsync(d => d.Id == id, ct);
        if (device is null) return Problems.NotFound();
        if (!user.CanAccessBranch(device.Branch!.Code)) return Problems.Forbidden();
        if (device.RevokedAt is null)
        {
            device.RevokedAt = clock.GetUtcNow().UtcDateTime;
            device.PairingCode = null;
            audit.Record(AuditActions.DeviceRevoked, $"device:{device.Id}", new { device.Name });
            await db.SaveChangesAsync(ct);
            await realtime.PublishToBranchAsync(device.Branch.Code, ChangedEvent, new { id = device.Id, status = device.Status }, ct);
        }
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<PairedDevice>, ValidationProblem, ProblemHttpResult>> Pair(
        PairDeviceRequest r, TouchpointDb db, AuditLog audit, IRealtimePublisher realtime, TimeProvider clock, CancellationToken ct)
    {
        var v = new Validation();
        v.Required("code", r.Code, 16);
        if (!v.IsValid) return v.Problem();
        var code = r.Code!.Trim().ToUpperInvariant().Replace("-", "").Replace(" ", "");
        var now = clock.GetUtcNow().UtcDateTime;
        var device = await db.Devices.Include(d => d.Branch)
            .FirstOrDefaultAsync(d => d.PairingCode == code && d.RevokedAt == null, ct);
        if (device is null || device.PairingExpiresAt < now)
            return Problems.Result(StatusCodes.Status404NotFound, null, "device.pairingInvalid");

        var token = SecretTokens.New(SecretTokens.DeviceTokenPrefix);
        device.TokenHash = SecretTokens.Hash(token);
        device.PairingCode = null;
        device.PairingExpiresAt = null;
        device.PairedAt = now;
        device.LastSeenAt = now;
        audit.Record(AuditActions.DevicePaired, $"device:{device.Id}", new { branch = device.Branch!.Code, device.Kind, device.Name },
            actorOverride: $"device:{device.Name}", actorIdOverride: device.Id);
        await db.SaveChangesAsync(ct);
        await realtime.PublishToBranchAsync(device.Branch.Code, ChangedEvent, new { id = device.Id, status = device.Status }, ct);
        return TypedResults.Ok(new PairedDevice(token, device.Id, device.Kind, device.Name, device.Branch.Code, device.CounterNumber));
    }

    private static DeviceSelf Self(ClaimsPrincipal device) => new(
        device.DeviceId()!.Value, device.FindFirstValue(TouchpointClaims.DeviceKind)!, device.Identity!.Name!["device:".Length..],
        device.FindFirstValue(TouchpointClaims.Branch)!,
        int.TryParse(device.FindFirstValue(TouchpointClaims.Counter), out var n) ? n : null);

    private static void SetPairingCode(Device device, TimeProvider clock)
    {
        device.PairingCode = SecretTokens.PairingCode();
        device.PairingExpiresAt = clock.GetUtcNow().UtcDateTime + PairingLifetime;
    }

    private static DeviceDto ToDto(Device d) => new(
        d.Id, d.Kind, d.Name, d.CounterNumber, d.Status, d.PairingCode, d.PairingExpiresAt, d.CreatedAt, d.PairedAt, d.LastSeenAt);
}
