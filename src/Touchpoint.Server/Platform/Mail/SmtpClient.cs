using System.Net.Security;
using System.Net.Sockets;
using System.Text;

namespace Touchpoint.Server.Platform.Mail;

/// <summary>Where and how to send mail: <c>Smtp__Host</c>, <c>Smtp__Port</c>, <c>Smtp__User</c>, <c>Smtp__Password</c>, <c>Smtp__From</c>.</summary>
public sealed record SmtpOptions(string? Host, int Port, string? User, string? Password, string From)
{
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);

    public static SmtpOptions Read(IConfiguration c) => new(
        c["Smtp:Host"], int.TryParse(c["Smtp:Port"], out var port) ? port : 25, c["Smtp:User"], c["Smtp:Password"],
        string.IsNullOrWhiteSpace(c["Smtp:From"]) ? "support@touchpoint.invalid" : c["Smtp:From"]!.Trim());
}

public sealed class SmtpException(string message) : Exception(message);

/// <summary>
/// A small SMTP client (RFC 5321) that hands over ready-made MIME bytes: EHLO, STARTTLS when the server offers it,
/// AUTH PLAIN or LOGIN when a user is configured, MAIL FROM, RCPT TO, DATA with dot-stuffing, QUIT. Nothing in the
/// package mirror sends mail, and the MIME is already written by Touchpoint.Mail, so this is all that is missing.
/// </summary>
public static class SmtpClient
{
    public static async Task SendAsync(SmtpOptions options, string sender, IReadOnlyList<string> recipients, byte[] message, CancellationToken ct)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(options.Host!, options.Port, ct);
        Stream stream = tcp.GetStream();
        var session = new Session(stream);
        await session.ExpectAsync(220, ct);
        var capabilities = await session.CommandAsync($"EHLO {Environment.MachineName.ToLowerInvariant()}", 250, ct);
        if (capabilities.Any(l => l.StartsWith("STARTTLS", StringComparison.OrdinalIgnoreCase)))
        {
            await session.CommandAsync("STARTTLS", 220, ct);
            var tls = new SslStream(stream, leaveInnerStreamOpen: false);
            await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = options.Host }, ct);
            session = new Session(tls);
            capabilities = await session.CommandAsync($"EHLO {Environment.MachineName.ToLowerInvariant()}", 250, ct);
        }
        if (!string.IsNullOrEmpty(options.User))
        {
            var auth = capabilities.FirstOrDefault(l => l.StartsWith("AUTH", StringComparison.OrdinalIgnoreCase)) ?? "";
            if (auth.Contains("PLAIN", StringComparison.OrdinalIgnoreCase))
                await session.CommandAsync("AUTH PLAIN " + Base64($"\0{options.User}\0{options.Password}"), 235, ct);
            else
            {
                await session.CommandAsync("AUTH LOGIN", 334, ct);
                await session.CommandAsync(Base64(options.User), 334, ct);
                await session.CommandAsync(Base64(options.Password ?? ""), 235, ct);
            }
        }
        await session.CommandAsync($"MAIL FROM:<{sender}>", 250, ct);
        foreach (var r in recipients) await session.CommandAsync($"RCPT TO:<{r}>", 250, ct, alsoAccept: 251);
        await session.CommandAsync("DATA", 354, ct);
        await session.WriteRawAsync(DotStuff(message), ct);
        await session.CommandAsync(".", 250, ct);
        try { await session.CommandAsync("QUIT", 221, ct); }
        catch (Exception e) when (e is SmtpException or IOException) { } // the message is accepted; a rude goodbye changes nothing
    }

    /// <summary>CRLF line ends, a dot doubled at the start of every line, and the body ended by CRLF (the "." follows).</summary>
    public static byte[] DotStuff(byte[] message)
    {
        var output = new MemoryStream(message.Length + 64);
        var lineStart = true;
        for (var i = 0; i < message.Length; i++)
        {
            var b = message[i];
            if (b == (byte)'\n' && (i == 0 || message[i - 1] != (byte)'\r')) output.WriteByte((byte)'\r');
            if (lineStart && b == (byte)'.') output.WriteByte((byte)'.');
            output.WriteByte(b);
            lineStart = b == (byte)'\n';
        }
        if (!lineStart) output.Write("\r\n"u8);
        return output.ToArray();
    }

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private sealed class Session(Stream stream)
    {
        private readonly StreamReader reader = new(stream, Encoding.ASCII, false, 1024, leaveOpen: true);

        public async Task<List<string>> CommandAsync(string line, int expected, CancellationToken ct, int? alsoAccept = null)
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes(line + "\r\n"), ct);
            await stream.FlushAsync(ct);
            return await ExpectAsync(expected, ct, alsoAccept);
        }

        public async Task WriteRawAsync(byte[] bytes, CancellationToken ct)
        {
            await stream.WriteAsync(bytes, ct);
            await stream.FlushAsync(ct);
        }

        /// <summary>Reads a (multi-line) reply; its lines without the code, for EHLO's capabilities.</summary>
        public async Task<List<string>> ExpectAsync(int expected, CancellationToken ct, int? alsoAccept = null)
        {
            var lines = new List<string>();
            while (true)
            {
                var line = await reader.ReadLineAsync(ct) ?? throw new SmtpException("The SMTP server closed the connection.");
                if (line.Length < 3 || !int.TryParse(line.AsSpan(0, 3), out var code)) throw new SmtpException("Unreadable SMTP reply: " + line);
                lines.Add(line.Length > 4 ? line[4..] : "");
                if (line.Length > 3 && line[3] == '-') continue;
                if (code != expected && code != alsoAccept) throw new SmtpException($"SMTP server answered {line} (expected {expected}).");
                return lines;
            }
        }
    }
}
