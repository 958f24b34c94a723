using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Platform.Audit;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Http;
using Touchpoint.Server.Platform.Localization;

namespace Touchpoint.Server.Features.Feedback;

public sealed record SurveyOptionInput(string? Code, LocalizedText? Text);
public sealed record SurveyQuestionInput(string? Id, string? Type, LocalizedText? Text, int? Scale, List<SurveyOptionInput>? Options, bool? Multiple);
public sealed record SurveyTemplateInput(string? Code, LocalizedText? Name, List<SurveyQuestionInput>? Questions, bool? IsActive);
public sealed record SurveyTemplateDto(Guid Id, string Code, LocalizedText Name, IReadOnlyList<SurveyQuestion> Questions, bool IsActive, DateTime UpdatedAt);

/// <summary>The survey designer: templates of up to twenty questions, each in the four languages.</summary>
public static class SurveyTemplateEndpoints
{
    public const string ChangedAudit = "feedback.template_changed";
    public const int MaxQuestions = 20;

    public static async Task<List<SurveyTemplateDto>> List(TouchpointDb db, CancellationToken ct) =>
        (await db.SurveyTemplates.AsNoTracking().OrderBy(t => t.Code).ToListAsync(ct)).Select(ToDto).ToList();

    public static async Task<Results<Created<SurveyTemplateDto>, ValidationProblem>> Create(
        SurveyTemplateInput r, TouchpointDb db, FeedbackCaches caches, AuditLog audit, CancellationToken ct)
    {
        var v = new Validation();
        v.Code("code", r.Code);
        if (v.IsValid && await db.SurveyTemplates.AnyAsync(t => t.Code == r.Code, ct)) v.Add("code", "validation.duplicate", r.Code);
        var t = new SurveyTemplate { Code = r.Code ?? "", Name = new() };
        Apply(r, t, v);
        if (!v.IsValid) return v.Problem();
        db.SurveyTemplates.Add(t);
        audit.Record(ChangedAudit, $"survey-template:{t.Code}", new { created = true, questions = t.Questions.Count });
        await db.SaveChangesAsync(ct);
        caches.Invalidate();
        return TypedResults.Created($"/api/feedback/templates/{t.Id}", ToDto(t));
    }

    /// <summary>Replaces name and questions. Answers keep their question ids, so rewording a question keeps its history.</summary>
    public static async Task<Results<Ok<SurveyTemplateDto>, ValidationProblem, ProblemHttpResult>> Update(
        Guid id, SurveyTemplateInput r, TouchpointDb db, FeedbackCaches caches, AuditLog audit, CancellationToken ct)
    {
        var t = await db.SurveyTemplates.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (t is null) return Problems.NotFound();
        var v = new Validation();
        Apply(r, t, v);
        if (!v.IsValid) return v.Problem();
        t.UpdatedAt = DateTime.UtcNow;
        audit.Record(ChangedAudit, $"survey-template:{t.Code}", new { questions = t.Questions.Count, t.IsActive });
        await db.SaveChangesAsync(ct);
        caches.Invalidate();
        return TypedResults.Ok(ToDto(t));
    }

    private static void Apply(SurveyTemplateInput r, SurveyTemplate t, Validation v)
    {
        v.LocalizedName("name", r.Name);
        var questions = r.Questions ?? [];
        if (questions.Count is 0 or > MaxQuestions) v.Add("questions", "validation.range", 1, MaxQuestions);
        var list = new List<SurveyQuestion>();
        var ids = new HashSet<string>();
        for (var i = 0; i < questions.Count; i++)
        {
            var q = questions[i];
            var f = $"questions[{i}]";
            v.Code(f + ".id", q.Id);
            if (q.Id is not null && !ids.Add(q.Id)) v.Add(f + ".id", "validation.duplicate", q.Id);
            if (q.Type is null || !QuestionTypes.All.Contains(q.Type)) v.Add(f + ".type", "validation.oneOf", string.Join(", ", QuestionTypes.All));
            v.LocalizedName(f + ".text", q.Text, 500);
            if (q.Type == QuestionTypes.Csat && q.Scale is not (3 or 5)) v.Add(f + ".scale", "validation.oneOf", "3, 5");
            var options = new List<SurveyOption>();
            if (q.Type == QuestionTypes.Choice)
            {
                if (q.Options is not { Count: >= 2 and <= 20 }) v.Add(f + ".options", "validation.range", 2, 20);
                var codes = new HashSet<string>();
                for (var j = 0; j < (q.Options?.Count ?? 0); j++)
                {
                    var o = q.Options![j];
                    v.Code($"{f}.options[{j}].code", o.Code);
                    if (o.Code is not null && !codes.Add(o.Code)) v.Add($"{f}.options[{j}].code", "validation.duplicate", o.Code);
                    v.LocalizedName($"{f}.options[{j}].text", o.Text);
                    options.Add(new SurveyOption { Code = o.Code ?? "", Text = o.Text ?? new() });
                }
            }
            list.Add(new SurveyQuestion
            {
                Id = q.Id ?? "", Type = q.Type ?? "", Text = q.Text ?? new(), Scale = q.Type == QuestionTypes.Csat ? q.Scale : null,
                Options = q.Type == QuestionTypes.Choice ? options : null, Multiple = q.Type == QuestionTypes.Choice && q.Multiple == true,
            });
        }
        if (!v.IsValid) return;
        t.Name = r.Name!;
        t.Questions = list;
        t.IsActive = r.IsActive ?? t.IsActive;
    }

    private static SurveyTemplateDto ToDto(SurveyTemplate t) => new(t.Id, t.Code, t.Name, t.Questions, t.IsActive, t.UpdatedAt);
}
