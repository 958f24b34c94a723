using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Features.Feedback;
using Touchpoint.Server.Features.Queue;
using Touchpoint.Tests.Infrastructure;
using static Touchpoint.Tests.Feedback.FeedbackTestData;

namespace Touchpoint.Tests.Feedback;

/// <summary>Dissatisfaction reaches supervisors, opens a follow-up case and a call-back; the call-back is worked; who may see what.</summary>
public sealed class FeedbackFollowUpTests : IDisposable
{
    private readonly TouchpointFactory app = new();

    [Fact]
    public async Task Detractor_AlertsSupervisorsAtOnce_AndOpensAFollowUpCase()
    {
        var staff = await BranchAsync(app);
        var cookie = await app.StaffCookieAsync("Supervisor", "SH");
        var ws = app.Server.CreateWebSocketClient();
        ws.ConfigureRequest = r => r.Headers.Cookie = cookie;
        await using var supervisor = await SignalRTestClient.ConnectAsync(ws, app.Server.BaseAddress);
        await Task.Delay(200);

        var ticket = await ServeAsync(app, staff, language: "zh-CN");
        await (await AnswerAsync(Phone(app), Token(ticket), new { questionId = "nps", value = 3 }, new { questionId = "reasons", value = new[] { "waitTooLong" } },
            new { questionId = "comment", value = "等了一个小时" })).ShouldBeAsync(HttpStatusCode.NoContent);
        var alert = await supervisor.WaitForEventAsync(FeedbackFollowUp.DissatisfiedEvent, TimeSpan.FromSeconds(10));
        Assert.Equal(3, alert["data"]!["nps"]!.GetValue<int>());
        Assert.Equal(1, alert["data"]!["counter"]!.GetValue<int>());
        Assert.Equal(ticket["number"]!.GetValue<string>(), alert["data"]!["reference"]!.GetValue<string>());

        var followUp = await (await staff.GetAsync($"/api/cases/{alert["data"]!["followUpCaseId"]}")).JsonAsync();
        Assert.Contains(FeedbackFollowUp.FollowUpTag, followUp["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal("high", followUp["priority"]!.GetValue<string>());
        Assert.Contains("等了一个小时", followUp["description"]!.GetValue<string>());
        Assert.Contains(ticket["number"]!.GetValue<string>(), followUp["subject"]!.GetValue<string>());

        // A promoter raises nothing; a branch that does not want cases gets the alert only.
        await (await AnswerAsync(Phone(app), Token(await ServeAsync(app, staff)), new { questionId = "nps", value = 10 })).ShouldBeAsync(HttpStatusCode.NoContent);
        await SettingsAsync(app, openFollowUpCase: false);
        await (await AnswerAsync(Phone(app), Token(await ServeAsync(app, staff)), new { questionId = "csat", value = 1 })).ShouldBeAsync(HttpStatusCode.NoContent);
        await supervisor.WaitForEventAsync(FeedbackFollowUp.DissatisfiedEvent, TimeSpan.FromSeconds(10));
        Assert.Equal(1, await app.WithDbAsync(db => db.Cases.CountAsync()));
    }

    [Fact]
    public async Task DissatisfiedPadRating_OpensTheFollowUpCase_WithoutASecondAlert()
    {
        var staff = await BranchAsync(app);
        var pad = await PadAsync(app);
        await ServeAsync(app, staff);
        var prompt = (await (await pad.GetAsync("/api/device/pad")).JsonAsync())["prompt"]!;
        await (await pad.PostAsJsonAsync($"/api/evaluations/{prompt["id"]}", new { rating = "dissatisfied", reasons = new[] { "attitude" } })).ShouldBeAsync(HttpStatusCode.NoContent);
        var c = await app.WithDbAsync(db => db.Cases.SingleAsync());
        Assert.Contains(FeedbackFollowUp.FollowUpTag, c.Tags);
        var answers = await app.WithDbAsync(db => db.SurveyAnswers.Where(a => a.Source == AnswerSources.Pad).Select(a => a.Choice ?? a.Score.ToString()).ToListAsync());
        Assert.Equal(["1", "attitude"], answers.Order());
    }

    [Fact]
    public async Task CallBack_ListScriptDialAndAttempts_WithRetriesAndTheTimeline()
    {
        var staff = await BranchAsync(app);
        await SettingsAsync(app);
        var customer = await (await staff.PostAsJsonAsync("/api/customers", new { name = "陈静", phones = new[] { "13700002222" }, consentSurveys = true, language = "zh-CN", branch = "SH" })).JsonAsync(HttpStatusCode.Created);
        var ticket = await ServeAsync(app, staff, language: "zh-CN", customerId: customer["id"]!.GetValue<string>());
        await (await AnswerAsync(Phone(app), Token(ticket), new { questionId = "csat", value = 1 })).ShouldBeAsync(HttpStatusCode.NoContent);

        var supervisor = await app.StaffAsync("Supervisor", "SH");
        var list = (await (await supervisor.GetAsync("/api/branches/SH/callbacks")).JsonAsync()).AsArray();
        var item = Assert.Single(list)!;
        Assert.Equal("dissatisfied", item["reason"]!.GetValue<string>());
        Assert.Equal("137****2222", item["phoneMasked"]!.GetValue<string>());
        Assert.Equal("陈**", item["customerName"]!.GetValue<string>());
        var id = item["id"]!.GetValue<string>();
        var detail = await (await supervisor.GetAsync($"/api/feedback/callbacks/{id}")).JsonAsync();
        Assert.Contains("陈静", detail["script"]!["greeting"]!.GetValue<string>());
        Assert.Equal("csat", detail["script"]!["questions"]![0]!["id"]!.GetValue<string>());
        Assert.Equal("13700002222", (await (await supervisor.PostAsync($"/api/feedback/callbacks/{id}/dial", null)).JsonAsync())["phone"]!.GetValue<string>());
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == CallBackEndpoints.DialedAudit)));

