namespace Touchpoint.Assist.Text;

/// <summary>A language the assist models serve, as a BCP 47 tag, with the share of the text's evidence behind it.</summary>
public sealed record DetectedLanguage(string Tag, float Confidence)
{
    public const string SimplifiedChinese = "zh-Hans";
    public const string TraditionalChinese = "zh-Hant";
    public const string Korean = "ko";
    public const string English = "en";
    public const string Unknown = "und";
}

/// <summary>
/// Tells zh-Hans, zh-Hant, ko and en apart by script: Hangul means Korean; ideographs mean Chinese, Traditional or
/// Simplified by which of the characters that differ between the two standards appear (most common characters are the
/// same in both, so a short text may hold none; it is then taken as Simplified with low confidence); Latin letters
/// mean English, the only alphabetic language served. Mixed text goes to the script with more weight, an ideograph
/// counting about as much as an English word.
/// </summary>
public static class LanguageDetector
{
    // Pairs that differ between the standards, aligned position by position: frequent in service conversations
    // (这/這 个/個 们/們 时/時 说/說 国/國 会/會 过/過 对/對 还/還 没/沒 发/發 后/後 ... 银/銀 办/辦 费/費 谢/謝 请/請 ...).
    internal const string SimplifiedOnly =
        "这个们来时说国会过对还没发后经么为学开问样进动长见现关点电话钱银办账约预号码请谢给让认证费换货买卖员边态难题应该层岁实处业从乐书东车门间无与万气热爱听觉写单签响丢诉欢满准备离队赔须险补营础织顾级压线汇总详疗讲闭";
    internal const string TraditionalOnly =
        "這個們來時說國會過對還沒發後經麼為學開問樣進動長見現關點電話錢銀辦賬約預號碼請謝給讓認證費換貨買賣員邊態難題應該層歲實處業從樂書東車門間無與萬氣熱愛聽覺寫單簽響丟訴歡滿準備離隊賠須險補營礎織顧級壓線匯總詳療講閉";

    private static readonly HashSet<char> Simplified = [.. SimplifiedOnly];
    private static readonly HashSet<char> Traditional = [.. TraditionalOnly];

    public static DetectedLanguage Detect(string text)
    {
        text = TextNormalizer.Normalize(text); // full-width Latin letters count as Latin
        int han = 0, hangul = 0, kana = 0, simplified = 0, traditional = 0, latinWords = 0;
        bool inLatinWord = false;
        for (int i = 0, width; i < text.Length; i += width)
        {
            (int codePoint, width) = TextTokenizer.CodePointAt(text, i);
            var script = CharScripts.Of(codePoint);
            bool latin = script == CharScript.Alphabetic && codePoint < 0x250 && char.IsLetter(text, i);
            if (latin && !inLatinWord) latinWords++;
            inLatinWord = latin;
            switch (script)
            {
                case CharScript.Han:
                    han++;
                    if (width == 1 && Simplified.Contains((char)codePoint)) simplified++;
                    if (width == 1 && Traditional.Contains((char)codePoint)) traditional++;
                    break;
                case CharScript.Hangul or CharScript.HangulJamo: hangul++; break;
                case CharScript.Kana: kana++; break;
            }
        }
        double total = han + hangul + kana + latinWords;
        if (total == 0) return new DetectedLanguage(DetectedLanguage.Unknown, 0);
        // Korean text may carry a few ideographs (hanja) and Latin words; Hangul outweighs them per syllable.
        if (hangul > 0 && hangul >= han && hangul >= latinWords) return new DetectedLanguage(DetectedLanguage.Korean, (float)(hangul / total));
        if (kana > 0 && kana * 2 >= han) return new DetectedLanguage(DetectedLanguage.Unknown, (float)(kana / total));
        if (han > 0 && han >= latinWords)
        {
            float share = (float)(han / total);
            if (traditional > simplified) return new DetectedLanguage(DetectedLanguage.TraditionalChinese, share * traditional / (simplified + traditional));
            if (simplified > traditional) return new DetectedLanguage(DetectedLanguage.SimplifiedChinese, share * simplified / (simplified + traditional));
            return new DetectedLanguage(DetectedLanguage.SimplifiedChinese, share * 0.5f);
        }
        return new DetectedLanguage(DetectedLanguage.English, (float)(latinWords / total));
    }
}
