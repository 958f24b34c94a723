namespace Touchpoint.Mail.Tests;

/// <summary>File names of attachments as each family of mail clients writes them.</summary>
public sealed class ParameterTests
{
    private static MailAttachment Attachment(params string[] partHeaders)
    {
        var mail = new RawMail()
            .Header("From", "a@b.c")
            .Header("Content-Type", "multipart/mixed; boundary=\"b1\"")
            .Line().Line("--b1").Header("Content-Type", "text/plain").Line().Line("see attached")
            .Line("--b1").Lines(partHeaders).Header("Content-Transfer-Encoding", "base64").Line().Line("YWJj")
            .Line("--b1--").Parse();
        return Assert.Single(mail.Attachments);
    }

    [Fact]
    public void FileName_Rfc2231ContinuationsWithCharset_AreJoinedAndDecoded()
    {
        // GBK bytes of 对账单.pdf, split over two sections, the second one mid-character.
        var bytes = RawMail.Charset("gbk").GetBytes("对账单2024年.pdf");
        string Percent(byte[] b) => string.Concat(b.Select(x => $"%{x:X2}"));
        var attachment = Attachment(
            "Content-Type: application/pdf",
            $"Content-Disposition: attachment; filename*0*=gbk''{Percent(bytes[..5])};",
            $" filename*1*={Percent(bytes[5..])}");

        Assert.Equal("对账单2024年.pdf", attachment.FileName);
        Assert.Equal("application/pdf", attachment.ContentType);
        Assert.Equal("abc"u8.ToArray(), attachment.Content);
    }

    [Fact]
    public void FileName_Rfc2231PlainContinuations_AreJoined() =>
        Assert.Equal("a-very-long-file-name.txt", Attachment(
            "Content-Type: text/plain",
            "Content-Disposition: attachment; filename*0=\"a-very-\"; filename*1=long-file-; filename*2=\"name.txt\"").FileName);

    [Fact]
    public void FileName_Rfc2231WinsOverPlainParameter() =>
        Assert.Equal("報價單.xlsx", Attachment(
            "Content-Type: application/octet-stream; name=\"fallback.xlsx\"",
            "Content-Disposition: attachment; filename=\"fallback.xlsx\"; filename*=UTF-8''%E5%A0%B1%E5%83%B9%E5%96%AE.xlsx").FileName);

    [Fact]
    public void FileName_EncodedWordInQuotes_IsDecoded() =>
        Assert.Equal("계좌개설서류.pdf", Attachment(
            "Content-Type: application/pdf",
            $"Content-Disposition: attachment; filename=\"{RawMail.B("계좌개설서류.pdf", "euc-kr")}\"").FileName);

    [Fact]
    public void FileName_OnlyOnContentTypeName_IsUsed() =>
        Assert.Equal("申请表.docx", Attachment(
            $"Content-Type: application/msword; name=\"{RawMail.B("申请表.docx", "gb2312")}\"").FileName);

    [Fact]
    public void FileName_WithDirectories_KeepsOnlyTheName() =>
        Assert.Equal("evil.txt", Attachment(
            "Content-Type: text/plain",
            "Content-Disposition: attachment; filename=\"..\\\\..\\\\windows\\\\evil.txt\"").FileName);

    [Fact]
    public void FileName_Missing_IsMadeFromTheType()
    {
        var attachment = Attachment("Content-Type: image/png", "Content-ID: <logo@x>");

        Assert.Equal("part-1.png", attachment.FileName);
        Assert.True(attachment.Inline);
        Assert.Equal("logo@x", attachment.ContentId);
    }

    [Fact]
    public void FileName_CommentsAndCaseInParameters_AreTolerated() =>
        Assert.Equal("Report.PDF", Attachment(
            "Content-Type: Application/PDF (a comment); NAME=Report.PDF").FileName);
}
