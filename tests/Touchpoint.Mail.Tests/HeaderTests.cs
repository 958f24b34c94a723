namespace Touchpoint.Mail.Tests;

public sealed class HeaderTests
{
    [Fact]
    public void Parse_FoldedHeaders_AreUnfolded()
    {
        var mail = new RawMail()
            .Header("From", "ann@example.com")
            .Line("Subject: a subject that was")
            .Line("\tfolded over")
            .Line("  three lines")
            .Line().Line("body").Parse();

        Assert.Equal("a subject that was folded over three lines", mail.Subject);
    }

    [Fact]
    public void Parse_DuplicateHeaders_AreAllKeptInOrder()
    {
        var mail = new RawMail()
            .Header("Received", "from a by b")
            .Header("Received", "from c by d")
            .Header("From", "ann@example.com")
            .Header("Subject", "first")
            .Header("Subject", "second")
            .Line().Line("body").Parse();

        Assert.Equal(["from a by b", "from c by d"], mail.Headers.Where(h => h.Key == "Received").Select(h => h.Value));
        Assert.Equal("first", mail.Subject);
        Assert.Equal("first", mail.Header("subject"));
    }

    [Fact]
    public void Parse_MissingBlankLineAfterHeaders_BodyStillRead()
    {
        var mail = new RawMail()
            .Header("From", "ann@example.com")
            .Header("Subject", "no blank line")
            .Line("Hello, this is the body.")
            .Parse();

        Assert.Equal("Hello, this is the body.\n", mail.Text);
        Assert.Contains(mail.Problems, p => p.Contains("blank line"));
        Assert.False(mail.CouldNotParse);
    }

    [Fact]
    public void Parse_MboxFromLine_IsSkipped()
    {
        var mail = new RawMail()
            .Line("From ann@example.com Mon Jan  1 00:00:00 2024")
            .Header("From", "Ann <ann@example.com>")
            .Header("Subject", "hi")
            .Line().Line("body").Parse();

        Assert.Equal("ann@example.com", mail.From?.Address);
        Assert.Empty(mail.Problems);
    }

    [Fact]
    public void Parse_SpaceBeforeColon_IsTolerated()
    {
        var mail = new RawMail().Line("Subject : spaced").Header("From", "a@b.c").Line().Line("x").Parse();

        Assert.Equal("spaced", mail.Subject);
    }

    [Fact]
    public void Parse_LfOnlyLineEnds_AreRead()
    {
        var mail = new RawMail("\n")
            .Header("From", "ann@example.com")
            .Header("Subject", "unix")
            .Line().Line("line one").Line("line two").Parse();

        Assert.Equal("unix", mail.Subject);
        Assert.Equal("line one\nline two\n", mail.Text);
    }

    [Fact]
    public void Parse_RawUtf8Subject_IsDecoded()
    {
        var mail = new RawMail().Header("From", "a@b.c").Header("Subject", "退款申请 환불 요청").Line().Line("x").Parse();

        Assert.Equal("退款申请 환불 요청", mail.Subject);
    }

    [Fact]
    public void Parse_RawGbkHeaders_AreDecodedWithTheBodyCharset()
    {
        var mail = new RawMail()
            .RawHeader("From", "张伟 <zhangwei@example.cn>", "gbk")
            .RawHeader("Subject", "关于信用卡年费的问题", "gbk")
            .Header("Content-Type", "text/plain; charset=gbk")
            .Line()
            .Text("您好", "gbk").Parse();

        Assert.Equal("关于信用卡年费的问题", mail.Subject);
        Assert.Equal("张伟", mail.From?.DisplayName);
    }

    [Fact]
    public void Parse_RawBig5SubjectWithoutCharset_IsDetected()
    {
        var mail = new RawMail()
            .Header("From", "a@b.c")
            .RawHeader("Subject", "請問我的信用卡帳單為什麼還沒有寄到", "big5")
            .Line().Line("x").Parse();

        Assert.Equal("請問我的信用卡帳單為什麼還沒有寄到", mail.Subject);
    }
}
