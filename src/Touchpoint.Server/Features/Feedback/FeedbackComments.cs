using Microsoft.EntityFrameworkCore;
using Touchpoint.Assist.Learning;
using Touchpoint.Server.Features.Assist;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Localization;

namespace Touchpoint.Server.Features.Feedback;

public sealed record TopicCount(string Intent, string Label, int Count, int Negative);
/// <param name="Comments">Answers with a comment in the period.</param>
/// <param name="Analysed">Those the assist models have read (the rest are still queued, or assist is off).</param>
/// <param name="Topics">Intents of the taxonomy the comments were about, most frequent first; unmatched comments are left out.</param>
public sealed record CommentMeasure(int Comments, int Analysed, int Negative, int Neutral, int Positive, IReadOnlyList<TopicCount> Topics);

/// <summary>
/// What the comments say, as the assist models read them (<see cref="AssistCapture"/> queues every comment): their
/// sentiment, with a correction by staff counting over the model's, and their topics, the intents of the organisation's
/// taxonomy. A score says how satisfied customers are; the comments' topics say about what.
/// </summary>
public static class FeedbackComments
{
    public const int MaxTopics = 10;

    public static async Task<CommentMeasure> MeasureAsync(TouchpointDb db, IQueryable<SurveyInvitation> invitations, CancellationToken ct)
    {
        var comments = invitations.Join(db.SurveyAnswers.Where(a => a.Text != null), i => i.Id, a => a.InvitationId, (i, a) => a.Id);
        var total = await comments.CountAsync(ct);
        var read = db.AssistAnalyses.AsNoTracking()
            .Where(x => x.OwnerKind == AssistOwners.SurveyComment && x.AnalysedAt != null && comments.Contains(x.OwnerId));
        var rows = await read.GroupBy(x => new { Sentiment = x.CorrectedSentiment ?? x.Sentiment, Intent = x.CorrectedIntent ?? x.Intent })
            .Select(g => new { g.Key.Sentiment, g.Key.Intent, Count = g.Count() }).ToListAsync(ct);
        int Of(string sentiment) => rows.Where(r => r.Sentiment == sentiment).Sum(r => r.Count);
        var names = await db.AssistIntents.AsNoTracking().ToDictionaryAsync(i => i.Key, i => i.Name, ct);
        var topics = rows.Where(r => r.Intent is not null && r.Intent != OutOfScope.Label)
            .GroupBy(r => r.Intent!)
            .Select(g => new TopicCount(g.Key, names.TryGetValue(g.Key, out var name) ? name.Resolve(Languages.Current) : g.Key,
                g.Sum(r => r.Count), g.Where(r => r.Sentiment == "negative").Sum(r => r.Count)))
            .OrderByDescending(t => t.Count).ThenBy(t => t.Intent, StringComparer.Ordinal).Take(MaxTopics).ToList();
        return new CommentMeasure(total, rows.Sum(r => r.Count), Of("negative"), Of("neutral"), Of("positive"), topics);
    }
}
