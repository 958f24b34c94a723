using System.Globalization;
using System.Reflection;
using System.Text;

namespace Touchpoint.Server.Platform.Search;

/// <summary>One index term and where it came from in the original text (for highlighting).</summary>
public readonly record struct SearchTerm(string Text, int Start, int End);

/// <summary>A query term; a prefix term matches every index term that starts with it (one-character CJK queries).</summary>
public readonly record struct QueryTerm(string Text, bool Prefix);

/// <summary>
/// Turns text into index terms, the same way for documents and queries, so that neither database needs a tokenizer of
/// its own (FTS5 and PostgreSQL only split the result on spaces). Han, kana and Hangul have no spaces between words (or
/// carry endings inside them), so runs of them become overlapping character bigrams: "退款" is found inside
/// "我想申请退款因为商品坏了" and "환불" inside "환불받고싶어요". The last character of each run is also a term of its own,
/// so that every character starts some term and a one-character query is a prefix query. Latin words are case-folded
/// and lightly stemmed; full-width forms fold to ASCII (NFKC); traditional characters fold to simplified ones.
/// </summary>
public static class SearchTokenizer
{
    /// <summary>Stored with the index: a change of the rules below makes the next start rebuild it.</summary>
    public const int Version = 1;
    private const int MaxWordLength = 48;

    private enum Script : byte { None, Word, Han, Kana, Hangul }

    private static readonly char[] Fold = BuildFoldTable();

    // Korean particles and endings most often glued to a noun in a query ("환불을", "카드로", "지점에서").
    private static readonly string[] KoreanParticles =
        ["에서는", "에게서", "으로는", "에서", "에게", "께서", "으로", "까지", "부터", "처럼", "보다", "하고", "이랑", "은", "는", "이", "가", "을", "를",
         "의", "에", "도", "만", "로", "과", "와", "랑"];

    /// <summary>The terms of a document, in order, repeated where the text repeats them (frequency counts for ranking).</summary>
    public static List<SearchTerm> Tokenize(string? text)
    {
        var terms = new List<SearchTerm>();
        if (string.IsNullOrEmpty(text)) return terms;
        foreach (var run in Runs(text))
        {
            if (run.Script == Script.Word)
            {
                var word = Stem(run.Text);
                if (word.Length > 0) terms.Add(new SearchTerm(word, run.Start, run.End));
                continue;
            }
            AddBigrams(terms, run);
        }
        return terms;
    }

    /// <summary>The space-separated text the databases index, each term after <paramref name="prefix"/> (the kind's).</summary>
    public static string IndexText(string? text, char? prefix = null)
    {
        var sb = new StringBuilder();
        foreach (var t in Tokenize(text))
        {
            if (sb.Length > 0) sb.Append(' ');
            if (prefix is { } p) sb.Append(p);
            sb.Append(t.Text);
        }
        return sb.ToString();
    }

    /// <summary>
    /// Query terms, each required (AND). A CJK run of two or more characters gives its bigrams; a single character is a
    /// prefix term. Korean particles at the end of a query word are dropped ("환불을" searches "환불").
    /// </summary>
    public static List<QueryTerm> Query(string? text)
    {
        var terms = new List<QueryTerm>();
        if (string.IsNullOrEmpty(text)) return terms;
        foreach (var run in Runs(text))
        {
            var word = run.Text;
            if (run.Script == Script.Word)
            {
                word = Stem(word);
                if (word.Length > 0) terms.Add(new QueryTerm(word, false));
                continue;
            }
            if (run.Script == Script.Hangul) word = StripParticle(word);
            if (word.Length == 1) terms.Add(new QueryTerm(word, true));
            else
                for (var i = 0; i + 1 < word.Length; i++) terms.Add(new QueryTerm(word.Substring(i, 2), false));
        }
        return terms.DistinctBy(t => (t.Text, t.Prefix)).ToList();
    }

    /// <summary>Whether a document term satisfies a query term.</summary>
    public static bool Matches(string documentTerm, QueryTerm query) =>
        query.Prefix ? documentTerm.StartsWith(query.Text, StringComparison.Ordinal) : documentTerm == query.Text;

    private readonly record struct Run(Script Script, string Text, int Start, int End, int[] Offsets);

