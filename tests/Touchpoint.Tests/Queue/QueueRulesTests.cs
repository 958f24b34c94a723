using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Touchpoint.Tests.Infrastructure;

namespace Touchpoint.Tests.Queue;

/// <summary>Queue rules administrators set and read, and the SMS alerts they drive, sent to a real HTTP gateway.</summary>
public sealed class QueueRulesTests : IDisposable
{
    private readonly SmsGateway gateway = new();
    private readonly TouchpointFactory app;

    public QueueRulesTests() => app = new TouchpointFactory(settings: new() { ["Sms:WebhookUrl"] = gateway.Url, ["Sms:WebhookToken"] = "gateway-secret" });

    [Fact]
    public async Task Rules_AreReadAndSet_ValidatedField_ByField_Audited_AndTheDisplayGetsTheWording()
    {
        await app.CreateBranchAsync("SH", "PERSONAL");
        var admin = await app.AdminAsync();
        var rules = await (await admin.GetAsync("/api/branches/SH/queue-rules")).JsonAsync();
        Assert.Equal(2, rules["priorityRatio"]!.GetValue<int>());
        Assert.Equal(3, rules["alertPlacesAhead"]!.GetValue<int>());

        var bad = await (await admin.PutAsJsonAsync("/api/branches/SH/queue-rules", new
        {
            priorityRatio = 0, recallLimit = 2, appointmentWindowMinutes = 10, ratingWindowSeconds = 60, alertPlacesAhead = 3,
            announcements = new Dictionary<string, string> { ["zh-CN"] = "请 {number} 号", ["xx-XX"] = "{number} {counter}" },
        })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(bad["errors"]!["priorityRatio"]);
        Assert.NotNull(bad["errors"]!["announcements.zh-CN"]);
        Assert.NotNull(bad["errors"]!["announcements.xx-XX"]);

        var saved = await (await admin.PutAsJsonAsync("/api/branches/SH/queue-rules", new
        {
            priorityRatio = 3, recallLimit = 1, appointmentWindowMinutes = 5, ratingWindowSeconds = 30, alertPlacesAhead = 2,
            announcements = new Dictionary<string, string> { ["zh-CN"] = "{number} 号客户，请到 {counter} 号窗口", ["en-US"] = " " },
        })).JsonAsync();
        Assert.Equal(3, saved["priorityRatio"]!.GetValue<int>());
        Assert.Equal(["zh-CN"], saved["announcements"]!.AsObject().Select(p => p.Key));

        var board = await (await admin.GetAsync("/api/branches/SH/board")).JsonAsync();
        Assert.Equal("{number} 号客户，请到 {counter} 号窗口", board["announcements"]!["zh-CN"]!.GetValue<string>());
        var audit = await (await admin.GetAsync("/api/audit?action=queue.rules_changed")).JsonAsync();
        Assert.Contains("queue.rules_changed", audit.ToJsonString());

        var frontline = await app.StaffAsync("Frontline", "SH");
        await (await frontline.PutAsJsonAsync("/api/branches/SH/queue-rules", saved)).ShouldBeAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Customers_WhoLeftAPhone_AreTextedWhenNearTheFront_Once_AndWhenCalled()
    {
        await app.CreateBranchAsync("SH", "PERSONAL");
        var admin = await app.AdminAsync();
        await (await admin.PostAsJsonAsync("/api/branches/SH/counters", new { number = 5, services = new[] { "PERSONAL" } })).ShouldBeAsync(HttpStatusCode.Created);
        var rules = await (await admin.GetAsync("/api/branches/SH/queue-rules")).JsonAsync();
        rules["alertPlacesAhead"] = 1;
        await (await admin.PutAsJsonAsync("/api/branches/SH/queue-rules", rules)).ShouldBeAsync(HttpStatusCode.OK);
        var phone = app.CreateClient();
        foreach (var (number, language) in new[] { ("13800000001", "zh-CN"), ("13800000002", "en-US"), ("13800000003", "ko-KR"), ("13800000004", "en-US") })
            await (await phone.PostAsJsonAsync("/api/branches/SH/tickets", new { service = "PERSONAL", language, phone = number })).ShouldBeAsync(HttpStatusCode.Created);
        var staff = await app.StaffAsync("Frontline", "SH");
        await (await staff.PostAsync("/api/branches/SH/counters/5/open", null)).ShouldBeAsync(HttpStatusCode.OK);

        var first = await (await staff.PostAsync("/api/branches/SH/counters/5/call-next", null)).JsonAsync();
        // Called: A001 in Chinese; near the front (one or none ahead): A002 and A003.
        var sent = await gateway.WaitForAsync(3);
        Assert.Contains(sent, m => m.To == "13800000001" && m.Text.Contains("A001") && m.Text.Contains("5 号窗口"));
        Assert.Contains(sent, m => m.To == "13800000002" && m.Text.Contains("0 people ahead"));
        Assert.Contains(sent, m => m.To == "13800000003" && m.Text.Contains("1명"));
        Assert.All(gateway.Authorizations, a => Assert.Equal("Bearer gateway-secret", a));

        await (await staff.PostAsync($"/api/tickets/{first["id"]}/complete", null)).ShouldBeAsync(HttpStatusCode.OK);
        await (await staff.PostAsync("/api/branches/SH/counters/5/call-next", null)).ShouldBeAsync(HttpStatusCode.OK);
        sent = await gateway.WaitForAsync(5);
        Assert.Contains(sent, m => m.To == "13800000002" && m.Text.Contains("counter 5"));
        Assert.Contains(sent, m => m.To == "13800000004" && m.Text.Contains("1 people ahead"));
        await Task.Delay(500);
        Assert.Equal(5, gateway.Messages.Count); // nobody is told twice that their turn is near
    }

    public void Dispose()
    {
        app.Dispose();
        gateway.Dispose();
    }

    private sealed record Sms(string To, string Text);

    /// <summary>An SMS gateway over real HTTP on a free local port: records every message posted to it.</summary>
    private sealed class SmsGateway : IDisposable
    {
        private readonly HttpListener listener = new();
        public ConcurrentQueue<Sms> Messages { get; } = new();
        public ConcurrentQueue<string> Authorizations { get; } = new();
        public string Url { get; }

        public SmsGateway()
        {
            var socket = new TcpListener(IPAddress.Loopback, 0);
            socket.Start();
            var port = ((IPEndPoint)socket.LocalEndpoint).Port;
            socket.Stop();
            Url = $"http://127.0.0.1:{port}/sms/";
            listener.Prefixes.Add(Url);
            listener.Start();
            _ = Task.Run(ServeAsync);
        }

        private async Task ServeAsync()
        {
            while (listener.IsListening)
            {
                HttpListenerContext context;
                try { context = await listener.GetContextAsync(); }
                catch (Exception) { return; }
                var body = await JsonNode.ParseAsync(context.Request.InputStream);
                Authorizations.Enqueue(context.Request.Headers["Authorization"] ?? "");
                Messages.Enqueue(new Sms(body!["to"]!.GetValue<string>(), body["text"]!.GetValue<string>()));
                context.Response.StatusCode = 202;
                context.Response.Close();
            }
        }

        public async Task<List<Sms>> WaitForAsync(int count)
        {
            for (var i = 0; i < 100 && Messages.Count < count; i++) await Task.Delay(100);
            Assert.True(Messages.Count >= count, $"expected {count} messages, got {Messages.Count}: {string.Join(" | ", Messages)}");
            return Messages.ToList();
        }

        public void Dispose() => listener.Close();
    }
}
