using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Features.Customers;
using Touchpoint.Server.Features.Organisation;
using Touchpoint.Server.Platform.Audit;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Http;
using Touchpoint.Server.Platform.Identity;

namespace Touchpoint.Server.Features.Feedback;

public sealed record FeedbackSettingsDto(
    int ThrottleDays, int LinkValidDays, int CaseSurveyDelayMinutes, bool OpenFollowUpCase, int CallBackSamplePercent, int CallBackMaxAttempts,
    string CounterTemplate, string CaseTemplate, string RelationshipTemplate, string PhoneTemplate);
public sealed record RelationshipSurveyRequest(string? Segment, string? Branch);
public sealed record RelationshipSurveyResult(int Members, int Invited, int NoConsent, int NotEligible, int Throttled, int NoContact);

public static class FeedbackEndpoints
{
    public const string SettingsAudit = "feedback.settings_changed";
    public const string RelationshipAudit = "feedback.relationship_survey";

    public static IServiceCollection AddFeedback(this IServiceCollection services, IConfiguration configuration) => services
        .AddSingleton<SurveyTokens>()
        .AddSingleton<FeedbackCaches>()
        .AddSingleton<SurveyInvitations>()
        .AddSingleton<FeedbackFollowUp>()
        .AddSingleton<PadAnswers>()
        .AddSingleton(new FeedbackOptions(configuration["Feedback:PublicBaseUrl"]))
        .AddSingleton<FeedbackScheduler>()
        .AddHostedService(sp => sp.GetRequiredService<FeedbackScheduler>())
        .AddCustomerTimelineSource<FeedbackTimelineSource>();

    public static void MapFeedbackApi(this IEndpointRouteBuilder app)
    {
        // Customers' phones, without signing in: the token is the key, and the anonymous rate limit guards guessing.
        var surveys = app.MapGroup("/api/surveys").AllowAnonymous().RequireRateLimiting(RateLimitPolicies.Anonymous).WithTags("Feedback");
        surveys.MapGet("/{token}", PublicSurveyEndpoints.Get);
        surveys.MapPost("/{token}", PublicSurveyEndpoints.Submit);

        var feedback = app.MapGroup("/api/feedback").WithTags("Feedback");
        feedback.MapGet("/summary", FeedbackSummary.Get).RequireAuthorization(Permissions.FeedbackRead);
        feedback.MapGet("/templates", SurveyTemplateEndpoints.List).RequireAuthorization(Permissions.FeedbackRead);
        feedback.MapPost("/templates", SurveyTemplateEndpoints.Create).RequireAuthorization(Permissions.FeedbackManage);
        feedback.MapPut("/templates/{id:guid}", SurveyTemplateEndpoints.Update).RequireAuthorization(Permissions.FeedbackManage);
        feedback.MapPost("/relationship-surveys", InviteRelationship).RequireAuthorization(Permissions.FeedbackManage);
        feedback.MapGet("/callbacks/{id:guid}", CallBackEndpoints.Get).RequireAuthorization(Permissions.FeedbackCall);
        feedback.MapPost("/callbacks/{id:guid}/dial", CallBackEndpoints.Dial).RequireAuthorization(Permissions.FeedbackCall);
        feedback.MapPost("/callbacks/{id:guid}/attempts", CallBackEndpoints.Attempt).RequireAuthorization(Permissions.FeedbackCall);

        var branch = app.MapGroup("/api/branches/{branch}").WithTags("Feedback");
        branch.MapGet("/callbacks", CallBackEndpoints.List).RequireAuthorization(Permissions.FeedbackCall);
        branch.MapPost("/callbacks/sample", SampleCallBacks).RequireAuthorization(Permissions.FeedbackManage);
        branch.MapGet("/feedback-settings", GetSettings).RequireAuthorization(Permissions.FeedbackRead);
        branch.MapPut("/feedback-settings", PutSettings).RequireAuthorization(Permissions.FeedbackManage);
    }

