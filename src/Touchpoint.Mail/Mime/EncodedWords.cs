using System.Text;

namespace Touchpoint.Mail.Mime;

/// <summary>
/// RFC 2047 encoded-words (=?charset?B|Q?text?=) in header text. Runs of words in one charset are decoded together, as
/// bytes, because encoders split multi-byte characters across words (a GBK or UTF-8 character half in each). White space
/// between two encoded-words is dropped; words glued to each other or to text are decoded too, as every mail client does.
/// A malformed word (unknown charset, broken base64) is left as written.
/// </summary>
internal static class EncodedWords
{
    private readonly record struct Word(int Start, int End, string Charset, byte[] Bytes);

    public static string Decode(string text, ICollection<string>? problems = null)
    {
        if (!text.Contains("=?", StringComparison.Ordinal)) return text;
        var words = FindWords(text, problems);
        if (words.Count == 0) return text;

        var result = new StringBuilder(text.Length);
        int position = 0;
        for (int i = 0; i < words.Count;)
        {
            result.Append(text, position, words[i].Start - position);
            // Gather the run of words in one charset separated by nothing but white space.
            var bytes = new List<byte>(words[i].Bytes);
            int j = i + 1;
            while (j < words.Count && IsWhiteSpace(text, words[j - 1].End, words[j].Start)
                   && string.Equals(words[j].Charset, words[i].Charset, StringComparison.OrdinalIgnoreCase))
                bytes.AddRange(words[j++].Bytes);
            result.Append(Charsets.Decode(bytes.ToArray(), words[i].Charset, problems));
            position = words[j - 1].End;
            // White space between runs of different charsets goes too.
            if (j < words.Count && IsWhiteSpace(text, position, words[j].Start)) position = words[j].Start;
            i = j;
        }
        result.Append(text, position, text.Length - position);
        return result.ToString();
    }

    private static bool IsWhiteSpace(string text, int from, int to)
    {
        for (int k = from; k < to; k++)
            if (text[k] is not (' ' or '\t' or '\r' or '\n')) return false;
        return true;
    }

    private static List<Word> FindWords(string text, ICollection<string>? problems)
    {
        var words = new List<Word>();
        int search = 0;
        while (search < text.Length)
        {
            int start = text.IndexOf("=?", search, StringComparison.Ordinal);
            if (start < 0) break;
            int q1 = text.IndexOf('?', start + 2);
            int q2 = q1 < 0 ? -1 : text.IndexOf('?', q1 + 1);
            int end = q2 < 0 ? -1 : text.IndexOf("?=", q2 + 1, StringComparison.Ordinal);
            if (end < 0 || q2 != q1 + 2 || HasWhiteSpace(text, start, q1))
            {
                search = start + 2;
                continue;
            }
            string charset = text[(start + 2)..q1];
            char encoding = char.ToUpperInvariant(text[q1 + 1]);
            string payload = text[(q2 + 1)..end];
            byte[]? bytes = encoding switch
            {
                'B' => TransferDecoding.DecodeBase64Strict(payload),
                'Q' => DecodeQ(payload),
                _ => null,
            };
            if (bytes is null || Charsets.Resolve(charset) is null)
            {
                problems?.Add($"malformed encoded-word left as written: {Shorten(text[start..(end + 2)])}");
                search = end + 2;
                continue;
            }
            words.Add(new Word(start, end + 2, charset, bytes));
            search = end + 2;
        }
        return words;
    }

    private static bool HasWhiteSpace(string text, int from, int to)
    {
        for (int k = from; k < to; k++)
            if (char.IsWhiteSpace(text[k])) return true;
        return false;
    }

    private static byte[] DecodeQ(string payload)
    {
        var bytes = new List<byte>(payload.Length);
        for (int i = 0; i < payload.Length; i++)
        {
            char c = payload[i];
            if (c == '_') bytes.Add((byte)' ');
            else if (c == '=' && i + 2 < payload.Length
                     && TransferDecoding.HexValue(payload[i + 1]) is var hi and >= 0 && TransferDecoding.HexValue(payload[i + 2]) is var lo and >= 0)
            {
                bytes.Add((byte)(hi * 16 + lo));
                i += 2;
            }
            else bytes.Add(c < 256 ? (byte)c : (byte)'?');
        }
        return [.. bytes];
    }

    internal static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
