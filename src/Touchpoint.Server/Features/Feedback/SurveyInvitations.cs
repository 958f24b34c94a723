using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Features.Cases;
using Touchpoint.Server.Features.Customers;
using Touchpoint.Server.Features.Queue;
using Touchpoint.Server.Platform.Data;

namespace Touchpoint.Server.Features.Feedback;

/// <summary>What is being rated and how the customer hears of it; every channel invites through this one record.</summary>
public sealed record SurveyOccasion(
    string Channel, string Delivery, Guid BranchId, string Language, string TemplateCode,
    Guid? CounterId = null, Guid? StaffUserId = null, Guid? ServiceTypeId = null, Guid? TicketId = null, Guid? CaseId = null,
    Guid? EncounterId = null, Guid? CustomerId = null, DateTime? SendAt = null);

/// <summary>Why no invitation was made; null when one was.</summary>
public enum SurveySkip { None, NoConsent, NotEligible, Throttled, NoTemplate }

/// <summary>
/// Makes survey invitations for every trigger: a ticket completed, a case solved, a chat ended (the chat channel calls
/// <see cref="InviteAsync"/> with <see cref="SurveyChannels.Chat"/>), a relationship survey, a phone call-back. Known
/// customers are asked only with their consent, when no segment they belong to excludes them, and not again within
/// the branch's throttle period; walk-ins without a profile get the link on their own ticket.
/// </summary>
public sealed class SurveyInvitations(SurveyTokens tokens, FeedbackCaches caches, TimeProvider clock)
{
    /// <summary>Adds the invitation to the context; the caller saves (so a ticket and its invitation commit together).</summary>
    public async Task<(SurveyInvitation? Invitation, SurveySkip Skip)> InviteAsync(TouchpointDb db, SurveyOccasion o, CancellationToken ct)
    {
        var (invitation, skip) = await PrepareAsync(db, o, ct);
        if (invitation is not null) db.SurveyInvitations.Add(invitation);
        return (invitation, skip);
    }

    /// <summary>The invitation the occasion calls for, not yet added to any context; null with the reason when none.</summary>
    private async Task<(SurveyInvitation? Invitation, SurveySkip Skip)> PrepareAsync(TouchpointDb db, SurveyOccasion o, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var settings = await caches.SettingsAsync(db, o.BranchId, ct);
        if (o.CustomerId is { } customerId)
        {
            var skip = await CustomerSkipAsync(db, customerId, settings.ThrottleDays, now, ct);
            if (skip != SurveySkip.None) return (null, skip);
        }
        var template = await caches.TemplateAsync(db, o.TemplateCode, ct);
        if (template is null) return (null, SurveySkip.NoTemplate);
        var invitation = new SurveyInvitation
        {
            TokenHash = "", TemplateId = template.Id, Channel = o.Channel, Delivery = o.Delivery, BranchId = o.BranchId, CounterId = o.CounterId,
            StaffUserId = o.StaffUserId, ServiceTypeId = o.ServiceTypeId, TicketId = o.TicketId, CaseId = o.CaseId, EncounterId = o.EncounterId,
            CustomerId = o.CustomerId, Language = o.Language, CreatedAt = now, SendAt = o.SendAt,
            ExpiresAt = (o.SendAt ?? now).AddDays(settings.LinkValidDays),
        };
        invitation.TokenHash = await tokens.HashForAsync(invitation.Id, ct);
        return (invitation, SurveySkip.None);
    }

