using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Features.Cases;
using Touchpoint.Server.Features.Queue;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Localization;
using Touchpoint.Server.Platform.Settings;

namespace Touchpoint.Server.Features.Feedback;

/// <summary>
/// Survey answers for the simulated history, drawn from what happened to each customer rather than made up: the pad
/// ratings become the counter surveys' first answers, and the customers who go on to answer the rest on their phone
/// give lower effort and NPS scores the longer they waited. London, short of counters, waits longest and so scores
/// lowest; solved cases score lower when their SLA was breached. A few dissatisfied customers wait on the call-back list.
/// </summary>
public static class FeedbackDemoData
{
    public const string SeededKey = "demo.feedbackSeeded";
    /// <summary>
    /// Surveys for the last weeks of the history only: the measures page opens on 30 days, and writing the surveys of
    /// all 90 days took 39 of the demo's 123 s start on a busy 2-core machine.
    /// </summary>
    private const int Days = 30;
    /// <summary>Share of counter customers who open the link on their ticket and answer the rest.</summary>
    private const double WebResponse = 0.14;

    private static readonly Dictionary<string, string[]> Comments = new()
    {
        [Languages.ZhCn] = ["等了太久了", "工作人员很耐心，谢谢", "希望多开几个窗口", "办理很快"],
        [Languages.ZhTw] = ["等太久了", "服務人員很親切，謝謝", "希望多開幾個櫃檯", "辦理很快"],
        [Languages.KoKr] = ["대기 시간이 너무 길었어요", "친절하게 안내해 주셔서 감사합니다", "창구를 더 열어 주세요", "빨리 처리해 주셨어요"],
        [Languages.EnUs] = ["The wait was far too long", "Very patient and helpful staff, thank you", "Please open more counters", "Quick and easy"],
    };