    private static async Task<Results<Ok<FeedbackSettingsDto>, ProblemHttpResult>> GetSettings(
        string branch, ClaimsPrincipal user, TouchpointDb db, FeedbackCaches caches, CancellationToken ct)
    {
        var (b, problem) = await BranchAccess.FindAsync(db, branch, user, ct);
        return b is null ? problem! : TypedResults.Ok(ToDto(await caches.SettingsAsync(db, b.Id, ct)));
    }

    private static async Task<Results<Ok<FeedbackSettingsDto>, ValidationProblem, ProblemHttpResult>> PutSettings(
        string branch, FeedbackSettingsDto r, ClaimsPrincipal user, TouchpointDb db, FeedbackCaches caches, AuditLog audit, CancellationToken ct)
    {
        var (b, problem) = await BranchAccess.FindAsync(db, branch, user, ct);
        if (b is null) return problem!;
        var v = new Validation();
        v.Range("throttleDays", r.ThrottleDays, 0, 365);
        v.Range("linkValidDays", r.LinkValidDays, 1, 90);
        v.Range("caseSurveyDelayMinutes", r.CaseSurveyDelayMinutes, 0, 10_080);
        v.Range("callBackSamplePercent", r.CallBackSamplePercent, 0, 100);
        v.Range("callBackMaxAttempts", r.CallBackMaxAttempts, 1, 10);
        var codes = await db.SurveyTemplates.AsNoTracking().Where(t => t.IsActive).Select(t => t.Code).ToListAsync(ct);
        foreach (var (field, code) in new[] { ("counterTemplate", r.CounterTemplate), ("caseTemplate", r.CaseTemplate),
                     ("relationshipTemplate", r.RelationshipTemplate), ("phoneTemplate", r.PhoneTemplate) })
            if (!codes.Contains(code)) v.Add(field, "validation.oneOf", string.Join(", ", codes));
        if (!v.IsValid) return v.Problem();
        var s = await db.FeedbackSettings.FirstOrDefaultAsync(x => x.BranchId == b.Id, ct);
        if (s is null) db.FeedbackSettings.Add(s = new FeedbackSettings { BranchId = b.Id });
        (s.ThrottleDays, s.LinkValidDays, s.CaseSurveyDelayMinutes, s.OpenFollowUpCase, s.CallBackSamplePercent, s.CallBackMaxAttempts) =
            (r.ThrottleDays, r.LinkValidDays, r.CaseSurveyDelayMinutes, r.OpenFollowUpCase, r.CallBackSamplePercent, r.CallBackMaxAttempts);
        (s.CounterTemplate, s.CaseTemplate, s.RelationshipTemplate, s.PhoneTemplate) = (r.CounterTemplate, r.CaseTemplate, r.RelationshipTemplate, r.PhoneTemplate);
        audit.Record(SettingsAudit, $"branch:{b.Code}", r);
        await db.SaveChangesAsync(ct);
        caches.Invalidate();
        return TypedResults.Ok(ToDto(s));
    }

