namespace Touchpoint.Mail.Tests;

public sealed class MultipartTests
{
    private static RawMail Headers(string contentType) =>
        new RawMail().Header("From", "a@b.c").Header("Subject", "s").Header("MIME-Version", "1.0").Header("Content-Type", contentType).Line();

    [Fact]
    public void Alternative_GivesTextAndHtml()
    {
        var mail = Headers("multipart/alternative; boundary=alt")
            .Line("--alt").Line("Content-Type: text/plain; charset=utf-8").Line().Line("plain")
            .Line("--alt").Line("Content-Type: text/html; charset=utf-8").Line().Line("<p>html</p>")
            .Line("--alt--").Parse();

        Assert.Equal("plain", mail.Text);
        Assert.Equal("<p>html</p>", mail.Html);
        Assert.False(mail.TextFromHtml);
        Assert.Empty(mail.Attachments);
        Assert.Empty(mail.Problems);
    }

    [Fact]
    public void PreambleAndEpilogue_AreIgnored()
    {
        var mail = Headers("multipart/mixed; boundary=\"b\"")
            .Line("This is a multi-part message in MIME format.")
            .Line("--b").Line().Line("the body")
            .Line("--b--")
            .Line("epilogue text that nobody reads").Parse();

        Assert.Equal("the body", mail.Text);
    }

    [Fact]
    public void MissingFinalBoundary_LastPartRunsToTheEnd_AndIsReported()
    {
        var mail = Headers("multipart/mixed; boundary=b")
            .Line("--b").Line().Line("first")
            .Line("--b").Line("Content-Type: application/pdf; name=x.pdf").Line("Content-Transfer-Encoding: base64").Line().Line("JVBERi0=")
            .Parse();

        Assert.Equal("first", mail.Text);
        Assert.Equal("%PDF-"u8.ToArray(), Assert.Single(mail.Attachments).Content);
        Assert.Contains(mail.Problems, p => p.Contains("closing boundary"));
    }

    [Fact]
    public void NestedBoundaryThatExtendsTheOuter_IsNotConfused()
    {
        var mail = Headers("multipart/mixed; boundary=b")
            .Line("--b").Line("Content-Type: multipart/alternative; boundary=b-inner").Line()
            .Line("--b-inner").Line("Content-Type: text/plain").Line().Line("inner text")
            .Line("--b-inner").Line("Content-Type: text/html").Line().Line("<b>inner</b>")
            .Line("--b-inner--")
            .Line("--b").Line("Content-Type: image/png; name=a.png").Line("Content-Transfer-Encoding: base64").Line().Line("iVBORw==")
            .Line("--b--").Parse();

        Assert.Equal("inner text", mail.Text);
        Assert.Equal("<b>inner</b>", mail.Html);
        Assert.Equal("a.png", Assert.Single(mail.Attachments).FileName);
        Assert.Empty(mail.Problems);
    }

    [Fact]
    public void RelatedWithInlineImage_GivesHtmlAndAnInlineAttachment()
    {
        var mail = Headers("multipart/related; type=\"text/html\"; boundary=rel")
            .Line("--rel").Line("Content-Type: text/html; charset=utf-8").Line().Line("<img src=\"cid:logo@bank\"> 您好")
            .Line("--rel").Line("Content-Type: image/png").Line("Content-ID: <logo@bank>").Line("Content-Transfer-Encoding: base64").Line().Line("iVBORw==")
            .Line("--rel--").Parse();

        var image = Assert.Single(mail.Attachments);
        Assert.True(image.Inline);
        Assert.Equal("logo@bank", image.ContentId);
        Assert.Equal("您好", mail.Text);
        Assert.True(mail.TextFromHtml);
    }

    [Fact]
    public void TextSplitAroundAnImage_IsJoinedInOrder()
    {
        var mail = Headers("multipart/mixed; boundary=m")
            .Line("--m").Line("Content-Type: text/plain").Line().Line("before")
            .Line("--m").Line("Content-Type: image/jpeg; name=photo.jpg").Line("Content-Disposition: inline; filename=photo.jpg").Line("Content-Transfer-Encoding: base64").Line().Line("/9j/")
            .Line("--m").Line("Content-Type: text/plain").Line().Line("after")
            .Line("--m--").Parse();

        Assert.Equal("before\nafter", mail.Text);
        Assert.True(Assert.Single(mail.Attachments).Inline);
    }

