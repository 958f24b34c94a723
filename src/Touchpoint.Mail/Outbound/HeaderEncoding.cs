using System.Globalization;
using System.Text;

namespace Touchpoint.Mail.Outbound;

/// <summary>Header values for outbound mail: encoded-words for non-ASCII text, quoted display names, RFC 2231 file
/// names, folding at 78 columns.</summary>
internal static class HeaderEncoding
{
    // An encoded-word may be 75 characters, but it must also fit on a folded line after `name="`: 39 bytes make 52
    // base64 characters, a 64-character word.
    private const int BytesPerWord = 39;

    public static bool NeedsEncoding(string text) =>
        !Ascii.IsValid(text) || text.Contains("=?", StringComparison.Ordinal) || text.Any(c => c < ' ' && c != '\t');

    /// <summary>UTF-8 B encoded-words, split between characters (never inside one), separated by spaces for folding.</summary>
    public static string EncodeWords(string text)
    {
        var words = new List<string>();
        var chunk = new List<byte>();
        Span<byte> buffer = stackalloc byte[4];
        foreach (var rune in text.EnumerateRunes())
        {
            int length = rune.EncodeToUtf8(buffer);
            if (chunk.Count + length > BytesPerWord)
            {
                words.Add(Word(chunk));
                chunk.Clear();
            }
            for (int i = 0; i < length; i++) chunk.Add(buffer[i]);
        }
        if (chunk.Count > 0 || words.Count == 0) words.Add(Word(chunk));
        return string.Join(' ', words);
    }

    private static string Word(List<byte> bytes) => "=?UTF-8?B?" + Convert.ToBase64String(bytes.ToArray()) + "?=";

    public static string Unstructured(string text)
    {
        var single = text.Replace("\r", " ").Replace("\n", " ");
        return NeedsEncoding(single) ? EncodeWords(single) : single;
    }

    public static string Address(MailboxAddress mailbox)
    {
        var name = mailbox.DisplayName?.Replace("\r", " ").Replace("\n", " ").Trim();
        if (string.IsNullOrEmpty(name)) return mailbox.Address;
        if (NeedsEncoding(name)) return $"{EncodeWords(name)} <{mailbox.Address}>";
        bool isAtoms = name.All(c => char.IsAsciiLetterOrDigit(c) || c == ' ' || "!#$%&'*+-/=?^_`{|}~".Contains(c));
        return isAtoms ? $"{name} <{mailbox.Address}>" : $"\"{name.Replace("\\", "\\\\").Replace("\"", "\\\"")}\" <{mailbox.Address}>";
    }

    public static string AddressList(IEnumerable<MailboxAddress> mailboxes) => string.Join(", ", mailboxes.Select(Address));

    /// <summary>A file name parameter: plain when ASCII, else RFC 2231 continuations (<c>filename*0*=UTF-8''%E4...</c>).</summary>
    public static string FileNameParameter(string parameter, string fileName)
    {
        if (!NeedsEncoding(fileName) && fileName.Length < 60)
            return $"{parameter}=\"{fileName.Replace("\\", "\\\\").Replace("\"", "\\\"")}\"";
        var encoded = new StringBuilder();
        foreach (byte b in Encoding.UTF8.GetBytes(fileName))
            encoded.Append(char.IsAsciiLetterOrDigit((char)b) || b is (byte)'.' or (byte)'-' or (byte)'_' ? ((char)b).ToString() : "%" + b.ToString("X2", CultureInfo.InvariantCulture));
        var sections = new List<string>();
        var text = encoded.ToString();
        for (int start = 0, index = 0; start < text.Length; index++)
        {
            int length = Math.Min(44, text.Length - start);
            // Never split a %XX escape between sections.
            if (start + length < text.Length && text[start + length - 1] == '%') length--;
            else if (start + length < text.Length && text[start + length - 2] == '%') length -= 2;
            sections.Add($"{parameter}*{index}*={(index == 0 ? "UTF-8''" : "")}{text.Substring(start, length)}");
            start += length;
        }
        return string.Join("; ", sections);
    }

    /// <summary>"Name: value" folded before 78 columns at white space, with CRLF.</summary>
    public static string Fold(string name, string value)
    {
        var result = new StringBuilder();
        int lineLength = name.Length + 2;
        result.Append(name).Append(": ");
        bool first = true;
        foreach (var word in value.Split(' '))
        {
            if (!first)
            {
                if (lineLength + 1 + word.Length > 76)
                {
                    result.Append("\r\n ");
                    lineLength = 1;
                }
                else
                {
                    result.Append(' ');
                    lineLength++;
                }
            }
            result.Append(word);
            lineLength += word.Length;
            first = false;
        }
        return result.Append("\r\n").ToString();
    }

    public static string Date(DateTimeOffset date)
    {
        var offset = date.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        var abs = offset.Duration();
        return date.ToString("ddd, d MMM yyyy HH:mm:ss ", CultureInfo.InvariantCulture) + $"{sign}{abs.Hours:00}{abs.Minutes:00}";
    }
}
