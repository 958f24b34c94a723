using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Features.Cases;
using Touchpoint.Server.Features.Queue;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Localization;
using Touchpoint.Server.Platform.Realtime;

namespace Touchpoint.Server.Features.Feedback;

/// <summary>
/// Dissatisfaction reaches people who can act: the branch's supervisors at once (a real-time alert), a follow-up case
/// tagged <see cref="FollowUpTag"/> when the branch wants one (the complaints module will turn it into service
/// recovery), and a call-back on today's list when the customer can be phoned.
/// </summary>
public sealed class FeedbackFollowUp(IRealtimePublisher realtime, FeedbackCaches caches, TimeProvider clock, ILogger<FeedbackFollowUp> logger)
{
    public const string DissatisfiedEvent = "feedback.dissatisfied";
    public const string FollowUpTag = "feedback-follow-up";

    /// <param name="alert">False when the pad has already alerted supervisors with its own event.</param>
    public async Task DissatisfiedAsync(TouchpointDb db, CaseContext cases, SurveyInvitation inv, AnswerDigest digest, bool alert, CancellationToken ct)
    {
        var branch = await cases.BranchAsync(inv.BranchId, ct);
        if (branch is null) return;
        var code = branch.Branch.Code;
        var ticket = inv.TicketId is { } tid ? await db.QueueTickets.AsNoTracking().FirstOrDefaultAsync(t => t.Id == tid, ct) : null;
        var sourceCase = inv.CaseId is { } cid ? await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == cid, ct) : null;
        var counter = inv.CounterId is { } counterId ? branch.CounterById(counterId)?.Number : null;
        var reference = ticket?.Number ?? sourceCase?.Reference;
        var settings = await caches.SettingsAsync(db, inv.BranchId, ct);

        SupportCase? followUp = null;
        if (settings.OpenFollowUpCase)
        {
            try
            {
                followUp = await OpenCaseAsync(db, cases, branch, inv, digest, reference, sourceCase, ct);
            }
            catch (DbUpdateException e)
            {
                // The answer is saved already; a failed follow-up case must not turn the customer's submission into an error.
                logger.LogError(e, "Could not open the follow-up case for survey invitation {Invitation}", inv.Id);
            }
        }
        if (await PhoneReachableAsync(db, inv, ticket, sourceCase, ct) && !await db.CallBacks.AnyAsync(c => c.SourceInvitationId == inv.Id, ct))
        {
            db.CallBacks.Add(new CallBack
            {
                BranchId = inv.BranchId, CustomerId = inv.CustomerId, TicketId = inv.TicketId, CaseId = inv.CaseId, SourceInvitationId = inv.Id,
                StaffUserId = inv.StaffUserId, CounterId = inv.CounterId, ServiceTypeId = inv.ServiceTypeId, Reason = CallBackReasons.Dissatisfied,
                DueDate = QueueClock.BusinessDate(branch.Branch, clock.GetUtcNow().UtcDateTime), Language = inv.Language, CreatedAt = clock.GetUtcNow().UtcDateTime,
            });
            await db.SaveChangesAsync(ct);
        }
        if (alert)
            await realtime.PublishAsync(new RealtimeEvent(DissatisfiedEvent, code, System.Text.Json.JsonSerializer.SerializeToNode(new
            {
                invitationId = inv.Id, channel = inv.Channel, counter, reference, csat = digest.Csat, csatMax = digest.CsatMax, nps = digest.Nps,
                effort = digest.Effort, reasons = digest.Reasons, followUpCaseId = followUp?.Id, followUpReference = followUp?.Reference,
            }, QueueContext.EventJson)), [RealtimeGroups.Supervisors(code), RealtimeGroups.Supervisors("*")], ct);
    }

    private static async Task<SupportCase> OpenCaseAsync(TouchpointDb db, CaseContext cases, Organisation.BranchLayout branch, SurveyInvitation inv,
        AnswerDigest digest, string? reference, SupportCase? sourceCase, CancellationToken ct)
    {
        var lang = inv.Language;
        var customerName = inv.CustomerId is { } id ? await db.Customers.AsNoTracking().Where(c => c.Id == id).Select(c => c.Name).FirstOrDefaultAsync(ct) : null;
        customerName ??= sourceCase?.CustomerName ?? Messages.GetIn(lang, "feedback.anonymousCustomer");
        var lines = new List<string> { Messages.GetIn(lang, "feedback.followUpIntro", Messages.GetIn(lang, "feedback.channel." + inv.Channel), reference ?? "-") };
        if (digest.Csat is { } csat) lines.Add($"CSAT: {csat}/{digest.CsatMax}");
        if (digest.Nps is { } nps) lines.Add($"NPS: {nps}/10");
        if (digest.Effort is { } effort) lines.Add($"{Messages.GetIn(lang, "feedback.effort")}: {effort}/5");
        if (digest.Reasons.Count > 0) lines.Add($"{Messages.GetIn(lang, "feedback.reasons")}: {string.Join(", ", digest.Reasons)}");
        if (digest.Comment is not null) lines.Add("\n" + digest.Comment);
        var channel = inv.Channel switch
        {
            SurveyChannels.Counter => "counter",
            SurveyChannels.Case => sourceCase?.Channel ?? "email",
            SurveyChannels.Chat => "webChat",
            SurveyChannels.Phone => "phone",
            _ => "web",
        };
        return await CaseCreation.OpenAsync(cases, new NewCase(branch, Messages.GetIn(lang, "feedback.followUpSubject", reference ?? Messages.GetIn(lang, "feedback.channel." + inv.Channel)),
            string.Join("\n", lines), channel, customerName, sourceCase?.CustomerEmail, sourceCase?.CustomerPhone, inv.CustomerId, CasePriorities.High,
            "feedback", [FollowUpTag], lang, null), ct);
    }

    /// <summary>A number to call exists: the customer's profile, the phone left on the ticket for SMS, or the case's.</summary>
    private static async Task<bool> PhoneReachableAsync(TouchpointDb db, SurveyInvitation inv, QueueTicket? ticket, SupportCase? c, CancellationToken ct) =>
        ticket?.ContactPhone is not null || c?.CustomerPhone is not null
        || (inv.CustomerId is { } id && await db.CustomerContacts.AnyAsync(x => x.CustomerId == id && x.Kind == Customers.ContactKinds.Phone, ct));
}