    [Fact]
    public void AttachedMessage_IsParsedToo()
    {
        var mail = Headers("multipart/mixed; boundary=m")
            .Line("--m").Line().Line("Forwarding the complaint below.")
            .Line("--m").Line("Content-Type: message/rfc822").Line("Content-Disposition: attachment").Line()
            .Line($"From: {RawMail.B("李娜", "gbk")} <lina@example.cn>")
            .Line($"Subject: {RawMail.B("投诉：排队两个小时", "gbk")}")
            .Line("Content-Type: text/plain; charset=gbk")
            .Line("Content-Transfer-Encoding: base64").Line()
            .Base64Body("我在浦东支行排队两个小时。", "gbk")
            .Line("--m--").Parse();

        var attached = Assert.Single(mail.Attachments);
        Assert.Equal("message/rfc822", attached.ContentType);
        Assert.Equal("投诉：排队两个小时.eml", attached.FileName);
        Assert.Equal("李娜", attached.Message?.From?.DisplayName);
        Assert.Equal("我在浦东支行排队两个小时。", attached.Message?.Text);
        Assert.Equal("Forwarding the complaint below.", mail.Text);
    }

    [Fact]
    public void TransportPaddingAfterBoundary_IsAccepted()
    {
        var mail = Headers("multipart/mixed; boundary=p")
            .Line("--p   ").Line().Line("padded")
            .Line("--p--  ").Parse();

        Assert.Equal("padded", mail.Text);
    }

    [Fact]
    public void MultipartWithoutBoundaryParameter_IsReadAsText()
    {
        var mail = Headers("multipart/mixed").Line("just text").Parse();

        Assert.Equal("just text\n", mail.Text);
        Assert.Contains(mail.Problems, p => p.Contains("boundary"));
    }

    [Fact]
    public void BoundaryNeverFound_IsReadAsText()
    {
        var mail = Headers("multipart/mixed; boundary=nothere").Line("--other").Line().Line("text").Parse();

        Assert.Contains("text", mail.Text);
        Assert.Contains(mail.Problems, p => p.Contains("without any part"));
    }

    [Fact]
    public void Digest_PartsDefaultToMessages()
    {
        var mail = Headers("multipart/digest; boundary=d")
            .Line("--d").Line().Line("From: x@y.z").Line("Subject: first").Line().Line("one")
            .Line("--d").Line().Line("From: x@y.z").Line("Subject: second").Line().Line("two")
            .Line("--d--").Parse();

        Assert.Equal(["first", "second"], mail.Attachments.Select(a => a.Message?.Subject));
    }

    [Fact]
    public void DeepNesting_StopsAndIsReported()
    {
        var raw = new RawMail().Header("From", "a@b.c").Header("Content-Type", "multipart/mixed; boundary=b0").Line();
        for (int i = 1; i < 60; i++) raw.Line($"--b{i - 1}").Line($"Content-Type: multipart/mixed; boundary=b{i}").Line();
        raw.Line("--b59").Line().Line("deep");

        var mail = raw.Parse();

        Assert.Contains(mail.Problems, p => p.Contains("too deep"));
    }

    [Fact]
    public void PartWithoutHeaders_IsPlainText()
    {
        var mail = Headers("multipart/mixed; boundary=b").Line("--b").Line("no headers, no blank line").Line("--b--").Parse();

        Assert.Equal("no headers, no blank line", mail.Text);
    }

    [Fact]
    public void AttachmentTextFile_IsNotBody()
    {
        var mail = Headers("multipart/mixed; boundary=b")
            .Line("--b").Line().Line("body")
            .Line("--b").Line("Content-Type: text/plain; charset=utf-8").Line("Content-Disposition: attachment; filename=log.txt").Line().Line("log line")
            .Line("--b--").Parse();

        Assert.Equal("body", mail.Text);
        Assert.Equal("log.txt", Assert.Single(mail.Attachments).FileName);
        Assert.Equal("log line"u8.ToArray(), mail.Attachments[0].Content);
    }
}
