namespace Touchpoint.Assist.Text;

/// <summary>
/// Splits normalised text into runs of one script. Latin words keep inner apostrophes (don't, i'm) and digits (a380);
/// Han and Kana runs stay whole (their n-grams are taken later); each symbol or emoji is a token of its own, so "!!" and
/// "?" remain visible to the models.
/// </summary>
public static class TextTokenizer
{
    public static IReadOnlyList<TextToken> Tokenize(string text)
    {
        var normalized = TextNormalizer.Normalize(text);
        var spans = new List<TokenSpan>();
        Split(normalized, spans);
        return spans.Select(s => new TextToken(normalized.Substring(s.Start, s.Length), s.Script)).ToList();
    }

    /// <summary>Appends the tokens of already normalised text to <paramref name="spans"/>.</summary>
    public static void Split(string normalized, List<TokenSpan> spans)
    {
        int i = 0;
        while (i < normalized.Length)
        {
            var (codePoint, width) = CodePointAt(normalized, i);
            var script = CharScripts.Of(codePoint);
            if (script == CharScript.Space) { i += width; continue; }
            int start = i;
            i += width;
            if (script == CharScript.Symbol) { spans.Add(new TokenSpan(start, width, script)); continue; }
            while (i < normalized.Length)
            {
                var (next, nextWidth) = CodePointAt(normalized, i);
                var nextScript = CharScripts.Of(next);
                if (nextScript == script) { i += nextWidth; continue; }
                // Keep an apostrophe between letters inside the word: "don't", "customer's".
                if (script == CharScript.Alphabetic && next is '\'' or '\u2019' && i + 1 < normalized.Length
                    && CharScripts.Of(normalized[i + 1]) == CharScript.Alphabetic) { i += 1; continue; }
                break;
            }
            spans.Add(new TokenSpan(start, i - start, script));
        }
    }

    public static (int CodePoint, int Width) CodePointAt(string text, int index)
    {
        var c = text[index];
        if (char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
            return (char.ConvertToUtf32(c, text[index + 1]), 2);
        return (c, 1);
    }
}