    /// <summary>Consent, segment policy and throttling for a known customer.</summary>
    public static async Task<SurveySkip> CustomerSkipAsync(TouchpointDb db, Guid customerId, int throttleDays, DateTime now, CancellationToken ct)
    {
        var customer = await db.Customers.AsNoTracking().Where(c => c.Id == customerId).Select(c => new { c.ConsentSurveys, c.Status }).FirstOrDefaultAsync(ct);
        if (customer is null || !customer.ConsentSurveys || customer.Status != CustomerStatuses.Active) return SurveySkip.NoConsent;
        var segmentIds = await db.CustomerSegmentMemberships.AsNoTracking().Where(m => m.CustomerId == customerId && m.Until == null)
            .Select(m => m.SegmentId).ToListAsync(ct);
        if (segmentIds.Count > 0)
        {
            var policies = await db.CustomerSegments.AsNoTracking().Where(s => segmentIds.Contains(s.Id) && s.IsActive).Select(s => s.Policy).ToListAsync(ct);
            if (policies.Any(p => p.SurveyEligible == false)) return SurveySkip.NotEligible;
        }
        var since = now.AddDays(-throttleDays);
        return await db.SurveyInvitations.AnyAsync(i => i.CustomerId == customerId && i.CreatedAt > since, ct) ? SurveySkip.Throttled : SurveySkip.None;
    }

    /// <summary>
    /// A completed ticket: the link goes on the customer's ticket page (QR code on the printed ticket), bound to the
    /// counter, staff member, service and the counter encounter the completion records. Returned for the completion to
    /// write in its own statement, with the ticket (see <c>TicketCompletion</c>); null when the customer is not asked.
    /// </summary>
    public async Task<SurveyInvitation?> ForCompletedTicketAsync(TouchpointDb db, QueueTicket t, Guid encounterId, CancellationToken ct)
    {
        var settings = await caches.SettingsAsync(db, t.BranchId, ct);
        return (await PrepareAsync(db, new SurveyOccasion(SurveyChannels.Counter, SurveyDeliveries.Link, t.BranchId, t.Language, settings.CounterTemplate,
            t.CounterId, t.StaffUserId, t.ServiceTypeId, TicketId: t.Id, EncounterId: encounterId, CustomerId: t.CustomerId), ct)).Invitation;
    }

    /// <summary>A solved case: once per case, by email (or SMS) after the branch's delay. Saves.</summary>
    public async Task CaseSolvedAsync(TouchpointDb db, SupportCase c, CancellationToken ct)
    {
        if (await db.SurveyInvitations.AnyAsync(i => i.CaseId == c.Id, ct)) return;
        var settings = await caches.SettingsAsync(db, c.BranchId, ct);
        var delivery = c.CustomerEmail is not null ? SurveyDeliveries.Email : c.CustomerPhone is not null ? SurveyDeliveries.Sms : SurveyDeliveries.Link;
        var sendAt = delivery == SurveyDeliveries.Link ? (DateTime?)null : clock.GetUtcNow().UtcDateTime.AddMinutes(settings.CaseSurveyDelayMinutes);
        var (invitation, _) = await InviteAsync(db, new SurveyOccasion(SurveyChannels.Case, delivery, c.BranchId, c.Language, settings.CaseTemplate,
            StaffUserId: c.AssigneeId, CaseId: c.Id, CustomerId: c.CustomerId, SendAt: sendAt), ct);
        if (invitation is not null) await db.SaveChangesAsync(ct);
    }

    /// <summary>The link of a ticket's or case's survey, whatever its state: the page itself says when it is used or expired.</summary>
    public async Task<string?> UrlForTicketAsync(TouchpointDb db, Guid ticketId, CancellationToken ct)
    {
        var id = await db.SurveyInvitations.AsNoTracking().Where(i => i.TicketId == ticketId).Select(i => (Guid?)i.Id).FirstOrDefaultAsync(ct);
        return id is { } found ? await tokens.UrlAsync(found, ct) : null;
    }

    /// <summary>The link of an invitation just made (completing a ticket answers with it).</summary>
    public Task<string> UrlAsync(Guid invitationId, CancellationToken ct) => tokens.UrlAsync(invitationId, ct);

    public async Task<string?> UrlForCaseAsync(TouchpointDb db, Guid caseId, CancellationToken ct)
    {
        var id = await db.SurveyInvitations.AsNoTracking().Where(i => i.CaseId == caseId && i.Channel == SurveyChannels.Case)
            .Select(i => (Guid?)i.Id).FirstOrDefaultAsync(ct);
        return id is { } found ? await tokens.UrlAsync(found, ct) : null;
    }
}
