using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Touchpoint.Assist.Learning;
using Touchpoint.Server.Features.Cases;
using Touchpoint.Server.Platform.Audit;
using Touchpoint.Server.Platform.Http;
using Touchpoint.Server.Platform.Identity;

namespace Touchpoint.Server.Features.Assist;

public sealed record AnalyseRequest(string? Text);
public sealed record AnalyseResponse(
    string Language, string Sentiment, float SentimentConfidence, IReadOnlyDictionary<string, float> Emotions, string Intent, string? IntentName,
    float IntentConfidence, bool OutOfScope, string BestIntent);
public sealed record ReplyCheckRequest(string? Text, string? Language, Guid? CaseId);
public sealed record CorrectionRequest(string? Sentiment, string? Intent);
/// <param name="DraftReplies">A language model is configured: the reply box offers a draft.</param>
public sealed record AssistCapabilities(bool DraftReplies);
/// <param name="Sentiment">What staff corrected it to, else what the model said; null while pending.</param>
public sealed record TextAnalysisDto(
    string OwnerKind, Guid OwnerId, bool Pending, string? Language, string? Sentiment, float SentimentConfidence, bool SentimentCorrected,
    IReadOnlyDictionary<string, float> Emotions, string? Intent, string? IntentName, float IntentConfidence, bool IntentCorrected,
    string? BestIntent, bool Escalated, string? EscalationReason);

/// <summary>
/// The assist API: analyse a text, check a reply before sending, read the analyses of a case or of encounters, and
/// correct them (which teaches the models). The taxonomy and the models are in <see cref="AssistTaxonomyEndpoints"/>.
/// </summary>
public static class AssistEndpoints
{
    public static IServiceCollection AddAssist(this IServiceCollection services, IConfiguration configuration) => services
        .AddSingleton(AssistOptions.Read(configuration))
        .AddSingleton(LlmOptions.Read(configuration))
        .AddSingleton<AssistEngine>()
        .AddSingleton<AssistTraining>()
        .AddHostedService(sp => sp.GetRequiredService<AssistTraining>())
        .AddSingleton<AssistQueue>()
        .AddHostedService(sp => sp.GetRequiredService<AssistQueue>())
        .AddSingleton<IInterceptor, AssistCapture>()
        .AddScoped<AssistCaseEffects>()
        .AddHttpClient(ReplyDrafting.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(60)).Services;

