using Touchpoint.Mail.Mime;

namespace Touchpoint.Mail.Tests;

public sealed class EncodedWordTests
{
    [Theory]
    [InlineData("gb2312", "您的账户已冻结")]
    [InlineData("gbk", "营业厅排队太久了")]
    [InlineData("gb18030", "𠮷野家的预约")]
    [InlineData("big5", "網路銀行無法登入")]
    [InlineData("euc-kr", "카드 분실 신고")]
    [InlineData("ks_c_5601-1987", "상담 요청드립니다")]
    [InlineData("iso-2022-jp", "口座の解約について")]
    [InlineData("shift_jis", "お問い合わせ")]
    [InlineData("utf-8", "Réclamation 投诉 불만")]
    [InlineData("iso-8859-1", "Café crème")]
    [InlineData("windows-1251", "Жалоба")]
    public void Decode_BAndQInEachCharset_GiveTheText(string charset, string text)
    {
        Assert.Equal(text, EncodedWords.Decode(RawMail.B(text, charset)));
        Assert.Equal(text, EncodedWords.Decode(RawMail.Q(text, charset)));
    }

    [Fact]
    public void Decode_WhiteSpaceBetweenWords_IsDropped_ButNotAroundText()
    {
        var text = $"Re: {RawMail.B("退款", "utf-8")}  \r\n {RawMail.B("申请", "utf-8")} (urgent)";

        Assert.Equal("Re: 退款申请 (urgent)", EncodedWords.Decode(text));
    }

    [Fact]
    public void Decode_WordsGluedTogether_AreDecoded()
    {
        var text = RawMail.B("信用卡", "gbk") + RawMail.B("年费", "gbk");

        Assert.Equal("信用卡年费", EncodedWords.Decode(text));
    }

    [Fact]
    public void Decode_CharacterSplitAcrossWords_IsJoinedAsBytes()
    {
        // Encoders cut by bytes: the first word ends with half of 费 (GBK B7 D1).
        var bytes = RawMail.Charset("gbk").GetBytes("年费");
        var text = $"=?GBK?B?{Convert.ToBase64String(bytes[..3])}?= =?gbk?B?{Convert.ToBase64String(bytes[3..])}?=";

        Assert.Equal("年费", EncodedWords.Decode(text));
    }

    [Fact]
    public void Decode_QWithUnderscoresAndLowerCase_IsRead() =>
        Assert.Equal("a b=c", EncodedWords.Decode("=?us-ascii?q?a_b=3dc?="));

    [Fact]
    public void Decode_LanguageTag_IsIgnored() =>
        Assert.Equal("안녕", EncodedWords.Decode(RawMail.B("안녕", "utf-8").Replace("utf-8", "utf-8*ko")));

    [Theory]
    [InlineData("=?utf-8?B?not base64!?=")]
    [InlineData("=?no-such-charset?B?YWJj?=")]
    [InlineData("=?utf-8?X?abc?=")]
    [InlineData("=?utf-8?B?YWJj")]
    [InlineData("price =? 5")]
    public void Decode_MalformedWord_IsLeftAsWritten(string text) =>
        Assert.Equal(text, EncodedWords.Decode(text));

    [Fact]
    public void Decode_MalformedWord_IsReported()
    {
        var problems = new List<string>();
        EncodedWords.Decode("=?no-such-charset?B?YWJj?=", problems);

        Assert.Contains(problems, p => p.Contains("encoded-word"));
    }

    [Fact]
    public void Decode_WordsInDifferentCharsets_AreEachDecoded() =>
        Assert.Equal("中文한국어", EncodedWords.Decode(RawMail.B("中文", "gbk") + " " + RawMail.B("한국어", "euc-kr")));

    [Fact]
    public void Decode_DeclaredUtf8ThatIsGbk_IsDetected() =>
        Assert.Equal("投诉建议", EncodedWords.Decode($"=?utf-8?B?{Convert.ToBase64String(RawMail.Charset("gbk").GetBytes("投诉建议"))}?="));
}
