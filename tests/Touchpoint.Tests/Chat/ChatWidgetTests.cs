using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Touchpoint.Server.Features.Cases;
using Touchpoint.Server.Features.Chat;
using Touchpoint.Tests.Infrastructure;

namespace Touchpoint.Tests.Chat;

/// <summary>The web chat from the visitor's side: the widget's files, start and resume with the token, messages both ways in real time.</summary>
public sealed class ChatWidgetTests : IDisposable
{
    // These tests are about the chat itself: no self-service bot in front of staff.
    internal static Dictionary<string, string?> NoBot() => new() { ["Chat:Bot:Enabled"] = "false" };

    private readonly TouchpointFactory app = new(settings: NoBot());

    internal static async Task<(HttpClient Visitor, JsonNode Started)> StartAsync(TouchpointFactory app, object body)
    {
        var visitor = app.CreateClient();
        var started = await (await visitor.PostAsJsonAsync("/api/chat/visitor/conversations", body)).JsonAsync(HttpStatusCode.Created);
        visitor.DefaultRequestHeaders.Add("X-Chat-Token", started["token"]!.GetValue<string>());
        return (visitor, started);
    }

    [Fact]
    public async Task Widget_IsOneScript_ThatFramesTheChatFromTheServer()
    {
        var client = app.CreateClient();
        var script = await client.GetAsync("/chat/widget.js");
        await script.ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        var js = await script.Content.ReadAsStringAsync();
        Assert.Contains("/chat/frame?branch=", js);
        Assert.Contains("data-language", js);
        var frame = await client.GetAsync("/chat/frame?branch=SH&lang=ko-KR");
        await frame.ShouldBeAsync(HttpStatusCode.OK);
        var html = await frame.Content.ReadAsStringAsync();
        foreach (var text in new[] { "채팅 상담", "在线咨询", "線上諮詢", "Chat with us" }) Assert.Contains(text, html);
        Assert.False(frame.Headers.Contains("X-Frame-Options"));
    }

