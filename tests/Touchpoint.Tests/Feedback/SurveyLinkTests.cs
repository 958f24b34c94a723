using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Tests.Infrastructure;
using static Touchpoint.Tests.Feedback.FeedbackTestData;

namespace Touchpoint.Tests.Feedback;

/// <summary>The survey link of a served ticket: what it asks, in which language, what it accepts, and that it answers once.</summary>
public sealed class SurveyLinkTests : IDisposable
{
    private readonly TouchpointFactory app = new();

    [Fact]
    public async Task CompletedTicket_CarriesItsSurveyUrl_AndTheSurveyIsInTheTicketsLanguage()
    {
        var staff = await BranchAsync(app);
        var waiting = await (await staff.PostAsJsonAsync("/api/branches/SH/tickets", new { service = "PERSONAL" })).JsonAsync(HttpStatusCode.Created);
        Assert.Null(waiting["surveyUrl"]);
        await (await staff.PostAsync("/api/branches/SH/counters/1/call-next", null)).ShouldBeAsync(HttpStatusCode.OK);
        await (await staff.PostAsync($"/api/tickets/{waiting["id"]}/complete", null)).ShouldBeAsync(HttpStatusCode.OK);

        var ticket = await ServeAsync(app, staff, language: "ko-KR");
        Assert.StartsWith("/s/", ticket["surveyUrl"]!.GetValue<string>());
        var survey = await (await Phone(app).GetAsync($"/api/surveys/{Token(ticket)}")).JsonAsync();
        Assert.Equal("ko-KR", survey["language"]!.GetValue<string>());
        var questions = survey["questions"]!.AsArray();
        Assert.Equal(["csat", "reasons", "effort", "nps", "comment"], questions.Select(q => q!["id"]!.GetValue<string>()));
        Assert.Equal(["csat", "choice", "effort", "nps", "text"], questions.Select(q => q!["type"]!.GetValue<string>()));
        Assert.Equal("이번 서비스에 만족하셨습니까?", questions[0]!["text"]!.GetValue<string>());
        Assert.Equal(3, questions[0]!["options"]!.AsArray().Count);
        Assert.Equal("대기 시간이 너무 길었다", questions[1]!["options"]![0]!["label"]!.GetValue<string>());
        // The page's language switch asks for another language explicitly.
        var english = await (await Phone(app).GetAsync($"/api/surveys/{Token(ticket)}?lang=en-US")).JsonAsync();
        Assert.Equal("How satisfied are you with the service you received?", english["questions"]![0]!["text"]!.GetValue<string>());
        // Only a hash of the token is stored.
        var stored = await app.WithDbAsync(db => db.SurveyInvitations.Select(i => i.TokenHash).ToListAsync());
        Assert.DoesNotContain(Token(ticket), stored);
    }

