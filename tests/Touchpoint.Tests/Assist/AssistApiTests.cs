using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Touchpoint.Server.Features.Assist;
using Touchpoint.Tests.Infrastructure;
using Touchpoint.Tests.Teams;

namespace Touchpoint.Tests.Assist;

/// <summary>
/// Assist in the service desk through the API: every customer text analysed and stored, anger escalating a case to
/// the supervisors, intents routing new cases, corrections retraining the models, the reply check, and who may do what.
/// </summary>
public sealed class AssistApiTests : IDisposable
{
    private const string AngryText = "This is outrageous! I am furious, I have been waiting for two hours and your staff are useless and rude!!!";
    private readonly TouchpointFactory app = new(settings: new() { ["Assist:RetrainDelaySeconds"] = "0.1" });

    private async Task<HttpClient> StaffAsync(string role = "Frontline")
    {
        await app.CreateBranchAsync("SH");
        return await app.StaffAsync(role, "SH");
    }

    private static object NewCase(string subject, string description, string? category = null) => new
    {
        subject, description, channel = "phone", customer = new { name = "王小明", phone = "+86 138 0000 0000" }, category,
    };

    private async Task<Guid> CreateCaseAsync(HttpClient staff, string subject, string description, string? category = null) =>
        (await (await staff.PostAsJsonAsync("/api/cases", NewCase(subject, description, category))).JsonAsync(HttpStatusCode.Created))["id"]!.GetValue<Guid>();

    private Task DrainAsync() => app.Services.GetRequiredService<AssistQueue>().DrainAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

    private static async Task<JsonArray> AnalysesAsync(HttpClient staff, Guid caseId) =>
        (await (await staff.GetAsync($"/api/assist/cases/{caseId}")).JsonAsync()).AsArray();

    [Fact]
    public async Task NewCase_IsAnalysedAndStored_WithSentimentEmotionsAndIntent()
    {
        var staff = await StaffAsync();
        var id = await CreateCaseAsync(staff, "Lost card", "我的银行卡丢了，怎么办？请帮我挂失。");
        await DrainAsync();
        var analysis = Assert.Single(await AnalysesAsync(staff, id));
        Assert.Equal("case", analysis!["ownerKind"]!.GetValue<string>());
        Assert.False(analysis["pending"]!.GetValue<bool>());
        Assert.Equal("zh-Hans", analysis["language"]!.GetValue<string>());
        Assert.Equal("lost_card", analysis["intent"]!.GetValue<string>());
        Assert.Equal("Lost card", analysis["intentName"]!.GetValue<string>());
        Assert.NotNull(analysis["sentiment"]);

        var angry = await CreateCaseAsync(staff, "Complaint", AngryText);
        await DrainAsync();
        var a = Assert.Single(await AnalysesAsync(staff, angry))!;
        Assert.Equal("negative", a["sentiment"]!.GetValue<string>());
        Assert.True(a["emotions"]!["anger"]!.GetValue<float>() >= 0.3f);
    }