    public static void MapAssistApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/assist").WithTags("Assist");
        group.MapPost("/analyse", Analyse).RequireAuthorization(Permissions.CasesRead);
        group.MapPost("/reply-check", CheckReply).RequireAuthorization(Permissions.CasesWrite);
        group.MapPost("/reply-draft", ReplyDrafting.Draft).RequireAuthorization(Permissions.CasesWrite);
        group.MapGet("/capabilities", (LlmOptions llm) => new AssistCapabilities(llm.Configured)).RequireAuthorization(Permissions.CasesRead);
        group.MapGet("/cases/{id:guid}", CaseAnalyses).RequireAuthorization(Permissions.CasesRead);
        group.MapGet("/encounters", EncounterAnalyses).RequireAuthorization(Permissions.CasesRead);
        group.MapPost("/analyses/{kind}/{ownerId:guid}/correction", Correct).RequireAuthorization(Permissions.CasesWrite);
        AssistTaxonomyEndpoints.Map(group);
    }

    private static async Task<Results<Ok<AnalyseResponse>, ValidationProblem, ProblemHttpResult>> Analyse(
        AnalyseRequest r, AssistEngine engine, CaseContext cases, CancellationToken ct)
    {
        var v = new Validation();
        v.Required("text", r.Text, 20_000);
        if (!v.IsValid) return v.Problem();
        if (engine.Analyse(r.Text!) is not { } insight) return NotReady();
        var names = await IntentNamesAsync(cases, ct);
        return TypedResults.Ok(new AnalyseResponse(insight.Language, insight.Sentiment, MathF.Round(insight.SentimentConfidence, 3), insight.Emotions,
            insight.Intent, names.GetValueOrDefault(insight.Intent), MathF.Round(insight.IntentConfidence, 3), insight.OutOfScope, insight.BestIntent));
    }

    private static async Task<Results<Ok<ReplyCheckResult>, ValidationProblem, ProblemHttpResult>> CheckReply(
        ReplyCheckRequest r, ClaimsPrincipal user, CaseContext cases, CancellationToken ct)
    {
        var v = new Validation();
        v.Required("text", r.Text, 20_000);
        if (r.Language is not null) v.Language("language", r.Language);
        if (!v.IsValid) return v.Problem();
        var upset = false;
        if (r.CaseId is { } caseId)
        {
            var (c, _, problem) = await cases.FindAsync(caseId, user, ct);
            if (c is null) return problem!;
            var last = await cases.Db.AssistAnalyses.AsNoTracking()
                .Where(a => a.CaseId == caseId && a.AnalysedAt != null && a.OwnerKind != AssistOwners.Encounter)
                .OrderByDescending(a => a.CreatedAt).FirstOrDefaultAsync(ct);
            upset = last?.EffectiveSentiment == Touchpoint.Assist.Models.SentimentModel.Negative;
        }
        return TypedResults.Ok(ReplyCheck.Check(r.Text!, r.Language, upset));
    }

    private static async Task<Results<Ok<List<TextAnalysisDto>>, ProblemHttpResult>> CaseAnalyses(
        Guid id, ClaimsPrincipal user, CaseContext cases, CancellationToken ct)
    {
        var (c, _, problem) = await cases.FindAsync(id, user, ct);
        if (c is null) return problem!;
        var rows = await cases.Db.AssistAnalyses.AsNoTracking().Where(a => a.CaseId == id).OrderBy(a => a.CreatedAt).ToListAsync(ct);
        var names = await IntentNamesAsync(cases, ct);
        return TypedResults.Ok(rows.Select(a => ToDto(a, names)).ToList());
    }

    /// <summary>The analyses of the encounters named (at most 200), those of branches the caller may see.</summary>
    private static async Task<Results<Ok<List<TextAnalysisDto>>, ValidationProblem>> EncounterAnalyses(
        ClaimsPrincipal user, CaseContext cases, CancellationToken ct, string? ids = null)
    {
        var wanted = new List<Guid>();
        foreach (var part in (ids ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Guid.TryParse(part, out var g)) return new Validation().Add("ids", "validation.ids").Problem();
            wanted.Add(g);
        }
        if (wanted.Count > 200) return new Validation().Add("ids", "validation.range", 1, 200).Problem();
        var db = cases.Db;
        var rows = await (from a in db.AssistAnalyses.AsNoTracking()
                          join e in db.Encounters.AsNoTracking() on a.OwnerId equals e.Id
                          where a.OwnerKind == AssistOwners.Encounter && wanted.Contains(a.OwnerId)
                          select new { a, e.BranchId }).ToListAsync(ct);
        var names = await IntentNamesAsync(cases, ct);
        var list = new List<TextAnalysisDto>();
        foreach (var row in rows)
            if ((await cases.BranchAsync(row.BranchId, ct)) is { } b && user.CanAccessBranch(b.Branch.Code)) list.Add(ToDto(row.a, names));
        return TypedResults.Ok(list);
    }

    /// <summary>
    /// Staff relabel what the models said. The correction is kept beside the prediction, stored as a labelled example,
    /// audited, and the organisation's models retrain shortly after (several corrections make one retraining).
    /// </summary>
    private static async Task<Results<Ok<TextAnalysisDto>, ValidationProblem, ProblemHttpResult>> Correct(
        string kind, Guid ownerId, CorrectionRequest r, ClaimsPrincipal user, CaseContext cases, AuditLog audit, AssistTraining training,
        CancellationToken ct)
    {
        var db = cases.Db;
        var v = new Validation();
        if (r.Sentiment is null && r.Intent is null) v.Add("sentiment", "validation.required");
        if (r.Sentiment is not null && !Sentiments.Contains(r.Sentiment)) v.Add("sentiment", "validation.oneOf", string.Join(", ", Sentiments));
        var names = await IntentNamesAsync(cases, ct);
        if (r.Intent is not null && r.Intent != OutOfScope.Label && !names.ContainsKey(r.Intent)) v.Add("intent", "validation.unknownIntent", r.Intent);
        if (!AssistOwners.All.Contains(kind)) return Problems.NotFound();
        if (!v.IsValid) return v.Problem();
        var a = await db.AssistAnalyses.FirstOrDefaultAsync(x => x.OwnerKind == kind && x.OwnerId == ownerId, ct);
        if (a is null) return Problems.NotFound();
        if (await OwnerProblemAsync(a, user, cases, ct) is { } problem) return problem;
        var text = (await AssistQueue.TextsAsync(db, [a], ct)).GetValueOrDefault(a.OwnerId);
        if (text is null) return Problems.NotFound();

        var now = cases.Now;
        void Example(string task, string label) => db.AssistExamples.Add(new AssistExample
        {
            Task = task, Label = label, Text = text, Source = AssistExampleSources.Correction, OwnerKind = kind, OwnerId = ownerId,
            CreatedById = user.UserId(), CreatedAt = now,
        });
        // A second correction of the same text replaces the first: the latest word of staff is what the model learns.
        await db.AssistExamples.Where(e => e.OwnerKind == kind && e.OwnerId == ownerId && e.Source == AssistExampleSources.Correction
                && ((r.Sentiment != null && e.Task == AssistTasks.Sentiment) || (r.Intent != null && e.Task == AssistTasks.Intent)))
            .ExecuteDeleteAsync(ct);
        if (r.Sentiment is not null) { a.CorrectedSentiment = r.Sentiment; Example(AssistTasks.Sentiment, r.Sentiment); }
        if (r.Intent is not null) { a.CorrectedIntent = r.Intent; Example(AssistTasks.Intent, r.Intent); }
        audit.Record(AuditActions.AssistCorrected, $"{kind}:{ownerId}",
            new { sentiment = r.Sentiment, intent = r.Intent, predictedSentiment = a.Sentiment, predictedIntent = a.Intent });
        await db.SaveChangesAsync(ct);
        training.RequestRetrain();
        return TypedResults.Ok(ToDto(a, names));
    }

    private static readonly string[] Sentiments = ["negative", "neutral", "positive"];

    /// <summary>404 when the owner is gone, 403 when it belongs to a branch the caller does not serve.</summary>
    private static async Task<ProblemHttpResult?> OwnerProblemAsync(TextAnalysis a, ClaimsPrincipal user, CaseContext cases, CancellationToken ct)
    {
        if (a.CaseId is { } caseId)
        {
            var (c, _, problem) = await cases.FindAsync(caseId, user, ct);
            return c is null ? problem : null;
        }
        var branchId = await cases.Db.Encounters.AsNoTracking().Where(e => e.Id == a.OwnerId).Select(e => (Guid?)e.BranchId).FirstOrDefaultAsync(ct);
        if (branchId is null || await cases.BranchAsync(branchId.Value, ct) is not { } branch) return Problems.NotFound();
        return user.CanAccessBranch(branch.Branch.Code) ? null : Problems.Forbidden();
    }

    public static async Task<Dictionary<string, string>> IntentNamesAsync(CaseContext cases, CancellationToken ct) =>
        (await cases.Db.AssistIntents.AsNoTracking().ToListAsync(ct)).ToDictionary(i => i.Key, i => i.Name.Resolve());

    private static TextAnalysisDto ToDto(TextAnalysis a, Dictionary<string, string> names)
    {
        var intent = a.CorrectedIntent ?? a.Intent;
        return new TextAnalysisDto(a.OwnerKind, a.OwnerId, a.IsPending, a.Language, a.EffectiveSentiment, a.SentimentConfidence,
            a.CorrectedSentiment is not null, a.Emotions, intent, intent is null ? null : names.GetValueOrDefault(intent), a.IntentConfidence,
            a.CorrectedIntent is not null, a.BestIntent, a.Escalated, a.EscalationReason);
    }

    public static ProblemHttpResult NotReady() => Problems.Result(StatusCodes.Status503ServiceUnavailable, "assist.notReadyTitle", "assist.notReady");
}
