using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Platform.Audit;
using Touchpoint.Server.Platform.Http;
using Touchpoint.Server.Platform.Identity;

namespace Touchpoint.Server.Features.Chat;

public sealed record MessagingChannelDto(
    Guid Id, string Key, string Name, string App, string Branch, string CallbackUrl, bool Active, string InboundPath, DateTime CreatedAt);
public sealed record MessagingChannelRequest(string? Key, string? Name, string? App, string? Branch, string? CallbackUrl, bool? Active);
/// <param name="Secret">Shown this once: the gateway signs with it and checks Touchpoint's callbacks with it.</param>
public sealed record MessagingChannelWithSecret(MessagingChannelDto Channel, string Secret);

/// <summary>Administrators connect messaging gateways: one channel per gateway and branch, with its secret and callback.</summary>
public static class MessagingChannelEndpoints
{
    private const string AuditTarget = "messagingChannel:";

    public static void MapMessagingChannelApi(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/admin/messaging-channels").RequireAuthorization(Permissions.SettingsManage).WithTags("Channels");
        g.MapGet("", List);
        g.MapPost("", Create);
        g.MapPut("/{id:guid}", Update);
        g.MapPost("/{id:guid}/secret", RotateSecret);
        g.MapDelete("/{id:guid}", Delete);
        // The raw body is read by the endpoint (the signature covers its exact bytes); any content type is taken, so no
        // Accepts() here: a gateway that labels its JSON oddly gets a signature answer, not a routing 404.
        app.MapPost("/api/channels/messaging/{channelKey}/inbound", MessagingInbound.Receive).AllowAnonymous().WithTags("Channels")
            .RequireRateLimiting(ChatServices.GatewayPolicy)
            .WithDescription("Body: {\"messageId\",\"from\":{\"id\",\"name\"},\"text\",\"language\"?} as JSON, signed: X-Touchpoint-Timestamp (Unix seconds) and "
                + "X-Touchpoint-Signature: sha256=hex(HMAC-SHA256(secret, timestamp + \".\" + body)).");
    }

    private static async Task<List<MessagingChannelDto>> List(ChatWork work, CancellationToken ct)
    {
        var rows = await work.Db.MessagingChannels.AsNoTracking().OrderBy(m => m.Key).ToListAsync(ct);
        var list = new List<MessagingChannelDto>();
        foreach (var m in rows) list.Add(await ToDtoAsync(work, m, ct));
        return list;
    }

    private static async Task<Results<Created<MessagingChannelWithSecret>, ValidationProblem>> Create(
        MessagingChannelRequest r, ChatWork work, MessagingSecrets secrets, AuditLog audit, CancellationToken ct)
    {
        var v = new Validation();
        v.Code("key", r.Key);
        if (v.IsValid && await work.Db.MessagingChannels.AnyAsync(m => m.Key == r.Key!.ToLowerInvariant(), ct)) v.Add("key", "messaging.keyTaken", r.Key);
        var branchId = await ValidateAsync(v, r, work, ct, creating: true);
        if (!v.IsValid) return v.Problem();
        var secret = MessagingSecrets.New();
        var now = work.Now;
        var channel = new MessagingChannel
        {
            Key = r.Key!.ToLowerInvariant(), Name = r.Name!.Trim(), App = r.App!, BranchId = branchId!.Value, CallbackUrl = r.CallbackUrl!.Trim(),
            ProtectedSecret = secrets.Protect(secret), Active = r.Active ?? true, CreatedAt = now, UpdatedAt = now,
        };
        work.Db.MessagingChannels.Add(channel);
        audit.Record("messagingChannel.created", AuditTarget + channel.Key);
        await work.Db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/admin/messaging-channels/{channel.Id}", new MessagingChannelWithSecret(await ToDtoAsync(work, channel, ct), secret));
    }

