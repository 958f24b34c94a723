using System.Globalization;
using System.Net;
using System.Net.Http.Json;

namespace Touchpoint.Bench.Scenarios;

/// <summary>
/// Web chat visitors typing: each worker is one visitor with a conversation of its own (anonymous, token in
/// X-Chat-Token) posting lines to it. Every line takes the conversation's next number in a transaction, wakes the
/// visitor's long poll and goes to the branch's staff as a realtime event. A conversation takes at most 1,000 lines, so
/// a worker starts a new one every 900 (measured as its own row, chat-start).
/// </summary>
public sealed class ChatMessageScenario : Scenario
{
    public const string Branch = "CHAT";
    private const int LinesPerConversation = 900;
    private long sent;
    private long sentBeforeMeasuring;

    public override string Name => "chat-message";
    public override string Description => "POST /api/chat/visitor/messages {body} with a visitor token, one conversation per worker";
    public override bool KeepsCookies => false;
    public override IReadOnlyList<string> Operations => [Name, "chat-start"];

    public override async Task PrepareAsync(BenchTarget target, CancellationToken ct)
    {
        using var admin = await BenchApi.AdminAsync(target, ct);
        await BenchApi.CreateBranchAsync(admin, Branch, ct);
    }

    private sealed class Visitor
    {
        public string Token = "";
        public int Lines;
    }

    public override Task PrepareWorkerAsync(BenchWorker worker, CancellationToken ct) => StartAsync(worker, ct);

    private static async Task StartAsync(BenchWorker worker, CancellationToken ct)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/chat/visitor/conversations")
        {
            Content = JsonContent.Create(new { branch = Branch, language = "zh-CN", message = "你好，我想咨询一下理财产品" }),
        };
        using var response = await worker.SendAsync("chat-start", request, ct);
        if (response is null || response.StatusCode != HttpStatusCode.Created) throw new InvalidOperationException("Starting a chat failed.");
        worker.State = new Visitor { Token = await BenchApi.ReadStringAsync(response, "token", ct) };
    }

    public override async Task RunOnceAsync(BenchWorker worker, CancellationToken ct)
    {
        var visitor = (Visitor)worker.State!;
        if (++visitor.Lines >= LinesPerConversation)
        {
            await StartAsync(worker, ct);
            visitor = (Visitor)worker.State!;
        }
        var n = Interlocked.Increment(ref sent);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/chat/visitor/messages")
        {
            Content = JsonContent.Create(new { body = $"请问这款产品的年化收益是多少？（{n}）" }),
        };
        request.Headers.Add("X-Chat-Token", visitor.Token);
        using var response = await worker.SendAsync(Name, request, ct,
            r => r.StatusCode == HttpStatusCode.Created ? null : ((int)r.StatusCode).ToString(CultureInfo.InvariantCulture));
    }

    public override void OnRunStarting(bool measured)
    {
        if (measured) sentBeforeMeasuring = Interlocked.Read(ref sent);
    }

    public override string MeasuredNote() => string.Create(CultureInfo.InvariantCulture,
        $"{Interlocked.Read(ref sent) - sentBeforeMeasuring:#,0} lines written while measuring, {LinesPerConversation} per conversation at most");
}
