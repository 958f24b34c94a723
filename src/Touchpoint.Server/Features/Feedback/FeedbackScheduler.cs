using Microsoft.EntityFrameworkCore;
using Touchpoint.Mail;
using Touchpoint.Mail.Outbound;
using Touchpoint.Server.Features.Channels;
using Touchpoint.Server.Features.Customers;
using Touchpoint.Server.Features.Organisation;
using Touchpoint.Server.Features.Queue;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Localization;
using Touchpoint.Server.Platform.Mail;
using Touchpoint.Server.Platform.Sms;

namespace Touchpoint.Server.Features.Feedback;

/// <summary>
/// Background work of the feedback module: sends survey invitations whose time has come (a case's survey after its
/// delay, relationship surveys) by email through the outbox or by SMS, and once a day per branch puts a sample of
/// yesterday's served customers on the call-back list. Each invitation is claimed with a conditional update before
/// it is sent, so two nodes never send one twice.
/// </summary>
public sealed class FeedbackScheduler(
    IServiceScopeFactory scopes, SurveyTokens tokens, FeedbackCaches caches, FeedbackOptions options, SmtpOptions smtp, EmailOutboxSender outbox,
    ISmsSender sms, TimeProvider clock, ILogger<FeedbackScheduler> logger) : BackgroundService
{
    private readonly Dictionary<Guid, string> sampledOn = [];

    public override async Task StartAsync(CancellationToken ct)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TouchpointDb>();
            try { await DefaultTemplates.EnsureAsync(db, ct); }
            catch (DbUpdateException) { /* another node added them at the same moment */ }
        }
        await tokens.LoadKeyAsync(ct);
        await base.StartAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<TouchpointDb>();
                await SendDueAsync(db, stoppingToken);
                foreach (var branch in await db.Branches.AsNoTracking().ToListAsync(stoppingToken))
                {
                    var today = QueueClock.BusinessDate(branch, clock.GetUtcNow().UtcDateTime);
                    if (sampledOn.GetValueOrDefault(branch.Id) == today) continue;
                    await SampleCallBacksAsync(db, branch, stoppingToken);
                    sampledOn[branch.Id] = today;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Feedback scheduling failed");
            }
            try { await Task.Delay(TimeSpan.FromSeconds(30), clock, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>Sends the invitations that are due; returns how many went out.</summary>
    public async Task<int> SendDueAsync(TouchpointDb db, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.SurveyInvitations.AsNoTracking()
            .Where(i => i.SendAt != null && i.SendAt <= now && i.SentAt == null && i.ExpiresAt > now
                && (i.Delivery == SurveyDeliveries.Email || i.Delivery == SurveyDeliveries.Sms))
            .OrderBy(i => i.SendAt).Take(200).ToListAsync(ct);
        var sent = 0;
        foreach (var inv in due)
        {
            if (await db.SurveyInvitations.Where(i => i.Id == inv.Id && i.SentAt == null).ExecuteUpdateAsync(s => s.SetProperty(i => i.SentAt, now), ct) == 0)
                continue;
            var (email, phone, name, reference) = await AddressAsync(db, inv, ct);
            var link = options.Absolute(await tokens.UrlAsync(inv.Id, ct));
            var branch = await db.Branches.AsNoTracking().Where(b => b.Id == inv.BranchId).Select(b => b.Name).FirstAsync(ct);
            var lang = inv.Language;
            var text = Messages.GetIn(lang, "feedback.invitationText", branch.Resolve(lang), link, inv.ExpiresAt.ToString("yyyy-MM-dd"));
            if (inv.Delivery == SurveyDeliveries.Email && email is not null)
            {
                var written = MimeWriter.Write(new OutboundMail
                {
                    From = new MailboxAddress(null, smtp.From), To = [new MailboxAddress(name, email)],
                    Subject = reference is null ? Messages.GetIn(lang, "feedback.invitationSubject") : CaseReference.FormatSubject(Messages.GetIn(lang, "feedback.invitationSubject"), reference),
                    Text = text, Date = new DateTimeOffset(now, TimeSpan.Zero), MessageId = MessageIds.Create(smtp.From.Split('@').LastOrDefault() ?? ""),
                });
                db.OutboundMails.Add(new OutboundMailItem
                {
                    CaseId = inv.CaseId ?? Guid.Empty, CaseMessageId = inv.Id, Sender = smtp.From, Recipient = email, MessageId = written.MessageId,
                    Raw = written.Bytes, Status = OutboxStatuses.Pending, CreatedAt = now, NextAttemptAt = now,
                });
                await db.SaveChangesAsync(ct);
                outbox.Wake();
                sent++;
            }
            else if (phone is not null)
            {
                await sms.SendAsync(phone, text, ct);
                sent++;
            }
        }
        return sent;
    }

    private static async Task<(string? Email, string? Phone, string? Name, string? Reference)> AddressAsync(TouchpointDb db, SurveyInvitation inv, CancellationToken ct)
    {
        if (inv.CaseId is { } caseId)
        {
            var c = await db.Cases.AsNoTracking().Where(x => x.Id == caseId).Select(x => new { x.CustomerEmail, x.CustomerPhone, x.CustomerName, x.Reference }).FirstAsync(ct);
            return (c.CustomerEmail, c.CustomerPhone, c.CustomerName, c.Reference);
        }
        if (inv.CustomerId is not { } id) return (null, null, null, null);
        var contacts = await db.CustomerContacts.AsNoTracking().Where(x => x.CustomerId == id).OrderBy(x => x.CreatedAt).ToListAsync(ct);
        var name = await db.Customers.AsNoTracking().Where(c => c.Id == id).Select(c => c.Name).FirstOrDefaultAsync(ct);
        return (contacts.FirstOrDefault(x => x.Kind == ContactKinds.Email)?.Value, contacts.FirstOrDefault(x => x.Kind == ContactKinds.Phone)?.Value, name, null);
    }

    /// <summary>
    /// Today's sample: known customers served yesterday (a completed ticket) or whose case was solved yesterday, who
    /// consent, have a phone, answered no survey link and were not called within the throttle period (a pad rating alone
    /// does not count: the call asks what the pad cannot). Chosen by a hash of the ticket's or case's id, so every node
    /// picks the same ones; a customer is called once however many times they came.
    /// </summary>
    public async Task<int> SampleCallBacksAsync(TouchpointDb db, Branch branch, CancellationToken ct)
    {
        var settings = await caches.SettingsAsync(db, branch.Id, ct);
        if (settings.CallBackSamplePercent == 0) return 0;
        var now = clock.GetUtcNow().UtcDateTime;
        var today = QueueClock.BusinessDate(branch, now);
        if (await db.CallBacks.AnyAsync(c => c.BranchId == branch.Id && c.Reason == CallBackReasons.Sampled && c.CreatedAt >= now.AddHours(-20), ct)) return 0;
        var yesterday = DateOnly.ParseExact(today, "yyyy-MM-dd").AddDays(-1).ToString("yyyy-MM-dd");
        var served = await db.QueueTickets.AsNoTracking()
            .Where(t => t.BranchId == branch.Id && t.BusinessDate == yesterday && t.Status == TicketStatuses.Completed && t.CustomerId != null)
            .Select(t => new CallBack
            {
                BranchId = branch.Id, CustomerId = t.CustomerId, TicketId = t.Id, CounterId = t.CounterId, StaffUserId = t.StaffUserId,
                ServiceTypeId = t.ServiceTypeId, Reason = CallBackReasons.Sampled, DueDate = today, Language = t.Language, CreatedAt = now,
            }).ToListAsync(ct);
        var todayStart = QueueClock.StartOfDayUtc(branch, now);
        var yesterdayStart = QueueClock.StartOfDayUtc(branch, now.AddDays(-1));
        var solved = await db.Cases.AsNoTracking()
            .Where(c => c.BranchId == branch.Id && c.SolvedAt >= yesterdayStart && c.SolvedAt < todayStart && c.CustomerId != null && c.MergedIntoId == null)
            .Select(c => new CallBack
            {
                BranchId = branch.Id, CustomerId = c.CustomerId, CaseId = c.Id, StaffUserId = c.AssigneeId,
                Reason = CallBackReasons.Sampled, DueDate = today, Language = c.Language, CreatedAt = now,
            }).ToListAsync(ct);
        var since = now.AddDays(-settings.ThrottleDays);
        var called = new HashSet<Guid>();
        foreach (var candidate in served.Concat(solved).Where(c => InSample(c.TicketId ?? c.CaseId!.Value, settings.CallBackSamplePercent)))
        {
            var customerId = candidate.CustomerId!.Value;
            if (called.Contains(customerId)) continue;
            var ok = await db.Customers.AnyAsync(c => c.Id == customerId && c.ConsentSurveys && c.Status == CustomerStatuses.Active, ct)
                && await db.CustomerContacts.AnyAsync(c => c.CustomerId == customerId && c.Kind == ContactKinds.Phone, ct)
                && !await db.CallBacks.AnyAsync(c => c.CustomerId == customerId && c.CreatedAt > since, ct)
                && !await db.SurveyInvitations.AnyAsync(i => i.CustomerId == customerId && i.RespondedAt != null && i.CreatedAt > since, ct);
            if (!ok) continue;
            db.CallBacks.Add(candidate);
            called.Add(customerId);
        }
        await db.SaveChangesAsync(ct);
        return called.Count;
    }

    private static bool InSample(Guid id, int percent) => BitConverter.ToUInt32(id.ToByteArray(), 12) % 100 < percent;
}
