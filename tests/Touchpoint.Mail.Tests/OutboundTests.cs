using System.Text;
using Touchpoint.Mail.Outbound;

namespace Touchpoint.Mail.Tests;

public sealed class OutboundTests
{
    private static readonly MailboxAddress Desk = new("浦东支行客服中心", "service@bank.example");
    private static readonly MailboxAddress Customer = new("王芳", "wangfang@foxmail.com");

    private static OutboundMail Reply(string text, string? html = null, params MailAttachment[] attachments) => new()
    {
        From = Desk,
        To = [Customer],
        Subject = CaseReference.FormatSubject("回复：借记卡被ATM吞卡", "TP-000123"),
        Text = text,
        Html = html,
        Attachments = attachments,
        InReplyTo = "202401081403112908452@foxmail.com",
        References = ["202401081403112908452@foxmail.com"],
        Date = new DateTimeOffset(2024, 1, 8, 15, 12, 0, TimeSpan.FromHours(8)),
    };

    [Fact]
    public void Write_ChineseTextReply_RoundTrips()
    {
        const string text = "王女士您好：\n\n您的银行卡已找回，请携带身份证到浦东支行领取。\n\n祝好\n客服中心";
        var written = MimeWriter.Write(Reply(text));
        var parsed = MailParser.ParseUnguarded(written.Bytes, 0);

        Assert.Empty(parsed.Problems);
        Assert.Equal(Desk, parsed.From);
        Assert.Equal([Customer], parsed.To);
        Assert.Equal("Re: 借记卡被ATM吞卡 [TP-000123]", parsed.Subject);
        Assert.Equal("TP-000123", CaseReference.Find(parsed.Subject));
        Assert.Equal(written.MessageId, parsed.MessageId);
        Assert.EndsWith("@bank.example", written.MessageId);
        Assert.Equal(["202401081403112908452@foxmail.com"], parsed.InReplyTo);
        Assert.Equal(["202401081403112908452@foxmail.com"], parsed.References);
        Assert.Equal(new DateTimeOffset(2024, 1, 8, 15, 12, 0, TimeSpan.FromHours(8)), parsed.Date);
        Assert.Equal(text, parsed.Text);
    }

    [Fact]
    public void Write_IsSevenBitWithShortLines()
    {
        var longText = string.Concat(Enumerable.Repeat("Dear customer, thank you for waiting. ", 40)) + "\n" + new string('x', 300);
        var bytes = MimeWriter.Write(Reply(longText, "<p>" + longText + "</p>", new MailAttachment("一份很长很长很长很长很长很长很长很长很长的对账单文件名称.pdf", "application/pdf", new byte[5000]))).Bytes;

        Assert.All(bytes, b => Assert.True(b < 0x80));
        Assert.All(Encoding.ASCII.GetString(bytes).Split("\r\n"), line => Assert.True(line.Length <= 78, line));
        Assert.DoesNotContain("\n", Encoding.ASCII.GetString(bytes).Replace("\r\n", ""));
    }

    [Fact]
    public void Write_MostlyAsciiText_IsQuotedPrintable_CjkIsBase64()
    {
        var english = Encoding.ASCII.GetString(MimeWriter.Write(Reply("Dear Ms Wang, your card is ready — thank you.")).Bytes);
        var chinese = Encoding.ASCII.GetString(MimeWriter.Write(Reply("您的银行卡已找回，请携带身份证领取。")).Bytes);

        Assert.Contains("Content-Transfer-Encoding: quoted-printable", english);
        Assert.Contains("Content-Transfer-Encoding: base64", chinese);
    }

