using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Touchpoint.Server.Features.Feedback;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Tests.Infrastructure;
using static Touchpoint.Tests.Feedback.FeedbackTestData;

namespace Touchpoint.Tests.Feedback;

/// <summary>Who is asked and when: solved cases by email after a delay, relationship NPS, chat, throttling and consent.</summary>
public sealed class SurveyTriggerTests : IDisposable
{
    private readonly TouchpointFactory app = new();

    private async Task<int> SendDueAsync() => await app.WithDbAsync(db => app.Services.GetRequiredService<FeedbackScheduler>().SendDueAsync(db, CancellationToken.None));

    [Fact]
    public async Task SolvedCase_CarriesSurveyUrl_AndTheEmailGoesOutAfterTheDelay()
    {
        var staff = await BranchAsync(app);
        var created = await (await staff.PostAsJsonAsync("/api/cases", new
        {
            subject = "Card blocked", channel = "email", customer = new { name = "Lee Min", email = "lee@example.com" }, branch = "SH",
        })).JsonAsync(HttpStatusCode.Created);
        var open = await (await staff.GetAsync($"/api/cases/{created["id"]}")).JsonAsync();
        Assert.Null(open["surveyUrl"]);
        var solved = await (await staff.PostAsJsonAsync($"/api/cases/{created["id"]}/status", new { status = "solved" })).JsonAsync();
        var token = Token(solved);
        // The link is not out before the delay: it does not open, and nothing is sent yet.
        await (await Phone(app).GetAsync($"/api/surveys/{token}")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, await SendDueAsync());

        await app.WithDbAsync(db => db.SurveyInvitations.ExecuteUpdateAsync(s => s.SetProperty(i => i.SendAt, DateTime.UtcNow.AddSeconds(-1))));
        Assert.Equal(1, await SendDueAsync());
        Assert.Equal(0, await SendDueAsync()); // claimed once, sent once
        var mail = await app.WithDbAsync(db => db.OutboundMails.SingleAsync());
        Assert.Equal("lee@example.com", mail.Recipient);
        Assert.Contains(token, System.Text.Encoding.UTF8.GetString(mail.Raw).Replace("=\r\n", ""));
        var survey = await (await Phone(app).GetAsync($"/api/surveys/{token}")).JsonAsync();
        Assert.Equal("csat", survey["questions"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(5, survey["questions"]![0]!["max"]!.GetValue<int>());
        // Reopened and solved again: still the one survey.
        await (await staff.PostAsJsonAsync($"/api/cases/{created["id"]}/status", new { status = "open" })).ShouldBeAsync(HttpStatusCode.OK);
        var again = await (await staff.PostAsJsonAsync($"/api/cases/{created["id"]}/status", new { status = "solved" })).JsonAsync();
        Assert.Equal(token, Token(again));
    }

    [Fact]
    public async Task KnownCustomer_IsAskedOnlyWithConsent_AndNotAgainWithinTheThrottlePeriod()
    {
        var staff = await BranchAsync(app);
        var declined = await (await staff.PostAsJsonAsync("/api/customers", new { name = "王芳", phones = new[] { "13900001111" }, consentSurveys = false, language = "zh-CN", branch = "SH" })).JsonAsync(HttpStatusCode.Created);
        Assert.Null((await ServeAsync(app, staff, customerId: declined["id"]!.GetValue<string>()))["surveyUrl"]);

        var willing = await (await staff.PostAsJsonAsync("/api/customers", new { name = "李伟", phones = new[] { "13900002222" }, consentSurveys = true, language = "zh-CN", branch = "SH" })).JsonAsync(HttpStatusCode.Created);
        var id = willing["id"]!.GetValue<string>();
        Assert.NotNull((await ServeAsync(app, staff, customerId: id))["surveyUrl"]);
        Assert.Null((await ServeAsync(app, staff, customerId: id))["surveyUrl"]); // asked yesterday... or a minute ago: not again
        Assert.NotNull((await ServeAsync(app, staff))["surveyUrl"]); // a walk-in without a profile has no history to throttle by

        await SettingsAsync(app, throttleDays: 0);
        Assert.NotNull((await ServeAsync(app, staff, customerId: id))["surveyUrl"]);
    }

    [Fact]
    public async Task SegmentThatExcludesSurveys_IsRespected()
    {
        var staff = await BranchAsync(app);
        var admin = await app.AdminAsync();
        await (await admin.PostAsJsonAsync("/api/customer-segments", new
        {
            code = "COMPLAINT", name = "Open complaint", rules = new { anyTags = new[] { "complaint" } }, policy = new { surveyEligible = false }, rank = 50,
        })).ShouldBeAsync(HttpStatusCode.Created);
        var c = await (await staff.PostAsJsonAsync("/api/customers", new { name = "Ann Lee", tags = new[] { "complaint" }, consentSurveys = true, language = "en-US", branch = "SH" })).JsonAsync(HttpStatusCode.Created);
        Assert.Null((await ServeAsync(app, staff, customerId: c["id"]!.GetValue<string>()))["surveyUrl"]);
    }

    [Fact]
    public async Task RelationshipNps_InvitesConsentingMembersOfASegment_ByEmailOrSms()
    {
        var staff = await BranchAsync(app);
        var admin = await app.AdminAsync();
        await (await admin.PostAsJsonAsync("/api/customer-segments", new
        {
            code = "MORTGAGE", name = "Mortgage holders", rules = new { anyTags = new[] { "mortgage" } }, policy = new { }, rank = 1,
        })).ShouldBeAsync(HttpStatusCode.Created);
        await (await staff.PostAsJsonAsync("/api/customers", new { name = "Amelia Jones", emails = new[] { "amelia@example.com" }, tags = new[] { "mortgage" }, consentSurveys = true, language = "en-US", branch = "SH" })).ShouldBeAsync(HttpStatusCode.Created);
        await (await staff.PostAsJsonAsync("/api/customers", new { name = "김민준", phones = new[] { "010-1234-5678" }, tags = new[] { "mortgage" }, consentSurveys = true, language = "ko-KR", branch = "SH" })).ShouldBeAsync(HttpStatusCode.Created);
        await (await staff.PostAsJsonAsync("/api/customers", new { name = "No Thanks", emails = new[] { "no@example.com" }, tags = new[] { "mortgage" }, consentSurveys = false, language = "zh-CN", branch = "SH" })).ShouldBeAsync(HttpStatusCode.Created);

        var result = await (await admin.PostAsJsonAsync("/api/feedback/relationship-surveys", new { segment = "MORTGAGE", branch = "SH" })).JsonAsync();
        Assert.Equal(3, result["members"]!.GetValue<int>());
        Assert.Equal(2, result["invited"]!.GetValue<int>());
        Assert.Equal(1, result["noConsent"]!.GetValue<int>());
        Assert.Equal(2, await SendDueAsync());
        Assert.Equal("amelia@example.com", (await app.WithDbAsync(db => db.OutboundMails.SingleAsync())).Recipient);
        // Run again at once: everyone was just asked.
        var again = await (await admin.PostAsJsonAsync("/api/feedback/relationship-surveys", new { segment = "MORTGAGE", branch = "SH" })).JsonAsync();
        Assert.Equal(2, again["throttled"]!.GetValue<int>());
        await (await staff.PostAsJsonAsync("/api/feedback/relationship-surveys", new { segment = "MORTGAGE", branch = "SH" })).ShouldBeAsync(HttpStatusCode.Forbidden);
        await (await admin.PostAsJsonAsync("/api/feedback/relationship-surveys", new { segment = "NOPE", branch = "SH" })).ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ChatChannel_InvitesThroughTheSameService()
    {
        await BranchAsync(app);
        var url = await app.WithDbAsync(async db =>
        {
            var branch = await db.Branches.SingleAsync();
            var surveys = app.Services.GetRequiredService<SurveyInvitations>();
            var (invitation, skip) = await surveys.InviteAsync(db, new SurveyOccasion(SurveyChannels.Chat, SurveyDeliveries.Link, branch.Id, "zh-TW", DefaultTemplates.Case), default);
            Assert.Equal(SurveySkip.None, skip);
            await db.SaveChangesAsync();
            return await app.Services.GetRequiredService<SurveyTokens>().UrlAsync(invitation!.Id, default);
        });
        var survey = await (await Phone(app).GetAsync("/api/surveys/" + url["/s/".Length..])).JsonAsync();
        Assert.Equal("您對本次服務滿意嗎？", survey["questions"]![0]!["text"]!.GetValue<string>());
        await (await AnswerAsync(Phone(app), url["/s/".Length..], new { questionId = "csat", value = 5 })).ShouldBeAsync(HttpStatusCode.NoContent);
        var summary = await (await (await app.AdminAsync()).GetAsync("/api/feedback/summary?channel=chat")).JsonAsync();
        Assert.Equal(1, summary["total"]!["csat"]!["satisfied"]!.GetValue<int>());
    }

    public void Dispose() => app.Dispose();
}
