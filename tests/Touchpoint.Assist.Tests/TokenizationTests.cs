using Touchpoint.Assist.Text;

namespace Touchpoint.Assist.Tests;

public sealed class TokenizationTests
{
    private static readonly TextFeaturizer Featurizer = new(FeatureOptions.Default);

    [Fact]
    public void Tokenize_MixedScripts_SplitsAtEveryScriptChange()
    {
        var tokens = TextTokenizer.Tokenize("我的Card丢了！카드를 잃어버렸어요 ㅠㅠ");

        // NFKC turns the compatibility letters ㅠㅠ into conjoining jamo; they stay one token of their own script.
        Assert.Equal(["我的", "card", "丢了", "!", "카드를", "잃어버렸어요", TextNormalizer.Normalize("ㅠㅠ")], tokens.Select(t => t.Text));
        Assert.Equal([CharScript.Han, CharScript.Alphabetic, CharScript.Han, CharScript.Symbol, CharScript.Hangul, CharScript.Hangul, CharScript.HangulJamo],
            tokens.Select(t => t.Script));
    }

    [Fact]
    public void Normalize_FullWidthCaseAndLongRepeats_AreFolded()
    {
        Assert.Equal("card 123 abc", TextNormalizer.Normalize("ＣＡＲＤ １２３ AbC"));
        Assert.Equal("sooo good!!!", TextNormalizer.Normalize("SOOOOOOO good!!!!!!!"));
        Assert.Equal("10000000", TextNormalizer.Normalize("10000000")); // digits keep their repeats: amounts differ
    }

    [Fact]
    public void Tokenize_EnglishContractionsAndEmoji_StayWhole()
    {
        var tokens = TextTokenizer.Tokenize("I don't like it 😡 at all");

        Assert.Contains(tokens, t => t.Text == "don't");
        Assert.Contains(tokens, t => t.Text == "😡" && t.Script == CharScript.Symbol);
    }

    [Fact]
    public void Features_Chinese_AreCharacterOneToThreeGrams()
    {
        var features = Featurizer.DescribeFeatures("银行卡丢了");

        Assert.Contains("HanChars:银", features);
        Assert.Contains("HanChars:银行", features);
        Assert.Contains("HanChars:卡丢了", features);
        Assert.Contains("HanChars:<银", features); // the start of a clause is a feature of its own
        Assert.DoesNotContain(features, f => f.StartsWith("HanChars:") && f.Length - "HanChars:".Length > 3);
        Assert.DoesNotContain(features, f => f.StartsWith("Word:")); // no word segmentation is pretended
    }

    [Fact]
    public void Features_TraditionalChinese_AreTakenTheSameWay()
    {
        var features = Featurizer.DescribeFeatures("銀行卡不見了");

        Assert.Contains("HanChars:銀行", features);
        Assert.Contains("HanChars:不見了", features);
    }

    [Fact]
    public void Features_Korean_AreSyllableGramsWithinWordsAndTheEnding()
    {
        var features = Featurizer.DescribeFeatures("카드를 잃어버렸어요");

        Assert.Contains("Word:카드를", features);
        Assert.Contains("HangulChars:카드", features);
        Assert.Contains("HangulChars:요>", features); // the polite ending at the end of the word
        Assert.Contains("WordPair:카드를 잃어버렸어요", features);
        Assert.DoesNotContain("HangulChars:를 잃", features); // syllable grams stay inside a word
        Assert.Contains(features, f => f.StartsWith("HangulEnding:"));
    }

    [Fact]
    public void Features_English_AreWordsWordPairsAndCharacterGramsInsideWords()
    {
        var features = Featurizer.DescribeFeatures("Lost card");

        Assert.Contains("Word:lost", features);
        Assert.Contains("WordPair:lost card", features);
        Assert.Contains("AlphabeticChars:<ca", features);
        Assert.Contains("AlphabeticChars:card>", features);
        Assert.DoesNotContain(features, f => f.StartsWith("AlphabeticChars:") && f.Contains(' '));
    }

    [Fact]
    public void Features_MixedText_TakeEachScriptsOwnFeatures()
    {
        var features = Featurizer.DescribeFeatures("我的card丢了");

        Assert.Contains("HanChars:我的", features);
        Assert.Contains("Word:card", features);
        Assert.Contains("AlphabeticChars:<car", features);
        Assert.Contains("HanChars:丢了", features);
    }

    [Fact]
    public void ExtractBuckets_KnownWord_GivesTheSameBucketInEveryProcessAndVersion()
    {
        // Saved models depend on the hash never changing (string.GetHashCode changes per process): the value is pinned.
        var buckets = new List<int>();
        new TextFeaturizer(FeatureOptions.Default with { AlphabeticCharMax = 0, WordBigrams = false, HashBits = 21 }).ExtractBuckets("Card", buckets);

        Assert.Equal([1950667], buckets);
    }
}