    /// <summary>
    /// Relationship NPS for a segment: every current member who consents, is eligible, was not surveyed within the
    /// throttle period and can be reached by email or SMS is invited; the scheduler sends them. Run it by hand or
    /// from a scheduler of the organisation's own (it is idempotent within the throttle period).
    /// </summary>
    private static async Task<Results<Ok<RelationshipSurveyResult>, ValidationProblem, ProblemHttpResult>> InviteRelationship(
        RelationshipSurveyRequest r, ClaimsPrincipal user, TouchpointDb db, SurveyInvitations invitations, FeedbackCaches caches, AuditLog audit,
        TimeProvider clock, CancellationToken ct)
    {
        var v = new Validation();
        var segment = r.Segment is null ? null : await db.CustomerSegments.AsNoTracking().FirstOrDefaultAsync(s => s.Code == r.Segment, ct);
        if (segment is null) v.Add("segment", "feedback.unknownSegment", r.Segment ?? "");
        Branch? only = null;
        if (r.Branch is not null)
        {
            var (b, problem) = await BranchAccess.FindAsync(db, r.Branch, user, ct);
            if (b is null) return problem!;
            only = b;
        }
        else if (!user.SpansAllBranches()) v.Add("branch", "validation.required");
        if (!v.IsValid) return v.Problem();

        var members = await db.CustomerSegmentMemberships.AsNoTracking().Where(m => m.SegmentId == segment!.Id && m.Until == null)
            .Join(db.Customers.AsNoTracking(), m => m.CustomerId, c => c.Id, (m, c) => new { c.Id, c.HomeBranchId, c.Language })
            .Where(c => only == null || c.HomeBranchId == only.Id).ToListAsync(ct);
        var contacts = (await db.CustomerContacts.AsNoTracking().Where(x => members.Select(m => m.Id).Contains(x.CustomerId)
                && (x.Kind == ContactKinds.Email || x.Kind == ContactKinds.Phone)).Select(x => new { x.CustomerId, x.Kind }).ToListAsync(ct))
            .ToLookup(x => x.CustomerId, x => x.Kind);
        int invited = 0, noConsent = 0, notEligible = 0, throttled = 0, noContact = 0;
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var m in members)
        {
            if (m.HomeBranchId is not { } branchId) { noContact++; continue; }
            var kinds = contacts[m.Id].ToList();
            var delivery = kinds.Contains(ContactKinds.Email) ? SurveyDeliveries.Email : kinds.Contains(ContactKinds.Phone) ? SurveyDeliveries.Sms : null;
            if (delivery is null) { noContact++; continue; }
            var settings = await caches.SettingsAsync(db, branchId, ct);
            var (invitation, skip) = await invitations.InviteAsync(db, new SurveyOccasion(SurveyChannels.Relationship, delivery, branchId, m.Language,
                settings.RelationshipTemplate, CustomerId: m.Id, SendAt: now), ct);
            switch (skip)
            {
                case SurveySkip.NoConsent: noConsent++; break;
                case SurveySkip.NotEligible: notEligible++; break;
                case SurveySkip.Throttled: throttled++; break;
                case SurveySkip.None when invitation is not null: invited++; break;
            }
            // Throttling reads earlier invitations: save each so that a customer listed twice is asked once.
            if (invitation is not null) await db.SaveChangesAsync(ct);
        }
        audit.Record(RelationshipAudit, $"segment:{segment!.Code}", new { branch = only?.Code, invited });
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new RelationshipSurveyResult(members.Count, invited, noConsent, notEligible, throttled, noContact));
    }

    private static async Task<Results<Ok<SampleResult>, ProblemHttpResult>> SampleCallBacks(
        string branch, ClaimsPrincipal user, TouchpointDb db, FeedbackScheduler scheduler, CancellationToken ct)
    {
        var (b, problem) = await BranchAccess.FindAsync(db, branch, user, ct);
        return b is null ? problem! : TypedResults.Ok(new SampleResult(await scheduler.SampleCallBacksAsync(db, b, ct)));
    }

    private static FeedbackSettingsDto ToDto(FeedbackSettings s) => new(s.ThrottleDays, s.LinkValidDays, s.CaseSurveyDelayMinutes, s.OpenFollowUpCase,
        s.CallBackSamplePercent, s.CallBackMaxAttempts, s.CounterTemplate, s.CaseTemplate, s.RelationshipTemplate, s.PhoneTemplate);
}

/// <param name="PublicBaseUrl">Where customers reach the web app (https://service.example.com): survey links in email and SMS are absolute.</param>
public sealed record FeedbackOptions(string? PublicBaseUrl)
{
    public string Absolute(string path) => (string.IsNullOrWhiteSpace(PublicBaseUrl) ? "http://127.0.0.1:5080" : PublicBaseUrl.TrimEnd('/')) + path;
}
