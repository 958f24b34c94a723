using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Features.Queue;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Http;

namespace Touchpoint.Server.Features.Feedback;

public sealed record SurveyAnswerInput(string? QuestionId, JsonElement Value);

/// <summary>What the answers say, for alerts and follow-up.</summary>
public sealed record AnswerDigest(int? Csat, int? CsatMax, int? Nps, int? Effort, IReadOnlyList<string> Reasons, string? Comment, bool Dissatisfied);

/// <summary>Turns answers into rows: the public link, the phone form and the pad all end here.</summary>
public static class SurveyAnswering
{
    public const int MaxTextLength = 2000;

    /// <summary>Questions still to ask: those the pad already answered (the counter survey's first) are left out.</summary>
    public static async Task<List<SurveyQuestion>> OpenQuestionsAsync(TouchpointDb db, SurveyInvitation invitation, SurveyTemplate template, CancellationToken ct)
    {
        if (invitation.FirstAnsweredAt is null) return template.Questions;
        var answered = await db.SurveyAnswers.AsNoTracking().Where(a => a.InvitationId == invitation.Id).Select(a => a.QuestionId).Distinct().ToListAsync(ct);
        return template.Questions.Where(q => !answered.Contains(q.Id)).ToList();
    }

    /// <summary>Validates answers against the questions asked; errors name the field (answers[2].value) and the reason.</summary>
    public static List<SurveyAnswer> Read(IReadOnlyList<SurveyAnswerInput>? answers, IReadOnlyList<SurveyQuestion> questions, Guid invitationId,
        string source, DateTime now, Validation v)
    {
        var rows = new List<SurveyAnswer>();
        if (answers is null || answers.Count == 0)
        {
            v.Add("answers", "validation.required");
            return rows;
        }
        var seen = new HashSet<string>();
        for (var i = 0; i < answers.Count; i++)
        {
            var a = answers[i];
            var field = $"answers[{i}]";
            var q = questions.FirstOrDefault(x => x.Id == a.QuestionId);
            if (q is null) { v.Add(field + ".questionId", "feedback.unknownQuestion", a.QuestionId ?? ""); continue; }
            if (!seen.Add(q.Id)) { v.Add(field + ".questionId", "validation.duplicate", q.Id); continue; }
            SurveyAnswer Row(int? score = null, int? max = null, string? choice = null, string? text = null) => new()
            {
                InvitationId = invitationId, QuestionId = q.Id, Type = q.Type, Source = source, AnsweredAt = now,
                Score = score, ScaleMax = max, Choice = choice, Text = text,
            };
            if (QuestionTypes.Range(q) is { } range)
            {
                if (a.Value.ValueKind != JsonValueKind.Number || !a.Value.TryGetInt32(out var score) || score < range.Min || score > range.Max)
                    v.Add(field + ".value", "validation.range", range.Min, range.Max);
                else rows.Add(Row(score, range.Max));
            }
            else if (q.Type == QuestionTypes.Choice)
            {
                var codes = a.Value.ValueKind switch
                {
                    JsonValueKind.String => [a.Value.GetString()!],
                    JsonValueKind.Array when a.Value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String) =>
                        a.Value.EnumerateArray().Select(e => e.GetString()!).Distinct().ToList(),
                    _ => (List<string>?)null,
                };
                var allowed = (q.Options ?? []).Select(o => o.Code).ToList();
                if (codes is null || codes.Count == 0 || codes.Any(c => !allowed.Contains(c)) || (!q.Multiple && codes.Count > 1))
                    v.Add(field + ".value", "validation.oneOf", string.Join(", ", allowed));
                else rows.AddRange(codes.Select(c => Row(choice: c)));
            }
            else
            {
                if (a.Value.ValueKind != JsonValueKind.String) v.Add(field + ".value", "validation.json");
                else if (a.Value.GetString()!.Length > MaxTextLength) v.Add(field + ".value", "validation.maxLength", MaxTextLength);
                else if (a.Value.GetString()!.Trim() is { Length: > 0 } text) rows.Add(Row(text: text));
            }
        }
        return rows;
    }

    public static AnswerDigest Digest(IEnumerable<SurveyAnswer> rows)
    {
        var list = rows.ToList();
        var csat = list.FirstOrDefault(r => r.Type == QuestionTypes.Csat);
        var nps = list.FirstOrDefault(r => r.Type == QuestionTypes.Nps);
        var effort = list.FirstOrDefault(r => r.Type == QuestionTypes.Effort);
        var dissatisfied = list.Any(r => r.Score is { } s && r.ScaleMax is { } m && QuestionTypes.IsDissatisfied(r.Type, s, m));
        return new AnswerDigest(csat?.Score, csat?.ScaleMax, nps?.Score, effort?.Score,
            list.Where(r => r.Choice is not null).Select(r => r.Choice!).ToList(), list.FirstOrDefault(r => r.Text is not null)?.Text, dissatisfied);
    }

    /// <summary>The pad's three faces on the counter survey's 3-point CSAT question, and its reasons as the reasons question.</summary>
    public static List<SurveyAnswer> FromPad(Guid invitationId, string rating, IReadOnlyList<string> reasons, DateTime now)
    {
        var score = rating switch { EvaluationRatings.VerySatisfied => 3, EvaluationRatings.Satisfied => 2, _ => 1 };
        var rows = new List<SurveyAnswer>
        {
            new() { InvitationId = invitationId, QuestionId = "csat", Type = QuestionTypes.Csat, Score = score, ScaleMax = 3, Source = AnswerSources.Pad, AnsweredAt = now },
        };
        rows.AddRange(reasons.Select(r => new SurveyAnswer
        {
            InvitationId = invitationId, QuestionId = "reasons", Type = QuestionTypes.Choice, Choice = r, Source = AnswerSources.Pad, AnsweredAt = now,
        }));
        return rows;
    }
}
