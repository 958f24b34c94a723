using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Features.Cases;
using Touchpoint.Server.Platform.Data;

namespace Touchpoint.Server.Features.Feedback;

/// <summary>
/// The evaluation pad's rating is the counter survey's first answer: it is recorded on the ticket's invitation, and
/// the link on the ticket then asks only the rest. The pad alerts supervisors with its own event, so follow-up here
/// opens the case and the call-back without a second alert.
/// </summary>
public sealed class PadAnswers(FeedbackFollowUp followUp, TimeProvider clock)
{
    public async Task RecordAsync(TouchpointDb db, CaseContext cases, Guid ticketId, string rating, IReadOnlyList<string> reasons, CancellationToken ct)
    {
        var invitation = await db.SurveyInvitations.AsNoTracking().FirstOrDefaultAsync(i => i.TicketId == ticketId && i.Channel == SurveyChannels.Counter, ct);
        if (invitation is null) return;
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = SurveyAnswering.FromPad(invitation.Id, rating, reasons, now);
        var digest = SurveyAnswering.Digest(rows);
        var saved = await cases.Gate.RunAsync(db, async () =>
        {
            // Only while nobody has answered the csat question on the link yet (a customer may be quicker than the pad).
            var claimed = await db.SurveyInvitations.Where(i => i.Id == invitation.Id && i.RespondedAt == null && i.FirstAnsweredAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.FirstAnsweredAt, now).SetProperty(i => i.Dissatisfied, digest.Dissatisfied), ct);
            if (claimed == 0) return false;
            db.SurveyAnswers.AddRange(rows);
            await db.SaveChangesAsync(ct);
            return true;
        }, ct);
        if (saved && digest.Dissatisfied) await followUp.DissatisfiedAsync(db, cases, invitation, digest, alert: false, ct);
    }
}
