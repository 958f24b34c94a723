namespace Touchpoint.Mail.Tests;

/// <summary>Single-part bodies: charsets declared, missing, wrong or hidden in HTML, and the envelope around them.</summary>
public sealed class BodyTests
{
    private static RawMail Single(string contentType, string? transferEncoding = null)
    {
        var raw = new RawMail().Header("From", "a@b.c").Header("Subject", "s").Header("Content-Type", contentType);
        if (transferEncoding is not null) raw.Header("Content-Transfer-Encoding", transferEncoding);
        return raw.Line();
    }

    [Fact]
    public void HtmlWithoutCharsetParameter_UsesItsMetaCharset()
    {
        var mail = Single("text/html", "8bit")
            .Text("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head><body>请尽快回复</body></html>", "gb2312")
            .Parse();

        Assert.Equal("请尽快回复", mail.Text);
        Assert.True(mail.TextFromHtml);
    }

    [Fact]
    public void TextWithoutAnyCharset_IsDetected()
    {
        var mail = Single("text/plain", "8bit").Text("저희 지점을 이용해 주셔서 감사합니다. 불편을 드려 죄송합니다.", "euc-kr").Parse();

        Assert.Equal("저희 지점을 이용해 주셔서 감사합니다. 불편을 드려 죄송합니다.\n", mail.Text);
    }

    [Fact]
    public void NoContentType_Raw8BitUtf8_IsRead()
    {
        var mail = new RawMail().Header("From", "a@b.c").Line().Text("直接发送的UTF-8正文", "utf-8").Parse();

        Assert.Equal("直接发送的UTF-8正文\n", mail.Text);
        Assert.Empty(mail.Problems);
    }

    [Fact]
    public void DeclaredUtf8ButBig5_IsDetectedAndReported()
    {
        var mail = Single("text/plain; charset=utf-8", "base64").Base64Body("請問分行幾點開門？我想辦理定期存款。", "big5").Parse();

        Assert.Equal("請問分行幾點開門？我想辦理定期存款。", mail.Text);
        Assert.Contains(mail.Problems, p => p.Contains("declared as utf-8"));
    }

    [Fact]
    public void DeclaredGb2312ButUtf8_IsReadAsUtf8AndReported()
    {
        var mail = Single("text/plain; charset=gb2312", "8bit").Text("标签写错的邮件正文 한국어도", "utf-8").Parse();

        Assert.Equal("标签写错的邮件正文 한국어도\n", mail.Text);
        Assert.Contains(mail.Problems, p => p.Contains("is UTF-8"));
    }

    [Fact]
    public void RawGbkSubjectInAUtf8Message_IsDetected()
    {
        var mail = new RawMail()
            .Header("From", "a@b.c")
            .RawHeader("Subject", "关于信用卡年费的问题", "gbk")
            .Header("Content-Type", "text/plain; charset=utf-8")
            .Line().Line("body").Parse();

        Assert.Equal("关于信用卡年费的问题", mail.Subject);
    }

    [Fact]
    public void UnknownCharset_IsDetectedAndReported()
    {
        var mail = Single("text/plain; charset=x-mac-chinesesimp-unknown", "base64").Base64Body("网点排队时间太长", "gbk").Parse();

        Assert.Equal("网点排队时间太长", mail.Text);
        Assert.Contains(mail.Problems, p => p.Contains("unknown charset"));
    }

    [Fact]
    public void Utf16WithByteOrderMark_IsRead()
    {
        var mail = Single("text/plain; charset=utf-16", "base64")
            .Base64Body([.. System.Text.Encoding.Unicode.GetPreamble(), .. System.Text.Encoding.Unicode.GetBytes("通知")]).Parse();

        Assert.Equal("通知", mail.Text);
    }

    [Fact]
    public void MalformedContentType_IsReadAsText_AndReported()
    {
        var mail = Single("text", "7bit").Line("hello").Parse();

        Assert.Equal("hello\n", mail.Text);
        Assert.Contains(mail.Problems, p => p.Contains("Content-Type"));
    }

    [Fact]
    public void NonTextSinglePart_IsAnAttachment()
    {
        var mail = Single("application/pdf; name=\"statement.pdf\"", "base64").Line("JVBERi0xLjc=").Parse();

        Assert.Equal("", mail.Text);
        Assert.Equal("statement.pdf", Assert.Single(mail.Attachments).FileName);
    }

    [Fact]
    public void Envelope_CcReplyToAndSenderFallback()
    {
        var mail = new RawMail()
            .Header("Sender", "Branch Robot <robot@bank.example>")
            .Header("Cc", "a@x.com, B <b@y.com>")
            .Header("Cc", "c@z.com")
            .Header("Reply-To", "Case Desk <desk@bank.example>")
            .Header("Subject", "s")
            .Line().Line("x").Parse();

        Assert.Equal("robot@bank.example", mail.From?.Address);
        Assert.Equal(["a@x.com", "b@y.com", "c@z.com"], mail.Cc.Select(m => m.Address));
        Assert.Equal("desk@bank.example", Assert.Single(mail.ReplyTo).Address);
    }

    [Fact]
    public void OutlookHtmlOnlyReply_NewTextWithoutHistory()
    {
        var html = "<html><body><div>我已收到新卡，谢谢！</div><div id=\"appendonsend\"></div><hr style=\"display:inline-block;width:98%\">"
                   + "<div id=\"divRplyFwdMsg\"><b>发件人:</b> 客服中心 &lt;service@bank.example&gt;<br><b>发送时间:</b> 2024年1月8日 15:12<br>"
                   + "<b>收件人:</b> 王芳<br><b>主题:</b> 回复: 新卡寄出 [TP-000123]</div><div>您的新卡已寄出。</div></body></html>";
        var mail = Single("text/html; charset=utf-8", "quoted-printable").QuotedPrintableBody(html, "utf-8").Parse();

        Assert.Equal("我已收到新卡，谢谢！", mail.NewText);
        Assert.Contains("您的新卡已寄出。", mail.Text);
    }

    [Fact]
    public void EncodedHeadersAreDecodedInTheHeaderList()
    {
        var mail = new RawMail().Header("From", "a@b.c").Header("X-Custom", RawMail.B("自定义", "gbk")).Line().Line("x").Parse();

        Assert.Equal("自定义", mail.Header("x-custom"));
        Assert.Null(mail.Header("X-Missing"));
    }
}
