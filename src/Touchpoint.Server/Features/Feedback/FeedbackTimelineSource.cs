using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Features.Customers;
using Touchpoint.Server.Platform.Data;

namespace Touchpoint.Server.Features.Feedback;

/// <summary>
/// Survey answers and call-backs on the customer's timeline. A counter survey reaches the customer through its ticket
/// (linked later, perhaps) as well as directly, so both are read. Erasure removes free-text comments and call notes;
/// scores stay for the reports.
/// </summary>
public sealed class FeedbackTimelineSource : ICustomerTimelineSource
{
    public async Task<IReadOnlyList<TimelineEntry>> ReadAsync(TouchpointDb db, TimelineQuery query, CancellationToken ct)
    {
        // Answers given on a link or the phone; a pad rating alone is already on the timeline as the ticket's rating.
        var invitations = db.SurveyInvitations.AsNoTracking().Where(i => i.RespondedAt != null && (i.CustomerId == query.CustomerId
            || (i.TicketId != null && db.QueueTickets.Any(t => t.Id == i.TicketId && t.CustomerId == query.CustomerId))));
        if (query.BranchIds is { } branches) invitations = invitations.Where(i => branches.Contains(i.BranchId));
        if (query.Before is { } before) invitations = invitations.Where(i => i.FirstAnsweredAt < before);
        var rows = await invitations.OrderByDescending(i => i.FirstAnsweredAt).Take(query.Limit)
            .Select(i => new
            {
                i.Id, i.BranchId, i.Channel, i.FirstAnsweredAt, i.Dissatisfied,
                Ticket = db.QueueTickets.Where(t => t.Id == i.TicketId).Select(t => t.Number).FirstOrDefault(),
                Case = db.Cases.Where(c => c.Id == i.CaseId).Select(c => c.Reference).FirstOrDefault(),
                Answers = db.SurveyAnswers.Where(a => a.InvitationId == i.Id).Select(a => new { a.Type, a.Score, a.ScaleMax, a.Choice, a.Text }).ToList(),
            })
            .ToListAsync(ct);
        var entries = rows.Select(r => new TimelineEntry("feedback.survey", r.FirstAnsweredAt!.Value, r.BranchId, r.Ticket ?? r.Case, new Dictionary<string, string?>
        {
            ["channel"] = r.Channel,
            ["csat"] = r.Answers.FirstOrDefault(a => a.Type == QuestionTypes.Csat) is { } c ? $"{c.Score}/{c.ScaleMax}" : null,
            ["nps"] = r.Answers.FirstOrDefault(a => a.Type == QuestionTypes.Nps)?.Score?.ToString(),
            ["effort"] = r.Answers.FirstOrDefault(a => a.Type == QuestionTypes.Effort)?.Score?.ToString(),
            ["reasons"] = string.Join(",", r.Answers.Where(a => a.Choice != null).Select(a => a.Choice)),
            ["comment"] = r.Answers.FirstOrDefault(a => a.Text != null)?.Text,
            ["dissatisfied"] = r.Dissatisfied ? "true" : null,
        })).ToList();

        var calls = db.CallBacks.AsNoTracking().Where(c => c.CustomerId == query.CustomerId && c.LastAttemptAt != null);
        if (query.BranchIds is { } b2) calls = calls.Where(c => b2.Contains(c.BranchId));
        if (query.Before is { } before2) calls = calls.Where(c => c.LastAttemptAt < before2);
        entries.AddRange((await calls.OrderByDescending(c => c.LastAttemptAt).Take(query.Limit).ToListAsync(ct))
            .Select(c => new TimelineEntry("feedback.callBack", c.LastAttemptAt!.Value, c.BranchId, null, new Dictionary<string, string?>
            {
                ["reason"] = c.Reason, ["outcome"] = c.LastOutcome, ["attempts"] = c.Attempts.ToString(), ["status"] = c.Status,
            })));
        return entries;
    }

    public async Task<IReadOnlyDictionary<string, int>> MoveAsync(TouchpointDb db, Guid from, Guid to, CancellationToken ct) =>
        new Dictionary<string, int>
        {
            ["surveys"] = await db.SurveyInvitations.Where(i => i.CustomerId == from).ExecuteUpdateAsync(s => s.SetProperty(i => i.CustomerId, to), ct),
            ["callBacks"] = await db.CallBacks.Where(c => c.CustomerId == from).ExecuteUpdateAsync(s => s.SetProperty(c => c.CustomerId, to), ct),
        };

    public async Task EraseAsync(TouchpointDb db, Guid customerId, CancellationToken ct)
    {
        var mine = db.SurveyInvitations.Where(i => i.CustomerId == customerId
            || (i.TicketId != null && db.QueueTickets.Any(t => t.Id == i.TicketId && t.CustomerId == customerId))).Select(i => i.Id);
        await db.SurveyAnswers.Where(a => a.Text != null && mine.Contains(a.InvitationId)).ExecuteUpdateAsync(s => s.SetProperty(a => a.Text, (string?)null), ct);
        await db.CallBacks.Where(c => c.CustomerId == customerId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Note, (string?)null), ct);
    }
}
