using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Features.Chat;
using Touchpoint.Tests.Chat;
using Touchpoint.Tests.Infrastructure;

namespace Touchpoint.Tests.Postgres;

/// <summary>The chat's core path on PostgreSQL: line numbers and accept under concurrency (row locks), long poll, end, replay receipts.</summary>
public sealed class PostgresChatTests
{
    [PostgresFact]
    public async Task ChatCorePath_OnPostgres()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        using var app = new TouchpointFactory(postgresConnectionString: database.ConnectionString, settings: ChatWidgetTests.NoBot());
        await app.CreateBranchAsync("SH");
        var (visitor, started) = await ChatWidgetTests.StartAsync(app, new { branch = "SH", language = "zh-CN", email = "li@example.cn", message = "你好" });
        var id = started["conversation"]!["id"]!.GetValue<string>();
        var first = await app.StaffAsync("Frontline", "SH");
        var second = await app.StaffAsync("Frontline", "SH");
        var accepts = await Task.WhenAll(first.PostAsync($"/api/chats/{id}/accept", null), second.PostAsync($"/api/chats/{id}/accept", null));
        Assert.Single(accepts, a => a.StatusCode == HttpStatusCode.OK);
        Assert.Single(accepts, a => a.StatusCode == HttpStatusCode.Conflict);
        var staff = accepts[0].StatusCode == HttpStatusCode.OK ? first : second;

        // Visitor and staff write at once: every line gets its own number, none lost.
        var poll = visitor.GetAsync("/api/chat/visitor/updates?after=1&status=active&wait=20");
        var writes = Enumerable.Range(0, 10).Select(i => i % 2 == 0
            ? visitor.PostAsJsonAsync("/api/chat/visitor/messages", new { body = "访客 " + i })
            : staff.PostAsJsonAsync($"/api/chats/{id}/messages", new { body = "客服 " + i }));
        foreach (var r in await Task.WhenAll(writes)) await r.ShouldBeAsync(HttpStatusCode.Created);
        var update = await (await poll).JsonAsync();
        Assert.NotEmpty(update["messages"]!.AsArray());
        var seqs = await app.WithDbAsync(db => db.ChatMessages.Select(m => m.Seq).OrderBy(s => s).ToListAsync());
        Assert.Equal(Enumerable.Range(1, 11), seqs);

        var ended = await (await staff.PostAsync($"/api/chats/{id}/end", null)).JsonAsync();
        var encounterId = ended["encounterId"]!.GetValue<Guid>();
        var encounter = await app.WithDbAsync(db => db.Encounters.SingleAsync(e => e.Id == encounterId));
        Assert.Equal("webChat", encounter.Channel);
        Assert.NotNull(encounter.CustomerId);

        var admin = await app.AdminAsync();
        var channel = await (await admin.PostAsJsonAsync("/api/admin/messaging-channels",
            new { key = "wechat-sh", name = "WeChat", app = "wechat", branch = "SH", callbackUrl = "http://127.0.0.1:9/none" })).JsonAsync(HttpStatusCode.Created);
        var secret = channel["secret"]!.GetValue<string>();
        var body = Encoding.UTF8.GetBytes("{\"messageId\":\"w1\",\"from\":{\"id\":\"o6_abc\",\"name\":\"李雷\"},\"text\":\"在吗？\"}");
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        HttpRequestMessage Request()
        {
            var r = new HttpRequestMessage(HttpMethod.Post, "/api/channels/messaging/wechat-sh/inbound") { Content = new ByteArrayContent(body) };
            r.Headers.Add("X-Touchpoint-Timestamp", ts.ToString());
            r.Headers.Add("X-Touchpoint-Signature", MessagingSignature.Sign(secret, ts, body));
            return r;
        }
        var client = app.CreateClient();
        await (await client.SendAsync(Request())).ShouldBeAsync(HttpStatusCode.OK);
        await (await client.SendAsync(Request())).ProblemAsync(HttpStatusCode.Conflict);
    }

    [PostgresFact]
    public async Task AVisitorOnOneNode_AndStaffOnAnother_HearEachOther()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        var environment = new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres", ["ConnectionStrings__Postgres"] = database.ConnectionString,
            ["TOUCHPOINT_DEMO"] = "false", ["Chat__Bot__Enabled"] = "false", ["TOUCHPOINT_ADMIN_PASSWORD"] = TouchpointFactory.AdminPassword,
        };
        using var nodeA = await ServerProcess.StartAsync(environment);
        using var nodeB = await ServerProcess.StartAsync(environment);
        var cookies = new CookieContainer();
        using var staff = new HttpClient(new XsrfHeaderHandler(cookies) { InnerHandler = new HttpClientHandler { CookieContainer = cookies } }) { BaseAddress = nodeA.BaseAddress };
        await (await staff.PostAsJsonAsync("/api/auth/login", new { userName = "admin", password = TouchpointFactory.AdminPassword })).ShouldBeAsync(HttpStatusCode.OK);
        await (await staff.PostAsJsonAsync("/api/branches", new { code = "SH", name = "Shanghai", timeZone = "Asia/Shanghai" })).ShouldBeAsync(HttpStatusCode.Created);
        await using var console = await SignalRTestClient.ConnectAsync(nodeA.BaseAddress, cookies.GetCookieHeader(nodeA.BaseAddress));
        await Task.Delay(300);

        using var visitor = new HttpClient { BaseAddress = nodeB.BaseAddress };
        var started = await (await visitor.PostAsJsonAsync("/api/chat/visitor/conversations", new { branch = "SH", message = "在吗？" })).JsonAsync(HttpStatusCode.Created);
        visitor.DefaultRequestHeaders.Add("X-Chat-Token", started["token"]!.GetValue<string>());
        var id = started["conversation"]!["id"]!.GetValue<string>();
        await console.WaitForEventAsync("chat.message", TimeSpan.FromSeconds(15));

        await (await staff.PostAsync($"/api/chats/{id}/accept", null)).ShouldBeAsync(HttpStatusCode.OK);
        var poll = visitor.GetAsync("/api/chat/visitor/updates?after=1&status=active&wait=25");
        await Task.Delay(500);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await (await staff.PostAsJsonAsync($"/api/chats/{id}/messages", new { body = "在的，请讲。" })).ShouldBeAsync(HttpStatusCode.Created);
        var update = await (await poll).JsonAsync();
        // Across nodes the poll sees the line at its next re-read (every 2 s), not at the end of its 25 s.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(6), $"The reply took {clock.Elapsed} to reach the other node's visitor.");
        Assert.Contains(update["messages"]!.AsArray(), m => m!["body"]!.GetValue<string>() == "在的，请讲。");
    }
}
