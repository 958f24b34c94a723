using System.Linq.Expressions;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Features.Organisation;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Http;
using Touchpoint.Server.Platform.Identity;
using Touchpoint.Server.Platform.Localization;

namespace Touchpoint.Server.Features.Feedback;

public sealed record CsatMeasure(int Answers, int Satisfied, double? SatisfiedShare, double? Average5);
public sealed record NpsMeasure(int Answers, int Promoters, int Passives, int Detractors, double? Score);
public sealed record EffortMeasure(int Answers, double? Average, double? EasyShare);
public sealed record ReasonCount(string Code, string Label, int Count, double Share, double CumulativeShare);
public sealed record FeedbackMeasures(
    string? Key, string? Label, int Invitations, int Responded, double? ResponseRate, int Prompted, int Unrated, double? UnratedShare,
    CsatMeasure Csat, NpsMeasure Nps, EffortMeasure Effort);
public sealed record FeedbackSummaryDto(DateTime From, DateTime To, FeedbackMeasures Total, IReadOnlyList<FeedbackMeasures> Groups, IReadOnlyList<ReasonCount> Reasons,
    CommentMeasure Comments);

/// <summary>
/// The measures (满意度得分, 忠诚度指数): CSAT as the share of satisfied answers (top two of five, top two faces of
/// three), NPS as promoters minus detractors, effort as the mean of 1-5 (5 = very easy), the response rate (invitations
/// with any answer, the pad's included) and the pad's unrated share; reasons ranked with their cumulative share
/// (Pareto); the comments' sentiment and topics (<see cref="FeedbackComments"/>). Filters by branch, counter, service, staff member, channel, segment and period, optionally grouped.
/// The database does the counting: answers are grouped by score before anything reaches this process.
/// </summary>
public static class FeedbackSummary
{
    public static readonly IReadOnlyList<string> GroupKeys = ["branch", "counter", "service", "staff", "channel", "day"];

    private sealed record Filters(List<Guid> BranchIds, Guid? CounterId, Guid? ServiceId, Guid? StaffId, string? Channel, Guid? SegmentId, DateTime From, DateTime To);

    public static async Task<Results<Ok<FeedbackSummaryDto>, ValidationProblem, ProblemHttpResult>> Get(
        ClaimsPrincipal user, TouchpointDb db, BranchDirectory directory, FeedbackCaches caches, TimeProvider clock, CancellationToken ct,
        string? branch = null, int? counter = null, string? service = null, Guid? staff = null, string? channel = null, string? segment = null,
        DateTime? from = null, DateTime? to = null, string? groupBy = null)
    {
        var v = new Validation();
        var now = clock.GetUtcNow().UtcDateTime;
        var end = to?.ToUniversalTime() ?? now;
        var start = from?.ToUniversalTime() ?? end.AddDays(-30);
        if (start >= end) v.Add("from", "feedback.period");
        if (channel is not null && !SurveyChannels.All.Contains(channel)) v.Add("channel", "validation.oneOf", string.Join(", ", SurveyChannels.All));
        if (groupBy is not null && !GroupKeys.Contains(groupBy)) v.Add("groupBy", "validation.oneOf", string.Join(", ", GroupKeys));
        BranchLayout? layout = null;
        List<Guid> branchIds;
        if (branch is not null)
        {
            layout = await directory.FindAsync(db, branch, ct);
            if (layout is null) return Problems.NotFound();
            if (!user.CanAccessBranch(layout.Branch.Code)) return Problems.Forbidden();
            branchIds = [layout.Branch.Id];
        }
        else if (user.SpansAllBranches()) branchIds = await db.Branches.AsNoTracking().Select(b => b.Id).ToListAsync(ct);
        else branchIds = await db.Branches.AsNoTracking().Where(b => user.BranchCodes().Contains(b.Code)).Select(b => b.Id).ToListAsync(ct);
        if ((counter is not null || service is not null) && layout is null) v.Add(counter is not null ? "counter" : "service", "feedback.branchFirst");
        Guid? counterId = null, serviceId = null, segmentId = null;
        if (layout is not null && counter is { } n)
        {
            counterId = layout.CounterByNumber(n)?.Id;
            if (counterId is null) v.Add("counter", "validation.unknownCounter", n);
        }
        if (layout is not null && service is not null)
        {
            serviceId = layout.ServiceByCode(service.Trim().ToUpperInvariant())?.Id;
            if (serviceId is null) v.Add("service", "validation.unknownService", service);
        }
        if (segment is not null)
        {
            segmentId = await db.CustomerSegments.AsNoTracking().Where(s => s.Code == segment).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct);
            if (segmentId is null) v.Add("segment", "feedback.unknownSegment", segment);
        }
        if (!v.IsValid) return v.Problem();

