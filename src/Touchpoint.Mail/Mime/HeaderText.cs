using System.Text;

namespace Touchpoint.Mail.Mime;

/// <summary>
/// Turns a raw header value (Latin-1, one character per byte) into text: raw 8-bit bytes are read as UTF-8 when valid
/// (RFC 6532), else in the entity's charset, else by detection; then encoded-words are decoded.
/// </summary>
internal static class HeaderText
{
    public static string Decode(string raw, Encoding? fallback, ICollection<string>? problems) =>
        EncodedWords.Decode(DecodeRaw(raw, fallback), problems);

    public static string DecodeRaw(string raw, Encoding? fallback)
    {
        if (Ascii.IsValid(raw)) return raw;
        var bytes = Charsets.Latin1.GetBytes(raw);
        if (CharsetDetector.IsValidUtf8(bytes)) return Charsets.Utf8.GetString(bytes);
        // Not UTF-8, so a UTF-8 body says nothing about these bytes: detect them instead.
        bool useFallback = fallback is not null && fallback.CodePage != Charsets.Utf8.CodePage;
        return Charsets.GetString(useFallback ? fallback! : CharsetDetector.Detect(bytes), bytes);
    }

    /// <summary>Removes (comments), honouring quotes and nesting, for structured fields such as Date.</summary>
    public static string StripComments(string value)
    {
        if (!value.Contains('(')) return value;
        var result = new StringBuilder(value.Length);
        int depth = 0;
        bool quoted = false;
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (c == '\\' && i + 1 < value.Length && (quoted || depth > 0))
            {
                if (depth == 0) result.Append(c).Append(value[i + 1]);
                i++;
            }
            else if (c == '"' && depth == 0) { quoted = !quoted; result.Append(c); }
            else if (c == '(' && !quoted) depth++;
            else if (c == ')' && !quoted && depth > 0) { depth--; if (depth == 0) result.Append(' '); }
            else if (depth == 0) result.Append(c);
        }
        return result.ToString();
    }
}
