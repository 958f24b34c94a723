using System.Text;

namespace Touchpoint.Assist.Text;

/// <summary>
/// Brings the many ways of writing the same text to one form before features are taken: NFKC folds full-width Latin
/// (ＡＢＣ１２３), half-width katakana and compatibility ideographs into their ordinary forms; lower-casing folds case;
/// long repeats (soooo, ！！！！, ㅋㅋㅋㅋㅋ, 哈哈哈哈哈) are cut to three, because their length carries little meaning
/// and each length would otherwise be a feature of its own.
/// </summary>
public static class TextNormalizer
{
    public const int MaxRepeat = 3;

    // A link's letters are random (t.co/Q5SB0DaVuy): only the fact that there is a link says something.
    private static readonly System.Text.RegularExpressions.Regex Links = new(@"(https?://|www\.)\S+", System.Text.RegularExpressions.RegexOptions.Compiled);

    public static string Normalize(string text)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        var folded = text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);
        folded = folded.ToLowerInvariant();
        if (folded.Contains('&')) folded = folded.Replace("&amp;", "&").Replace("&lt;", "<").Replace("&gt;", ">").Replace("&quot;", "\"");
        if (folded.Contains("http") || folded.Contains("www.")) folded = Links.Replace(folded, " http ");
        return CutRepeats(folded);
    }

    private static string CutRepeats(string text)
    {
        var needed = false;
        for (int i = MaxRepeat; i < text.Length && !needed; i++)
            needed = text[i] == text[i - 1] && text[i] == text[i - 2] && text[i] == text[i - 3] && !char.IsDigit(text[i]);
        if (!needed) return text;
        var builder = new StringBuilder(text.Length);
        int run = 0;
        for (int i = 0; i < text.Length; i++)
        {
            run = i > 0 && text[i] == text[i - 1] ? run + 1 : 1;
            if (run <= MaxRepeat || char.IsDigit(text[i])) builder.Append(text[i]);
        }
        return builder.ToString();
    }
}
