using Touchpoint.Mail.Mime;

namespace Touchpoint.Mail.Tests;

public sealed class MessageIdTests
{
    [Theory]
    [InlineData("<abc@example.com>", new[] { "abc@example.com" })]
    [InlineData("<a@x> <b@y>\r\n\t<c@z>", new[] { "a@x", "b@y", "c@z" })]
    [InlineData("<a@x><b@y>", new[] { "a@x", "b@y" })]
    [InlineData("<a@x> (comment <z@z>) <a@x>", new[] { "a@x" })]
    [InlineData("\"Ann's message of Friday\" <a@x>", new[] { "a@x" })]
    [InlineData("abc@example.com", new[] { "abc@example.com" })]
    [InlineData("a@x, b@y", new[] { "a@x", "b@y" })]
    [InlineData("", new string[0])]
    public void Parse_Lists_GiveIdsWithoutBrackets(string value, string[] expected) =>
        Assert.Equal(expected, MessageIdList.Parse(value));

    [Fact]
    public void Parse_ThreadingHeaders_AreRead()
    {
        var mail = new RawMail()
            .Header("From", "a@b.c")
            .Header("Message-ID", "<reply-2@mail.example.cn>")
            .Header("In-Reply-To", "<reply-1@touchpoint.example>")
            .Line("References: <root@touchpoint.example>")
            .Line(" <reply-1@touchpoint.example>")
            .Line().Line("x").Parse();

        Assert.Equal("reply-2@mail.example.cn", mail.MessageId);
        Assert.Equal(["reply-1@touchpoint.example"], mail.InReplyTo);
        Assert.Equal(["root@touchpoint.example", "reply-1@touchpoint.example"], mail.References);
        Assert.Equal(["reply-1@touchpoint.example", "root@touchpoint.example"], MailThreading.ParentIds(mail));
    }

    [Fact]
    public void ForReply_AppendsTheParent_AndKeepsTheRootWhenLong()
    {
        var references = Enumerable.Range(1, 30).Select(i => $"m{i}@x").ToList();

        var (inReplyTo, result) = MailThreading.ForReply("m31@x", references);

        Assert.Equal("m31@x", inReplyTo);
        Assert.Equal(MailThreading.MaxReferences, result.Count);
        Assert.Equal("m1@x", result[0]);
        Assert.Equal("m31@x", result[^1]);
    }
}