        var f = new Filters(branchIds, counterId, serviceId, staff, channel, segmentId, start, end);
        var labels = await LabelsAsync(db, groupBy, ct);
        var counts = await CountAsync(db, f, groupBy ?? "branch", ct);
        var total = Measure(counts, _ => true, null, null);
        var groups = groupBy is null ? [] : counts.Invited.Keys.Union(counts.Pad.Keys).Distinct()
            .Select(k => Measure(counts, x => x == k, k, labels.GetValueOrDefault(k, k)))
            .OrderBy(g => groupBy == "day" ? g.Key : g.Label, StringComparer.Ordinal).ToList();
        return TypedResults.Ok(new FeedbackSummaryDto(start, end, total, groups, await ReasonsAsync(db, caches, f, ct),
            await FeedbackComments.MeasureAsync(db, Invitations(db, f), ct)));
    }

    private static IQueryable<SurveyInvitation> Invitations(TouchpointDb db, Filters f)
    {
        var q = db.SurveyInvitations.AsNoTracking().Where(i => f.BranchIds.Contains(i.BranchId) && i.CreatedAt >= f.From && i.CreatedAt < f.To);
        if (f.CounterId is { } c) q = q.Where(i => i.CounterId == c);
        if (f.ServiceId is { } s) q = q.Where(i => i.ServiceTypeId == s);
        if (f.StaffId is { } st) q = q.Where(i => i.StaffUserId == st);
        if (f.Channel is { } ch) q = q.Where(i => i.Channel == ch);
        if (f.SegmentId is { } seg)
            q = q.Where(i => i.CustomerId != null && db.CustomerSegmentMemberships.Any(m => m.CustomerId == i.CustomerId && m.SegmentId == seg
                && m.Since <= i.CreatedAt && (m.Until == null || m.Until > i.CreatedAt)));
        return q;
    }

    private sealed class Keyed<TKey>
    {
        public Guid Id { get; set; }
        public TKey Key { get; set; } = default!;
    }

    private sealed record Scored(string Key, string Type, int Score, int ScaleMax, int Count);
    private sealed record Counts(Dictionary<string, int> Invited, Dictionary<string, int> Responded, List<Scored> Scores, Dictionary<string, (int Prompted, int Unrated)> Pad);

    /// <summary>Counts per group in the database; the totals are the sums over branches.</summary>
    private static Task<Counts> CountAsync(TouchpointDb db, Filters f, string groupBy, CancellationToken ct) => groupBy switch
    {
        "counter" => CountAsync(db, f, i => i.CounterId, e => (Guid?)e.CounterId, ct),
        "service" => CountAsync(db, f, i => i.ServiceTypeId, e => (Guid?)e.ServiceTypeId, ct),
        "staff" => CountAsync(db, f, i => i.StaffUserId, e => e.StaffUserId, ct),
        "channel" => CountAsync(db, f, i => i.Channel, e => SurveyChannels.Counter, ct),
        "day" => CountAsync(db, f, i => i.CreatedAt.Date, e => e.PromptedAt.Date, ct),
        _ => CountAsync(db, f, i => (Guid?)i.BranchId, e => (Guid?)e.BranchId, ct),
    };

    private static async Task<Counts> CountAsync<TKey>(TouchpointDb db, Filters f, Expression<Func<SurveyInvitation, TKey>> key,
        Expression<Func<Queue.ServiceEvaluation, TKey>> padKey, CancellationToken ct)
    {
        static string Name(TKey k) => k switch { null => "", DateTime d => d.ToString("yyyy-MM-dd"), _ => k.ToString() ?? "" };
        var invitations = Invitations(db, f);
        var invited = (await invitations.GroupBy(key).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .GroupBy(x => Name(x.Key)).ToDictionary(g => g.Key, g => g.Sum(x => x.Count));
        var responded = (await invitations.Where(i => i.FirstAnsweredAt != null).GroupBy(key).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .GroupBy(x => Name(x.Key)).ToDictionary(g => g.Key, g => g.Sum(x => x.Count));
        var scores = (await invitations.Select(Project(key))
                .Join(db.SurveyAnswers.Where(a => a.Score != null), k => k.Id, a => a.InvitationId, (k, a) => new { k.Key, a.Type, a.Score, a.ScaleMax })
                .GroupBy(x => new { x.Key, x.Type, x.Score, x.ScaleMax })
                .Select(g => new { g.Key.Key, g.Key.Type, g.Key.Score, g.Key.ScaleMax, Count = g.Count() }).ToListAsync(ct))
            .Select(x => new Scored(Name(x.Key), x.Type, x.Score!.Value, x.ScaleMax ?? 5, x.Count)).ToList();
        var pad = new Dictionary<string, (int, int)>();
        if (f.Channel is null or SurveyChannels.Counter && f.SegmentId is null)
        {
            var now = DateTime.UtcNow;
            var q = db.ServiceEvaluations.AsNoTracking().Where(e => f.BranchIds.Contains(e.BranchId) && e.PromptedAt >= f.From && e.PromptedAt < f.To && e.ExpiresAt <= now);
            if (f.CounterId is { } c) q = q.Where(e => e.CounterId == c);
            if (f.ServiceId is { } s) q = q.Where(e => e.ServiceTypeId == s);
            if (f.StaffId is { } st) q = q.Where(e => e.StaffUserId == st);
            var prompted = await q.GroupBy(padKey).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
            var unrated = await q.Where(e => e.Rating == null).GroupBy(padKey).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
            foreach (var g in prompted.GroupBy(x => Name(x.Key)))
                pad[g.Key] = (g.Sum(x => x.Count), unrated.Where(u => Name(u.Key) == g.Key).Sum(u => u.Count));
        }
        return new Counts(invited, responded, scores, pad);
    }

    /// <summary>i => new Keyed { Id = i.Id, Key = key(i) }, so that a join can carry the group key the database computes.</summary>
    private static Expression<Func<SurveyInvitation, Keyed<TKey>>> Project<TKey>(Expression<Func<SurveyInvitation, TKey>> key)
    {
        var p = key.Parameters[0];
        return Expression.Lambda<Func<SurveyInvitation, Keyed<TKey>>>(Expression.MemberInit(Expression.New(typeof(Keyed<TKey>)),
            Expression.Bind(typeof(Keyed<TKey>).GetProperty(nameof(Keyed<TKey>.Id))!, Expression.Property(p, nameof(SurveyInvitation.Id))),
            Expression.Bind(typeof(Keyed<TKey>).GetProperty(nameof(Keyed<TKey>.Key))!, key.Body)), p);
    }

    private static FeedbackMeasures Measure(Counts c, Func<string, bool> include, string? key, string? label)
    {
        var n = c.Invited.Where(x => include(x.Key)).Sum(x => x.Value);
        var r = c.Responded.Where(x => include(x.Key)).Sum(x => x.Value);
        var s = c.Scores.Where(x => include(x.Key)).ToList();
        var csat = s.Where(x => x.Type == QuestionTypes.Csat).ToList();
        var csatN = csat.Sum(x => x.Count);
        var satisfied = csat.Where(x => x.Score >= (x.ScaleMax == 3 ? 2 : 4)).Sum(x => x.Count);
        // Three faces map onto five points as 1, 3, 5, so the average reads on one scale.
        var csatSum = csat.Sum(x => (x.ScaleMax == 3 ? 2.0 * x.Score - 1 : x.Score) * x.Count);
        var nps = s.Where(x => x.Type == QuestionTypes.Nps).ToList();
        var npsN = nps.Sum(x => x.Count);
        var promoters = nps.Where(x => x.Score >= 9).Sum(x => x.Count);
        var detractors = nps.Where(x => x.Score <= 6).Sum(x => x.Count);
        var effort = s.Where(x => x.Type == QuestionTypes.Effort).ToList();
        var effortN = effort.Sum(x => x.Count);
        var prompted = c.Pad.Where(x => include(x.Key)).Sum(x => x.Value.Prompted);
        var unrated = c.Pad.Where(x => include(x.Key)).Sum(x => x.Value.Unrated);
        return new FeedbackMeasures(key, label, n, r, Share(r, n), prompted, unrated, Share(unrated, prompted),
            new CsatMeasure(csatN, satisfied, Share(satisfied, csatN), csatN == 0 ? null : Math.Round(csatSum / csatN, 2)),
            new NpsMeasure(npsN, promoters, npsN - promoters - detractors, detractors, npsN == 0 ? null : Math.Round(100.0 * (promoters - detractors) / npsN, 1)),
            new EffortMeasure(effortN, effortN == 0 ? null : Math.Round(effort.Sum(x => x.Score * (double)x.Count) / effortN, 2),
                Share(effort.Where(x => x.Score >= 4).Sum(x => x.Count), effortN)));
    }

    private static async Task<List<ReasonCount>> ReasonsAsync(TouchpointDb db, FeedbackCaches caches, Filters f, CancellationToken ct)
    {
        var rows = await Invitations(db, f).Join(db.SurveyAnswers.Where(a => a.Choice != null), i => i.Id, a => a.InvitationId, (i, a) => a.Choice!)
            .GroupBy(c => c).Select(g => new { Code = g.Key, Count = g.Count() }).OrderByDescending(g => g.Count).ToListAsync(ct);
        var total = rows.Sum(r => r.Count);
        var labels = (await caches.TemplatesAsync(db, ct)).SelectMany(t => t.Questions).SelectMany(q => q.Options ?? [])
            .GroupBy(o => o.Code).ToDictionary(g => g.Key, g => g.First().Text.Resolve(Languages.Current));
        var running = 0;
        return rows.Select(r =>
        {
            running += r.Count;
            return new ReasonCount(r.Code, labels.GetValueOrDefault(r.Code, r.Code), r.Count, Math.Round((double)r.Count / total, 4), Math.Round((double)running / total, 4));
        }).ToList();
    }

    private static async Task<Dictionary<string, string>> LabelsAsync(TouchpointDb db, string? groupBy, CancellationToken ct) => groupBy switch
    {
        "branch" => (await db.Branches.AsNoTracking().ToListAsync(ct)).ToDictionary(b => b.Id.ToString(), b => b.Code),
        "counter" => await db.Counters.AsNoTracking().Join(db.Branches, c => c.BranchId, b => b.Id, (c, b) => new { c.Id, b.Code, c.Number })
            .ToDictionaryAsync(c => c.Id.ToString(), c => $"{c.Code} {c.Number}", ct),
        "service" => (await db.Services.AsNoTracking().ToListAsync(ct)).ToDictionary(s => s.Id.ToString(), s => s.Name.Resolve(Languages.Current)),
        "staff" => await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id.ToString(), u => u.DisplayName, ct),
        _ => [],
    };

    private static double? Share(int part, int whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);
}
