using System.Text;
using System.Text.RegularExpressions;

namespace Touchpoint.Server.Platform.Search;

/// <summary>A piece of a snippet; <c>Hit</c> pieces matched the query. Plain text: the client renders, never parses HTML.</summary>
public sealed record SnippetPart(string Text, bool Hit);

/// <summary>
/// Builds the highlighted excerpt of a hit in C#, from the source text and the same tokenizer as the index, so both
/// databases give the same snippet. Email addresses and phone numbers in the excerpt are masked (keeping their length,
/// so offsets still hold): a snippet is read on screens others may see, like any list.
/// </summary>
public static partial class SearchSnippets
{
    private const int Width = 120;
    private const int Lead = 24;

    public static IReadOnlyList<SnippetPart> Build(string? text, IReadOnlyList<QueryTerm> query)
    {
        if (string.IsNullOrEmpty(text)) return [];
        var masked = MaskContacts(text);
        var spans = new List<(int Start, int End)>();
        foreach (var term in SearchTokenizer.Tokenize(text))
            if (query.Any(q => SearchTokenizer.Matches(term.Text, q)))
                spans.Add(PrefixSpan(term, query));
        spans = Merge(spans);

        // The window that starts a little before the match with the most other matches close after it.
        var start = 0;
        if (spans.Count > 0)
        {
            var best = spans.MaxBy(s => spans.Count(o => o.Start >= s.Start && o.Start < s.Start + Width - Lead));
            start = Math.Max(0, best.Start - Lead);
        }
        var end = Math.Min(text.Length, start + Width);
        if (end == text.Length) start = Math.Max(0, Math.Min(start, end - Width));
        if (start > 0 && char.IsLowSurrogate(text[start])) start--;
        if (end < text.Length && char.IsLowSurrogate(text[end])) end++;

        var parts = new List<SnippetPart>();
        var at = start;
        foreach (var (s, e) in spans.Where(x => x.End > start && x.Start < end))
        {
            var hs = Math.Max(s, start);
            var he = Math.Min(e, end);
            if (hs > at) parts.Add(new SnippetPart(Clean(masked[at..hs]), false));
            parts.Add(new SnippetPart(Clean(masked[hs..he]), true));
            at = he;
        }
        if (at < end) parts.Add(new SnippetPart(Clean(masked[at..end]), false));
        if (start > 0) parts.Insert(0, new SnippetPart("…", false));
        if (end < text.Length) parts.Add(new SnippetPart("…", false));
        return parts;
    }

    /// <summary>A one-character query highlights that character, not the whole bigram that contains it.</summary>
    private static (int, int) PrefixSpan(SearchTerm term, IReadOnlyList<QueryTerm> query)
    {
        var exact = query.Any(q => !q.Prefix && q.Text == term.Text);
        if (exact || term.Text.Length <= 1) return (term.Start, term.End);
        var firstWidth = char.IsHighSurrogate(term.Text[0]) ? 2 : 1;
        return (term.Start, Math.Min(term.End, term.Start + firstWidth));
    }

    private static List<(int Start, int End)> Merge(List<(int Start, int End)> spans)
    {
        var merged = new List<(int Start, int End)>();
        foreach (var s in spans.OrderBy(s => s.Start))
        {
            if (merged.Count > 0 && s.Start <= merged[^1].End) merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, s.End));
            else merged.Add(s);
        }
        return merged;
    }

    /// <summary>Line breaks read as spaces in a one-line excerpt.</summary>
    private static string Clean(string s) => s.Replace("\r\n", " ").Replace('\n', ' ').Replace('\r', ' ').Replace('\t', ' ');

    /// <summary>k***@example.com and 138****5678, same length as the original so highlight offsets stay valid.</summary>
    public static string MaskContacts(string text)
    {
        var chars = text.ToCharArray();
        foreach (Match m in EmailPattern().Matches(text))
        {
            var at = m.Value.IndexOf('@');
            for (var i = m.Index + 1; i < m.Index + at; i++) chars[i] = '*';
        }
        foreach (Match m in PhonePattern().Matches(text))
        {
            var digits = m.Value.Count(char.IsAsciiDigit);
            if (digits < 7) continue;
            var seen = 0;
            for (var i = m.Index; i < m.Index + m.Length; i++)
            {
                if (!char.IsAsciiDigit(chars[i])) continue;
                seen++;
                if (seen > 3 && seen <= digits - 4) chars[i] = '*';
            }
        }
        return new StringBuilder().Append(chars).ToString();
    }

    [GeneratedRegex(@"[^\s@<>()""',;:]+@[^\s@<>()""',;:]+\.[A-Za-z]{2,}")]
    private static partial Regex EmailPattern();

    // Seven digits or more, possibly with spaces, dashes, dots or brackets between, optionally after a plus sign.
    [GeneratedRegex(@"\+?\d[\d\-\s.()]{5,}\d")]
    private static partial Regex PhonePattern();
}
