using Touchpoint.Mail.Mime;

namespace Touchpoint.Mail.Tests;

public sealed class DateTests
{
    [Theory]
    [InlineData("Tue, 1 Jul 2003 10:52:37 +0200", "2003-07-01T10:52:37+02:00")]
    [InlineData("Fri, 05 Jan 2024 09:30:00 +0800 (CST)", "2024-01-05T09:30:00+08:00")]
    [InlineData("5 Jan 2024 09:30:00 +0900", "2024-01-05T09:30:00+09:00")]
    [InlineData("Fri, 5 Jan 2024 09:30 -0500", "2024-01-05T09:30:00-05:00")]
    [InlineData("Fri, 5 Jan 24 09:30:00 GMT", "2024-01-05T09:30:00+00:00")]
    [InlineData("Fri, 5 Jan 99 09:30:00 GMT", "1999-01-05T09:30:00+00:00")]
    [InlineData("Friday, 5 January 2024 09:30:00 EST", "2024-01-05T09:30:00-05:00")]
    [InlineData("Fri, 5 Jan 2024 09:30:00 PDT", "2024-01-05T09:30:00-07:00")]
    [InlineData("Fri, 5 Jan 2024 09:30:00 KST", "2024-01-05T09:30:00+09:00")]
    [InlineData("Fri, 5 Jan 2024 09:30:00 +08:00", "2024-01-05T09:30:00+08:00")]
    [InlineData("Fri, 5 Jan 2024 09:30:00 GMT+8", "2024-01-05T09:30:00+08:00")]
    [InlineData("Fri, 5 Jan 2024 09:30:00 UTC+09:00", "2024-01-05T09:30:00+09:00")]
    [InlineData("Fri Jan  5 09:30:00 2024 +0000", "2024-01-05T09:30:00+00:00")]
    [InlineData("Fri,5 Jan 2024 09:30:00+0800", "2024-01-05T09:30:00+08:00")]
    [InlineData("5-Jan-2024 09:30:00 +0100", "2024-01-05T09:30:00+01:00")]
    [InlineData("2024-01-05T09:30:00+08:00", "2024-01-05T09:30:00+08:00")]
    [InlineData("Fri, 5 Jan 2024 09:30:00.123 Z", "2024-01-05T09:30:00.123+00:00")]
    public void Parse_KnownForms_GiveTheInstant(string value, string expected)
    {
        var problems = new List<string>();

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), MailDateParser.Parse(value, problems));
        Assert.Empty(problems);
    }

    [Fact]
    public void Parse_NoZone_IsUtcAndReported()
    {
        var problems = new List<string>();

        Assert.Equal(new DateTimeOffset(2024, 1, 5, 9, 30, 0, TimeSpan.Zero), MailDateParser.Parse("Fri, 5 Jan 2024 09:30:00", problems));
        Assert.Single(problems);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("Fri, 32 Foo 2024")]
    [InlineData("99:99:99")]
    public void Parse_Nonsense_IsNullAndReported(string value)
    {
        var problems = new List<string>();

        Assert.Null(MailDateParser.Parse(value, problems));
        Assert.Single(problems);
    }
}