    [Fact]
    public async Task InboundEmail_IsAnalysedOnce_AsTheMessage()
    {
        await app.CreateBranchAsync("SH");
        var admin = await app.AdminAsync();
        var token = await (await admin.PostAsJsonAsync("/api/admin/api-tokens", new { name = "postfix", scopes = new[] { "channels.email" } }))
            .JsonAsync(HttpStatusCode.Created);
        var mailer = app.CreateClient();
        mailer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token["token"]!.GetValue<string>());
        var raw = Encoding.UTF8.GetBytes("From: Kim <kim@example.com>\r\nTo: service@bank.example\r\nSubject: 카드 분실\r\n"
            + "Message-ID: <k1@mail.example>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
            + "카드를 잃어버렸어요. 분실 신고를 하고 싶어요.\r\n");
        var content = new ByteArrayContent(raw);
        content.Headers.ContentType = new MediaTypeHeaderValue("message/rfc822");
        var opened = await (await mailer.PostAsync("/api/channels/email/inbound?branch=SH", content)).JsonAsync(HttpStatusCode.Created);
        await DrainAsync();
        var staff = await app.StaffAsync("Frontline", "SH");
        var analysis = Assert.Single(await AnalysesAsync(staff, opened["caseId"]!.GetValue<Guid>()))!;
        Assert.Equal("message", analysis["ownerKind"]!.GetValue<string>());
        Assert.Equal("ko", analysis["language"]!.GetValue<string>());
        Assert.Equal("lost_card", analysis["intent"]!.GetValue<string>());
    }

    [Fact]
    public async Task EncounterSummary_IsAnalysed()
    {
        var staff = await StaffAsync();
        var e = await (await staff.PostAsJsonAsync("/api/encounters", new { channel = "phone", summary = "客户很满意，非常感谢我们的帮助。" }))
            .JsonAsync(HttpStatusCode.Created);
        var id = e["id"]!.GetValue<Guid>();
        await DrainAsync();
        var list = await (await staff.GetAsync($"/api/assist/encounters?ids={id}")).JsonAsync();
        var analysis = Assert.Single(list.AsArray())!;
        Assert.Equal("positive", analysis["sentiment"]!.GetValue<string>());
        await app.CreateBranchAsync("BJ");
        var other = await app.StaffAsync("Frontline", "BJ");
        Assert.Empty((await (await other.GetAsync($"/api/assist/encounters?ids={id}")).JsonAsync()).AsArray());
    }

    [Fact]
    public async Task Anger_RaisesPriorityOneStep_AuditsIt_AndAlertsSupervisors()
    {
        var staff = await StaffAsync();
        var supervisorCookie = await app.StaffCookieAsync("Supervisor", "SH");
        var ws = app.Server.CreateWebSocketClient();
        ws.ConfigureRequest = r => r.Headers.Cookie = supervisorCookie;
        await using var supervisor = await SignalRTestClient.ConnectAsync(ws, app.Server.BaseAddress);
        await Task.Delay(200);

        var id = await CreateCaseAsync(staff, "Complaint about the counter", AngryText);
        await DrainAsync();
        var alert = await supervisor.WaitForEventAsync(AssistCaseEffects.EscalatedEvent, TimeSpan.FromSeconds(10));
        Assert.Equal(id, alert["data"]!["id"]!.GetValue<Guid>());
        Assert.Equal("normal", alert["data"]!["from"]!.GetValue<string>());
        Assert.Equal("high", alert["data"]!["priority"]!.GetValue<string>());
        var detail = await (await staff.GetAsync($"/api/cases/{id}")).JsonAsync();
        Assert.Equal("high", detail["priority"]!.GetValue<string>());
        var analysis = Assert.Single(await AnalysesAsync(staff, id))!;
        Assert.True(analysis["escalated"]!.GetValue<bool>());
        var audit = await app.WithDbAsync(db => db.AuditEntries.SingleAsync(x => x.Action == "case.priority_raised"));
        Assert.Equal("assist", audit.Actor);
        Assert.Contains("\"reason\"", audit.Details);

        // A calm case stays where it was.
        var calm = await CreateCaseAsync(staff, "Opening hours", "What time do you open on Saturday?");
        await DrainAsync();
        Assert.Equal("normal", (await (await staff.GetAsync($"/api/cases/{calm}")).JsonAsync())["priority"]!.GetValue<string>());
    }

    [Fact]
    public async Task IntentRoute_SendsNewCasesToTheTeamAndCategory_WithoutOverridingStaff()
    {
        var staff = await StaffAsync();
        var admin = await app.AdminAsync();
        // The route names a team: the one of that name in the case's branch.
        var team = await app.CreateTeamAsync("SH", "cards-team");
        await (await admin.PutAsJsonAsync("/api/assist/intents/lost_card", new
        {
            name = new JsonObject { ["zh-CN"] = "卡片挂失", ["en-US"] = "Lost card" }, examples = Array.Empty<string>(), routeTeam = "cards-team", routeCategory = "cards",
        })).ShouldBeAsync(HttpStatusCode.OK);
        var routed = await CreateCaseAsync(staff, "Card lost", "I lost my bank card yesterday, please block it.");
        var chosen = await CreateCaseAsync(staff, "Card lost", "I lost my bank card yesterday, please block it.", category: "fraud");
        await DrainAsync();
        var detail = await (await staff.GetAsync($"/api/cases/{routed}")).JsonAsync();
        Assert.Equal("cards-team", detail["team"]!.GetValue<string>());
        Assert.Equal(team, detail["teamId"]!.GetValue<Guid>());
        Assert.Equal("cards", detail["category"]!.GetValue<string>());
        var kept = await (await staff.GetAsync($"/api/cases/{chosen}")).JsonAsync();
        Assert.Equal("fraud", kept["category"]!.GetValue<string>());
        Assert.Equal("cards-team", kept["team"]!.GetValue<string>());
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(x => x.Action == "case.routed")));
    }

    [Fact]
    public async Task TaxonomyIntent_WithExamples_IsLearnedAfterRetraining()
    {
        var staff = await StaffAsync();
        var admin = await app.AdminAsync();
        var saved = await (await admin.PutAsJsonAsync("/api/assist/intents/mortgage", new
        {
            name = new JsonObject { ["zh-CN"] = "房贷咨询", ["zh-TW"] = "房貸諮詢", ["ko-KR"] = "주택담보대출", ["en-US"] = "Mortgage" },
            examples = new[]
            {
                "I want to apply for a mortgage", "What is the mortgage interest rate?", "How much can I borrow to buy a house?",
                "Can I repay my mortgage early?", "我想申请房贷", "房贷利率是多少？", "提前还房贷需要什么手续？", "주택담보대출을 신청하고 싶어요",
            },
            routeTeam = "loans",
        })).JsonAsync();
        Assert.Equal(8, saved["examples"]!.AsArray().Count);
        await app.Services.GetRequiredService<AssistTraining>().RetrainAsync(CancellationToken.None);
        var analysed = await (await staff.PostAsJsonAsync("/api/assist/analyse", new { text = "What mortgage rate would I get for a new house?" })).JsonAsync();
        Assert.Equal("mortgage", analysed["intent"]!.GetValue<string>());
        Assert.Equal("Mortgage", analysed["intentName"]!.GetValue<string>());
        var intents = await (await staff.GetAsync("/api/assist/intents")).JsonAsync();
        Assert.Contains(intents.AsArray(), i => i!["key"]!.GetValue<string>() == "mortgage");

        await (await admin.DeleteAsync("/api/assist/intents/mortgage")).ShouldBeAsync(HttpStatusCode.NoContent);
        await app.Services.GetRequiredService<AssistTraining>().RetrainAsync(CancellationToken.None);
        var after = await (await staff.PostAsJsonAsync("/api/assist/analyse", new { text = "What mortgage rate would I get for a new house?" })).JsonAsync();
        Assert.NotEqual("mortgage", after["intent"]!.GetValue<string>());
    }

    [Fact]
    public async Task Correction_IsStoredAudited_AndRetrainsTheModel()
    {
        var staff = await StaffAsync();
        const string text = "My card got eaten by the machine outside";
        var id = await CreateCaseAsync(staff, "ATM", text);
        await DrainAsync();
        var before = Assert.Single(await AnalysesAsync(staff, id))!;
        var caseText = "ATM\n" + text;
        var predicted = (await (await staff.PostAsJsonAsync("/api/assist/analyse", new { text = caseText })).JsonAsync())["intent"]!.GetValue<string>();
        var target = predicted == "complaint" ? "fees" : "complaint";

        var corrected = await (await staff.PostAsJsonAsync($"/api/assist/analyses/case/{id}/correction", new { intent = target, sentiment = "negative" }))
            .JsonAsync();
        Assert.Equal(target, corrected["intent"]!.GetValue<string>());
        Assert.True(corrected["intentCorrected"]!.GetValue<bool>());
        Assert.Equal(before["ownerId"]!.GetValue<Guid>(), corrected["ownerId"]!.GetValue<Guid>());
        Assert.Equal(2, await app.WithDbAsync(db => db.AssistExamples.CountAsync(e => e.Source == "correction")));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(x => x.Action == "assist.corrected")));

        // The debounced retraining runs in the background (0.1 s in this test): the same words now read as staff said.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        string now;
        do
        {
            await Task.Delay(200);
            now = (await (await staff.PostAsJsonAsync("/api/assist/analyse", new { text = caseText })).JsonAsync())["intent"]!.GetValue<string>();
        } while (now != target && DateTime.UtcNow < deadline);
        Assert.Equal(target, now);
        Assert.True(await app.WithDbAsync(db => db.AssistModels.AllAsync(m => m.Version >= 2)));
    }

    [Theory]
    [InlineData("en-US", "Sorry, we can't do it on Monday or Tuesday.", "negativeWording")]
    [InlineData("zh-CN", "周一周二我们不能安排。", "negativeWording")]
    [InlineData("zh-TW", "週一週二我們無法安排。", "negativeWording")]
    [InlineData("ko-KR", "월요일이나 화요일은 안 됩니다.", "negativeWording")]
    [InlineData("en-US", "You should have brought your ID card, as I already told you.", "blaming")]
    [InlineData("zh-CN", "这不是我们的问题，你应该早点来。", "blaming")]
    [InlineData("zh-TW", "這不是我們的問題，你應該早點來。", "blaming")]
    [InlineData("ko-KR", "이미 말씀드렸는데 신분증을 가져오셨어야 합니다.", "blaming")]
    public async Task ReplyCheck_FlagsNegativeAndBlamingWording_InEachLanguage(string language, string text, string kind)
    {
        var staff = await StaffAsync();
        var result = await (await staff.PostAsJsonAsync("/api/assist/reply-check", new { text, language })).JsonAsync();
        Assert.Equal(language, result["language"]!.GetValue<string>());
        var findings = result["findings"]!.AsArray();
        var finding = findings.First(f => f!["kind"]!.GetValue<string>() == kind)!;
        Assert.False(string.IsNullOrEmpty(finding["suggestion"]!.GetValue<string>()));
        Assert.Equal(finding["match"]!.GetValue<string>(), text.Substring(finding["start"]!.GetValue<int>(), finding["match"]!.GetValue<string>().Length));
        // Bad news without a word for the customer's feelings.
        if (kind == "blaming") Assert.Contains(findings, f => f!["kind"]!.GetValue<string>() == "missingEmpathy");
    }

    [Theory]
    [InlineData("en-US", "I understand how frustrating this is. We can arrange it on Wednesday at 10:00. Does that work for you?")]
    [InlineData("zh-CN", "给您带来不便非常抱歉，我们可以在周三为您安排，您看可以吗？")]
    [InlineData("zh-TW", "造成您的不便非常抱歉，我們可以在週三為您安排，您看可以嗎？")]
    [InlineData("ko-KR", "불편을 드려 죄송합니다. 수요일에 처리해 드릴 수 있는데 괜찮으실까요?")]
    public async Task ReplyCheck_PassesThePositiveForm_AndDetectsTheLanguage(string language, string text)
    {
        var staff = await StaffAsync();
        var result = await (await staff.PostAsJsonAsync("/api/assist/reply-check", new { text })).JsonAsync();
        Assert.Equal(language, result["language"]!.GetValue<string>());
        Assert.Empty(result["findings"]!.AsArray());
    }

    [Fact]
    public async Task ReplyCheck_AsksForEmpathy_WhenTheCustomerIsUpset_AndForConfirmation()
    {
        var staff = await StaffAsync();
        var id = await CreateCaseAsync(staff, "Complaint", AngryText);
        await DrainAsync();
        const string reply = "We will call you back tomorrow morning with the result of the review.";
        var withCase = await (await staff.PostAsJsonAsync("/api/assist/reply-check", new { text = reply, caseId = id })).JsonAsync();
        var kinds = withCase["findings"]!.AsArray().Select(f => f!["kind"]!.GetValue<string>()).ToList();
        Assert.Equal(["missingEmpathy", "missingConfirmation"], kinds);
        var alone = await (await staff.PostAsJsonAsync("/api/assist/reply-check", new { text = reply })).JsonAsync();
        Assert.Equal(["missingConfirmation"], alone["findings"]!.AsArray().Select(f => f!["kind"]!.GetValue<string>()).ToList());
    }

    [Fact]
    public async Task Endpoints_CheckRolesBranchesAndInput()
    {
        var frontline = await StaffAsync();
        var anonymous = app.CreateClient();
        await (await anonymous.PostAsJsonAsync("/api/assist/analyse", new { text = "hi" })).ShouldBeAsync(HttpStatusCode.Unauthorized);
        var reviewer = await app.StaffAsync("QualityReviewer", "SH");
        await (await reviewer.PostAsJsonAsync("/api/assist/reply-check", new { text = "hi" })).ShouldBeAsync(HttpStatusCode.Forbidden);
        await (await frontline.PutAsJsonAsync("/api/assist/intents/x", new { name = "X" })).ShouldBeAsync(HttpStatusCode.Forbidden);
        await (await frontline.GetAsync("/api/assist/models")).ShouldBeAsync(HttpStatusCode.Forbidden);

        var bad = await (await frontline.PostAsJsonAsync("/api/assist/reply-check", new { text = "", language = "fr-FR" })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(bad["errors"]!["text"]);
        Assert.NotNull(bad["errors"]!["language"]);
        await (await frontline.PostAsJsonAsync("/api/assist/analyse", new { text = "" })).ProblemAsync(HttpStatusCode.BadRequest);
        var admin = await app.AdminAsync();
        var badIntent = await (await admin.PutAsJsonAsync("/api/assist/intents/Bad-Key", new { })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(badIntent["errors"]!["key"]);
        Assert.NotNull(badIntent["errors"]!["name"]);

        var id = await CreateCaseAsync(frontline, "Lost card", "I lost my card");
        await DrainAsync();
        await (await frontline.GetAsync($"/api/assist/cases/{Guid.NewGuid()}")).ShouldBeAsync(HttpStatusCode.NotFound);
        await (await frontline.PostAsJsonAsync($"/api/assist/analyses/case/{Guid.NewGuid()}/correction", new { sentiment = "negative" }))
            .ShouldBeAsync(HttpStatusCode.NotFound);
        var badCorrection = await (await frontline.PostAsJsonAsync($"/api/assist/analyses/case/{id}/correction", new { sentiment = "angry", intent = "nope" }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(badCorrection["errors"]!["sentiment"]);
        Assert.NotNull(badCorrection["errors"]!["intent"]);

        await app.CreateBranchAsync("BJ");
        var elsewhere = await app.StaffAsync("Frontline", "BJ");
        await (await elsewhere.GetAsync($"/api/assist/cases/{id}")).ShouldBeAsync(HttpStatusCode.Forbidden);
        await (await elsewhere.PostAsJsonAsync($"/api/assist/analyses/case/{id}/correction", new { sentiment = "positive" })).ShouldBeAsync(HttpStatusCode.Forbidden);
        await (await elsewhere.PostAsJsonAsync("/api/assist/reply-check", new { text = "ok", caseId = id })).ShouldBeAsync(HttpStatusCode.Forbidden);
    }

    public void Dispose() => app.Dispose();
}

/// <summary>The optional reply drafting, against a small OpenAI-compatible server in the test.</summary>
public sealed class ReplyDraftingTests : IDisposable
{
    private readonly System.Net.HttpListener llm = new();
    private readonly string url;
    private readonly List<JsonNode> received = [];

    public ReplyDraftingTests()
    {
        var port = System.Net.Sockets.TcpListener.Create(0) is var probe && Start(probe) is var p ? p : 0;
        url = $"http://127.0.0.1:{port}/v1/";
        llm.Prefixes.Add(url);
        llm.Start();
        _ = Task.Run(async () =>
        {
            while (llm.IsListening)
            {
                var ctx = await llm.GetContextAsync();
                using (var reader = new StreamReader(ctx.Request.InputStream)) received.Add(JsonNode.Parse(await reader.ReadToEndAsync())!
                    .AsObject().Also(o => o["authorization"] = ctx.Request.Headers["Authorization"]).Also(o => o["path"] = ctx.Request.Url!.AbsolutePath));
                var answer = Encoding.UTF8.GetBytes("""{"choices":[{"message":{"role":"assistant","content":"I'm sorry for the wait. We can arrange it on Wednesday. Does that work for you?"}}]}""");
                ctx.Response.ContentType = "application/json";
                await ctx.Response.OutputStream.WriteAsync(answer);
                ctx.Response.Close();
            }
        });
    }

    private static int Start(System.Net.Sockets.TcpListener probe)
    {
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    [Fact]
    public async Task Draft_SendsTheMaskedThread_AndChecksTheDraft()
    {
        using var app = new TouchpointFactory(settings: new() { ["Assist:LlmUrl"] = url, ["Assist:LlmKey"] = "k-123", ["Assist:LlmModel"] = "tiny" });
        await app.CreateBranchAsync("SH");
        var staff = await app.StaffAsync("Frontline", "SH");
        var id = (await (await staff.PostAsJsonAsync("/api/cases", new
        {
            subject = "Appointment", description = "Can I come on Monday?", channel = "phone",
            customer = new { name = "Freya Clarke", phone = "+44 20 7946 0000", email = "freya@example.co.uk" },
        })).JsonAsync(HttpStatusCode.Created))["id"]!.GetValue<Guid>();
        Assert.True((await (await staff.GetAsync("/api/assist/capabilities")).JsonAsync())["draftReplies"]!.GetValue<bool>());
        var draft = await (await staff.PostAsJsonAsync("/api/assist/reply-draft", new { caseId = id })).JsonAsync();
        Assert.StartsWith("I'm sorry for the wait", draft["draft"]!.GetValue<string>());
        Assert.Empty(draft["check"]!["findings"]!.AsArray());
        var sent = Assert.Single(received);
        Assert.Equal("/v1/chat/completions", sent["path"]!.GetValue<string>());
        Assert.Equal("Bearer k-123", sent["authorization"]!.GetValue<string>());
        Assert.Equal("tiny", sent["model"]!.GetValue<string>());
        var prompt = sent["messages"]!.ToJsonString();
        Assert.Contains("Can I come on Monday?", prompt);
        Assert.DoesNotContain("Clarke", prompt);
        Assert.DoesNotContain("7946", prompt);
        Assert.DoesNotContain("freya@", prompt);

        using var without = new TouchpointFactory();
        await without.CreateBranchAsync("SH");
        var other = await without.StaffAsync("Frontline", "SH");
        Assert.False((await (await other.GetAsync("/api/assist/capabilities")).JsonAsync())["draftReplies"]!.GetValue<bool>());
        await (await other.PostAsJsonAsync("/api/assist/reply-draft", new { caseId = Guid.NewGuid() })).ProblemAsync(HttpStatusCode.NotFound);
    }

    public void Dispose() => llm.Close();
}

internal static class JsonObjectExtensions
{
    public static JsonObject Also(this JsonObject o, Action<JsonObject> change)
    {
        change(o);
        return o;
    }
}
