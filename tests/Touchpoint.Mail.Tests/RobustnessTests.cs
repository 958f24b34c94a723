using System.Text;
using Touchpoint.Mail.Outbound;

namespace Touchpoint.Mail.Tests;

/// <summary>Bad input never throws and never loses the message: it is read as well as it can be, or flagged.</summary>
public sealed class RobustnessTests
{
    [Theory]
    [InlineData("")]
    [InlineData("\r\n\r\n")]
    [InlineData("just a line of text without any headers")]
    [InlineData("Dear bank,\n\nI am writing: my card is lost.\n")]
    public void Parse_NoMailHeaders_IsFlaggedAndTextKept(string raw)
    {
        var mail = MailParser.Parse(Encoding.UTF8.GetBytes(raw));

        Assert.True(mail.CouldNotParse);
        Assert.NotEmpty(mail.Problems);
        Assert.Equal(raw.Replace("\r\n", "\n"), mail.Text);
    }

    [Fact]
    public void Parse_BinaryGarbage_IsFlagged()
    {
        var random = new Random(7);
        var bytes = new byte[4096];
        random.NextBytes(bytes);

        var mail = MailParser.Parse(bytes);

        Assert.True(mail.CouldNotParse);
    }

    [Fact]
    public void Parse_HeadersOnly_IsAMessageWithEmptyBody()
    {
        var mail = MailParser.Parse("From: a@b.c\r\nSubject: empty"u8.ToArray());

        Assert.False(mail.CouldNotParse);
        Assert.Equal("empty", mail.Subject);
        Assert.Equal("", mail.Text);
    }

    [Fact]
    public void Parse_NoFrom_IsReportedNotFlagged()
    {
        var mail = MailParser.Parse("Subject: hello\r\n\r\nbody"u8.ToArray());

        Assert.False(mail.CouldNotParse);
        Assert.Contains(mail.Problems, p => p.Contains("From"));
    }