    public static async Task SeedAsync(IServiceProvider services, TouchpointDb db, CancellationToken ct)
    {
        if (await db.Settings.AnyAsync(s => s.Key == SeededKey, ct)) return;
        var started = System.Diagnostics.Stopwatch.StartNew();
        await DefaultTemplates.EnsureAsync(db, ct);
        var tokens = services.GetRequiredService<SurveyTokens>();
        await tokens.LoadKeyAsync(ct);
        var templates = await db.SurveyTemplates.AsNoTracking().ToDictionaryAsync(t => t.Code, t => t.Id, ct);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        foreach (var branch in await db.Branches.AsNoTracking().OrderBy(b => b.Code).ToListAsync(ct))
        {
            var random = new Random(branch.Code.Sum(c => c) * 17);
            await CounterAsync(db, tokens, templates[DefaultTemplates.Counter], branch.Id, random, ct);
            await CasesAsync(db, tokens, templates[DefaultTemplates.Case], branch.Id, random, ct);
        }
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        await CallBacksAsync(db, ct);
        db.Settings.Add(new SystemSetting { Key = SeededKey, Value = DateTime.UtcNow.ToString("O") });
        await db.SaveChangesAsync(ct);
        // Start-up time matters for a demo: say what this part costs.
        services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(FeedbackDemoData))
            .LogInformation("Demo feedback seeded in {Milliseconds} ms", started.ElapsedMilliseconds);
    }

    private static async Task CounterAsync(TouchpointDb db, SurveyTokens tokens, Guid templateId, Guid branchId, Random random, CancellationToken ct)
    {
        var since = DateTime.UtcNow.AddDays(-Days);
        var served = await db.QueueTickets.AsNoTracking().Where(t => t.BranchId == branchId && t.Status == TicketStatuses.Completed && t.CompletedAt >= since)
            .OrderBy(t => t.CompletedAt)
            .Select(t => new
            {
                t.Id, t.CounterId, t.StaffUserId, t.ServiceTypeId, t.Language, t.CustomerId, t.IssuedAt, t.CalledAt, CompletedAt = t.CompletedAt!.Value,
                Evaluation = db.ServiceEvaluations.Where(e => e.TicketId == t.Id).Select(e => new { e.Rating, e.Reasons, e.RatedAt }).FirstOrDefault(),
                Encounter = db.Encounters.Where(e => e.TicketId == t.Id).Select(e => (Guid?)e.Id).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var n = 0;
        foreach (var t in served)
        {
            var waited = ((t.CalledAt ?? t.CompletedAt) - t.IssuedAt).TotalMinutes;
            var late = Math.Clamp((waited - 5) / 25, 0, 1);
            var inv = new SurveyInvitation
            {
                TokenHash = "", TemplateId = templateId, Channel = SurveyChannels.Counter, Delivery = SurveyDeliveries.Link, BranchId = branchId,
                CounterId = t.CounterId, StaffUserId = t.StaffUserId, ServiceTypeId = t.ServiceTypeId, TicketId = t.Id, EncounterId = t.Encounter,
                CustomerId = t.CustomerId, Language = t.Language, CreatedAt = t.CompletedAt, ExpiresAt = t.CompletedAt.AddDays(7),
            };
            inv.TokenHash = await tokens.HashForAsync(inv.Id, ct);
            var rows = new List<SurveyAnswer>();
            if (t.Evaluation is { Rating: { } rating, RatedAt: { } ratedAt })
            {
                rows.AddRange(SurveyAnswering.FromPad(inv.Id, rating, t.Evaluation.Reasons, ratedAt));
                inv.FirstAnsweredAt = ratedAt;
            }
            if (random.NextDouble() < WebResponse)
            {
                var at = t.CompletedAt.AddMinutes(random.Next(5, 600));
                SurveyAnswer Score(string id, string type, int score, int max) => new()
                {
                    InvitationId = inv.Id, QuestionId = id, Type = type, Score = score, ScaleMax = max, Source = AnswerSources.Web, AnsweredAt = at,
                };
                if (inv.FirstAnsweredAt is null)
                    rows.Add(Score("csat", QuestionTypes.Csat, Pick(random, late, [0.05, 0.25, 0.70], [0.35, 0.40, 0.25]) + 1, 3));
                rows.Add(Score("effort", QuestionTypes.Effort, Pick(random, late, [0.02, 0.05, 0.13, 0.35, 0.45], [0.15, 0.25, 0.30, 0.20, 0.10]) + 1, 5));
                rows.Add(Score("nps", QuestionTypes.Nps, Pick(random, late,
                    [0.01, 0.01, 0.01, 0.02, 0.02, 0.03, 0.05, 0.10, 0.20, 0.25, 0.30], [0.04, 0.04, 0.06, 0.07, 0.08, 0.12, 0.14, 0.17, 0.14, 0.08, 0.06]), 10));
                if (late > 0.4 && random.NextDouble() < 0.5 && rows.All(r => r.Choice is null))
                    rows.Add(new SurveyAnswer { InvitationId = inv.Id, QuestionId = "reasons", Type = QuestionTypes.Choice, Choice = "waitTooLong", Source = AnswerSources.Web, AnsweredAt = at });
                if (random.NextDouble() < 0.2)
                {
                    var comments = Comments[Languages.Normalize(t.Language)];
                    rows.Add(new SurveyAnswer
                    {
                        InvitationId = inv.Id, QuestionId = "comment", Type = QuestionTypes.Text, Source = AnswerSources.Web, AnsweredAt = at,
                        Text = comments[late > 0.4 ? random.Next(3) : 1 + random.Next(3)],
                    });
                }
                inv.FirstAnsweredAt ??= at;
                inv.RespondedAt = at;
            }
            inv.Dissatisfied = rows.Any(r => r.Score is { } s && r.ScaleMax is { } m && QuestionTypes.IsDissatisfied(r.Type, s, m));
            db.SurveyInvitations.Add(inv);
            db.SurveyAnswers.AddRange(rows);
            if (++n % 5000 == 0)
            {
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    private static async Task CasesAsync(TouchpointDb db, SurveyTokens tokens, Guid templateId, Guid branchId, Random random, CancellationToken ct)
    {
        var since = DateTime.UtcNow.AddDays(-Days);
        var solved = await db.Cases.AsNoTracking().Where(c => c.BranchId == branchId && c.SolvedAt != null && c.SolvedAt >= since)
            .Select(c => new { c.Id, c.AssigneeId, c.Language, c.CustomerId, SolvedAt = c.SolvedAt!.Value, c.SlaBreached, c.CustomerEmail, c.CustomerPhone })
            .ToListAsync(ct);
        foreach (var c in solved)
        {
            var sent = c.SolvedAt.AddHours(1);
            var inv = new SurveyInvitation
            {
                TokenHash = "", TemplateId = templateId, Channel = SurveyChannels.Case,
                Delivery = c.CustomerEmail is not null ? SurveyDeliveries.Email : c.CustomerPhone is not null ? SurveyDeliveries.Sms : SurveyDeliveries.Link,
                BranchId = branchId, StaffUserId = c.AssigneeId, CaseId = c.Id, CustomerId = c.CustomerId, Language = c.Language, CreatedAt = c.SolvedAt,
                SendAt = sent, SentAt = sent, ExpiresAt = sent.AddDays(7),
            };
            inv.TokenHash = await tokens.HashForAsync(inv.Id, ct);
            db.SurveyInvitations.Add(inv);
            if (random.NextDouble() >= 0.3) continue;
            var at = sent.AddHours(random.Next(1, 48));
            var late = c.SlaBreached ? 0.8 : 0.1;
            SurveyAnswer Score(string id, string type, int score, int max) => new()
            {
                InvitationId = inv.Id, QuestionId = id, Type = type, Score = score, ScaleMax = max, Source = AnswerSources.Web, AnsweredAt = at,
            };
            var rows = new List<SurveyAnswer>
            {
                Score("csat", QuestionTypes.Csat, Pick(random, late, [0.03, 0.04, 0.10, 0.38, 0.45], [0.15, 0.20, 0.25, 0.25, 0.15]) + 1, 5),
                Score("effort", QuestionTypes.Effort, Pick(random, late, [0.03, 0.07, 0.15, 0.35, 0.40], [0.20, 0.25, 0.25, 0.20, 0.10]) + 1, 5),
                Score("nps", QuestionTypes.Nps, Pick(random, late,
                    [0.01, 0.01, 0.01, 0.02, 0.02, 0.03, 0.05, 0.10, 0.20, 0.25, 0.30], [0.05, 0.05, 0.07, 0.08, 0.08, 0.12, 0.14, 0.15, 0.13, 0.07, 0.06]), 10),
            };
            if (c.SlaBreached && random.NextDouble() < 0.6)
                rows.Add(new SurveyAnswer { InvitationId = inv.Id, QuestionId = "reasons", Type = QuestionTypes.Choice, Choice = "slowResponse", Source = AnswerSources.Web, AnsweredAt = at });
            inv.FirstAnsweredAt = inv.RespondedAt = at;
            inv.Dissatisfied = rows.Any(r => r.Score is { } s && r.ScaleMax is { } m && QuestionTypes.IsDissatisfied(r.Type, s, m));
            db.SurveyAnswers.AddRange(rows);
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>
    /// Each branch's latest dissatisfied known customers who can be phoned, today's list, one in four already reached.
    /// The latest ones, not the last few days': after a weekend or a holiday the last days may have had no service.
    /// </summary>
    private static async Task CallBacksAsync(TouchpointDb db, CancellationToken ct)
    {
        const int PerBranch = 12;
        var since = DateTime.UtcNow.AddDays(-14);
        var candidates = await db.SurveyInvitations.AsNoTracking()
            .Where(i => i.Dissatisfied && i.CustomerId != null && i.CreatedAt >= since
                && db.CustomerContacts.Any(c => c.CustomerId == i.CustomerId && c.Kind == Customers.ContactKinds.Phone))
            .ToListAsync(ct);
        var recent = candidates.GroupBy(i => i.BranchId).SelectMany(g => g.OrderByDescending(i => i.CreatedAt).Take(PerBranch))
            .OrderBy(i => i.CreatedAt).ToList();
        var branches = await db.Branches.AsNoTracking().ToDictionaryAsync(b => b.Id, ct);
        var n = 0;
        foreach (var i in recent)
        {
            var reached = n++ % 4 == 0;
            db.CallBacks.Add(new CallBack
            {
                BranchId = i.BranchId, CustomerId = i.CustomerId, TicketId = i.TicketId, CaseId = i.CaseId, SourceInvitationId = i.Id, StaffUserId = i.StaffUserId,
                CounterId = i.CounterId, ServiceTypeId = i.ServiceTypeId, Reason = CallBackReasons.Dissatisfied, Language = i.Language, CreatedAt = i.CreatedAt,
                DueDate = QueueClock.BusinessDate(branches[i.BranchId], DateTime.UtcNow), Status = reached ? CallBackStatuses.Done : CallBackStatuses.Open,
                Attempts = reached ? 1 : 0, LastOutcome = reached ? CallOutcomes.Reached : null, LastAttemptAt = reached ? DateTime.UtcNow.AddHours(-1) : null,
            });
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A point on a scale, from a distribution between the one of a served-on-time customer and one who waited far too long.</summary>
    private static int Pick(Random random, double late, double[] onTime, double[] lateShape)
    {
        var x = random.NextDouble();
        for (var i = 0; i < onTime.Length; i++)
        {
            x -= onTime[i] * (1 - late) + lateShape[i] * late;
            if (x < 0) return i;
        }
        return onTime.Length - 1;
    }
}
