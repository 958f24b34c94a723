using Touchpoint.Mail.Mime;

namespace Touchpoint.Mail.Tests;

public sealed class CharsetTests
{
    private const string Simplified = "您好，我上周在营业厅办理的信用卡到现在还没有收到，请问什么时候可以寄出？谢谢。";
    private const string Traditional = "您好，我上週在營業廳辦理的信用卡到現在還沒有收到，請問什麼時候可以寄出？謝謝。";
    private const string Korean = "안녕하세요. 지난주에 지점에서 신청한 카드를 아직 받지 못했습니다. 언제 받을 수 있을까요?";
    private const string Japanese = "お世話になっております。先週窓口で申し込んだカードがまだ届いていません。いつ頃届きますか。";

    [Theory]
    [InlineData("gb2312", "gbk", Simplified)]
    [InlineData("GBK", "gbk", Simplified)]
    [InlineData("x-gbk", "gbk", Simplified)]
    [InlineData("cp936", "gbk", Simplified)]
    [InlineData("gb18030", "gb18030", "㐀𠀀 " + Simplified)]
    [InlineData("big5", "big5", Traditional)]
    [InlineData("x-big5", "big5", Traditional)]
    [InlineData("big5-hkscs", "big5", Traditional)]
    [InlineData("euc-kr", "euc-kr", Korean)]
    [InlineData("ks_c_5601-1987", "ks_c_5601-1987", Korean)]
    [InlineData("cp949", "ks_c_5601-1987", "똠방각하 " + Korean)]
    [InlineData("iso-2022-jp", "iso-2022-jp", Japanese)]
    [InlineData("shift_jis", "shift_jis", Japanese)]
    [InlineData("x-sjis", "shift_jis", Japanese)]
    [InlineData("euc-jp", "euc-jp", Japanese)]
    [InlineData("utf-8", "utf-8", Simplified + Korean)]
    [InlineData("UTF8", "utf-8", Simplified)]
    [InlineData("\"utf-8\"", "utf-8", Simplified)]
    [InlineData("utf-16", "utf-16", Korean)]
    [InlineData("iso-8859-1", "iso-8859-1", "Ça coûte 20 £, déjà payé.")]
    [InlineData("latin1", "windows-1252", "naïve café – “quoted”")]
    [InlineData("iso-8859-2", "iso-8859-2", "Zażółć gęślą jaźń")]
    [InlineData("ISO_8859-15", "iso-8859-15", "coût 5 €")]
    [InlineData("windows-1250", "windows-1250", "Příliš žluťoučký kůň")]
    [InlineData("cp1251", "windows-1251", "Обслуживание клиентов")]
    [InlineData("windows-1256", "windows-1256", "خدمة العملاء")]
    [InlineData("koi8-r", "koi8-r", "Жалоба")]
    public void Decode_LabelsAndAliases_GiveTheText(string label, string encodeWith, string text)
    {
        var bytes = RawMail.Charset(encodeWith).GetBytes(text);

        Assert.Equal(text, Charsets.Decode(bytes, label));
    }

    [Theory]
    [InlineData("gbk", Simplified)]
    [InlineData("big5", Traditional)]
    [InlineData("euc-kr", Korean)]
    [InlineData("shift_jis", Japanese)]
    [InlineData("iso-2022-jp", Japanese)]
    [InlineData("utf-8", Simplified)]
    [InlineData("windows-1252", "Merci beaucoup, très aimable. À bientôt!")]
    [InlineData("us-ascii", "plain English only")]
    public void Decode_MissingCharset_IsDetected(string encodeWith, string text)
    {
        var bytes = RawMail.Charset(encodeWith).GetBytes(text);

        Assert.Equal(text, Charsets.Decode(bytes, null));
    }

    [Theory]
    [InlineData("gbk", "投诉")]
    [InlineData("big5", "謝謝您")]
    [InlineData("euc-kr", "감사합니다")]
    public void Decode_ShortTextWithoutCharset_IsDetected(string encodeWith, string text) =>
        Assert.Equal(text, Charsets.Decode(RawMail.Charset(encodeWith).GetBytes(text), null));

    [Fact]
    public void Decode_UnknownCharset_IsDetectedAndReported()
    {
        var problems = new List<string>();

        Assert.Equal(Simplified, Charsets.Decode(RawMail.Charset("gbk").GetBytes(Simplified), "x-unknown-charset", problems));
        Assert.Single(problems);
    }

    [Fact]
    public void Decode_DeclaredAsciiButGbk_IsDetectedAndReported()
    {
        var problems = new List<string>();

        Assert.Equal(Simplified, Charsets.Decode(RawMail.Charset("gbk").GetBytes(Simplified), "us-ascii", problems));
        Assert.Single(problems);
    }

    [Fact]
    public void Decode_Utf8WithOneDamagedCharacter_StaysUtf8()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(Simplified).ToList();
        bytes.RemoveAt(10);
        var problems = new List<string>();

        var text = Charsets.Decode(bytes.ToArray(), "utf-8", problems);

        Assert.Contains("信用卡到现在还没有收到", text);
        Assert.Single(problems);
    }

    [Fact]
    public void Decode_ByteOrderMark_IsHonoured() =>
        Assert.Equal(Korean, Charsets.Decode([0xFF, 0xFE, .. System.Text.Encoding.Unicode.GetBytes(Korean)], null));
}
