using Touchpoint.Mail.Mime;

namespace Touchpoint.Mail.Tests;

public sealed class AddressTests
{
    private static List<MailboxAddress> Parse(string value) => AddressListParser.Parse(value, new List<string>());

    [Theory]
    [InlineData("ann@example.com", null, "ann@example.com")]
    [InlineData("<ann@example.com>", null, "ann@example.com")]
    [InlineData("Ann Lee <ann@example.com>", "Ann Lee", "ann@example.com")]
    [InlineData("\"Lee, Ann\" <ann@example.com>", "Lee, Ann", "ann@example.com")]
    [InlineData("\"Ann \\\"the boss\\\" Lee\" <ann@example.com>", "Ann \"the boss\" Lee", "ann@example.com")]
    [InlineData("ann@example.com (Ann Lee)", "Ann Lee", "ann@example.com")]
    [InlineData("Ann (Sales) Lee <ann@example.com>", "Ann Lee", "ann@example.com")]
    [InlineData("'Ann Lee' <ann@example.com>", "Ann Lee", "ann@example.com")]
    [InlineData("Ann <mailto:ann@example.com>", "Ann", "ann@example.com")]
    [InlineData("<@relay.example.net:ann@example.com>", null, "ann@example.com")]
    [InlineData("Ann Lee <ann@example.com", "Ann Lee", "ann@example.com")]
    public void Parse_OneMailbox_GivesNameAndAddress(string value, string? name, string address)
    {
        var mailbox = Assert.Single(Parse(value));

        Assert.Equal(name, mailbox.DisplayName);
        Assert.Equal(address, mailbox.Address);
    }

    [Fact]
    public void Parse_List_WithCommasInQuotesAndComments()
    {
        var list = Parse("\"Doe, John\" <j@x.com>, ann@y.com (Ann, from sales), Bo <bo@z.kr>");

        Assert.Equal(["j@x.com", "ann@y.com", "bo@z.kr"], list.Select(m => m.Address));
        Assert.Equal("Doe, John", list[0].DisplayName);
    }

    [Fact]
    public void Parse_Groups_GiveTheirMembers()
    {
        var list = Parse("Support team: a@x.com, B <b@x.com>;, c@y.com, undisclosed-recipients:;");

        Assert.Equal(["a@x.com", "b@x.com", "c@y.com"], list.Select(m => m.Address));
    }

    [Fact]
    public void Parse_UnquotedCommaInName_StaysOneMailbox()
    {
        var mailbox = Assert.Single(Parse("Doe, John <j@x.com>"));

        Assert.Equal("Doe, John", mailbox.DisplayName);
    }

    [Fact]
    public void Parse_EncodedWordNames_AreDecoded_AlsoInsideQuotes()
    {
        var list = Parse($"{RawMail.B("王小明", "gb2312")} <wang@example.cn>, \"{RawMail.B("陳大文", "big5")}\" <chan@example.tw>, {RawMail.Q("김민수", "euc-kr")} <kim@example.kr>");

        Assert.Equal(["王小明", "陳大文", "김민수"], list.Select(m => m.DisplayName));
    }

    [Fact]
    public void Parse_NotAnAddress_IsReported()
    {
        var problems = new List<string>();

        Assert.Empty(AddressListParser.Parse("just some words", problems));
        Assert.Single(problems);
    }
}
