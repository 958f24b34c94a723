using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Features.Cases;
using Touchpoint.Server.Features.Organisation;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Http;
using Touchpoint.Server.Platform.Identity;
using Touchpoint.Server.Platform.Localization;

namespace Touchpoint.Server.Features.Feedback;

/// <param name="Value">A choice's code.</param>
/// <param name="Score">A scale point (CSAT, effort).</param>
public sealed record SurveyOptionDto(string? Value, int? Score, string Label);
public sealed record SurveyQuestionDto(
    string Id, string Type, string Text, IReadOnlyList<SurveyOptionDto>? Options, int? Min, int? Max, bool? Multiple, string? MinLabel, string? MaxLabel);
public sealed record SurveyForm(string Language, string BranchName, int? Counter, string? StaffName, string? Reference, IReadOnlyList<SurveyQuestionDto> Questions);
public sealed record SubmitSurveyRequest(List<SurveyAnswerInput>? Answers);

/// <summary>
/// The survey behind a link, without signing in: the token is the only key. Unknown → 404; used → 409; expired →
/// 410 Gone. Both refusals carry a polite, localised detail the page shows as it is.
/// </summary>
public static class PublicSurveyEndpoints
{
    public static async Task<Results<Ok<SurveyForm>, ProblemHttpResult>> Get(
        string token, string? lang, TouchpointDb db, FeedbackCaches caches, BranchDirectory directory, TimeProvider clock, CancellationToken ct)
    {
        var (invitation, problem) = await FindOpenAsync(db, token, clock.GetUtcNow().UtcDateTime, ct);
        if (invitation is null) return problem!;
        var template = await caches.TemplateAsync(db, invitation.TemplateId, ct);
        if (template is null) return Problems.NotFound();
        var language = Languages.IsSupported(lang) ? lang! : invitation.Language;
        var questions = await SurveyAnswering.OpenQuestionsAsync(db, invitation, template, ct);
        var branch = await directory.FindAsync(db, invitation.BranchId, ct);
        var staff = invitation.StaffUserId is { } sid ? await db.Users.AsNoTracking().Where(u => u.Id == sid).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) : null;
        var reference = invitation.TicketId is { } tid ? await db.QueueTickets.AsNoTracking().Where(t => t.Id == tid).Select(t => t.Number).FirstOrDefaultAsync(ct)
            : invitation.CaseId is { } cid ? await db.Cases.AsNoTracking().Where(c => c.Id == cid).Select(c => c.Reference).FirstOrDefaultAsync(ct) : null;
        return TypedResults.Ok(new SurveyForm(language, branch?.Branch.Name.Resolve(language) ?? "",
            invitation.CounterId is { } counterId ? branch?.CounterById(counterId)?.Number : null, staff, reference,
            questions.Select(q => ToDto(q, language)).ToList()));
    }

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Submit(
        string token, SubmitSurveyRequest r, TouchpointDb db, FeedbackCaches caches, CaseContext cases, FeedbackFollowUp followUp,
        TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var (invitation, problem) = await FindOpenAsync(db, token, now, ct);
        if (invitation is null) return problem!;
        var template = await caches.TemplateAsync(db, invitation.TemplateId, ct);
        if (template is null) return Problems.NotFound();
        var v = new Validation();
        var rows = SurveyAnswering.Read(r.Answers, await SurveyAnswering.OpenQuestionsAsync(db, invitation, template, ct), invitation.Id, AnswerSources.Web, now, v);
        if (!v.IsValid) return v.Problem();
        var digest = SurveyAnswering.Digest(rows);
        if (!await SaveOnceAsync(db, cases.Gate, invitation.Id, rows, digest.Dissatisfied, now, ct))
        {
            // Someone answered with the same link in between (a double tap, two phones), or it expired meanwhile.
            var (_, refused) = await FindOpenAsync(db, token, now, ct);
            return refused ?? Used();
        }
        if (digest.Dissatisfied) await followUp.DissatisfiedAsync(db, cases, invitation, digest, alert: true, ct);
        return TypedResults.NoContent();
    }

    /// <summary>
    /// Claims the invitation with one conditional update and saves the answers in the same transaction: of two
    /// submissions with one token exactly one updates the row, and the other finds nothing left to claim.
    /// </summary>
    public static Task<bool> SaveOnceAsync(TouchpointDb db, WriteGate gate, Guid invitationId, List<SurveyAnswer> rows, bool dissatisfied, DateTime now, CancellationToken ct) =>
        gate.RunAsync(db, async () =>
        {
            var claimed = await db.SurveyInvitations.Where(i => i.Id == invitationId && i.RespondedAt == null && i.ExpiresAt > now)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.RespondedAt, now)
                    .SetProperty(i => i.FirstAnsweredAt, i => i.FirstAnsweredAt ?? now)
                    .SetProperty(i => i.Dissatisfied, i => i.Dissatisfied || dissatisfied), ct);
            if (claimed == 0) return false;
            db.SurveyAnswers.AddRange(rows);
            await db.SaveChangesAsync(ct);
            return true;
        }, ct);

    private static async Task<(SurveyInvitation? Invitation, ProblemHttpResult? Problem)> FindOpenAsync(TouchpointDb db, string token, DateTime now, CancellationToken ct)
    {
        if (token.Length is < 20 or > 64) return (null, Problems.NotFound());
        var hash = SecretTokens.Hash(token);
        var invitation = await db.SurveyInvitations.AsNoTracking().FirstOrDefaultAsync(i => i.TokenHash == hash, ct);
        if (invitation is null || invitation.Delivery == SurveyDeliveries.Phone) return (null, Problems.NotFound());
        if (invitation.RespondedAt is not null) return (null, Used());
        if (invitation.ExpiresAt <= now) return (null, Problems.Result(StatusCodes.Status410Gone, "feedback.expiredTitle", "feedback.expired"));
        // A case survey waits for its delay: the link is not out yet, so it is not open either.
        if (invitation.SendAt is { } sendAt && sendAt > now && invitation.SentAt is null) return (null, Problems.NotFound());
        return (invitation, null);
    }

    private static ProblemHttpResult Used() => Problems.Result(StatusCodes.Status409Conflict, "feedback.usedTitle", "feedback.used");

    public static SurveyQuestionDto ToDto(SurveyQuestion q, string language)
    {
        var text = q.Text.Resolve(language);
        return q.Type switch
        {
            QuestionTypes.Csat => new(q.Id, q.Type, text, Points(q.Scale == 3 ? "csat3" : "csat5", q.Scale == 3 ? 3 : 5, language), 1, q.Scale == 3 ? 3 : 5, null, null, null),
            QuestionTypes.Effort => new(q.Id, q.Type, text, Points("effort", 5, language), 1, 5, null, null, null),
            QuestionTypes.Nps => new(q.Id, q.Type, text, null, 0, 10, null,
                Messages.GetIn(language, "feedback.npsLow"), Messages.GetIn(language, "feedback.npsHigh")),
            QuestionTypes.Choice => new(q.Id, q.Type, text, (q.Options ?? []).Select(o => new SurveyOptionDto(o.Code, null, o.Text.Resolve(language))).ToList(),
                null, null, q.Multiple, null, null),
            _ => new(q.Id, q.Type, text, null, null, SurveyAnswering.MaxTextLength, null, null, null),
        };
    }

    private static List<SurveyOptionDto> Points(string scale, int max, string language) =>
        Enumerable.Range(1, max).Select(p => new SurveyOptionDto(null, p, Messages.GetIn(language, $"feedback.{scale}.{p}"))).ToList();
}
