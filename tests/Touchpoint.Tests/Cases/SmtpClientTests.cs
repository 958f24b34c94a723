using System.Text;
using Touchpoint.Server.Platform.Mail;
using Touchpoint.Tests.Infrastructure;

namespace Touchpoint.Tests.Cases;

/// <summary>The SMTP client against a real listener: authentication, dot-stuffing, and refusals reported as errors.</summary>
public sealed class SmtpClientTests
{
    private static readonly byte[] Message = Encoding.ASCII.GetBytes("Subject: dots\r\n\r\nline one\r\n.starts with a dot\r\n.\r\nlast");

    [Fact]
    public async Task Send_WithAuthPlain_DeliversTheBytesWithDotsRestored()
    {
        await using var server = new SmtpTestServer(user: "u", password: "p");
        await SmtpClient.SendAsync(new SmtpOptions("127.0.0.1", server.Port, "u", "p", "from@x.example"), "from@x.example", ["to@y.example"], Message, CancellationToken.None);
        var mail = await server.NextAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("u", mail.AuthenticatedAs);
        Assert.Equal(["to@y.example"], mail.To);
        Assert.Equal("Subject: dots\r\n\r\nline one\r\n.starts with a dot\r\n.\r\nlast\r\n", Encoding.ASCII.GetString(mail.Data));
    }

    [Fact]
    public async Task Send_WhenTheServerRefuses_Throws()
    {
        await using var server = new SmtpTestServer(failFirst: 1);
        var e = await Assert.ThrowsAsync<SmtpException>(() => SmtpClient.SendAsync(
            new SmtpOptions("127.0.0.1", server.Port, null, null, "f@x.example"), "f@x.example", ["t@y.example"], Message, CancellationToken.None));
        Assert.Contains("451", e.Message);
    }

    [Fact]
    public void DotStuff_DoublesLeadingDots_AndNormalisesLineEnds() =>
        Assert.Equal("..a\r\nb\r\n..\r\n", Encoding.ASCII.GetString(SmtpClient.DotStuff(Encoding.ASCII.GetBytes(".a\nb\r\n."))));
}
