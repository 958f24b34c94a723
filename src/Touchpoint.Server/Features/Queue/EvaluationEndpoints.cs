using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Features.Organisation;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Devices;
using Touchpoint.Server.Platform.Http;
using Touchpoint.Server.Platform.Identity;
using Touchpoint.Server.Platform.Realtime;

namespace Touchpoint.Server.Features.Queue;

public sealed record PadStaff(string DisplayName, string UserName);
public sealed record PadPrompt(Guid Id, string TicketNumber, string Language, DateTime ExpiresAt, IReadOnlyList<string> Reasons, bool Large);
public sealed record PadState(string BranchCode, int Counter, PadStaff? Staff, PadPrompt? Prompt);
public sealed record RateRequest(string? Rating, List<string>? Reasons);
public sealed record StaffEvaluationSummary(
    string? StaffName, int Transactions, int VerySatisfied, int Satisfied, int Dissatisfied, int Unrated, int Pending, double UnratedShare);

/// <summary>The evaluation pad: what it shows, the one rating it may give, and the per-staff summary with the unrated share.</summary>
public static class EvaluationEndpoints
{
    public const string DissatisfiedEvent = "evaluation.dissatisfied";

    public static void MapEvaluationApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/device/pad", PadStateAsync).RequireAuthorization(DevicePermissions.Pad).WithTags("Queue");
        app.MapPost("/api/evaluations/{id:guid}", Rate).RequireAuthorization(DevicePermissions.Pad).WithTags("Queue");
        app.MapGet("/api/branches/{branch}/evaluations/summary", Summary).RequireAuthorization(Permissions.QueueBoard).WithTags("Queue");
    }

    /// <summary>
    /// A counter's unanswered prompts still open, newest first, found among the branch's prompts of the last rating
    /// window through the (branch, prompted at) index: M0025 dropped the per-counter index, whose fifty hot pages every
    /// completion rewrote. A prompt made before the window was shortened closes with the new window here.
    /// </summary>
    public static IQueryable<ServiceEvaluation> OpenPromptsAt(TouchpointDb db, Branch branch, Guid counterId, DateTime now)
    {
        var since = now.AddSeconds(-branch.RatingWindowSeconds);
        return db.ServiceEvaluations.AsNoTracking()
            .Where(e => e.BranchId == branch.Id && e.PromptedAt >= since && e.CounterId == counterId && e.Rating == null && e.ExpiresAt > now)
            .OrderByDescending(e => e.PromptedAt);
    }

    private static async Task<Results<Ok<PadState>, ProblemHttpResult>> PadStateAsync(ClaimsPrincipal device, TouchpointDb db, TimeProvider clock, CancellationToken ct)
    {
        if (await PadCounterAsync(device, db, ct) is not { } found) return Problems.Forbidden();
        var (branch, counter) = found;
        var staff = counter.StaffUserId is { } id
            ? await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => new PadStaff(u.DisplayName, u.UserName)).FirstOrDefaultAsync(ct) : null;
        var now = clock.GetUtcNow().UtcDateTime;
        var prompt = await OpenPromptsAt(db, branch, counter.Id, now)
            .Join(db.QueueTickets, e => e.TicketId, t => t.Id, (e, t) => new { e.Id, t.Number, e.Language, e.ExpiresAt, t.Care })
            .FirstOrDefaultAsync(ct);
        return TypedResults.Ok(new PadState(branch.Code, counter.Number, staff,
            prompt is null ? null : new PadPrompt(prompt.Id, prompt.Number, prompt.Language, prompt.ExpiresAt, EvaluationRatings.Reasons, prompt.Care.Contains(TicketCare.Large))));
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Rate(
        Guid id, RateRequest r, ClaimsPrincipal device, TouchpointDb db, IRealtimePublisher realtime, TimeProvider clock,
        Feedback.PadAnswers padAnswers, Cases.CaseContext cases, CancellationToken ct)
    {
        var v = new Validation();
        if (r.Rating is null || !EvaluationRatings.All.Contains(r.Rating)) v.Add("rating", "validation.rating", string.Join(", ", EvaluationRatings.All));
        var reasons = (r.Reasons ?? []).Distinct().ToList();
        if (reasons.Any(x => !EvaluationRatings.Reasons.Contains(x))) v.Add("reasons", "validation.reasons", string.Join(", ", EvaluationRatings.Reasons));
        if (!v.IsValid) return v.Problem();
        if (await PadCounterAsync(device, db, ct) is not { } found) return Problems.Forbidden();
        var (branch, counter) = found;
        var evaluation = await db.ServiceEvaluations.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (evaluation is null) return Problems.NotFound();
        if (evaluation.CounterId != counter.Id) return Problems.Forbidden();

        // One rating a transaction, only while the question is open: the conditional update makes it exactly once.
        var now = clock.GetUtcNow().UtcDateTime;
        if (evaluation.ExpiresAt <= now) return QueueContext.Conflict("queue.ratingClosed");
        var kept = r.Rating == EvaluationRatings.Dissatisfied ? reasons : [];
        var saved = await db.ServiceEvaluations.Where(e => e.Id == id && e.Rating == null)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Rating, r.Rating).SetProperty(e => e.RatedAt, now).SetProperty(e => e.Reasons, kept), ct);
        if (saved == 0) return QueueContext.Conflict("queue.alreadyRated");
        // The rating is the first answer of the ticket's survey; dissatisfaction is followed up from there.
        await padAnswers.RecordAsync(db, cases, evaluation.TicketId, r.Rating!, kept, ct);
        if (r.Rating == EvaluationRatings.Dissatisfied)
            await realtime.PublishAsync(new RealtimeEvent(DissatisfiedEvent, branch.Code, System.Text.Json.JsonSerializer.SerializeToNode(
                    new { evaluationId = id, counter = counter.Number, reasons = kept, ticketId = evaluation.TicketId }, QueueContext.EventJson)),
                [RealtimeGroups.Supervisors(branch.Code), RealtimeGroups.Supervisors("*")], ct);
        return TypedResults.NoContent();
    }

    /// <summary>Per staff member: ratings, unrated (the window closed without an answer) and its share.</summary>
    private static async Task<Results<Ok<List<StaffEvaluationSummary>>, ProblemHttpResult>> Summary(
        string branch, DateTime? from, DateTime? to, ClaimsPrincipal user, TouchpointDb db, TimeProvider clock, CancellationToken ct)
    {
        var (b, problem) = await BranchAccess.FindAsync(db, branch, user, ct);
        if (b is null) return problem!;
        var now = clock.GetUtcNow().UtcDateTime;
        var start = from?.ToUniversalTime() ?? QueueClock.StartOfDayUtc(b, now);
        var end = to?.ToUniversalTime() ?? now.AddSeconds(1);
        var rows = await db.ServiceEvaluations.AsNoTracking()
            .Where(e => e.BranchId == b.Id && e.PromptedAt >= start && e.PromptedAt < end)
            .Select(e => new { e.StaffUserId, e.Rating, e.ExpiresAt }).ToListAsync(ct);
        var ids = rows.Where(r => r.StaffUserId != null).Select(r => r.StaffUserId!.Value).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return TypedResults.Ok(rows.GroupBy(r => r.StaffUserId).Select(g =>
        {
            var unrated = g.Count(r => r.Rating == null && r.ExpiresAt <= now);
            return new StaffEvaluationSummary(g.Key is { } k ? names.GetValueOrDefault(k) : null, g.Count(),
                g.Count(r => r.Rating == EvaluationRatings.VerySatisfied), g.Count(r => r.Rating == EvaluationRatings.Satisfied),
                g.Count(r => r.Rating == EvaluationRatings.Dissatisfied), unrated, g.Count(r => r.Rating == null && r.ExpiresAt > now),
                Math.Round(unrated / (double)g.Count(), 4));
        }).OrderBy(s => s.StaffName).ToList());
    }

    private static async Task<(Branch Branch, Counter Counter)?> PadCounterAsync(ClaimsPrincipal device, TouchpointDb db, CancellationToken ct)
    {
        var code = device.FindFirst(TouchpointClaims.Branch)?.Value;
        if (code is null || !int.TryParse(device.FindFirst(TouchpointClaims.Counter)?.Value, out var number)) return null;
        var branch = await db.Branches.AsNoTracking().FirstOrDefaultAsync(b => b.Code == code, ct);
        var counter = branch is null ? null : await db.Counters.AsNoTracking().FirstOrDefaultAsync(c => c.BranchId == branch.Id && c.Number == number, ct);
        return counter is null ? null : (branch!, counter);
    }
}
