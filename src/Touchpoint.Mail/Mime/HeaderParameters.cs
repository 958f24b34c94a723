using System.Text;

namespace Touchpoint.Mail.Mime;

/// <summary>
/// A header of the form <c>value; name=token; name="quoted"</c> (Content-Type, Content-Disposition), with RFC 2231
/// continuations and charsets (<c>filename*0*=gbk''%D6%D0; filename*1*=%CE%C4</c>), and the non-standard forms real
/// clients send: encoded-words inside quotes (Outlook, Gmail) and raw 8-bit file names.
/// </summary>
internal sealed class HeaderParameters
{
    public string Value { get; }
    private readonly Dictionary<string, string> parameters;

    private HeaderParameters(string value, Dictionary<string, string> parameters)
    {
        Value = value;
        this.parameters = parameters;
    }

    public string? this[string name] => parameters.GetValueOrDefault(name);

    private readonly record struct Section(string Name, int Index, bool Extended, string Text);

    public static HeaderParameters Parse(string? raw, Encoding? fallback, ICollection<string> problems)
    {
        var sections = new List<Section>();
        var parts = SplitOnSemicolons(raw ?? "");
        string value = parts.Count > 0 ? HeaderText.StripComments(parts[0]).Trim().ToLowerInvariant() : "";
        foreach (var part in parts.Skip(1))
        {
            int eq = part.IndexOf('=');
            if (eq <= 0)
            {
                if (!string.IsNullOrWhiteSpace(part)) problems.Add($"header parameter without '=': {EncodedWords.Shorten(part.Trim())}");
                continue;
            }
            var name = part[..eq].Trim().ToLowerInvariant();
            var text = Unquote(part[(eq + 1)..].Trim());
            bool extended = name.EndsWith('*');
            if (extended) name = name[..^1];
            int index = -1;
            int star = name.IndexOf('*');
            if (star > 0 && int.TryParse(name[(star + 1)..], out int n))
            {
                index = n;
                name = name[..star];
            }
            sections.Add(new Section(name, index, extended, text));
        }

        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var group in sections.GroupBy(s => s.Name))
        {
            // RFC 2231 wins over a plain parameter of the same name, which clients add for older readers.
            var rfc2231 = group.Where(s => s.Extended || s.Index >= 0).OrderBy(s => s.Index).ToList();
            result[group.Key] = rfc2231.Count > 0
                ? Combine(rfc2231, fallback, problems)
                : HeaderText.Decode(group.First().Text, fallback, problems);
        }
        return new HeaderParameters(value, result);
    }

    // Joins the sections' bytes (percent-decoded where extended) and decodes them in the first section's charset.
    private static string Combine(List<Section> sections, Encoding? fallback, ICollection<string> problems)
    {
        string? charset = null;
        var bytes = new List<byte>();
        for (int i = 0; i < sections.Count; i++)
        {
            var text = sections[i].Text;
            if (sections[i].Extended)
            {
                if (i == 0)
                {
                    var pieces = text.Split('\'', 3);
                    if (pieces.Length == 3)
                    {
                        charset = pieces[0];
                        text = pieces[2];
                    }
                }
                PercentDecode(text, bytes);
            }
            else bytes.AddRange(Charsets.Latin1.GetBytes(text));
        }
        var array = bytes.ToArray();
        if (string.IsNullOrEmpty(charset))
            return HeaderText.Decode(Charsets.Latin1.GetString(array), fallback, problems);
        return Charsets.Decode(array, charset, problems);
    }

    private static void PercentDecode(string text, List<byte> bytes)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '%' && i + 2 < text.Length && TransferDecoding.HexValue(text[i + 1]) is var hi and >= 0
                && TransferDecoding.HexValue(text[i + 2]) is var lo and >= 0)
            {
                bytes.Add((byte)(hi * 16 + lo));
                i += 2;
            }
            else bytes.Add(text[i] < 256 ? (byte)text[i] : (byte)'?');
        }
    }

    private static string Unquote(string text)
    {
        if (text.Length < 1 || text[0] != '"') return text;
        var result = new StringBuilder(text.Length);
        for (int i = 1; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '"') break;
            // Windows paths in unescaped file names ("C:\tmp\a.txt") keep their backslashes unless they escape a quote.
            if (c == '\\' && i + 1 < text.Length && text[i + 1] is '"' or '\\') c = text[++i];
            result.Append(c);
        }
        return result.ToString();
    }

    private static List<string> SplitOnSemicolons(string raw)
    {
        var parts = new List<string>();
        bool quoted = false;
        int start = 0;
        for (int i = 0; i < raw.Length; i++)
        {
            if (raw[i] == '\\' && quoted) i++;
            else if (raw[i] == '"') quoted = !quoted;
            else if (raw[i] == ';' && !quoted)
            {
                parts.Add(raw[start..i]);
                start = i + 1;
            }
        }
        parts.Add(raw[start..]);
        return parts;
    }
}
