using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;

namespace Touchpoint.Tests.Chat;

/// <summary>A real HTTP listener on a free local port, standing in for a messaging gateway's callback endpoint.</summary>
public sealed class CallbackReceiver : IDisposable
{
    public sealed record Received(string Body, string? Timestamp, string? Signature, string? ContentType);

    private readonly HttpListener listener = new();
    private readonly Channel<Received> received = Channel.CreateUnbounded<Received>();
    private int failuresLeft;

    /// <param name="failFirst">How many requests to answer 503 before accepting (to see the outbox retry).</param>
    public CallbackReceiver(int failFirst = 0)
    {
        failuresLeft = failFirst;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        listener.Start();
        _ = Task.Run(LoopAsync);
    }

    public int Port { get; }
    public string Url => $"http://127.0.0.1:{Port}/callback";
    public int Requests;

    public async Task<Received> NextAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try { return await received.Reader.ReadAsync(cts.Token); }
        catch (OperationCanceledException) { throw new TimeoutException($"No callback within {timeout.TotalSeconds} s."); }
    }

    private async Task LoopAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext ctx;
            try { ctx = await listener.GetContextAsync(); }
            catch (Exception) { return; }
            using var reader = new StreamReader(ctx.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            Interlocked.Increment(ref Requests);
            var fail = Interlocked.Decrement(ref failuresLeft) >= 0;
            ctx.Response.StatusCode = fail ? 503 : 200;
            ctx.Response.Close();
            if (!fail)
                await received.Writer.WriteAsync(new Received(body, ctx.Request.Headers["X-Touchpoint-Timestamp"],
                    ctx.Request.Headers["X-Touchpoint-Signature"], ctx.Request.ContentType));
        }
    }

    public void Dispose()
    {
        listener.Stop();
        listener.Close();
    }
}
