using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Devices;

namespace Touchpoint.Server.Platform.Identity;

/// <summary>
/// Accepts "Authorization: Bearer" API tokens (tp_...) and device tokens (tpd_...). SignalR's WebSocket clients cannot
/// set headers, so on /hubs the token may come as the access_token query parameter instead.
/// </summary>
public sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    TouchpointDb db, UserAccessCache accessCache, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";
    private static readonly TimeSpan UsageWriteInterval = TimeSpan.FromMinutes(1);

    public static string? ReadToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return header[7..].Trim();
        if (request.Path.StartsWithSegments("/hubs") && request.Query["access_token"] is { Count: > 0 } q) return q.ToString();
        return null;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = ReadToken(Request);
        if (string.IsNullOrEmpty(token)) return AuthenticateResult.NoResult();
        var principal = token.StartsWith(SecretTokens.DeviceTokenPrefix, StringComparison.Ordinal)
            ? await AuthenticateDeviceAsync(SecretTokens.Hash(token))
            : token.StartsWith(SecretTokens.ApiTokenPrefix, StringComparison.Ordinal)
                ? await AuthenticateApiTokenAsync(SecretTokens.Hash(token))
                : null;
        return principal is null
            ? AuthenticateResult.Fail("Unknown or revoked token.")
            : AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    private async Task<ClaimsPrincipal?> AuthenticateApiTokenAsync(string hash)
    {
        var token = await db.ApiTokens.AsNoTracking()
            .Where(t => t.TokenHash == hash && t.RevokedAt == null)
            .Select(t => new { t.Id, t.Name, t.Scopes, t.CreatedById, t.LastUsedAt })
            .FirstOrDefaultAsync(Context.RequestAborted);
        if (token is null) return null;
        var creator = await accessCache.GetAsync(token.CreatedById, Context.RequestAborted);
        if (creator is not { IsActive: true }) return null;

        var now = clock.GetUtcNow().UtcDateTime;
        if (token.LastUsedAt is null || now - token.LastUsedAt > UsageWriteInterval)
            await db.ApiTokens.Where(t => t.Id == token.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now));

        // A token never holds more than its creator holds now: revoke a role and its tokens lose it too.
        var scopes = token.Scopes.Contains("*") ? null : token.Scopes;
        return creator.ToPrincipal(TouchpointClaims.TokenAuthentication, scopes, $"token:{token.Name}");
    }

    private async Task<ClaimsPrincipal?> AuthenticateDeviceAsync(string hash)
    {
        var device = await db.Devices.AsNoTracking()
            .Where(d => d.TokenHash == hash && d.RevokedAt == null)
            .Select(d => new { d.Id, d.Kind, d.Name, d.CounterNumber, d.LastSeenAt, BranchCode = d.Branch!.Code })
            .FirstOrDefaultAsync(Context.RequestAborted);
        if (device is null) return null;

        var now = clock.GetUtcNow().UtcDateTime;
        if (device.LastSeenAt is null || now - device.LastSeenAt > UsageWriteInterval)
            await db.Devices.Where(d => d.Id == device.Id).ExecuteUpdateAsync(s => s.SetProperty(d => d.LastSeenAt, now));

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, device.Id.ToString()),
            new(ClaimTypes.Name, $"device:{device.Name}"),
            new(ClaimTypes.Role, Roles.Device),
            new(TouchpointClaims.DeviceKind, device.Kind),
            new(TouchpointClaims.Branch, device.BranchCode),
            new(TouchpointClaims.Permission, DevicePermissions.For(device.Kind)),
        };
        if (device.CounterNumber is { } n) claims.Add(new Claim(TouchpointClaims.Counter, n.ToString()));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, TouchpointClaims.DeviceAuthentication, ClaimTypes.Name, ClaimTypes.Role));
    }
}