        await (await supervisor.PostAsJsonAsync($"/api/feedback/callbacks/{id}/attempts", new { outcome = "busy" })).ProblemAsync(HttpStatusCode.BadRequest);
        var missed = await (await supervisor.PostAsJsonAsync($"/api/feedback/callbacks/{id}/attempts", new { outcome = "noAnswer" })).JsonAsync();
        Assert.Equal("open", missed["status"]!.GetValue<string>());
        Assert.True(string.CompareOrdinal(missed["dueDate"]!.GetValue<string>(), item["dueDate"]!.GetValue<string>()) > 0); // tomorrow's list
        Assert.Empty((await (await supervisor.GetAsync("/api/branches/SH/callbacks")).JsonAsync()).AsArray());

        await (await supervisor.PostAsJsonAsync($"/api/feedback/callbacks/{id}/attempts", new { outcome = "reached", answers = new[] { new { questionId = "nps", value = 42 } } }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        var reached = await (await supervisor.PostAsJsonAsync($"/api/feedback/callbacks/{id}/attempts", new
        {
            outcome = "reached", note = "Apologised; the manager will call back", answers = new object[] { new { questionId = "csat", value = 4 }, new { questionId = "nps", value = 8 } },
        })).JsonAsync();
        Assert.Equal("done", reached["status"]!.GetValue<string>());
        await (await supervisor.PostAsJsonAsync($"/api/feedback/callbacks/{id}/attempts", new { outcome = "noAnswer" })).ProblemAsync(HttpStatusCode.Conflict);

        var timeline = (await (await supervisor.GetAsync($"/api/customers/{customer["id"]}/timeline")).JsonAsync()).AsArray();
        var types = timeline.Select(e => e!["type"]!.GetValue<string>()).ToList();
        Assert.Equal(2, types.Count(t => t == "feedback.survey"));
        Assert.Contains("feedback.callBack", types);
        Assert.Contains(timeline, e => e!["details"]!["csat"]?.GetValue<string>() == "1/3");
    }

    [Fact]
    public async Task NoAnswerUpToTheLimit_LeavesTheCustomerUnreachable()
    {
        var staff = await BranchAsync(app);
        await SettingsAsync(app); // at most 2 attempts
        var ticket = await ServeAsync(app, staff, phone: "+44 7700 900123");
        await (await AnswerAsync(Phone(app), Token(ticket), new { questionId = "effort", value = 1 })).ShouldBeAsync(HttpStatusCode.NoContent);
        var id = await app.WithDbAsync(db => db.CallBacks.Select(c => c.Id).SingleAsync());
        var supervisor = await app.StaffAsync("Supervisor", "SH");
        await (await supervisor.PostAsJsonAsync($"/api/feedback/callbacks/{id}/attempts", new { outcome = "noAnswer" })).ShouldBeAsync(HttpStatusCode.OK);
        var last = await (await supervisor.PostAsJsonAsync($"/api/feedback/callbacks/{id}/attempts", new { outcome = "noAnswer" })).JsonAsync();
        Assert.Equal("unreachable", last["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task CallBackSample_TakesYesterdaysServedTicketsAndSolvedCases_OncePerConsentingCustomer()
    {
        var staff = await BranchAsync(app);
        await SettingsAsync(app, callBackSamplePercent: 100);
        async Task<string> CustomerAsync(string name, string phone, bool consent) =>
            (await (await staff.PostAsJsonAsync("/api/customers", new { name, phones = new[] { phone }, consentSurveys = consent, language = "zh-CN", branch = "SH" }))
                .JsonAsync(HttpStatusCode.Created))["id"]!.GetValue<string>();
        var atCounter = await CustomerAsync("陈静", "13700003333", true);
        var byCase = await CustomerAsync("김민준", "01012345678", true);
        var declined = await CustomerAsync("王芳", "13900004444", false);
        await ServeAsync(app, staff, "zh-CN", atCounter);
        await ServeAsync(app, staff, "zh-CN", declined);
        var cases = new List<Guid>();
        foreach (var phone in new[] { "01012345678", "01012345678", "13900004444" })
        {
            var c = await (await staff.PostAsJsonAsync("/api/cases", new
            {
                subject = "카드 재발급 문의", description = "새 카드를 언제 받을 수 있나요?", channel = "phone", branch = "SH",
                customer = new { name = "김민준", phone },
            })).JsonAsync(HttpStatusCode.Created);
            cases.Add(c["id"]!.GetValue<Guid>());
            await (await staff.PostAsJsonAsync($"/api/cases/{c["id"]}/status", new { status = "solved" })).ShouldBeAsync(HttpStatusCode.OK);
        }
        var admin = await app.AdminAsync();
        Assert.Equal(0, (await (await admin.PostAsync("/api/branches/SH/callbacks/sample", null)).JsonAsync())["added"]!.GetValue<int>());

        // Everything happened yesterday: the sample is taken the next day.
        await app.WithDbAsync(async db =>
        {
            var branch = await db.Branches.SingleAsync(b => b.Code == "SH");
            var yesterday = QueueClock.StartOfDayUtc(branch, DateTime.UtcNow).AddHours(-1);
            await db.QueueTickets.ExecuteUpdateAsync(s => s.SetProperty(t => t.BusinessDate, QueueClock.BusinessDate(branch, yesterday)));
            await db.Cases.ExecuteUpdateAsync(s => s.SetProperty(c => c.SolvedAt, yesterday));
            return 0;
        });
        Assert.Equal(2, (await (await admin.PostAsync("/api/branches/SH/callbacks/sample", null)).JsonAsync())["added"]!.GetValue<int>());
        var sampled = await app.WithDbAsync(db => db.CallBacks.AsNoTracking().ToListAsync());
        Assert.All(sampled, c => Assert.Equal("sampled", c.Reason));
        Assert.Contains(sampled, c => c.CustomerId == Guid.Parse(atCounter) && c.TicketId != null);
        Assert.Contains(sampled, c => c.CustomerId == Guid.Parse(byCase) && c.CaseId != null && cases.Contains(c.CaseId.Value));
        // Once a day per branch.
        Assert.Equal(0, (await (await admin.PostAsync("/api/branches/SH/callbacks/sample", null)).JsonAsync())["added"]!.GetValue<int>());
    }

    [Fact]
    public async Task Measures_AreForSupervisorsAndManagers_WithinTheirBranches()
    {
        var staff = await BranchAsync(app);
        await app.CreateBranchAsync("TPE");
        await (await staff.GetAsync("/api/feedback/summary?branch=SH")).ShouldBeAsync(HttpStatusCode.Forbidden);
        var taipei = await app.StaffAsync("Supervisor", "TPE");
        await (await taipei.GetAsync("/api/feedback/summary?branch=SH")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await taipei.GetAsync("/api/branches/SH/callbacks")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await taipei.GetAsync("/api/feedback/summary?branch=TPE")).ShouldBeAsync(HttpStatusCode.OK);
        await (await taipei.PutAsJsonAsync("/api/feedback/templates/" + Guid.NewGuid(), new { })).ShouldBeAsync(HttpStatusCode.Forbidden);
        await (await staff.GetAsync("/api/feedback/summary?branch=NOPE")).ShouldBeAsync(HttpStatusCode.Forbidden);
        await (await (await app.AdminAsync()).GetAsync("/api/feedback/summary?branch=NOPE")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Designer_BuildsAMultiQuestionSurvey_AndRefusesBadQuestions()
    {
        var admin = await app.AdminAsync();
        var bad = await (await admin.PostAsJsonAsync("/api/feedback/templates", new
        {
            code = "branch-visit", name = "Visit",
            questions = new object[] { new { id = "q1", type = "stars", text = "?" }, new { id = "q2", type = "csat", text = "How was it?", scale = 7 },
                new { id = "q3", type = "choice", text = "Why?", options = new[] { new { code = "a", text = "A" } } } },
        })).ProblemAsync(HttpStatusCode.BadRequest);
        foreach (var field in new[] { "questions[0].type", "questions[1].scale", "questions[2].options" })
            Assert.True(bad["errors"]!.AsObject().ContainsKey(field), field);

        var created = await (await admin.PostAsJsonAsync("/api/feedback/templates", new
        {
            code = "branch-visit", name = new Dictionary<string, string> { ["zh-CN"] = "网点体验", ["en-US"] = "Branch visit" },
            questions = new object[]
            {
                new { id = "csat", type = "csat", scale = 5, text = new Dictionary<string, string> { ["zh-CN"] = "您满意吗？", ["en-US"] = "Satisfied?" } },
                new { id = "clean", type = "choice", text = "Was the branch clean?", options = new[] { new { code = "yes", text = "Yes" }, new { code = "no", text = "No" } } },
                new { id = "nps", type = "nps", text = "Recommend us?" },
            },
        })).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(3, created["questions"]!.AsArray().Count);
        var listed = (await (await admin.GetAsync("/api/feedback/templates")).JsonAsync()).AsArray().Select(t => t!["code"]!.GetValue<string>()).ToList();
        Assert.Equal(["branch-visit", "case", "counter", "phone", "relationship"], listed);
    }

    public void Dispose() => app.Dispose();
}
