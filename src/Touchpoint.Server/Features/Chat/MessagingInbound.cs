using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Features.Customers;
using Touchpoint.Server.Platform.Http;

namespace Touchpoint.Server.Features.Chat;

public sealed record MessagingSender(string? Id, string? Name);
/// <summary>What a gateway posts: its own message id (for de-duplication), the sender's id and name in the app, and the text.</summary>
public sealed record MessagingInboundMessage(string? MessageId, MessagingSender? From, string? Text, string? Language);
/// <param name="Status">accepted, or duplicate (a message id heard before: nothing added).</param>
public sealed record MessagingInboundResult(Guid ConversationId, string Status);

/// <summary>
/// <c>POST /api/channels/messaging/{channelKey}/inbound</c>: a gateway delivers one message, signed (see
/// <see cref="MessagingSignature"/>). The signature is the authentication: no token, no cookie. The sender is found or
/// created as a customer by their messaging id ("line:U123"), and the message joins their open conversation or opens one.
/// </summary>
public static class MessagingInbound
{
    public const int MaxBytes = 64 * 1024;

    public static async Task<Results<Ok<MessagingInboundResult>, ValidationProblem, ProblemHttpResult>> Receive(
        string channelKey, HttpRequest request, ChatWork work, MessagingSecrets secrets, ChatBotRunner bot, CancellationToken ct)
    {
        var db = work.Db;
        var channel = await db.MessagingChannels.AsNoTracking().FirstOrDefaultAsync(m => m.Key == channelKey && m.Active, ct);
        if (channel is null) return Problems.NotFound();
        if (request.ContentLength > MaxBytes) return Problems.Result(StatusCodes.Status413PayloadTooLarge);
        var body = await ReadAsync(request, ct);
        if (body is null) return Problems.Result(StatusCodes.Status413PayloadTooLarge);

        if (!long.TryParse(request.Headers[MessagingSignature.TimestampHeader].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp))
            return Problems.Result(StatusCodes.Status401Unauthorized, "messaging.signatureTitle", "messaging.timestamp", MessagingSignature.TimestampHeader);
        var now = work.Now;
        var sentAt = DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(timestamp, 0, 253402300799)).UtcDateTime;
        if ((now - sentAt).Duration() > MessagingSignature.ReplayWindow)
            return Problems.Result(StatusCodes.Status401Unauthorized, "messaging.signatureTitle", "messaging.stale", (int)MessagingSignature.ReplayWindow.TotalSeconds);
        var signature = request.Headers[MessagingSignature.SignatureHeader].ToString();
        if (!MessagingSignature.Verify(secrets.Unprotect(channel.ProtectedSecret), timestamp, body, signature))
            return Problems.Result(StatusCodes.Status401Unauthorized, "messaging.signatureTitle", "messaging.signature", MessagingSignature.SignatureHeader);
        // The same signed request twice within the window is a replay: a signature is unique to its timestamp and body.
        var receipt = Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(signature.Trim().ToLowerInvariant())));
        var fresh = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "MessagingReceipts" ("ChannelId", "SignatureHash", "ReceivedAt") VALUES ({channel.Id}, {receipt}, {now}) ON CONFLICT DO NOTHING
            """, ct);
        if (fresh == 0) return Problems.Result(StatusCodes.Status409Conflict, "messaging.signatureTitle", "messaging.replay");

        MessagingInboundMessage? m;
        try { m = JsonSerializer.Deserialize<MessagingInboundMessage>(body, MessagingOutbox.Json); }
        catch (JsonException e)
        {
            return new Validation().Add(e.Path is { Length: > 2 } p ? p.TrimStart('$', '.') : "body", "validation.json").Problem();
        }
        var v = new Validation();
        if (m is null) v.Add("body", "validation.required");
        else
        {
            v.Required("messageId", m.MessageId, 128);
            v.Required("from.id", m.From?.Id, 120);
            v.MaxLength("from.name", m.From?.Name, 128);
            v.Required("text", m.Text, ChatWork.MaxBody);
            if (m.Language is not null) v.Language("language", m.Language);
        }
        if (!v.IsValid) return v.Problem();

        var fromId = m!.From!.Id!.Trim();
        var duplicate = await db.ChatMessages.AsNoTracking().Where(x => x.ExternalId == m.MessageId)
            .Join(db.ChatConversations.Where(c => c.MessagingChannelId == channel.Id), x => x.ConversationId, c => c.Id, (x, c) => (Guid?)c.Id)
            .FirstOrDefaultAsync(ct);
        if (duplicate is { } seen) return TypedResults.Ok(new MessagingInboundResult(seen, "duplicate"));

        var open = await db.ChatConversations.AsNoTracking()
            .Where(c => c.MessagingChannelId == channel.Id && c.ExternalUserId == fromId && c.Status != ChatStatuses.Ended)
            .OrderByDescending(c => c.CreatedAt).FirstOrDefaultAsync(ct);
        if (open is null)
        {
            var messagingId = PersonalData.NormalizeMessaging(channel.App + ":" + fromId);
            // The gateway may say the user's language (or send Accept-Language); staff see it and reply in it.
            var language = m.Language is null ? Platform.Localization.Languages.Current : Platform.Localization.Languages.Normalize(m.Language);
            var name = ChatWork.Truncate(m.From.Name?.Trim(), 128);
            open = new ChatConversation
            {
                BranchId = channel.BranchId, Channel = ChatChannels.Messaging, MessagingChannelId = channel.Id, ExternalUserId = fromId,
                Status = await work.Cases.BranchAsync(channel.BranchId, ct) is { } layout && bot.AnswersIn(layout.Branch) ? ChatStatuses.Bot : ChatStatuses.Waiting,
                Language = language, VisitorName = name, CreatedAt = now, UpdatedAt = now,
                CustomerId = messagingId is null ? null
                    : (await work.Cases.Customers.FindOrCreateAsync(db, new CustomerSighting(channel.BranchId, name, null, null, messagingId, language), ct))?.Id,
            };
            db.ChatConversations.Add(open);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        await work.AppendAsync(open, ChatSenders.Visitor, m.Text!.Trim(), ct, authorName: open.VisitorName, externalId: m.MessageId);
        if (open.Status == ChatStatuses.Bot) await bot.RespondAsync(work, open, m.Text.Trim(), ct);
        return TypedResults.Ok(new MessagingInboundResult(open.Id, "accepted"));
    }

    /// <summary>The raw bytes (the signature covers exactly them), or null when over the limit.</summary>
    private static async Task<byte[]?> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
