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
        using var app = new TouchpointFactory(postgresConnectionString: database.ConnectionString);
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
}
