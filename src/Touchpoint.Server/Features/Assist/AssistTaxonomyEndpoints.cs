using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Assist.Models;
using Touchpoint.Server.Features.Cases;
using Touchpoint.Server.Platform.Audit;
using Touchpoint.Server.Platform.Http;
using Touchpoint.Server.Platform.Identity;
using Touchpoint.Server.Platform.Localization;

namespace Touchpoint.Server.Features.Assist;

public sealed record IntentDto(
    string Key, LocalizedText Name, string? RouteTeam, string? RouteCategory, string? RouteService, IReadOnlyList<string> Examples,
    int BuiltInExamples, int Corrections);
public sealed record SaveIntentRequest(LocalizedText? Name, List<string>? Examples, string? RouteTeam, string? RouteCategory, string? RouteService);
public sealed record AssistModelsDto(bool Ready, long? Version, DateTime? TrainedAt, int SentimentExamples, int IntentExamples, double? LastTrainSeconds, int Pending);

/// <summary>
/// The organisation's intent taxonomy (names in four languages, examples, a route) and its models. Any change asks for a
/// retraining: the taxonomy's examples, the built-in ones of the intents kept, and staff corrections.
/// </summary>
public static partial class AssistTaxonomyEndpoints
{
    public const int MaxExamples = 200;

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/intents", List).RequireAuthorization(Permissions.CasesRead);
        group.MapPut("/intents/{key}", Save).RequireAuthorization(Permissions.CasesManage);
        group.MapDelete("/intents/{key}", Delete).RequireAuthorization(Permissions.CasesManage);
        group.MapGet("/models", Models).RequireAuthorization(Permissions.CasesManage);
        group.MapPost("/models/retrain", Retrain).RequireAuthorization(Permissions.CasesManage);
    }

    private static async Task<List<IntentDto>> List(CaseContext cases, CancellationToken ct)
    {
        var db = cases.Db;
        var intents = await db.AssistIntents.AsNoTracking().OrderBy(i => i.Key).ToListAsync(ct);
        var examples = await db.AssistExamples.AsNoTracking().Where(e => e.Task == AssistTasks.Intent)
            .Select(e => new { e.Label, e.Source, e.Text }).ToListAsync(ct);
        var builtIn = DefaultModels.IntentExamples().GroupBy(e => e.Label).ToDictionary(g => g.Key, g => g.Count());
        return intents.Select(i => new IntentDto(i.Key, i.Name, i.RouteTeam, i.RouteCategory, i.RouteService,
            examples.Where(e => e.Label == i.Key && e.Source == AssistExampleSources.Taxonomy).Select(e => e.Text).ToList(),
            builtIn.GetValueOrDefault(i.Key), examples.Count(e => e.Label == i.Key && e.Source == AssistExampleSources.Correction))).ToList();
    }

    /// <summary>Creates or replaces one intent; its examples are replaced as a list.</summary>
    private static async Task<Results<Ok<IntentDto>, ValidationProblem>> Save(
        string key, SaveIntentRequest r, CaseContext cases, AuditLog audit, AssistTraining training, CancellationToken ct)
    {
        var v = new Validation();
        if (!KeyPattern().IsMatch(key) || key == Touchpoint.Assist.Learning.OutOfScope.Label) v.Add("key", "validation.intentKey");
        v.LocalizedName("name", r.Name);
        var examples = (r.Examples ?? []).Select(e => e.Trim()).Where(e => e.Length > 0).Distinct().ToList();
        if (examples.Count > MaxExamples) v.Add("examples", "validation.range", 0, MaxExamples);
        for (var i = 0; i < examples.Count; i++) v.MaxLength($"examples[{i}]", examples[i], 1000);
        v.MaxLength("routeTeam", r.RouteTeam, 64);
        v.MaxLength("routeCategory", r.RouteCategory, 64);
        if (!string.IsNullOrWhiteSpace(r.RouteService)) v.Code("routeService", r.RouteService);
        if (!v.IsValid) return v.Problem();

        var db = cases.Db;
        var intent = await db.AssistIntents.FirstOrDefaultAsync(i => i.Key == key, ct);
        var created = intent is null;
        if (intent is null) db.AssistIntents.Add(intent = new AssistIntent { Key = key, Name = r.Name! });
        intent.Name = r.Name!;
        intent.RouteTeam = Blank(r.RouteTeam);
        intent.RouteCategory = Blank(r.RouteCategory);
        intent.RouteService = Blank(r.RouteService);
        intent.UpdatedAt = cases.Now;
        await db.AssistExamples.Where(e => e.Task == AssistTasks.Intent && e.Label == key && e.Source == AssistExampleSources.Taxonomy).ExecuteDeleteAsync(ct);
        db.AssistExamples.AddRange(examples.Select(text => new AssistExample
        {
            Task = AssistTasks.Intent, Label = key, Text = text, Source = AssistExampleSources.Taxonomy, CreatedAt = cases.Now,
        }));
        audit.Record(AuditActions.AssistTaxonomyChanged, $"intent:{key}",
            new { created, examples = examples.Count, routeTeam = intent.RouteTeam, routeCategory = intent.RouteCategory, routeService = intent.RouteService });
        await db.SaveChangesAsync(ct);
        training.RequestRetrain();
        return TypedResults.Ok((await List(cases, ct)).Single(i => i.Key == key));
    }

    /// <summary>Removes an intent (its examples and corrections stay, unused, should it come back). Two must remain.</summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(string key, CaseContext cases, AuditLog audit, AssistTraining training, CancellationToken ct)
    {
        var db = cases.Db;
        var intent = await db.AssistIntents.FirstOrDefaultAsync(i => i.Key == key, ct);
        if (intent is null) return Problems.NotFound();
        if (await db.AssistIntents.CountAsync(ct) <= 2)
            return Problems.Result(StatusCodes.Status409Conflict, "assist.conflictTitle", "assist.lastIntents");
        db.AssistIntents.Remove(intent);
        audit.Record(AuditActions.AssistTaxonomyChanged, $"intent:{key}", new { deleted = true });
        await db.SaveChangesAsync(ct);
        training.RequestRetrain();
        return TypedResults.NoContent();
    }

    private static async Task<AssistModelsDto> Models(CaseContext cases, AssistEngine engine, AssistTraining training, CancellationToken ct)
    {
        var rows = await cases.Db.AssistModels.AsNoTracking().Select(m => new { m.Task, m.Version, m.TrainedAt, m.Examples }).ToListAsync(ct);
        var pending = await cases.Db.AssistAnalyses.CountAsync(a => a.AnalysedAt == null, ct);
        return new AssistModelsDto(engine.IsReady, engine.Models?.IntentVersion, rows.Count == 0 ? null : rows.Max(r => r.TrainedAt),
            rows.FirstOrDefault(r => r.Task == AssistTasks.Sentiment)?.Examples ?? 0, rows.FirstOrDefault(r => r.Task == AssistTasks.Intent)?.Examples ?? 0,
            training.LastTrainSeconds > 0 ? Math.Round(training.LastTrainSeconds, 2) : null, pending);
    }

    private static Accepted Retrain(AssistTraining training)
    {
        training.RequestRetrain();
        return TypedResults.Accepted("/api/assist/models");
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    [GeneratedRegex("^[a-z][a-z0-9_]{0,63}$")]
    private static partial Regex KeyPattern();
}