    [Fact]
    public async Task Visitor_StartsAndResumesWithTheToken_WhichIsStoredOnlyHashed()
    {
        await app.CreateBranchAsync("SH");
        var (visitor, started) = await StartAsync(app, new { branch = "SH", language = "ko-KR", message = "카드 분실 신고를 하고 싶어요", pageUrl = "https://bank.example/help?ref=mail" });
        var token = started["token"]!.GetValue<string>();
        Assert.StartsWith("tpc_", token);
        Assert.True(token.Length > 40);
        Assert.Equal("waiting", started["conversation"]!["status"]!.GetValue<string>());

        // A reload: a fresh client with only the token sees the conversation again.
        var resumed = await (await visitor.GetAsync("/api/chat/visitor/conversation")).JsonAsync();
        Assert.Equal(started["conversation"]!["id"]!.GetValue<string>(), resumed["id"]!.GetValue<string>());
        Assert.Equal("카드 분실 신고를 하고 싶어요", resumed["messages"]![0]!["body"]!.GetValue<string>());
        Assert.Equal("ko-KR", resumed["language"]!.GetValue<string>());

        var stored = await app.WithDbAsync(db => db.ChatConversations.SingleAsync());
        Assert.NotEqual(token, stored.VisitorTokenHash);
        Assert.Equal(Touchpoint.Server.Platform.Identity.SecretTokens.Hash(token), stored.VisitorTokenHash);
        Assert.Equal("https://bank.example/help", stored.PageUrl);

        var stranger = app.CreateClient();
        stranger.DefaultRequestHeaders.Add("X-Chat-Token", "tpc_" + new string('x', 43));
        await (await stranger.GetAsync("/api/chat/visitor/conversation")).ProblemAsync(HttpStatusCode.NotFound);
        var missing = await (await app.CreateClient().GetAsync("/api/chat/visitor/conversation")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(missing["errors"]!["X-Chat-Token"]);
    }

    [Fact]
    public async Task BadInput_NamesTheField()
    {
        await app.CreateBranchAsync("SH");
        var client = app.CreateClient();
        var problem = await (await client.PostAsJsonAsync("/api/chat/visitor/conversations",
            new { branch = "NOPE", email = "not-an-email", message = new string('a', 2001) })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["branch"]);
        Assert.NotNull(problem["errors"]!["email"]);
        Assert.NotNull(problem["errors"]!["message"]);
        var (visitor, _) = await StartAsync(app, new { branch = "SH" });
        var empty = await (await visitor.PostAsJsonAsync("/api/chat/visitor/messages", new { body = " " })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(empty["errors"]!["body"]);
        var wait = await (await visitor.GetAsync("/api/chat/visitor/updates?wait=99")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(wait["errors"]!["wait"]);
    }

    [Fact]
    public async Task Messages_TravelBothWays_InRealTime()
    {
        await app.CreateBranchAsync("SH");
        var cookie = await app.StaffCookieAsync("Frontline", "SH");
        var ws = app.Server.CreateWebSocketClient();
        ws.ConfigureRequest = r => r.Headers.Cookie = cookie;
        await using var console = await SignalRTestClient.ConnectAsync(ws, app.Server.BaseAddress);
        await Task.Delay(200);

        var (visitor, started) = await StartAsync(app, new { branch = "SH", language = "zh-CN" });
        var id = started["conversation"]!["id"]!.GetValue<string>();
        await console.WaitForEventAsync("chat.changed", TimeSpan.FromSeconds(10));
        await (await visitor.PostAsJsonAsync("/api/chat/visitor/messages", new { body = "你好，我想查询转账进度" })).ShouldBeAsync(HttpStatusCode.Created);
        var evt = await console.WaitForEventAsync("chat.message", TimeSpan.FromSeconds(10));
        Assert.Equal(id, evt["data"]!["id"]!.GetValue<string>());
        Assert.Equal("visitor", evt["data"]!["sender"]!.GetValue<string>());
        await (await visitor.PostAsync("/api/chat/visitor/typing", null)).ShouldBeAsync(HttpStatusCode.NoContent);
        await console.WaitForEventAsync("chat.typing", TimeSpan.FromSeconds(10));

        var frontline = await app.StaffAsync("Frontline", "SH");
        var accepted = await (await frontline.PostAsync($"/api/chats/{id}/accept", null)).JsonAsync();
        Assert.Equal("active", accepted["summary"]!["status"]!.GetValue<string>());

        // The visitor's long poll is waiting when the reply is sent, and returns with it at once.
        var poll = visitor.GetAsync("/api/chat/visitor/updates?after=1&status=active&wait=25");
        await Task.Delay(300);
        var clock = Stopwatch.StartNew();
        await (await frontline.PostAsJsonAsync($"/api/chats/{id}/messages", new { body = "您好，我来帮您查询。" })).ShouldBeAsync(HttpStatusCode.Created);
        var update = await (await poll).JsonAsync();
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"The reply took {clock.Elapsed} to reach the visitor.");
        Assert.Contains(update["messages"]!.AsArray(), m => m!["body"]!.GetValue<string>() == "您好，我来帮您查询。" && m["sender"]!.GetValue<string>() == "staff");
    }

    [Fact]
    public async Task VisitorWhoLeftAnEmail_AndGotNoAnswer_GetsACaseWithTheTranscript()
    {
        await app.CreateBranchAsync("SH");
        var (visitor, started) = await StartAsync(app, new { branch = "SH", language = "en-US", message = "My card was swallowed by the ATM." });
        var contact = await (await visitor.PutAsJsonAsync("/api/chat/visitor/contact", new { name = "Olivia Smith", email = "Olivia@Example.com" })).JsonAsync();
        Assert.True(contact["contactLeft"]!.GetValue<bool>());
        var ended = await (await visitor.PostAsync("/api/chat/visitor/end", null)).JsonAsync();
        Assert.Equal("ended", ended["status"]!.GetValue<string>());

        var id = Guid.Parse(started["conversation"]!["id"]!.GetValue<string>());
        var (chat, encounter, kase) = await app.WithDbAsync(async db =>
        {
            var c = await db.ChatConversations.SingleAsync(x => x.Id == id);
            return (c, await db.Encounters.SingleAsync(e => e.Id == c.EncounterId), await db.Cases.SingleAsync(x => x.Id == c.CaseId));
        });
        Assert.Equal("webChat", encounter.Channel);
        Assert.Equal("online", encounter.Mode);
        Assert.Equal("followUp", encounter.Outcome);
        Assert.Equal(chat.CustomerId, encounter.CustomerId);
        Assert.NotNull(chat.CustomerId);
        Assert.Equal(kase.Id, encounter.CaseId);
        Assert.Equal("olivia@example.com", kase.CustomerEmail);
        Assert.Equal("webChat", kase.Channel);
        Assert.Contains("My card was swallowed by the ATM.", kase.Description);
        var contactKind = await app.WithDbAsync(db => db.CustomerContacts.Where(x => x.CustomerId == chat.CustomerId).Select(x => x.Value).SingleAsync());
        Assert.Equal("olivia@example.com", contactKind);
        await (await visitor.PostAsJsonAsync("/api/chat/visitor/messages", new { body = "hello?" })).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task AVisitor_WhoSendsTooFast_IsSlowedDown_PerConversation()
    {
        using var limited = new TouchpointFactory(settings: new() { ["RateLimits:ChatMessagesPerMinute"] = "3", ["Chat:Bot:Enabled"] = "false" });
        await limited.CreateBranchAsync("SH");
        var (visitor, _) = await StartAsync(limited, new { branch = "SH", message = "one" });
        for (var i = 0; i < 3; i++) await (await visitor.PostAsJsonAsync("/api/chat/visitor/messages", new { body = "again " + i })).ShouldBeAsync(HttpStatusCode.Created);
        var refused = await visitor.PostAsJsonAsync("/api/chat/visitor/messages", new { body = "and again" });
        await refused.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.True(refused.Headers.Contains("Retry-After"));
        // Another visitor behind the same address has an allowance of their own.
        var (other, _) = await StartAsync(limited, new { branch = "SH" });
        await (await other.PostAsJsonAsync("/api/chat/visitor/messages", new { body = "hello" })).ShouldBeAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task AChatLeftIdle_EndsByItself_AndAnUnansweredVisitorWithAnEmailGetsACase()
    {
        using var quick = new TouchpointFactory(settings: new() { ["Chat:IdleMinutes"] = "0.02", ["Chat:Bot:Enabled"] = "false" });
        await quick.CreateBranchAsync("SH");
        var (visitor, _) = await StartAsync(quick, new { branch = "SH", email = "chen@example.tw", language = "zh-TW", message = "請問外幣帳戶怎麼開？" });
        var deadline = DateTime.UtcNow.AddSeconds(20);
        JsonNode view;
        do
        {
            await Task.Delay(300);
            view = await (await visitor.GetAsync("/api/chat/visitor/conversation")).JsonAsync();
        } while (view["status"]!.GetValue<string>() != "ended" && DateTime.UtcNow < deadline);
        Assert.Equal("ended", view["status"]!.GetValue<string>());
        // The status turns first; the transcript's encounter and the case follow within the same sweep.
        SupportCase? kase;
        while ((kase = await quick.WithDbAsync(db => db.Cases.SingleOrDefaultAsync())) is null && DateTime.UtcNow < deadline) await Task.Delay(100);
        Assert.NotNull(kase);
        Assert.Equal("chen@example.tw", kase.CustomerEmail);
        Assert.Equal("zh-TW", kase.Language);
    }

    public void Dispose() => app.Dispose();
}
