namespace Touchpoint.Mail.Tests;

public sealed class CaseReferenceTests
{
    [Theory]
    [InlineData("Re: Card not received [TP-000123]", "TP-000123")]
    [InlineData("[TP-123] short number", "TP-000123")]
    [InlineData("回复：【TP-004567】排队问题", "TP-004567")]
    [InlineData("회신: ［TP-000089］ 문의", "TP-000089")]
    [InlineData("about my case tp-000777 please", "TP-000777")]
    [InlineData("Case (TP - 000042)", "TP-000042")]
    [InlineData("RE: [TP-0001234567]", "TP-1234567")]
    public void Find_ReferenceInSubject_IsNormalised(string subject, string expected) =>
        Assert.Equal(expected, CaseReference.Find(subject));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("TP-12 too short and bare")]
    [InlineData("STP-000123 is another system")]
    [InlineData("HTTP-000123")]
    public void Find_NoReference_IsNull(string? subject) =>
        Assert.Null(CaseReference.Find(subject));

    [Fact]
    public void Find_BracketedWinsOverBare() =>
        Assert.Equal("TP-000002", CaseReference.Find("TP-000001 merged into [TP-000002]"));

    [Theory]
    [InlineData("Card not received", "Re: Card not received [TP-000123]")]
    [InlineData("Re: RE: Fwd: Card not received [TP-000123]", "Re: Card not received [TP-000123]")]
    [InlineData("回复：答复: 信用卡年费", "Re: 信用卡年费 [TP-000123]")]
    [InlineData("회신: 전달: 카드 분실", "Re: 카드 분실 [TP-000123]")]
    [InlineData("", "Re: [TP-000123]")]
    public void FormatSubject_Reply_HasOnePrefixAndOneReference(string subject, string expected) =>
        Assert.Equal(expected, CaseReference.FormatSubject(subject, "TP-000123"));

    [Fact]
    public void FormatSubject_FirstMail_HasNoPrefix() =>
        Assert.Equal("Your complaint [TP-000123]", CaseReference.FormatSubject("Your complaint", CaseReference.Format(123), reply: false));

    [Theory]
    [InlineData("TP-000123", true, 123)]
    [InlineData("[TP-42]", true, 42)]
    [InlineData("XX-1", false, 0)]
    public void TryParseNumber_GivesTheNumber(string reference, bool ok, long number)
    {
        Assert.Equal(ok, CaseReference.TryParseNumber(reference, out long parsed));
        Assert.Equal(number, parsed);
    }

    [Fact]
    public void FormattedSubject_IsFoundAgain() =>
        Assert.Equal("TP-000321", CaseReference.Find(CaseReference.FormatSubject("退款 [TP-000321]", CaseReference.Format(321))));
}
