using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Touchpoint.Server.Features.Chat;
using Touchpoint.Tests.Infrastructure;

namespace Touchpoint.Tests.Chat;

/// <summary>The staff side: waiting lists per branch, accept (one wins), reply, transfer, end into an encounter, case, scoping.</summary>
public sealed class ChatConsoleTests : IDisposable
{
    private readonly TouchpointFactory app = new(settings: ChatWidgetTests.NoBot());

    [Fact]
    public async Task TwoStaffAcceptingAtOnce_ExactlyOneWins()
    {
        await app.CreateBranchAsync("SH");
        var first = await app.StaffAsync("Frontline", "SH");
        var second = await app.StaffAsync("Frontline", "SH");
        for (var round = 0; round < 5; round++)
        {
            var (_, started) = await ChatWidgetTests.StartAsync(app, new { branch = "SH", message = "Hello " + round });
            var id = started["conversation"]!["id"]!.GetValue<string>();
            var answers = await Task.WhenAll(first.PostAsync($"/api/chats/{id}/accept", null), second.PostAsync($"/api/chats/{id}/accept", null));
            Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
            var loser = Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Conflict);
            await loser.ProblemAsync(HttpStatusCode.Conflict);
            var winner = answers[0].StatusCode == HttpStatusCode.OK ? first : second;
            var other = winner == first ? second : first;
            await (await winner.PostAsJsonAsync($"/api/chats/{id}/messages", new { body = "Good morning" })).ShouldBeAsync(HttpStatusCode.Created);
            await (await other.PostAsJsonAsync($"/api/chats/{id}/messages", new { body = "Me too" })).ProblemAsync(HttpStatusCode.Conflict);
        }
    }

    [Fact]
    public async Task EndingAChat_MakesAnEncounter_RunsTheEndedHook_AndStaffCanOpenACase()
    {
        var heard = new ChatEndedRecorder();
        using var hooked = new TouchpointFactory(settings: ChatWidgetTests.NoBot(), services: s => s.AddSingleton<IChatEndedHandler>(heard));
        await hooked.CreateBranchAsync("SH");
        var visitor = hooked.CreateClient();
        var started = await (await visitor.PostAsJsonAsync("/api/chat/visitor/conversations",
            new { branch = "SH", name = "王小明", email = "xm@example.cn", message = "我的网银登录不了" })).JsonAsync(HttpStatusCode.Created);
        var id = started["conversation"]!["id"]!.GetValue<string>();
        var staff = await hooked.StaffAsync("Frontline", "SH");
        await (await staff.PostAsync($"/api/chats/{id}/accept", null)).ShouldBeAsync(HttpStatusCode.OK);
        await (await staff.PostAsJsonAsync($"/api/chats/{id}/messages", new { body = "您好，请问提示什么错误？" })).ShouldBeAsync(HttpStatusCode.Created);
        var detail = await (await staff.GetAsync($"/api/chats/{id}")).JsonAsync();
        Assert.Equal("x***@example.cn", detail["visitorEmail"]!.GetValue<string>());
        Assert.Equal("王**", detail["summary"]!["visitorName"]!.GetValue<string>());

        var ended = await (await staff.PostAsync($"/api/chats/{id}/end", null)).JsonAsync();
        Assert.Equal("ended", ended["summary"]!["status"]!.GetValue<string>());
        await (await staff.PostAsync($"/api/chats/{id}/end", null)).ProblemAsync(HttpStatusCode.Conflict);
        var encounterId = Guid.Parse(ended["encounterId"]!.GetValue<string>());
        var encounter = await hooked.WithDbAsync(db => db.Encounters.SingleAsync(e => e.Id == encounterId));
        Assert.Equal("webChat", encounter.Channel);
        Assert.Equal("online", encounter.Mode);
        Assert.Equal("resolved", encounter.Outcome);
        Assert.NotNull(encounter.StaffUserId);
        Assert.Equal(detail["customerId"]!.GetValue<Guid>(), encounter.CustomerId);
        Assert.Null(ended["caseId"]); // answered, so no automatic case

        var hook = Assert.Single(heard.Ended);
        Assert.Equal(Guid.Parse(id), hook.ConversationId);
        Assert.Equal(encounterId, hook.EncounterId);
        Assert.True(hook.Answered);
        Assert.Equal("SH", hook.BranchCode);

        var kase = await (await staff.PostAsJsonAsync($"/api/chats/{id}/case", new { subject = "网银无法登录" })).JsonAsync(HttpStatusCode.Created);
        Assert.StartsWith("TP-", kase["reference"]!.GetValue<string>());
        var linked = await hooked.WithDbAsync(db => db.Encounters.SingleAsync(e => e.Id == encounterId));
        Assert.Equal(kase["caseId"]!.GetValue<Guid>(), linked.CaseId);
        var caseDetail = await (await staff.GetAsync($"/api/cases/{kase["caseId"]}")).JsonAsync();
        Assert.Contains("我的网银登录不了", caseDetail["description"]!.GetValue<string>());
        await (await staff.PostAsJsonAsync($"/api/chats/{id}/case", new { })).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Staff_SeeAndWorkOnlyTheirBranchesChats_AndTransferMovesAChat()
    {
        await app.CreateBranchAsync("SH");
        await app.CreateBranchAsync("TPE");
        var (_, started) = await ChatWidgetTests.StartAsync(app, new { branch = "SH", message = "hello" });
        var id = started["conversation"]!["id"]!.GetValue<string>();
        var shanghai = await app.StaffAsync("Frontline", "SH");
        var taipei = await app.StaffAsync("Frontline", "TPE");
        var trainer = await app.StaffAsync("Trainer", "SH");

        Assert.Single((await (await shanghai.GetAsync("/api/chats")).JsonAsync()).AsArray());
        Assert.Empty((await (await taipei.GetAsync("/api/chats")).JsonAsync()).AsArray());
        await (await taipei.GetAsync($"/api/chats/{id}")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await taipei.PostAsync($"/api/chats/{id}/accept", null)).ProblemAsync(HttpStatusCode.Forbidden);
        var scoped = await (await taipei.GetAsync("/api/chats?branch=SH")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(scoped["errors"]!["branch"]);
        await (await trainer.GetAsync("/api/chats")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await app.CreateClient().GetAsync("/api/chats")).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await shanghai.GetAsync($"/api/chats/{Guid.NewGuid()}")).ProblemAsync(HttpStatusCode.NotFound);
        var badStatus = await (await shanghai.GetAsync("/api/chats?status=lost")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(badStatus["errors"]!["status"]);

        await (await shanghai.PostAsync($"/api/chats/{id}/accept", null)).ShouldBeAsync(HttpStatusCode.OK);
        // Handed to a person only if they work cases in the chat's branch: not a trainer, not Taipei staff for Shanghai.
        foreach (var who in new[] { trainer, taipei })
        {
            var userId = (await (await who.GetAsync("/api/me")).JsonAsync())["id"]!.GetValue<Guid>();
            var refused = await (await shanghai.PostAsJsonAsync($"/api/chats/{id}/transfer", new { userId })).ProblemAsync(HttpStatusCode.BadRequest);
            Assert.NotNull(refused["errors"]!["userId"]);
        }
        var moved = await (await shanghai.PostAsJsonAsync($"/api/chats/{id}/transfer", new { branch = "TPE" })).JsonAsync();
        Assert.Equal("TPE", moved["summary"]!["branch"]!.GetValue<string>());
        Assert.Equal("waiting", moved["summary"]!["status"]!.GetValue<string>());
        Assert.Single((await (await taipei.GetAsync("/api/chats?status=waiting")).JsonAsync()).AsArray());
        await (await shanghai.GetAsync($"/api/chats/{id}")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await taipei.PostAsync($"/api/chats/{id}/accept", null)).ShouldBeAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ErasingTheCustomer_RemovesWhatWasWrittenInTheirChats()
    {
        await app.CreateBranchAsync("SH");
        var (_, started) = await ChatWidgetTests.StartAsync(app, new { branch = "SH", name = "Li Lei", email = "lilei@example.cn", message = "My account number is 6222 0000 1111" });
        var id = Guid.Parse(started["conversation"]!["id"]!.GetValue<string>());
        var customerId = await app.WithDbAsync(db => db.ChatConversations.Where(c => c.Id == id).Select(c => c.CustomerId).SingleAsync());
        var admin = await app.AdminAsync();
        await (await admin.PostAsJsonAsync($"/api/customers/{customerId}/erase", new { reason = "Request by letter of 20 November" })).ShouldBeAsync(HttpStatusCode.OK);
        var (chat, bodies) = await app.WithDbAsync(async db => (await db.ChatConversations.SingleAsync(c => c.Id == id),
            await db.ChatMessages.Where(m => m.ConversationId == id).Select(m => m.Body).ToListAsync()));
        Assert.Null(chat.VisitorEmail);
        Assert.Null(chat.VisitorName);
        Assert.All(bodies, b => Assert.Equal(ChatHistorySource.ErasedText, b));
        Assert.Equal(1, chat.LastSeq);
    }

    public void Dispose() => app.Dispose();
}

internal sealed class ChatEndedRecorder : IChatEndedHandler
{
    public List<ChatEnded> Ended { get; } = [];
    public Task HandleAsync(ChatEnded chat, CancellationToken ct) { lock (Ended) Ended.Add(chat); return Task.CompletedTask; }
}
