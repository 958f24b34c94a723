using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;

namespace Touchpoint.Tests.Infrastructure;

/// <summary>
/// A real SMTP server on a local port, just enough of RFC 5321 for a client to deliver: it offers AUTH PLAIN LOGIN,
/// checks the credentials if given, undoes dot-stuffing and hands each message's bytes to the test. It can answer the
/// first deliveries with a temporary failure, to test retries.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly Channel<ReceivedMail> received = Channel.CreateUnbounded<ReceivedMail>();
    private readonly Task loop;
    private int failuresLeft;

    public SmtpTestServer(string? user = null, string? password = null, int failFirst = 0)
    {
        User = user;
        Password = password;
        failuresLeft = failFirst;
        listener.Start();
        loop = AcceptAsync();
    }

    public string? User { get; }
    public string? Password { get; }
    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public sealed record ReceivedMail(string From, IReadOnlyList<string> To, byte[] Data, string? AuthenticatedAs);

    public async Task<ReceivedMail> NextAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        return await received.Reader.ReadAsync(cts.Token);
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await listener.AcceptTcpClientAsync(stop.Token); }
            catch (Exception) { return; }
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        var reader = new StreamReader(stream, Encoding.Latin1);
        async Task Say(string line) => await stream.WriteAsync(Encoding.ASCII.GetBytes(line + "\r\n"));
        string? from = null, authenticated = null;
        var to = new List<string>();
        try
        {
            await Say("220 test.local ESMTP");
            while (await reader.ReadLineAsync() is { } line)
            {
                var verb = line.Split(' ')[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await Say("250-test.local");
                        await Say("250-AUTH PLAIN LOGIN");
                        await Say("250 8BITMIME");
                        break;
                    case "AUTH":
                        var plain = Encoding.UTF8.GetString(Convert.FromBase64String(line.Split(' ')[2])).Split('\0');
                        if (plain.Length == 3 && plain[1] == User && plain[2] == Password) { authenticated = plain[1]; await Say("235 ok"); }
                        else await Say("535 bad credentials");
                        break;
                    case "MAIL":
                        if (User is not null && authenticated is null) { await Say("530 authenticate first"); break; }
                        from = line[(line.IndexOf('<') + 1)..line.IndexOf('>')];
                        to.Clear();
                        await Say("250 ok");
                        break;
                    case "RCPT":
                        to.Add(line[(line.IndexOf('<') + 1)..line.IndexOf('>')]);
                        await Say("250 ok");
                        break;
                    case "DATA":
                        await Say("354 go ahead");
                        var data = new MemoryStream();
                        while (await reader.ReadLineAsync() is { } dataLine && dataLine != ".")
                        {
                            var unstuffed = dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine;
                            data.Write(Encoding.Latin1.GetBytes(unstuffed + "\r\n"));
                        }
                        if (Interlocked.Decrement(ref failuresLeft) >= 0) { await Say("451 try again later"); break; }
                        received.Writer.TryWrite(new ReceivedMail(from!, [.. to], data.ToArray(), authenticated));
                        await Say("250 queued");
                        break;
                    case "QUIT":
                        await Say("221 bye");
                        return;
                    default:
                        await Say("250 ok");
                        break;
                }
            }
        }
        catch (IOException) { }
    }

    public async ValueTask DisposeAsync()
    {
        stop.Cancel();
        listener.Stop();
        try { await loop; } catch (Exception) { }
    }
}
