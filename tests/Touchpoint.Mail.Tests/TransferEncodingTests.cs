using System.Text;
using Touchpoint.Mail.Mime;

namespace Touchpoint.Mail.Tests;

public sealed class TransferEncodingTests
{
    private static string Base64(string encoded) => Encoding.UTF8.GetString(TransferDecoding.DecodeBase64(Encoding.ASCII.GetBytes(encoded), new List<string>()));

    private static string QuotedPrintable(string encoded) =>
        Encoding.UTF8.GetString(TransferDecoding.DecodeQuotedPrintable(Encoding.ASCII.GetBytes(encoded), new List<string>()));

    [Theory]
    [InlineData("5oKo5aW9\r\n", "您好")]
    [InlineData("5oKo\r\n5aW9\r\n", "您好")]
    [InlineData("5oKo5a\r\nW9", "您好")]
    [InlineData("5oKo 5aW9", "您好")]
    [InlineData("YWJjZA", "abcd")]
    [InlineData("YWJjZA=", "abcd")]
    [InlineData("YWJjZA==\r\n\r\n", "abcd")]
    [InlineData("YW*Jj!ZA==", "abcd")]
    public void Base64_TolerantOfLinesPaddingAndStrayCharacters(string encoded, string expected) =>
        Assert.Equal(expected, Base64(encoded));

    [Fact]
    public void Base64_StrayCharacters_AreReported()
    {
        var problems = new List<string>();
        TransferDecoding.DecodeBase64("YW*Jj"u8, problems);

        Assert.Single(problems);
    }

    [Theory]
    [InlineData("caf=C3=A9", "café")]
    [InlineData("caf=c3=a9", "café")]
    [InlineData("a very long line that was =\r\nsoftly broken", "a very long line that was softly broken")]
    [InlineData("soft break with padding=  \r\nafter", "soft break with paddingafter")]
    [InlineData("lf only=\nbreak", "lf onlybreak")]
    [InlineData("trailing spaces   \r\nnext", "trailing spaces\r\nnext")]
    [InlineData("kept=20\r\nnext", "kept \r\nnext")]
    [InlineData("1+1=2 and a=b", "1+1=2 and a=b")]
    [InlineData("ends with =", "ends with ")]
    public void QuotedPrintable_TolerantDecoding(string encoded, string expected) =>
        Assert.Equal(expected, QuotedPrintable(encoded));

    [Fact]
    public void QuotedPrintable_InvalidEscape_IsReported()
    {
        var problems = new List<string>();
        TransferDecoding.DecodeQuotedPrintable("1+1=2"u8, problems);

        Assert.Single(problems);
    }

    [Theory]
    [InlineData("7bit")]
    [InlineData("8bit")]
    [InlineData("binary")]
    [InlineData(null)]
    [InlineData(" 8BIT ")]
    public void Identity_EncodingsKeepTheBytes(string? encoding) =>
        Assert.Equal([0xD6, 0xD0, 0x00, 0xFF], TransferDecoding.Decode([0xD6, 0xD0, 0x00, 0xFF], encoding, new List<string>()));

    [Fact]
    public void UnknownEncoding_KeepsTheBytes_AndIsReported()
    {
        var problems = new List<string>();

        Assert.Equal("begin 644"u8.ToArray(), TransferDecoding.Decode("begin 644"u8, "x-uuencode", problems));
        Assert.Single(problems);
    }
}
