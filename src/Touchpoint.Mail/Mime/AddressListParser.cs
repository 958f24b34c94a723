using System.Text;

namespace Touchpoint.Mail.Mime;

/// <summary>
/// RFC 5322 address lists: mailboxes with or without display names, quoted strings with escapes, groups
/// (<c>team: a@x, b@y;</c>, <c>undisclosed-recipients:;</c>), comments (<c>a@x (Ann)</c> gives the name Ann) and
/// encoded-words in names, also inside quotes where Outlook puts them. Tolerates an unquoted comma in a name
/// (<c>Doe, John &lt;j@x&gt;</c>) and a missing closing bracket.
/// </summary>
internal static class AddressListParser
{
    public static List<MailboxAddress> Parse(string? value, ICollection<string> problems)
    {
        var result = new List<MailboxAddress>();
        if (string.IsNullOrWhiteSpace(value)) return result;
        var items = SplitTopLevel(value);
        for (int i = 0; i < items.Count; i++)
        {
            var item = items[i].Trim();
            if (item.Length == 0) continue;
            if (!item.Contains('@') && !item.Contains('<') && i + 1 < items.Count && items[i + 1].Contains('<'))
            {
                // "Doe, John <j@x>": the comma belonged to the name.
                items[i + 1] = item + "," + items[i + 1];
                continue;
            }
            if (ParseMailbox(item) is { } mailbox) result.Add(mailbox);
            else problems.Add($"not an address: {EncodedWords.Shorten(item)}");
        }
        return result;
    }

    // Splits on commas outside quotes, comments and angle brackets; a group's name (before ':') and its closing ';'
    // are dropped, leaving its members.
    private static List<string> SplitTopLevel(string value)
    {
        var items = new List<string>();
        var current = new StringBuilder();
        bool quoted = false, angle = false;
        int comment = 0;
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (c == '\\' && (quoted || comment > 0) && i + 1 < value.Length)
            {
                current.Append(c).Append(value[++i]);
                continue;
            }
            if (quoted)
            {
                if (c == '"') quoted = false;
            }
            else if (comment > 0)
            {
                if (c == '(') comment++;
                else if (c == ')') comment--;
            }
            else if (c == '"') quoted = true;
            else if (c == '(') comment++;
            else if (c == '<') angle = true;
            else if (c == '>') angle = false;
            else if (!angle && (c == ',' || c == ';'))
            {
                items.Add(current.ToString());
                current.Clear();
                continue;
            }
            else if (!angle && c == ':')
            {
                current.Clear();
                continue;
            }
            current.Append(c);
        }
        items.Add(current.ToString());
        return items;
    }

    private static MailboxAddress? ParseMailbox(string item)
    {
        int open = IndexOutsideQuotes(item, '<');
        if (open >= 0)
        {
            int close = item.IndexOf('>', open);
            var address = CleanAddress(close > open ? item[(open + 1)..close] : item[(open + 1)..]);
            var name = item[..open] + (close > open ? " " + item[(close + 1)..] : "");
            var display = DisplayName(HeaderText.StripComments(name));
            if (display.Length == 0) display = CommentText(name);
            return address.Length == 0 ? null : new MailboxAddress(display.Length == 0 ? null : display, address);
        }
        var bare = CleanAddress(HeaderText.StripComments(item));
        if (!bare.Contains('@') || bare.Contains(' ')) return null;
        var fromComment = CommentText(item);
        return new MailboxAddress(fromComment.Length == 0 ? null : fromComment, bare);
    }

    private static string CleanAddress(string address)
    {
        var cleaned = address.Trim().Trim('"', '\'').Trim();
        if (cleaned.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)) cleaned = cleaned[7..];
        // An obsolete source route (<@relay:user@host>) names the relay, not the mailbox.
        int routeEnd = cleaned.StartsWith('@') ? cleaned.IndexOf(':') : -1;
        if (routeEnd > 0) cleaned = cleaned[(routeEnd + 1)..];
        return cleaned.Replace(" ", "");
    }

    // Quoted strings are unquoted and joined with the atoms around them; encoded-words are decoded (inside quotes too).
    private static string DisplayName(string text)
    {
        var result = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\\' && quoted && i + 1 < text.Length) result.Append(text[++i]);
            else if (c == '"') quoted = !quoted;
            else result.Append(c);
        }
        return CollapseWhiteSpace(EncodedWords.Decode(result.ToString().Trim())).Trim('\'', ' ');
    }

    // The text of the first comment: "a@x (Ann Lee)" names Ann Lee.
    private static string CommentText(string text)
    {
        int open = IndexOutsideQuotes(text, '(');
        int close = open < 0 ? -1 : text.LastIndexOf(')');
        return close > open && open >= 0 ? CollapseWhiteSpace(EncodedWords.Decode(text[(open + 1)..close].Trim())) : "";
    }

    private static int IndexOutsideQuotes(string text, char wanted)
    {
        bool quoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && quoted) i++;
            else if (text[i] == '"') quoted = !quoted;
            else if (text[i] == wanted && !quoted) return i;
        }
        return -1;
    }

    internal static string CollapseWhiteSpace(string text)
    {
        var result = new StringBuilder(text.Length);
        bool space = false;
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c)) { space = result.Length > 0; continue; }
            if (space) result.Append(' ');
            space = false;
            result.Append(c);
        }
        return result.ToString();
    }
}