    /// <summary>Folded runs of one script, with the original offset of each folded character.</summary>
    private static IEnumerable<Run> Runs(string text)
    {
        var sb = new StringBuilder();
        var offsets = new List<int>();
        var script = Script.None;
        var start = 0;
        var end = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            int width = 1;
            Script s;
            char folded;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                // Supplementary characters: CJK extensions are Han (kept as two chars); the rest (emoji) separate words.
                var cp = char.ConvertToUtf32(c, text[i + 1]);
                width = 2;
                s = cp is >= 0x20000 and <= 0x3FFFF ? Script.Han : Script.None;
                folded = c;
            }
            else
            {
                folded = Fold[c];
                s = ScriptOf(folded);
                // Accents and other combining marks stay inside the word they belong to, without a term of their own.
                if (s == Script.None && script == Script.Word && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) { end = i + 1; continue; }
            }
            if (s != script && sb.Length > 0)
            {
                yield return new Run(script, sb.ToString(), start, end, [.. offsets]);
                sb.Clear();
                offsets.Clear();
            }
            script = s;
            if (s == Script.None) continue;
            if (sb.Length == 0) start = i;
            if (width == 2) { sb.Append(c).Append(text[i + 1]); offsets.Add(i); offsets.Add(i); }
            else { sb.Append(folded); offsets.Add(i); }
            i += width - 1;
            end = i + 1;
        }
        if (sb.Length > 0) yield return new Run(script, sb.ToString(), start, end, [.. offsets]);
    }

    private static void AddBigrams(List<SearchTerm> terms, Run run)
    {
        // Work in text elements so a supplementary character counts as one character.
        var chars = new List<(string Text, int Index)>();
        for (var i = 0; i < run.Text.Length; i++)
        {
            var width = char.IsHighSurrogate(run.Text[i]) && i + 1 < run.Text.Length ? 2 : 1;
            chars.Add((run.Text.Substring(i, width), i));
            i += width - 1;
        }
        int StartOf(int k) => run.Offsets[chars[k].Index];
        int EndOf(int k) => run.Offsets[chars[k].Index + chars[k].Text.Length - 1] + chars[k].Text.Length;
        for (var k = 0; k + 1 < chars.Count; k++) terms.Add(new SearchTerm(chars[k].Text + chars[k + 1].Text, StartOf(k), EndOf(k + 1)));
        var last = chars.Count - 1;
        terms.Add(new SearchTerm(chars[last].Text, StartOf(last), EndOf(last)));
    }

    private static string StripParticle(string word)
    {
        if (word.Length < 3) return word;
        foreach (var p in KoreanParticles)
            if (word.Length - p.Length >= 2 && word.EndsWith(p, StringComparison.Ordinal)) return word[..^p.Length];
        return word;
    }

    /// <summary>
    /// A light English stemmer: plurals, -ed and -ing, a final e, possessives and apostrophes. Crude on purpose: the
    /// same rule runs on documents and queries, so "refunds", "refunded" and "refunding" all meet at "refund".
    /// </summary>
    public static string Stem(string word)
    {
        var w = word.Replace("'", "");
        if (w.Length > MaxWordLength) w = w[..MaxWordLength];
        if (w.Length <= 3 || !IsAsciiLetters(w)) return w;
        if (w.EndsWith("ies") && w.Length > 4) w = w[..^3] + "y";
        else if (w.EndsWith("sses")) w = w[..^2];
        else if (w.EndsWith('s') && !w.EndsWith("ss") && !w.EndsWith("us") && !w.EndsWith("is")) w = w[..^1];
        if (w.EndsWith("ing") && w.Length > 5) w = Undouble(w[..^3]);
        else if (w.EndsWith("ed") && w.Length > 4) w = Undouble(w[..^2]);
        if (w.EndsWith('e') && w.Length > 3) w = w[..^1];
        return w;
    }

    private static string Undouble(string w) =>
        w.Length > 2 && w[^1] == w[^2] && w[^1] is not ('l' or 's' or 'z') ? w[..^1] : w;

    private static bool IsAsciiLetters(string w)
    {
        foreach (var c in w) if (c is < 'a' or > 'z') return false;
        return true;
    }

    private static Script ScriptOf(char c)
    {
        if (c < 0x80) return char.IsAsciiLetterOrDigit(c) || c == '\'' ? Script.Word : Script.None;
        if (c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF' or '\u3007') return Script.Han;
        if (c is >= '\uAC00' and <= '\uD7A3') return Script.Hangul;
        if (c is >= '\u3041' and <= '\u30FF' && c is not ('\u30FB' or '\u30FC')) return Script.Kana;
        if (c == '\u2019') return Script.Word;
        return char.IsLetterOrDigit(c) ? Script.Word : Script.None;
    }

    /// <summary>
    /// Per character: NFKC (full-width Ａ１ to A1, half-width katakana to full), lower case, traditional to simplified,
    /// and the typographic apostrophe to the ASCII one. One table lookup per character at run time.
    /// </summary>
    private static char[] BuildFoldTable()
    {
        var table = new char[char.MaxValue + 1];
        for (var i = 0; i <= char.MaxValue; i++)
        {
            var c = (char)i;
            // Surrogates and noncharacters (U+FFFE, U+FDD0...) cannot be normalised alone: they stay as they are.
            if (char.IsSurrogate(c) || c is >= '\uFDD0' and <= '\uFDEF' || (c & 0xFFFE) == 0xFFFE) { table[i] = c; continue; }
            var s = c.ToString().Normalize(NormalizationForm.FormKC);
            table[i] = char.ToLowerInvariant(s.Length == 1 ? s[0] : c);
        }
        table['\u2019'] = '\'';
        var (traditional, simplified) = LoadVariants();
        for (var i = 0; i < traditional.Length; i++) table[traditional[i]] = simplified[i];
        // A compatibility form of a traditional character (CJK compatibility ideographs) folds all the way.
        for (var i = 0; i <= char.MaxValue; i++)
        {
            var f = table[i];
            if (f != i && table[f] != f) table[i] = table[f];
        }
        return table;
    }

    private static (string Traditional, string Simplified) LoadVariants()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Touchpoint.Server.Search.TraditionalToSimplified.txt")
            ?? throw new InvalidOperationException("The traditional-to-simplified table is not embedded.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var lines = reader.ReadToEnd().Split('\n').Where(l => l.Length > 0 && l[0] != '#').ToList();
        if (lines.Count != 2 || lines[0].Length != lines[1].Length) throw new InvalidOperationException("The traditional-to-simplified table is malformed.");
        return (lines[0], lines[1]);
    }
}