    private static async Task<Results<Ok<MessagingChannelDto>, ValidationProblem, ProblemHttpResult>> Update(
        Guid id, MessagingChannelRequest r, ChatWork work, AuditLog audit, CancellationToken ct)
    {
        var channel = await work.Db.MessagingChannels.FirstOrDefaultAsync(m => m.Id == id, ct);
        if (channel is null) return Problems.NotFound();
        var v = new Validation();
        if (r.Key is not null && r.Key.ToLowerInvariant() != channel.Key) v.Add("key", "messaging.keyFixed");
        var branchId = await ValidateAsync(v, r, work, ct, creating: false);
        if (!v.IsValid) return v.Problem();
        if (r.Name is not null) channel.Name = r.Name.Trim();
        if (r.App is not null) channel.App = r.App;
        if (branchId is { } b) channel.BranchId = b;
        if (r.CallbackUrl is not null) channel.CallbackUrl = r.CallbackUrl.Trim();
        if (r.Active is { } active) channel.Active = active;
        channel.UpdatedAt = work.Now;
        audit.Record("messagingChannel.changed", AuditTarget + channel.Key);
        await work.Db.SaveChangesAsync(ct);
        return TypedResults.Ok(await ToDtoAsync(work, channel, ct));
    }

    /// <summary>A new secret replaces the old one at once (the gateway must be given it), shown this once.</summary>
    private static async Task<Results<Ok<MessagingChannelWithSecret>, ProblemHttpResult>> RotateSecret(
        Guid id, ChatWork work, MessagingSecrets secrets, AuditLog audit, CancellationToken ct)
    {
        var channel = await work.Db.MessagingChannels.FirstOrDefaultAsync(m => m.Id == id, ct);
        if (channel is null) return Problems.NotFound();
        var secret = MessagingSecrets.New();
        channel.ProtectedSecret = secrets.Protect(secret);
        channel.UpdatedAt = work.Now;
        audit.Record("messagingChannel.secretRotated", AuditTarget + channel.Key);
        await work.Db.SaveChangesAsync(ct);
        return TypedResults.Ok(new MessagingChannelWithSecret(await ToDtoAsync(work, channel, ct), secret));
    }

    /// <summary>Conversations and their encounters stay; replies still in the outbox for this channel fail.</summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid id, ChatWork work, AuditLog audit, CancellationToken ct)
    {
        var channel = await work.Db.MessagingChannels.FirstOrDefaultAsync(m => m.Id == id, ct);
        if (channel is null) return Problems.NotFound();
        work.Db.MessagingChannels.Remove(channel);
        audit.Record("messagingChannel.deleted", AuditTarget + channel.Key);
        await work.Db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static async Task<Guid?> ValidateAsync(Validation v, MessagingChannelRequest r, ChatWork work, CancellationToken ct, bool creating)
    {
        if (creating || r.Name is not null) v.Required("name", r.Name, 128);
        if ((creating || r.App is not null) && !MessagingApps.All.Contains(r.App ?? "")) v.Add("app", "validation.oneOf", string.Join(", ", MessagingApps.All));
        if ((creating || r.CallbackUrl is not null) && v.Required("callbackUrl", r.CallbackUrl, 512)
            && !(Uri.TryCreate(r.CallbackUrl!.Trim(), UriKind.Absolute, out var u) && u.Scheme is "https" or "http"))
            v.Add("callbackUrl", "validation.url");
        if (!creating && r.Branch is null) return null;
        if (string.IsNullOrWhiteSpace(r.Branch)) { v.Add("branch", "validation.required"); return null; }
        var layout = await work.Cases.BranchAsync(r.Branch.Trim(), ct);
        if (layout is null) v.Add("branch", "validation.unknownBranch", r.Branch);
        return layout?.Branch.Id;
    }

    private static async Task<MessagingChannelDto> ToDtoAsync(ChatWork work, MessagingChannel m, CancellationToken ct) =>
        new(m.Id, m.Key, m.Name, m.App, await work.BranchCodeAsync(m.BranchId, ct), m.CallbackUrl, m.Active,
            $"/api/channels/messaging/{m.Key}/inbound", m.CreatedAt);
}
