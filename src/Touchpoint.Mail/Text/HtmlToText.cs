using System.Net;
using System.Text;

namespace Touchpoint.Mail.Text;

/// <summary>
/// A plain-text rendering of an HTML mail body for staff and for the case thread: tags stripped, entities decoded,
/// line breaks where blocks end, list items marked, and blockquotes prefixed with "&gt; " so that quoted history in an
/// HTML-only reply can be stripped like a plain-text one. Script, style and head are dropped. Not a browser: malformed
/// markup gives imperfect text, never an error.
/// </summary>
public static class HtmlToText
{
    private static readonly HashSet<string> BlockTags =
    [
        "p", "div", "tr", "table", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "section", "article", "header",
        "footer", "address", "hr", "dl", "dt", "dd", "center", "form", "fieldset", "tbody", "thead",
    ];

    private static readonly HashSet<string> SkippedTags = ["script", "style", "head", "title", "template", "noscript"];

    public static string Convert(string html)
    {
        var output = new StringBuilder(html.Length / 2);
        int quoteDepth = 0, preDepth = 0;
        bool lineStart = true, pendingSpace = false;

        void NewLine()
        {
            output.Append('\n');
            lineStart = true;
            pendingSpace = false;
        }

        void AppendText(string text)
        {
            foreach (char raw in text)
            {
                char c = raw == '\u00A0' ? ' ' : raw;
                if (preDepth > 0 && c == '\n') { NewLine(); continue; }
                if (preDepth == 0 && char.IsWhiteSpace(c))
                {
                    pendingSpace = !lineStart;
                    continue;
                }
                if (lineStart && quoteDepth > 0) output.Append(string.Concat(Enumerable.Repeat("> ", quoteDepth)));
                else if (pendingSpace) output.Append(' ');
                output.Append(c);
                lineStart = false;
                pendingSpace = false;
            }
        }

        int i = 0;
        while (i < html.Length)
        {
            int open = html.IndexOf('<', i);
            if (open < 0) open = html.Length;
            if (open > i) AppendText(WebUtility.HtmlDecode(html[i..open]));
            if (open >= html.Length) break;

            if (string.CompareOrdinal(html, open, "<!--", 0, 4) == 0)
            {
                int endComment = html.IndexOf("-->", open + 4, StringComparison.Ordinal);
                i = endComment < 0 ? html.Length : endComment + 3;
                continue;
            }
            // "a < b" in text: a '<' that starts no tag is a character.
            if (open + 1 >= html.Length || !(char.IsAsciiLetter(html[open + 1]) || html[open + 1] is '/' or '!' or '?'))
            {
                AppendText("<");
                i = open + 1;
                continue;
            }
            int close = TagEnd(html, open);
            var (name, closing) = TagName(html, open + 1, close);
            i = close + 1;
            if (!closing && SkippedTags.Contains(name))
            {
                int end = html.IndexOf("</" + name, i, StringComparison.OrdinalIgnoreCase);
                i = end < 0 ? html.Length : TagEnd(html, end) + 1;
                continue;
            }
            switch (name)
            {
                case "br":
                    NewLine();
                    break;
                case "li":
                    if (!lineStart) NewLine();
                    if (!closing) AppendText("- ");
                    break;
                case "blockquote":
                    if (!lineStart) NewLine();
                    quoteDepth = Math.Max(0, quoteDepth + (closing ? -1 : 1));
                    break;
                case "pre":
                    if (!lineStart) NewLine();
                    preDepth = Math.Max(0, preDepth + (closing ? -1 : 1));
                    break;
                case "td" or "th":
                    pendingSpace = !lineStart;
                    break;
                default:
                    if (BlockTags.Contains(name) && !lineStart) NewLine();
                    break;
            }
        }
        return Tidy(output.ToString());
    }

    // The '>' closing a tag that opens at start, skipping quoted attribute values; -1 becomes the end of the text.
    private static int TagEnd(string html, int start)
    {
        char quote = '\0';
        for (int k = start + 1; k < html.Length; k++)
        {
            char c = html[k];
            if (quote != '\0') { if (c == quote) quote = '\0'; }
            else if (c is '"' or '\'' && html[k - 1] == '=') quote = c;
            else if (c == '>') return k;
        }
        return html.Length - 1;
    }

    private static (string Name, bool Closing) TagName(string html, int from, int to)
    {
        bool closing = from < html.Length && html[from] == '/';
        if (closing) from++;
        int end = from;
        while (end < to && end < html.Length && (char.IsAsciiLetterOrDigit(html[end]) || html[end] == ':')) end++;
        return (html[from..end].ToLowerInvariant(), closing);
    }

    // Trims each line, and keeps at most one blank line in a row.
    private static string Tidy(string text)
    {
        var result = new StringBuilder(text.Length);
        int blank = 0;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd();
            if (line.Length == 0 || line.Trim('>', ' ').Length == 0 && line.StartsWith('>'))
            {
                if (++blank > 1 || result.Length == 0) continue;
                result.Append('\n');
                continue;
            }
            blank = 0;
            result.Append(line).Append('\n');
        }
        return result.ToString().Trim('\n');
    }
}
