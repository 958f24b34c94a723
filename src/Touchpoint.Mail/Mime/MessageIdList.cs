namespace Touchpoint.Mail.Mime;

/// <summary>
/// Message-ID, In-Reply-To and References: the ids between angle brackets, without them. Mailers that omit the brackets
/// (or put a quoted phrase beside them, as old In-Reply-To headers do) still give their ids: bare words containing '@'.
/// </summary>
internal static class MessageIdList
{
    public static List<string> Parse(string? value)
    {
        var ids = new List<string>();
        if (string.IsNullOrWhiteSpace(value)) return ids;
        var text = HeaderText.StripComments(value);
        int position = 0;
        bool bracketed = false;
        while (position < text.Length)
        {
            int open = text.IndexOf('<', position);
            if (open < 0) break;
            int close = text.IndexOf('>', open + 1);
            if (close < 0) break;
            var id = text[(open + 1)..close].Replace(" ", "").Replace("\t", "");
            if (id.Length > 0 && !ids.Contains(id)) ids.Add(id);
            bracketed = true;
            position = close + 1;
        }
        if (!bracketed)
            foreach (var word in text.Split([' ', '\t', ',', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries))
                if (word.Contains('@') && !word.Contains('"') && !ids.Contains(word.Trim('<', '>'))) ids.Add(word.Trim('<', '>'));
        return ids;
    }
}
