using Microsoft.EntityFrameworkCore;
using Touchpoint.Mail;
using Touchpoint.Mail.Outbound;
using Touchpoint.Server.Features.Cases;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Mail;

namespace Touchpoint.Server.Features.Channels;

/// <summary>
/// Replies to customers by email go through an outbox table: the request only writes the MIME bytes in the same
/// SaveChanges as the reply, and <see cref="EmailOutboxSender"/> delivers them, so a slow or absent SMTP server never
/// holds up staff, and nothing is lost when it is down.
/// </summary>
public sealed class EmailOutbox(SmtpOptions smtp, EmailOutboxWake wake)
{
    public async Task EnqueueReplyAsync(TouchpointDb db, SupportCase c, CaseMessage reply, CancellationToken ct, IReadOnlyList<MailAttachment>? files = null)
    {
        // The newest message id of the thread is the parent; all earlier ones are its references.
        var ids = await db.CaseMessages.AsNoTracking().Where(m => m.CaseId == c.Id && m.MailMessageId != null)
            .OrderBy(m => m.CreatedAt).Select(m => m.MailMessageId!).ToListAsync(ct);
        var (inReplyTo, references) = MailThreading.ForReply(ids.LastOrDefault(), ids.Count > 1 ? ids[..^1] : null);
        var from = new MailboxAddress(null, smtp.From);
        var written = MimeWriter.Write(new OutboundMail
        {
            From = from,
            To = [new MailboxAddress(c.CustomerName, c.CustomerEmail!)],
            Subject = CaseReference.FormatSubject(c.Subject, c.Reference),
            Text = reply.Body,
            Attachments = files ?? [],
            InReplyTo = inReplyTo,
            References = references,
            Date = new DateTimeOffset(reply.CreatedAt, TimeSpan.Zero),
            MessageId = MessageIds.Create(smtp.From.Split('@').LastOrDefault() ?? ""),
        });
        reply.MailMessageId = written.MessageId;
        wake.Expect(db);
        db.OutboundMails.Add(new OutboundMailItem
        {
            CaseId = c.Id, CaseMessageId = reply.Id, Sender = smtp.From, Recipient = c.CustomerEmail!, MessageId = written.MessageId,
            Raw = written.Bytes, Status = OutboxStatuses.Pending, CreatedAt = reply.CreatedAt, NextAttemptAt = reply.CreatedAt,
        });
    }
}

/// <summary>Delivers the outbox: at once when woken, and every half minute for retries (backoff doubling up to an hour).</summary>
public sealed class EmailOutboxSender(IServiceScopeFactory scopes, SmtpOptions smtp, TimeProvider clock, ILogger<EmailOutboxSender> logger) : BackgroundService
{
    public const int MaxAttempts = 8;
    private readonly SemaphoreSlim signal = new(0);

    public void Wake()
    {
        if (signal.CurrentCount == 0) signal.Release();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (smtp.IsConfigured) await SendDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The email outbox could not be processed");
            }
            try { await signal.WaitAsync(TimeSpan.FromSeconds(30), stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>How long a node holds a message it is sending before another node may try it.</summary>
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    /// <summary>Sends every pending message that is due; returns how many went out.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TouchpointDb>();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.OutboundMails.AsNoTracking().Where(m => m.Status == OutboxStatuses.Pending && m.NextAttemptAt <= now)
            .OrderBy(m => m.NextAttemptAt).Take(50).ToListAsync(ct);
        var sent = 0;
        foreach (var item in due)
        {
            // Claim it first, so that two nodes (or two passes) never send one reply twice.
            var leased = now + Lease;
            if (await db.OutboundMails.Where(m => m.Id == item.Id && m.Status == OutboxStatuses.Pending && m.NextAttemptAt == item.NextAttemptAt)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, leased), ct) == 0)
                continue;
            var attempts = item.Attempts + 1;
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(TimeSpan.FromSeconds(60));
                await SmtpClient.SendAsync(smtp, item.Sender, [item.Recipient], item.Raw, timeout.Token);
                var at = clock.GetUtcNow().UtcDateTime;
                await db.OutboundMails.Where(m => m.Id == item.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatuses.Sent)
                    .SetProperty(m => m.Attempts, attempts).SetProperty(m => m.SentAt, at).SetProperty(m => m.LastError, (string?)null), CancellationToken.None);
                sent++;
            }
            catch (Exception e) when (e is SmtpException or IOException or System.Net.Sockets.SocketException or OperationCanceledException
                                          or System.Security.Authentication.AuthenticationException)
            {
                if (ct.IsCancellationRequested) throw;
                var error = e.Message.Length > 1000 ? e.Message[..1000] : e.Message;
                var next = now + TimeSpan.FromSeconds(Math.Min(3600, 30 * Math.Pow(2, attempts - 1)));
                var status = attempts >= MaxAttempts ? OutboxStatuses.Failed : OutboxStatuses.Pending;
                await db.OutboundMails.Where(m => m.Id == item.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, status)
                    .SetProperty(m => m.Attempts, attempts).SetProperty(m => m.NextAttemptAt, next).SetProperty(m => m.LastError, error), CancellationToken.None);
                // The message id and the kind of failure only: a server's answer may quote the address, and logs carry no personal data.
                logger.LogWarning("Sending reply {MessageId} failed (attempt {Attempt}): {ErrorType}", item.MessageId, attempts, e.GetType().Name);
            }
        }
        return sent;
    }
}
