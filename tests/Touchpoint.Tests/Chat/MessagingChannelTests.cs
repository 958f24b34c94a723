using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Features.Chat;
using Touchpoint.Tests.Infrastructure;

namespace Touchpoint.Tests.Chat;

/// <summary>
/// A messaging gateway end to end: an administrator connects it, signed webhooks bring messages in (and forged, stale
/// or replayed ones are refused), staff replies reach a real local HTTP listener signed the same way, with retries.
/// </summary>
public sealed class MessagingChannelTests : IDisposable
{
    private readonly CallbackReceiver gateway = new(failFirst: 1);
    private readonly TouchpointFactory app = new(settings: new() { ["Messaging:RetrySeconds"] = "0.5", ["Chat:Bot:Enabled"] = "false" });

    private async Task<(string Key, string Secret)> ConnectAsync()
    {
        await app.CreateBranchAsync("SEL");
        var admin = await app.AdminAsync();
        var created = await (await admin.PostAsJsonAsync("/api/admin/messaging-channels",
            new { key = "kakao-sel", name = "KakaoTalk Seoul", app = "kakao", branch = "SEL", callbackUrl = gateway.Url })).JsonAsync(HttpStatusCode.Created);
        var secret = created["secret"]!.GetValue<string>();
        Assert.Equal("/api/channels/messaging/kakao-sel/inbound", created["channel"]!["inboundPath"]!.GetValue<string>());
        // Shown once: the list never carries it, and the database holds it only encrypted.
        var listed = await (await admin.GetAsync("/api/admin/messaging-channels")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(secret, listed);
        Assert.DoesNotContain(secret, await app.WithDbAsync(db => db.MessagingChannels.Select(m => m.ProtectedSecret).SingleAsync()));
        return ("kakao-sel", secret);
    }

    internal static HttpRequestMessage Signed(string key, string secret, string json, long? timestamp = null, string? signature = null)
    {
        var body = Encoding.UTF8.GetBytes(json);
        var ts = timestamp ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/channels/messaging/{key}/inbound") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add("X-Touchpoint-Timestamp", ts.ToString());
        request.Headers.Add("X-Touchpoint-Signature", signature ?? MessagingSignature.Sign(secret, ts, body));
        return request;
    }

    private static HttpRequestMessage Copy(HttpRequestMessage r)
    {
        var copy = new HttpRequestMessage(r.Method, r.RequestUri) { Content = new ByteArrayContent(r.Content!.ReadAsByteArrayAsync().Result) };
        copy.Content.Headers.ContentType = r.Content.Headers.ContentType;
        foreach (var h in r.Headers) copy.Headers.Add(h.Key, h.Value);
        return copy;
    }

    private static string Message(string id, string text) =>
        new JsonObject { ["messageId"] = id, ["from"] = new JsonObject { ["id"] = "u-8842", ["name"] = "김민준" }, ["text"] = text, ["language"] = "ko-KR" }.ToJsonString();

    [Fact]
    public async Task SignedMessages_AreAccepted_ForgedStaleAndReplayedOnesRefused()
    {
        var (key, secret) = await ConnectAsync();
        var client = app.CreateClient();
        var good = Signed(key, secret, Message("m-1", "대출 상담을 받고 싶어요"));
        var replay = Copy(good);
        var accepted = await (await client.SendAsync(good)).JsonAsync();
        Assert.Equal("accepted", accepted["status"]!.GetValue<string>());

        await (await client.SendAsync(replay)).ProblemAsync(HttpStatusCode.Conflict);
        await (await client.SendAsync(Signed(key, "tpm_wrong", Message("m-2", "x")))).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await client.SendAsync(Signed(key, secret, Message("m-3", "x"), signature: "sha256=" + new string('0', 64)))).ProblemAsync(HttpStatusCode.Unauthorized);
        var stale = DateTimeOffset.UtcNow.AddMinutes(-10).ToUnixTimeSeconds();
        await (await client.SendAsync(Signed(key, secret, Message("m-4", "x"), timestamp: stale))).ProblemAsync(HttpStatusCode.Unauthorized);
        // A body changed after signing does not match.
        var tampered = Signed(key, secret, Message("m-5", "x"));
        tampered.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(Message("m-5", "y")));
        await (await client.SendAsync(tampered)).ProblemAsync(HttpStatusCode.Unauthorized);
        var missing = new HttpRequestMessage(HttpMethod.Post, $"/api/channels/messaging/{key}/inbound") { Content = new StringContent(Message("m-6", "x")) };
        await (await client.SendAsync(missing)).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await client.SendAsync(Signed("nope", secret, Message("m-7", "x")))).ProblemAsync(HttpStatusCode.NotFound);
        var invalid = await (await client.SendAsync(Signed(key, secret, "{\"messageId\":\"m-8\",\"from\":{\"id\":\"\"},\"text\":\"\"}"))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(invalid["errors"]!["from.id"]);
        Assert.NotNull(invalid["errors"]!["text"]);
        // A gateway that retries a message it already delivered (new signature, same id) adds nothing.
        // (A later second than the first delivery: the same second would give the same signature, which is a replay.)
        var later = DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 2;
        var again = await (await client.SendAsync(Signed(key, secret, Message("m-1", "대출 상담을 받고 싶어요"), timestamp: later))).JsonAsync();
        Assert.Equal("duplicate", again["status"]!.GetValue<string>());

        var (lines, customer) = await app.WithDbAsync(async db => (await db.ChatMessages.CountAsync(),
            await db.CustomerContacts.Where(c => c.Kind == "messaging").Select(c => c.Value).SingleAsync()));
        Assert.Equal(1, lines);
        Assert.Equal("kakao:u-8842", customer);
    }

    [Fact]
    public async Task StaffReplies_ArePostedToTheGateway_Signed_AndRetriedUntilAccepted()
    {
        var (key, secret) = await ConnectAsync();
        var client = app.CreateClient();
        var first = await (await client.SendAsync(Signed(key, secret, Message("m-1", "카드 한도를 올리고 싶어요")))).JsonAsync();
        var id = first["conversationId"]!.GetValue<string>();
        // The second message from the same person joins the same open conversation.
        var second = await (await client.SendAsync(Signed(key, secret, Message("m-2", "가능할까요?")))).JsonAsync();
        Assert.Equal(id, second["conversationId"]!.GetValue<string>());

        var staff = await app.StaffAsync("Frontline", "SEL");
        var waiting = (await (await staff.GetAsync("/api/chats?branch=SEL")).JsonAsync()).AsArray();
        var row = Assert.Single(waiting)!;
        Assert.Equal("messaging", row["channel"]!.GetValue<string>());
        Assert.Equal("kakao", row["app"]!.GetValue<string>());
        Assert.Equal("가능할까요?", row["lastMessage"]!.GetValue<string>());
        await (await staff.PostAsync($"/api/chats/{id}/accept", null)).ShouldBeAsync(HttpStatusCode.OK);
        await (await staff.PostAsJsonAsync($"/api/chats/{id}/messages", new { body = "네, 확인해 드리겠습니다." })).ShouldBeAsync(HttpStatusCode.Created);

        // The gateway answers 503 once; the outbox tries again and the second delivery is accepted.
        var callback = await gateway.NextAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(2, gateway.Requests);
        Assert.Equal("application/json", callback.ContentType?.Split(';')[0]);
        Assert.True(MessagingSignature.Verify(secret, long.Parse(callback.Timestamp!), Encoding.UTF8.GetBytes(callback.Body), callback.Signature));
        var json = JsonNode.Parse(callback.Body)!;
        Assert.Equal("u-8842", json["to"]!["id"]!.GetValue<string>());
        Assert.Equal("네, 확인해 드리겠습니다.", json["text"]!.GetValue<string>());
        Assert.Equal(key, json["channel"]!.GetValue<string>());
        Assert.Equal(id, json["conversationId"]!.GetValue<string>());
        // The outbox marks the item once the gateway's answer is in, a moment after the listener saw the request.
        var item = await app.WithDbAsync(db => db.MessagingOutbox.SingleAsync());
        for (var i = 0; i < 50 && item.Status != "sent"; i++)
        {
            await Task.Delay(100);
            item = await app.WithDbAsync(db => db.MessagingOutbox.AsNoTracking().SingleAsync());
        }
        Assert.Equal("sent", item.Status);
        Assert.Equal(2, item.Attempts);
    }

    [Fact]
    public async Task OnlyAdministrators_ConnectChannels_AndBadInputNamesTheField()
    {
        await app.CreateBranchAsync("SEL");
        var manager = await app.StaffAsync("Manager", "SEL");
        await (await manager.GetAsync("/api/admin/messaging-channels")).ProblemAsync(HttpStatusCode.Forbidden);
        var admin = await app.AdminAsync();
        var problem = await (await admin.PostAsJsonAsync("/api/admin/messaging-channels",
            new { key = "bad key", name = "", app = "icq", branch = "XX", callbackUrl = "ftp://x" })).ProblemAsync(HttpStatusCode.BadRequest);
        foreach (var field in new[] { "key", "name", "app", "branch", "callbackUrl" }) Assert.NotNull(problem["errors"]![field]);
        var created = await (await admin.PostAsJsonAsync("/api/admin/messaging-channels",
            new { key = "line-sel", name = "LINE", app = "line", branch = "SEL", callbackUrl = gateway.Url })).JsonAsync(HttpStatusCode.Created);
        var id = created["channel"]!["id"]!.GetValue<string>();
        var rotated = await (await admin.PostAsync($"/api/admin/messaging-channels/{id}/secret", null)).JsonAsync();
        Assert.NotEqual(created["secret"]!.GetValue<string>(), rotated["secret"]!.GetValue<string>());
        var off = await (await admin.PutAsJsonAsync($"/api/admin/messaging-channels/{id}", new { active = false })).JsonAsync();
        Assert.False(off["active"]!.GetValue<bool>());
        await (await app.CreateClient().SendAsync(Signed("line-sel", rotated["secret"]!.GetValue<string>(), Message("m-1", "hi")))).ProblemAsync(HttpStatusCode.NotFound);
        await (await admin.DeleteAsync($"/api/admin/messaging-channels/{id}")).ShouldBeAsync(HttpStatusCode.NoContent);
        await (await admin.DeleteAsync($"/api/admin/messaging-channels/{id}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    public void Dispose()
    {
        app.Dispose();
        gateway.Dispose();
    }
}
