using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Features.Cases;
using Touchpoint.Server.Features.Customers;
using Touchpoint.Server.Features.Organisation;
using Touchpoint.Server.Features.Queue;
using Touchpoint.Server.Platform.Audit;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Http;
using Touchpoint.Server.Platform.Identity;
using Touchpoint.Server.Platform.Localization;
using Touchpoint.Server.Platform.Privacy;

namespace Touchpoint.Server.Features.Feedback;

public sealed record CallBackItem(
    Guid Id, string BranchCode, string Reason, string DueDate, string Status, int Attempts, int MaxAttempts, string? LastOutcome, DateTime? LastAttemptAt,
    string CustomerName, string? PhoneMasked, string? Reference, int? Counter, string? StaffName, string Language, Guid? CustomerId);
public sealed record CallScript(string Greeting, string Closing, IReadOnlyList<SurveyQuestionDto> Questions);
public sealed record CallBackDetail(CallBackItem Item, CallScript Script);
public sealed record CallAttemptRequest(string? Outcome, List<SurveyAnswerInput>? Answers, string? Note);
public sealed record DialedNumber(string Phone);
public sealed record SampleResult(int Added);

/// <summary>
/// Phone call-back (电话回访): the day's list, the script in the customer's language, the dial (the number shown once,
/// audited), and the attempt with its answers. No answer comes back the next day until the branch's limit.
/// </summary>
public static class CallBackEndpoints
{
    public const string DialedAudit = "feedback.callback_dialed";

    public static async Task<Results<Ok<List<CallBackItem>>, ValidationProblem, ProblemHttpResult>> List(
        string branch, string? date, string? status, ClaimsPrincipal user, TouchpointDb db, FeedbackCaches caches, TimeProvider clock, CancellationToken ct)
    {
        var (b, problem) = await BranchAccess.FindAsync(db, branch, user, ct);
        if (b is null) return problem!;
        var day = date ?? QueueClock.BusinessDate(b, clock.GetUtcNow().UtcDateTime);
        if (!DateOnly.TryParseExact(day, "yyyy-MM-dd", out _)) return new Validation().Add("date", "validation.date").Problem();
        var wanted = status ?? CallBackStatuses.Open;
        // Open ones due that day or earlier; finished ones of that day (what was done today).
        var rows = await db.CallBacks.AsNoTracking().Where(c => c.BranchId == b.Id && c.Status == wanted
                && (wanted == CallBackStatuses.Open ? string.Compare(c.DueDate, day) <= 0 : c.DueDate == day))
            .OrderBy(c => c.DueDate).ThenBy(c => c.Reason).ThenBy(c => c.CreatedAt).Take(500).ToListAsync(ct);
        var settings = await caches.SettingsAsync(db, b.Id, ct);
        var items = new List<CallBackItem>();
        foreach (var c in rows) items.Add(await ItemAsync(db, b, c, settings.CallBackMaxAttempts, ct));
        return TypedResults.Ok(items);
    }

    public static async Task<Results<Ok<CallBackDetail>, ProblemHttpResult>> Get(
        Guid id, ClaimsPrincipal user, TouchpointDb db, FeedbackCaches caches, CancellationToken ct)
    {
        var (c, b, problem) = await FindAsync(db, id, user, ct);
        if (c is null) return problem!;
        var settings = await caches.SettingsAsync(db, b!.Id, ct);
        var item = await ItemAsync(db, b, c, settings.CallBackMaxAttempts, ct);
        var template = await caches.TemplateAsync(db, settings.PhoneTemplate, ct);
        var caller = user.FindFirstValue(TouchpointClaims.DisplayName) ?? user.ActorName();
        var lang = c.Language;
        var about = item.Reference is { } r ? Messages.GetIn(lang, "feedback.callAbout", r) : "";
        // The caller addresses the customer by name: the script alone shows it in full, the list keeps it masked.
        var name = c.CustomerId is { } cid ? await db.Customers.AsNoTracking().Where(x => x.Id == cid).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
        return TypedResults.Ok(new CallBackDetail(item, new CallScript(
            Messages.GetIn(lang, "feedback.callGreeting", name ?? item.CustomerName, b.Name.Resolve(lang), caller, about),
            Messages.GetIn(lang, "feedback.callClosing"),
            (template?.Questions ?? []).Select(q => PublicSurveyEndpoints.ToDto(q, lang)).ToList())));
    }