    /// <summary>Inputs built to make a careless parser quadratic; each must finish in well under a second (the bound is
    /// loose because the test machine is shared).</summary>
    [Theory]
    [InlineData("encoded-word starts")]
    [InlineData("many headers")]
    [InlineData("many parts")]
    [InlineData("unclosed html")]
    [InlineData("long quoted lines")]
    public void Parse_PathologicalInputs_FinishQuickly(string shape)
    {
        var raw = shape switch
        {
            "encoded-word starts" => "From: a@b.c\r\nSubject: " + string.Concat(Enumerable.Repeat("=?", 200_000)) + "\r\n\r\nx",
            "many headers" => string.Concat(Enumerable.Repeat("X-H: v\r\n", 100_000)) + "From: a@b.c\r\n\r\nx",
            "many parts" => "From: a@b.c\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n" + string.Concat(Enumerable.Repeat("--b\r\nContent-Type: image/png\r\n\r\nAAAA\r\n", 20_000)) + "--b--",
            "unclosed html" => "From: a@b.c\r\nContent-Type: text/html\r\n\r\n" + string.Concat(Enumerable.Repeat("<a href='x <b <!-- ", 50_000)),
            _ => "From: a@b.c\r\n\r\n" + string.Concat(Enumerable.Repeat("On " + new string('x', 390) + "\n> wrote\n", 5_000)),
        };
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var mail = MailParser.ParseUnguarded(Encoding.UTF8.GetBytes(raw), 0);

        Assert.False(mail.CouldNotParse);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"{shape}: {clock.Elapsed}");
    }

    /// <summary>
    /// Random mutations (flipped, deleted, inserted and duplicated bytes and slices, truncation) of valid messages of
    /// every shape: the parser must return a result and never throw. Seeded, so a failure can be replayed.
    /// </summary>
    [Fact]
    public void Parse_RandomMutationsOfValidMessages_NeverThrow()
    {
        var seeds = SeedMessages();
        // MAIL_FUZZ_ROUNDS and MAIL_FUZZ_SEED run a longer or different search by hand.
        int rounds = int.TryParse(Environment.GetEnvironmentVariable("MAIL_FUZZ_ROUNDS"), out int r) ? r : 3000;
        var random = new Random(int.TryParse(Environment.GetEnvironmentVariable("MAIL_FUZZ_SEED"), out int seed) ? seed : 20240108);
        var tokens = new[] { "\r\n", "\n", "--", "=?", "?=", "?B?", "?Q?", "=", ":", ";", "\"", "<", ">", "(", ")", "\\", "*0*=", "'", "%", "\r\n\r\n", "\t", "\0", "\u00ff" }
            .Select(Encoding.Latin1.GetBytes).ToArray();
        int parsed = 0;
        for (int round = 0; round < rounds; round++)
        {
            var bytes = new List<byte>(seeds[round % seeds.Count]);
            int mutations = 1 + random.Next(12);
            for (int m = 0; m < mutations && bytes.Count > 0; m++)
            {
                int at = random.Next(bytes.Count);
                switch (random.Next(6))
                {
                    case 0: bytes[at] = (byte)random.Next(256); break;
                    case 1: bytes.RemoveRange(at, Math.Min(bytes.Count - at, 1 + random.Next(40))); break;
                    case 2: bytes.InsertRange(at, tokens[random.Next(tokens.Length)]); break;
                    case 3:
                        int length = Math.Min(bytes.Count - at, 1 + random.Next(200));
                        bytes.InsertRange(random.Next(bytes.Count), bytes.GetRange(at, length));
                        break;
                    case 4: bytes.RemoveRange(at, bytes.Count - at); break;
                    default: bytes[at] = (byte)"\r\n-=?:;\"<>"[random.Next(10)]; break;
                }
            }
            var input = bytes.ToArray();
            var mail = MailParser.ParseUnguarded(input, 0);
            Assert.NotNull(mail);
            Assert.NotNull(mail.Text);
            parsed++;
        }
        Assert.Equal(rounds, parsed);
    }

    private static List<byte[]> SeedMessages()
    {
        var reply = new OutboundMail
        {
            From = new MailboxAddress("客服", "s@bank.example"),
            To = [new MailboxAddress("김민수", "kim@example.kr")],
            Subject = "Re: 카드 분실 [TP-000001]",
            Text = "안녕하세요.\n카드를 재발급했습니다.",
            Html = "<p>안녕하세요.</p><blockquote>old</blockquote>",
            Attachments = [new MailAttachment("명세서.pdf", "application/pdf", new byte[300]), new MailAttachment("a.png", "image/png", [1, 2]) { ContentId = "a@b", Inline = true }],
            References = ["a@b", "c@d"],
            InReplyTo = "c@d",
        };
        var gbk = new RawMail()
            .Header("From", $"{RawMail.B("王芳", "gbk")} <w@f.com>")
            .Header("Subject", RawMail.Q("关于年费", "gbk"))
            .Header("Date", "Mon, 8 Jan 2024 14:03:11 +0800")
            .Header("Content-Type", "multipart/mixed; boundary=b")
            .Line()
            .Line("--b").Header("Content-Type", "text/plain; charset=gbk").Header("Content-Transfer-Encoding", "quoted-printable").Line()
            .QuotedPrintableBody("年费为什么扣了两次？\n> 旧邮件", "gbk")
            .Line("--b").Header("Content-Type", "message/rfc822").Line()
            .Header("From", "x@y.z").Header("Subject", "inner").Header("Content-Type", "text/plain; charset=big5").Line().Text("內文", "big5")
            .Line("--b").Line("Content-Type: application/octet-stream;").Line(" name*0*=gbk''%C4%EA; name*1*=%B7%D1.txt").Header("Content-Transfer-Encoding", "base64").Line().Line("YWJj")
            .Line("--b--").ToArray();
        var jis = new RawMail().Header("From", "t@x.jp").Header("Content-Type", "text/plain; charset=iso-2022-jp; format=flowed")
            .Line().Text("お世話になって \nおります。", "iso-2022-jp").ToArray();
        return [MimeWriter.Write(reply).Bytes, gbk, jis];
    }
}
