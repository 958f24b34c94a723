using Touchpoint.Assist.Text;

namespace Touchpoint.Assist.Tests;

public sealed class LanguageDetectorTests
{
    [Theory]
    [InlineData("我的银行卡丢了，怎么办？", "zh-Hans")]
    [InlineData("这个服务态度太差了", "zh-Hans")]
    [InlineData("我的金融卡不見了，該怎麼辦？", "zh-Hant")]
    [InlineData("這個服務態度太差了", "zh-Hant")]
    [InlineData("카드를 잃어버렸어요", "ko")]
    [InlineData("ㅋㅋㅋ 감사합니다", "ko")]
    [InlineData("I lost my card yesterday", "en")]
    [InlineData("ＴＨＡＮＫ ＹＯＵ", "en")]
    public void Detect_SingleLanguage_GivesItsTag(string text, string expected) =>
        Assert.Equal(expected, LanguageDetector.Detect(text).Tag);

    [Theory]
    [InlineData("我的card丢了，请帮我挂失", "zh-Hans")]
    [InlineData("ATM에서 카드가 안 나와요", "ko")]
    [InlineData("Can you help me with my 預約 please", "en")]
    public void Detect_MixedScripts_GoesToTheWeightierScript(string text, string expected) =>
        Assert.Equal(expected, LanguageDetector.Detect(text).Tag);

    [Theory]
    [InlineData("")]
    [InlineData("12345 !!!")]
    [InlineData("😀😀")]
    public void Detect_NoLetters_IsUnknown(string text) =>
        Assert.Equal("und", LanguageDetector.Detect(text).Tag);

    [Fact]
    public void Detect_ChineseWithoutDistinctiveCharacters_IsSimplifiedWithLowConfidence()
    {
        var detected = LanguageDetector.Detect("中文");

        Assert.Equal("zh-Hans", detected.Tag);
        Assert.True(detected.Confidence <= 0.5f);
    }

    [Fact]
    public void CharacterLists_PairUpAndNeverOverlap()
    {
        Assert.Equal(LanguageDetector.SimplifiedOnly.Length, LanguageDetector.TraditionalOnly.Length);
        Assert.Empty(LanguageDetector.SimplifiedOnly.Intersect(LanguageDetector.TraditionalOnly));
    }
}
