using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Features.Channels;
using Touchpoint.Server.Platform.Data;

namespace Touchpoint.Server.Features.Chat;

/// <summary>The JSON a gateway receives for each staff (or bot) line, signed like inbound webhooks. Id is stable across retries.</summary>
public sealed record MessagingCallback(Guid Id, string Channel, Guid ConversationId, MessagingRecipient To, string Text, string Sender, string? AuthorName, DateTime SentAt);
public sealed record MessagingRecipient(string Id);

/// <summary>
/// Replies to messaging apps go through an outbox, as email replies do: the line and the outbox row are saved
/// together, and <see cref="MessagingOutboxSender"/> posts them to the channel's callback, so a slow or absent gateway
/// never holds up staff and nothing is lost while it is down.
/// </summary>
public sealed class MessagingOutbox(MessagingOutboxSender sender)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Adds the line's callback to the unit of work (messaging conversations only, lines from staff or the bot).</summary>
    public void Enqueue(TouchpointDb db, ChatConversation c, ChatMessage m, string channelKey)
    {
        var payload = JsonSerializer.Serialize(new MessagingCallback(Guid.CreateVersion7(), channelKey, c.Id, new MessagingRecipient(c.ExternalUserId!),
            m.Body, m.Sender, m.AuthorName, m.CreatedAt), Json);
        db.MessagingOutbox.Add(new MessagingOutboxItem
        {
            ChannelId = c.MessagingChannelId!.Value, ConversationId = c.Id, ChatMessageId = m.Id, Payload = payload,
            Status = OutboxStatuses.Pending, CreatedAt = m.CreatedAt, NextAttemptAt = m.CreatedAt,
        });
    }

    public void Wake() => sender.Wake();
}

public sealed record MessagingOptions(double RetrySeconds, int MaxAttempts)
{
    public static MessagingOptions Read(IConfiguration config) =>
        new(config.GetValue("Messaging:RetrySeconds", 15.0), config.GetValue("Messaging:MaxAttempts", 10));
}

/// <summary>Posts the outbox: at once when woken, then on a timer for retries (backoff doubling from RetrySeconds up to an hour).</summary>
public sealed class MessagingOutboxSender(
    IServiceScopeFactory scopes, IHttpClientFactory http, MessagingSecrets secrets, MessagingOptions options, TimeProvider clock, ILogger<MessagingOutboxSender> log)
    : BackgroundService
{
    public const string HttpClientName = "messaging-callbacks";
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private readonly SemaphoreSlim signal = new(0);
    private DateTime prunedAt;

    public void Wake()
    {
        if (signal.CurrentCount == 0) signal.Release();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromSeconds(Math.Clamp(options.RetrySeconds / 2, 0.2, 30));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SendDueAsync(stoppingToken);
                await PruneReceiptsAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "The messaging outbox could not be processed");
            }
            try { await signal.WaitAsync(poll, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TouchpointDb>();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.MessagingOutbox.AsNoTracking().Where(m => m.Status == OutboxStatuses.Pending && m.NextAttemptAt <= now)
            .OrderBy(m => m.NextAttemptAt).Take(50).ToListAsync(ct);
        var sent = 0;
        foreach (var item in due)
        {
            // Claim it first, so that two nodes (or two passes) never post one reply twice at once.
            var leased = now + Lease;
            if (await db.MessagingOutbox.Where(m => m.Id == item.Id && m.Status == OutboxStatuses.Pending && m.NextAttemptAt == item.NextAttemptAt)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, leased), ct) == 0)
                continue;
            var channel = await db.MessagingChannels.AsNoTracking().FirstOrDefaultAsync(c => c.Id == item.ChannelId, ct);
            var attempts = item.Attempts + 1;
            string? error;
            if (channel is null || !channel.Active) error = "channel removed or inactive";
            else
            {
                try
                {
                    var body = Encoding.UTF8.GetBytes(item.Payload);
                    var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
                    using var request = new HttpRequestMessage(HttpMethod.Post, channel.CallbackUrl) { Content = new ByteArrayContent(body) };
                    request.Content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
                    request.Headers.Add(MessagingSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
                    request.Headers.Add(MessagingSignature.SignatureHeader, MessagingSignature.Sign(secrets.Unprotect(channel.ProtectedSecret), timestamp, body));
                    using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                    timeout.CancelAfter(TimeSpan.FromSeconds(20));
                    using var response = await http.CreateClient(HttpClientName).SendAsync(request, timeout.Token);
                    error = response.IsSuccessStatusCode ? null : "HTTP " + (int)response.StatusCode;
                }
                catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
                {
                    if (ct.IsCancellationRequested) throw;
                    error = e.GetType().Name;
                }
            }
            var at = clock.GetUtcNow().UtcDateTime;
            if (error is null)
            {
                await db.MessagingOutbox.Where(m => m.Id == item.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatuses.Sent)
                    .SetProperty(m => m.Attempts, attempts).SetProperty(m => m.SentAt, at).SetProperty(m => m.LastError, (string?)null), CancellationToken.None);
                sent++;
                continue;
            }
            var next = at + TimeSpan.FromSeconds(Math.Min(3600, options.RetrySeconds * Math.Pow(2, attempts - 1)));
            var status = attempts >= options.MaxAttempts ? OutboxStatuses.Failed : OutboxStatuses.Pending;
            await db.MessagingOutbox.Where(m => m.Id == item.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, status)
                .SetProperty(m => m.Attempts, attempts).SetProperty(m => m.NextAttemptAt, next).SetProperty(m => m.LastError, error), CancellationToken.None);
            log.LogWarning("Messaging callback {Item} failed (attempt {Attempt}): {Error}", item.Id, attempts, error);
        }
        return sent;
    }

    /// <summary>Receipts only matter inside the replay window: older timestamps are refused anyway.</summary>
    private async Task PruneReceiptsAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TouchpointDb>();
        var now = clock.GetUtcNow().UtcDateTime;
        if (now - prunedAt < TimeSpan.FromMinutes(1)) return;
        prunedAt = now;
        var before = now - 2 * MessagingSignature.ReplayWindow;
        await db.MessagingReceipts.Where(r => r.ReceivedAt < before).ExecuteDeleteAsync(ct);
    }
}
