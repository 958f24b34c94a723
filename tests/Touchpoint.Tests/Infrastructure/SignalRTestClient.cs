using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace Touchpoint.Tests.Infrastructure;

/// <summary>
/// A minimal client of SignalR's JSON hub protocol over WebSockets (the .NET SignalR client is not in our package
/// mirror). It does the handshake, answers nothing, and collects "event" invocations for the test to await.
/// </summary>
public sealed class SignalRTestClient : IAsyncDisposable
{
    private const char RecordSeparator = '\u001e';
    private readonly WebSocket socket;
    private readonly Channel<JsonNode> events = Channel.CreateUnbounded<JsonNode>();
    private readonly CancellationTokenSource stop = new();
    private readonly Task receiving;

    private SignalRTestClient(WebSocket socket)
    {
        this.socket = socket;
        receiving = Task.Run(ReceiveLoop);
    }

    /// <summary>Connects over a real socket (to a Kestrel server), authenticated by the given cookie header or token.</summary>
    public static async Task<SignalRTestClient> ConnectAsync(Uri baseAddress, string? cookieHeader = null, string? accessToken = null)
    {
        var ws = new ClientWebSocket();
        if (cookieHeader is not null) ws.Options.SetRequestHeader("Cookie", cookieHeader);
        var scheme = baseAddress.Scheme == "https" ? "wss" : "ws";
        var uri = new Uri($"{scheme}://{baseAddress.Authority}/hubs/events" + (accessToken is null ? "" : "?access_token=" + Uri.EscapeDataString(accessToken)));
        await ws.ConnectAsync(uri, CancellationToken.None);
        return await HandshakeAsync(ws);
    }

    /// <summary>Connects through an in-memory test server's WebSocket client.</summary>
    public static async Task<SignalRTestClient> ConnectAsync(Microsoft.AspNetCore.TestHost.WebSocketClient client, Uri baseAddress)
    {
        var ws = await client.ConnectAsync(new Uri(baseAddress, "/hubs/events"), CancellationToken.None);
        return await HandshakeAsync(ws);
    }

    private static async Task<SignalRTestClient> HandshakeAsync(WebSocket ws)
    {
        await ws.SendAsync(Encoding.UTF8.GetBytes("{\"protocol\":\"json\",\"version\":1}" + RecordSeparator), WebSocketMessageType.Text, true, CancellationToken.None);
        var client = new SignalRTestClient(ws);
        return client;
    }

    private readonly List<string> seen = [];

    /// <summary>Whether an event of the type arrived so far (whether or not a wait consumed it).</summary>
    public bool Received(string type) { lock (seen) return seen.Contains(type); }

    /// <summary>Waits for an event of the type, ignoring others.</summary>
    public async Task<JsonNode> WaitForEventAsync(string type, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            while (true)
            {
                var evt = await events.Reader.ReadAsync(cts.Token);
                if (evt["type"]?.GetValue<string>() == type) return evt;
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No '{type}' event within {timeout.TotalSeconds} s.");
        }
    }

    public Task InvokeAsync(string target, params object[] arguments)
    {
        var message = new JsonObject { ["type"] = 1, ["target"] = target, ["arguments"] = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(arguments)) };
        return socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString() + RecordSeparator), WebSocketMessageType.Text, true, CancellationToken.None);
    }

    private async Task ReceiveLoop()
    {
        var buffer = new byte[64 * 1024];
        var pending = new StringBuilder();
        try
        {
            while (!stop.IsCancellationRequested && socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer, stop.Token);
                if (result.MessageType == WebSocketMessageType.Close) break;
                pending.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
                var text = pending.ToString();
                var last = text.LastIndexOf(RecordSeparator);
                if (last < 0) continue;
                pending.Clear().Append(text[(last + 1)..]);
                foreach (var frame in text[..last].Split(RecordSeparator, StringSplitOptions.RemoveEmptyEntries))
                {
                    var message = JsonNode.Parse(frame);
                    // type 1 = invocation; the handshake answer ({}) and pings (type 6) are ignored.
                    if (message?["type"]?.GetValue<int>() == 1 && message["target"]?.GetValue<string>() == "event")
                    {
                        var evt = message["arguments"]![0]!.DeepClone();
                        lock (seen) seen.Add(evt["type"]?.GetValue<string>() ?? "");
                        await events.Writer.WriteAsync(evt);
                    }
                }
            }
        }
        catch (Exception) when (stop.IsCancellationRequested) { }
        catch (WebSocketException) { }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try { await receiving; } catch (OperationCanceledException) { }
        socket.Dispose();
    }
}