    [Fact]
    public async Task Answers_AreValidatedOneByOne_NamingTheField()
    {
        var staff = await BranchAsync(app);
        var token = Token(await ServeAsync(app, staff));
        var phone = Phone(app);
        var problem = await (await AnswerAsync(phone, token,
            new { questionId = "nps", value = 11 }, new { questionId = "color", value = 1 }, new { questionId = "csat", value = "good" },
            new { questionId = "reasons", value = new[] { "waitTooLong", "weather" } }, new { questionId = "comment", value = new string('x', 2001) }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsObject();
        foreach (var field in new[] { "answers[0].value", "answers[1].questionId", "answers[2].value", "answers[3].value", "answers[4].value" })
            Assert.True(errors.ContainsKey(field), field);
        Assert.Contains("0", errors["answers[0].value"]![0]!.GetValue<string>());
        await (await AnswerAsync(phone, token)).ProblemAsync(HttpStatusCode.BadRequest);
        // Nothing was kept from the refused submissions: the link still answers.
        await (await AnswerAsync(phone, token, new { questionId = "nps", value = 10 }, new { questionId = "reasons", value = "other" })).ShouldBeAsync(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Token_IsSingleUse_UnknownIs404_ExpiredIs410_PolitelyAndLocalised()
    {
        var staff = await BranchAsync(app);
        var token = Token(await ServeAsync(app, staff));
        var phone = Phone(app, "zh-CN");
        await (await AnswerAsync(phone, token, new { questionId = "csat", value = 3 })).ShouldBeAsync(HttpStatusCode.NoContent);
        var used = await (await AnswerAsync(phone, token, new { questionId = "csat", value = 1 })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("感谢", used["detail"]!.GetValue<string>());
        await (await phone.GetAsync($"/api/surveys/{token}")).ProblemAsync(HttpStatusCode.Conflict);
        await (await phone.GetAsync("/api/surveys/" + new string('A', 43))).ProblemAsync(HttpStatusCode.NotFound);
        await (await AnswerAsync(phone, "short", new { questionId = "csat", value = 1 })).ProblemAsync(HttpStatusCode.NotFound);

        var late = Token(await ServeAsync(app, staff));
        await app.WithDbAsync(db => db.SurveyInvitations.Where(i => i.RespondedAt == null).ExecuteUpdateAsync(s => s.SetProperty(i => i.ExpiresAt, DateTime.UtcNow.AddMinutes(-1))));
        var expired = await (await Phone(app, "ko-KR").GetAsync($"/api/surveys/{late}")).ProblemAsync(HttpStatusCode.Gone);
        Assert.Contains("감사", expired["detail"]!.GetValue<string>());
        await (await AnswerAsync(phone, late, new { questionId = "csat", value = 3 })).ProblemAsync(HttpStatusCode.Gone);
    }

    [Fact]
    public async Task TwoSubmissionsAtOnce_ExactlyOneWins()
    {
        var staff = await BranchAsync(app);
        for (var round = 0; round < 5; round++)
        {
            var token = Token(await ServeAsync(app, staff));
            var tasks = Enumerable.Range(0, 2).Select(i => AnswerAsync(Phone(app), token, new { questionId = "nps", value = i == 0 ? 9 : 2 })).ToList();
            var statuses = (await Task.WhenAll(tasks)).Select(r => r.StatusCode).OrderBy(s => s).ToList();
            Assert.Equal([HttpStatusCode.NoContent, HttpStatusCode.Conflict], statuses);
        }
        var answers = await app.WithDbAsync(db => db.SurveyAnswers.CountAsync(a => a.QuestionId == "nps"));
        Assert.Equal(5, answers);
    }

    [Fact]
    public async Task PadRating_IsTheFirstAnswer_AndTheLinkAsksOnlyTheRest()
    {
        var staff = await BranchAsync(app);
        var pad = await PadAsync(app);
        var ticket = await ServeAsync(app, staff);
        var prompt = (await (await pad.GetAsync("/api/device/pad")).JsonAsync())["prompt"]!;
        await (await pad.PostAsJsonAsync($"/api/evaluations/{prompt["id"]}", new { rating = "satisfied" })).ShouldBeAsync(HttpStatusCode.NoContent);

        var survey = await (await Phone(app).GetAsync($"/api/surveys/{Token(ticket)}")).JsonAsync();
        Assert.DoesNotContain("csat", survey["questions"]!.AsArray().Select(q => q!["id"]!.GetValue<string>()));
        await (await AnswerAsync(Phone(app), Token(ticket), new { questionId = "csat", value = 1 })).ProblemAsync(HttpStatusCode.BadRequest);
        await (await AnswerAsync(Phone(app), Token(ticket), new { questionId = "effort", value = 5 }, new { questionId = "nps", value = 9 })).ShouldBeAsync(HttpStatusCode.NoContent);

        var summary = await (await (await app.AdminAsync()).GetAsync("/api/feedback/summary?branch=SH")).JsonAsync();
        var total = summary["total"]!;
        Assert.Equal(1, total["csat"]!["answers"]!.GetValue<int>());
        Assert.Equal(1, total["csat"]!["satisfied"]!.GetValue<int>());
        Assert.Equal(100, total["nps"]!["score"]!.GetValue<double>());
        Assert.Equal(1, total["responseRate"]!.GetValue<double>());
    }

    [Fact]
    public async Task Answers_AreBoundToCounterStaffServiceAndBranch()
    {
        var staff = await BranchAsync(app);
        var me = await (await staff.GetAsync("/api/me")).JsonAsync();
        var ticket = await ServeAsync(app, staff);
        await ServeAsync(app, staff); // invited, never answered: counts against the response rate
        await (await AnswerAsync(Phone(app), Token(ticket), new { questionId = "csat", value = 1 }, new { questionId = "reasons", value = new[] { "waitTooLong", "unclear" } }))
            .ShouldBeAsync(HttpStatusCode.NoContent);
        var invitation = await app.WithDbAsync(db => db.SurveyInvitations.SingleAsync(i => i.RespondedAt != null));
        Assert.NotNull(invitation.EncounterId);
        Assert.NotNull(invitation.ServiceTypeId);

        var admin = await app.AdminAsync();
        var atOne = await (await admin.GetAsync($"/api/feedback/summary?branch=SH&counter=1&service=PERSONAL&staff={me["id"]}&channel=counter")).JsonAsync();
        Assert.Equal(2, atOne["total"]!["invitations"]!.GetValue<int>());
        Assert.Equal(0.5, atOne["total"]!["responseRate"]!.GetValue<double>());
        Assert.Equal(0, atOne["total"]!["csat"]!["satisfiedShare"]!.GetValue<double>());
        Assert.Equal(["unclear", "waitTooLong"], atOne["reasons"]!.AsArray().Select(r => r!["code"]!.GetValue<string>()).Order());
        Assert.Equal(1.0, atOne["reasons"]![1]!["cumulativeShare"]!.GetValue<double>());
        var atTwo = await (await admin.GetAsync("/api/feedback/summary?branch=SH&counter=2")).JsonAsync();
        Assert.Equal(0, atTwo["total"]!["invitations"]!.GetValue<int>());
        var byStaff = await (await admin.GetAsync("/api/feedback/summary?branch=SH&groupBy=staff")).JsonAsync();
        Assert.Equal("Frontline", byStaff["groups"]![0]!["label"]!.GetValue<string>());
        await (await admin.GetAsync("/api/feedback/summary?counter=1")).ProblemAsync(HttpStatusCode.BadRequest);
        await (await admin.GetAsync("/api/feedback/summary?branch=SH&groupBy=mood")).ProblemAsync(HttpStatusCode.BadRequest);
    }

    public void Dispose() => app.Dispose();
}
