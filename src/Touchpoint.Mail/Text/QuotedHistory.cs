using System.Text.RegularExpressions;

namespace Touchpoint.Mail.Text;

/// <summary>
/// Strips the quoted history from a reply so that a case thread shows only what the customer wrote this time. Cuts at
/// the first attribution line ("On ... wrote:", "在 ... 写道：", "... 님이 작성:", Gmail's Japanese "2024年1月5日(金) ... &lt;a@b&gt;:"),
/// Outlook separator ("-----Original Message-----", "原始邮件") or Outlook header block ("From:/发件人:/寄件者:/보낸 사람:"
/// followed by "Sent:/To:/Subject:" in any of those languages), and drops lines quoted with "&gt;" (keeping answers
/// written between them). When nothing would be left, the whole text is kept.
/// </summary>
public static partial class QuotedHistory
{
    [GeneratedRegex(@"^(On\s.{1,300}\swrote|Le\s.{1,300}\sa\s+écrit|Am\s.{1,300}\sschrieb\s.{0,200})\s*[:：]$", RegexOptions.IgnoreCase)]
    private static partial Regex WesternAttribution();

    [GeneratedRegex(@"^.{0,300}(写道|寫道|寫到|写到)\s*[:：]?$")]
    private static partial Regex ChineseAttribution();

    [GeneratedRegex(@"^.{0,300}님이\s*(작성|쓴\s*글|작성한\s*글|보낸\s*메일)\s*[:：]?$")]
    private static partial Regex KoreanAttribution();

    [GeneratedRegex(@"^\d{4}年\d{1,2}月\d{1,2}日.{0,200}<[^<>@\s]+@[^<>\s]+>\s*[:：]$")]
    private static partial Regex JapaneseAttribution();

    [GeneratedRegex(@"^-{2,}\s*(Original Message|Ursprüngliche Nachricht|Message d'origine|原始邮件|原始郵件|邮件原件|原始信件|원본 메시지|元のメッセージ|Forwarded by .*)\s*-{2,}$", RegexOptions.IgnoreCase)]
    private static partial Regex OutlookSeparator();

    [GeneratedRegex(@"^\**(From|发件人|發件人|寄件者|寄件人|보낸\s*사람|差出人|Von|De)\**\s*[:：]", RegexOptions.IgnoreCase)]
    private static partial Regex HeaderBlockFrom();

    [GeneratedRegex(@"^\**(Sent|Date|To|Subject|Cc|发送时间|发送日期|日期|时间|收件人|主题|抄送|傳送時間|寄件日期|日期|收件者|主旨|副本|보낸\s*날짜|날짜|받는\s*사람|제목|참조|送信日時|日時|宛先|件名|Gesendet|An|Betreff|Envoyé|À|Objet)\**\s*[:：]", RegexOptions.IgnoreCase)]
    private static partial Regex HeaderBlockField();

    public static string Strip(string text)
    {
        if (string.IsNullOrEmpty(text)) return text;
        var lines = text.Split('\n');
        int cut = lines.Length;
        for (int i = 0; i < lines.Length; i++)
            if (StartsHistory(lines, i))
            {
                cut = i;
                break;
            }

        var kept = new List<string>();
        for (int i = 0; i < cut; i++)
        {
            if (IsQuoted(lines[i])) continue;
            // An attribution in a language not listed above: a line ending in ':' right before a quoted block.
            if (lines[i].TrimEnd().EndsWith(':') && NextNonBlankIsQuoted(lines, i + 1, cut)) continue;
            kept.Add(lines[i].TrimEnd());
        }
        var result = string.Join('\n', kept).Trim('\n', ' ');
        return result.Length == 0 ? text.Trim('\n', ' ') : result;
    }

    private static bool StartsHistory(string[] lines, int i)
    {
        var line = lines[i].Trim();
        if (line.Length == 0 || !(MayStartHistory(line) || (i + 1 < lines.Length && MayStartHistory(lines[i + 1])))) return false;
        if (OutlookSeparator().IsMatch(line)) return true;
        if (IsAttribution(line)) return true;
        // Gmail wraps a long attribution: "On Fri, Jan 5, 2024 at 10:00 AM Ann Lee <" / "ann@example.com> wrote:".
        if (i + 1 < lines.Length && !IsQuoted(lines[i + 1]) && IsAttribution(line + " " + lines[i + 1].Trim())) return true;
        if (line.Length >= 20 && line.All(c => c == '_') && i + 1 < lines.Length && HeaderBlockFrom().IsMatch(NextNonBlank(lines, i + 1)))
            return true;
        if (HeaderBlockFrom().IsMatch(line))
        {
            int fields = 0;
            for (int k = i + 1; k < lines.Length && k <= i + 6; k++)
                if (HeaderBlockField().IsMatch(lines[k].Trim())) fields++;
            return fields >= 2;
        }
        return false;
    }

    // Every separator, header field and attribution has a colon, dash or underscore, or names writing (写道): checking
    // that first keeps the regular expressions off most lines of a long body.
    private static bool MayStartHistory(string line) => line.AsSpan().IndexOfAny(":：-_写寫") >= 0;

    private static bool IsAttribution(string line) =>
        line.Length < 400 && (WesternAttribution().IsMatch(line) || ChineseAttribution().IsMatch(line)
                              || KoreanAttribution().IsMatch(line) || JapaneseAttribution().IsMatch(line));

    private static bool IsQuoted(string line) => line.TrimStart().StartsWith('>');

    private static string NextNonBlank(string[] lines, int from)
    {
        for (int k = from; k < lines.Length; k++)
            if (lines[k].Trim().Length > 0) return lines[k].Trim();
        return "";
    }

    private static bool NextNonBlankIsQuoted(string[] lines, int from, int end)
    {
        for (int k = from; k < end; k++)
            if (lines[k].Trim().Length > 0) return IsQuoted(lines[k]);
        return false;
    }
}