    /// <summary>The number to dial, in clear, once per click: each one is in the audit log.</summary>
    public static async Task<Results<Ok<DialedNumber>, ProblemHttpResult>> Dial(Guid id, ClaimsPrincipal user, TouchpointDb db, AuditLog audit, CancellationToken ct)
    {
        var (c, _, problem) = await FindAsync(db, id, user, ct);
        if (c is null) return problem!;
        var phone = await PhoneAsync(db, c, ct);
        if (phone is null) return Problems.NotFound();
        audit.Record(DialedAudit, $"callback:{c.Id}", new { customerId = c.CustomerId });
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new DialedNumber(phone));
    }

    public static async Task<Results<Ok<CallBackItem>, ValidationProblem, ProblemHttpResult>> Attempt(
        Guid id, CallAttemptRequest r, ClaimsPrincipal user, TouchpointDb db, FeedbackCaches caches, SurveyInvitations invitations,
        CaseContext cases, FeedbackFollowUp followUp, TimeProvider clock, CancellationToken ct)
    {
        var v = new Validation();
        if (r.Outcome is null || !CallOutcomes.All.Contains(r.Outcome)) v.Add("outcome", "validation.oneOf", string.Join(", ", CallOutcomes.All));
        v.MaxLength("note", r.Note, 2000);
        var (c, b, problem) = await FindAsync(db, id, user, ct);
        if (c is null) return problem!;
        if (c.Status != CallBackStatuses.Open)
            return Problems.Result(StatusCodes.Status409Conflict, "feedback.callBackClosedTitle", "feedback.callBackClosed", c.Status);
        var settings = await caches.SettingsAsync(db, b!.Id, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var template = await caches.TemplateAsync(db, settings.PhoneTemplate, ct);
        List<SurveyAnswer> rows = [];
        SurveyInvitation? response = null;
        if (r.Outcome == CallOutcomes.Reached && template is not null && r.Answers is { Count: > 0 })
        {
            // The call's answers are a survey of their own (channel phone), bound to what the call follows up.
            response = new SurveyInvitation
            {
                TokenHash = SecretTokens.Hash(SecretTokens.New("call_")), TemplateId = template.Id, Channel = SurveyChannels.Phone,
                Delivery = SurveyDeliveries.Phone, BranchId = c.BranchId, CounterId = c.CounterId, StaffUserId = c.StaffUserId, ServiceTypeId = c.ServiceTypeId,
                TicketId = c.TicketId, CaseId = c.CaseId, CustomerId = c.CustomerId, Language = c.Language, CreatedAt = now, SentAt = now,
                ExpiresAt = now, FirstAnsweredAt = now, RespondedAt = now,
            };
            rows = SurveyAnswering.Read(r.Answers, template.Questions, response.Id, AnswerSources.Phone, now, v);
        }
        if (!v.IsValid) return v.Problem();

        c.Attempts++;
        c.LastOutcome = r.Outcome;
        c.LastAttemptAt = now;
        c.LastCallerId = user.UserId();
        if (!string.IsNullOrWhiteSpace(r.Note)) c.Note = r.Note.Trim();
        c.Status = r.Outcome switch
        {
            CallOutcomes.Reached => CallBackStatuses.Done,
            CallOutcomes.Refused => CallBackStatuses.Refused,
            _ => c.Attempts >= settings.CallBackMaxAttempts ? CallBackStatuses.Unreachable : CallBackStatuses.Open,
        };
        // No answer: try again on the next day.
        if (c.Status == CallBackStatuses.Open)
            c.DueDate = DateOnly.ParseExact(QueueClock.BusinessDate(b, now), "yyyy-MM-dd").AddDays(1).ToString("yyyy-MM-dd");
        var digest = SurveyAnswering.Digest(rows);
        if (response is not null)
        {
            response.Dissatisfied = digest.Dissatisfied;
            db.SurveyInvitations.Add(response);
            db.SurveyAnswers.AddRange(rows);
            c.ResponseInvitationId = response.Id;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Result(StatusCodes.Status409Conflict, "feedback.callBackClosedTitle", "feedback.callBackClosed", c.Status);
        }
        // A dissatisfied customer reached by a sampled call is followed up like any other; a follow-up call does not start another.
        if (response is not null && digest.Dissatisfied && c.Reason != CallBackReasons.Dissatisfied)
            await followUp.DissatisfiedAsync(db, cases, response, digest, alert: true, ct);
        return TypedResults.Ok(await ItemAsync(db, b, c, settings.CallBackMaxAttempts, ct));
    }

    private static async Task<(CallBack?, Branch?, ProblemHttpResult?)> FindAsync(TouchpointDb db, Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        var c = await db.CallBacks.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return (null, null, Problems.NotFound());
        var b = await db.Branches.AsNoTracking().FirstAsync(x => x.Id == c.BranchId, ct);
        return user.CanAccessBranch(b.Code) ? (c, b, null) : (null, null, Problems.Forbidden());
    }

    private static async Task<CallBackItem> ItemAsync(TouchpointDb db, Branch b, CallBack c, int maxAttempts, CancellationToken ct)
    {
        var name = c.CustomerId is { } cid ? await db.Customers.AsNoTracking().Where(x => x.Id == cid).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
        var ticket = c.TicketId is { } tid ? await db.QueueTickets.AsNoTracking().Where(t => t.Id == tid).Select(t => t.Number).FirstOrDefaultAsync(ct) : null;
        var caseRow = c.CaseId is { } kid ? await db.Cases.AsNoTracking().Where(x => x.Id == kid).Select(x => new { x.Reference, x.CustomerName }).FirstOrDefaultAsync(ct) : null;
        var staff = c.StaffUserId is { } sid ? await db.Users.AsNoTracking().Where(u => u.Id == sid).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) : null;
        var counter = c.CounterId is { } counterId ? await db.Counters.AsNoTracking().Where(x => x.Id == counterId).Select(x => (int?)x.Number).FirstOrDefaultAsync(ct) : null;
        var phone = await PhoneAsync(db, c, ct);
        var display = name ?? caseRow?.CustomerName ?? Messages.GetIn(c.Language, "feedback.anonymousCustomer");
        return new CallBackItem(c.Id, b.Code, c.Reason, c.DueDate, c.Status, c.Attempts, maxAttempts, c.LastOutcome, c.LastAttemptAt,
            Masks.ShortName(display), phone is null ? null : Masks.Phone(phone), ticket ?? caseRow?.Reference, counter, staff, c.Language, c.CustomerId);
    }

    private static async Task<string?> PhoneAsync(TouchpointDb db, CallBack c, CancellationToken ct)
    {
        if (c.CustomerId is { } cid && await db.CustomerContacts.AsNoTracking().Where(x => x.CustomerId == cid && x.Kind == ContactKinds.Phone)
                .OrderBy(x => x.CreatedAt).Select(x => x.Value).FirstOrDefaultAsync(ct) is { } own)
            return own;
        if (c.TicketId is { } tid && await db.QueueTickets.AsNoTracking().Where(t => t.Id == tid).Select(t => t.ContactPhone).FirstOrDefaultAsync(ct) is { } left)
            return left;
        return c.CaseId is { } kid ? await db.Cases.AsNoTracking().Where(x => x.Id == kid).Select(x => x.CustomerPhone).FirstOrDefaultAsync(ct) : null;
    }
}