    [Fact]
    public void Write_TextHtmlInlineImageAndFiles_RoundTrip()
    {
        var logo = new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0, 1, 2, 3 };
        var pdf = Enumerable.Range(0, 10_000).Select(i => (byte)(i * 7)).ToArray();
        var mail = Reply(
            "Dear customer,\nplease find the statement attached.",
            "<p>Dear customer,</p><p>please find the statement attached.</p><img src=\"cid:logo@bank.example\">",
            new MailAttachment("logo.png", "image/png", logo) { ContentId = "logo@bank.example", Inline = true },
            new MailAttachment("对账单 2024年1月.pdf", "application/pdf", pdf),
            new MailAttachment("명세서.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [1, 2, 3]));

        var parsed = MailParser.ParseUnguarded(MimeWriter.Write(mail).Bytes, 0);

        Assert.Empty(parsed.Problems);
        Assert.Equal(mail.Text, parsed.Text);
        Assert.Equal(mail.Html, parsed.Html);
        Assert.Equal(["logo.png", "对账单 2024年1月.pdf", "명세서.xlsx"], parsed.Attachments.Select(a => a.FileName));
        Assert.Equal(logo, parsed.Attachments[0].Content);
        Assert.True(parsed.Attachments[0].Inline);
        Assert.Equal("logo@bank.example", parsed.Attachments[0].ContentId);
        Assert.Equal(pdf, parsed.Attachments[1].Content);
        Assert.False(parsed.Attachments[1].Inline);
        Assert.Equal("application/pdf", parsed.Attachments[1].ContentType);
    }

    [Fact]
    public void Write_TwoEqualAttachments_AreBothSent()
    {
        var form = new MailAttachment("form.pdf", "application/pdf", [1, 2, 3]);

        var parsed = MailParser.Parse(MimeWriter.Write(Reply("two copies", null, form, form)).Bytes);

        Assert.Equal(2, parsed.Attachments.Count);
    }

    [Theory]
    [InlineData("Plain ASCII subject")]
    [InlineData("Subject with =?utf-8?B?looks-encoded?= text")]
    [InlineData("한국어 제목과 English mixed, 그리고 아주 긴 제목이 여러 줄로 접혀야 하는 경우를 시험합니다 1234567890")]
    [InlineData("𠮷野家 emoji 😀 and surrogate pairs")]
    [InlineData("")]
    public void Write_Subjects_RoundTrip(string subject)
    {
        var parsed = MailParser.Parse(MimeWriter.Write(Reply("x") with { Subject = subject }).Bytes);

        Assert.Equal(subject, parsed.Subject);
    }

    [Theory]
    [InlineData("Ann Lee")]
    [InlineData("Lee, Ann \"the boss\"")]
    [InlineData("김민수 (고객)")]
    [InlineData("")]
    public void Write_DisplayNames_RoundTrip(string name)
    {
        var parsed = MailParser.Parse(MimeWriter.Write(Reply("x") with { To = [new MailboxAddress(name, "a@example.com")], Cc = [Customer] }).Bytes);

        Assert.Equal(string.IsNullOrEmpty(name) ? null : name, Assert.Single(parsed.To).DisplayName);
        Assert.Equal([Customer], parsed.Cc);
    }

    [Fact]
    public void Write_ReplyToParsedMail_ThreadsUnderIt()
    {
        var inbound = MailParser.Parse(new RawMail()
            .Header("From", "Ann <ann@example.com>").Header("Subject", "Help")
            .Header("Message-ID", "<m2@example.com>").Header("References", "<m0@bank.example> <m1@example.com>")
            .Line().Line("help me").ToArray());
        var (inReplyTo, references) = MailThreading.ForReply(inbound);

        var reply = MailParser.Parse(MimeWriter.Write(Reply("ok") with { InReplyTo = inReplyTo, References = references }).Bytes);

        Assert.Equal(["m2@example.com"], reply.InReplyTo);
        Assert.Equal(["m0@bank.example", "m1@example.com", "m2@example.com"], reply.References);
    }

    [Fact]
    public void Write_ExtraHeadersAndReplyTo_AreWritten()
    {
        var parsed = MailParser.Parse(MimeWriter.Write(Reply("x") with
        {
            ReplyTo = [new MailboxAddress(null, "case+123@bank.example")],
            Headers = [new("Auto-Submitted", "auto-replied"), new("X-Touchpoint-Case", "TP-000123")],
        }).Bytes);

        Assert.Equal("case+123@bank.example", Assert.Single(parsed.ReplyTo).Address);
        Assert.Equal("auto-replied", parsed.Header("Auto-Submitted"));
        Assert.Equal("TP-000123", parsed.Header("X-Touchpoint-Case"));
    }

    [Fact]
    public void Write_QuotedPrintableEdgeCases_RoundTrip()
    {
        const string text = "trailing space \nFrom the branch\n.\n= sign and tab\t\nlast";
        var written = MimeWriter.Write(Reply(text));

        Assert.Equal(text, MailParser.Parse(written.Bytes).Text);
    }

    [Fact]
    public void MessageIds_AreUnique() =>
        Assert.Equal(1000, Enumerable.Range(0, 1000).Select(_ => MessageIds.Create("bank.example")).Distinct().Count());
}
