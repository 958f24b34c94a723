namespace Touchpoint.Mail.Mime;

/// <summary>
/// The header fields of one entity in order, duplicates kept. Values are unfolded and kept as Latin-1 strings, one
/// character per byte, because raw 8-bit headers (GBK or UTF-8 without encoded-words) can only be decoded once the
/// entity's charset is known; <see cref="HeaderText"/> does that.
/// </summary>
internal sealed class HeaderList
{
    private readonly List<KeyValuePair<string, string>> fields = [];

    public IReadOnlyList<KeyValuePair<string, string>> Fields => fields;

    public int Count => fields.Count;

    public void Add(string name, string rawValue) => fields.Add(new(name, rawValue));

    public string? First(string name)
    {
        foreach (var field in fields)
            if (string.Equals(field.Key, name, StringComparison.OrdinalIgnoreCase)) return field.Value;
        return null;
    }

    public IEnumerable<string> All(string name) =>
        fields.Where(f => string.Equals(f.Key, name, StringComparison.OrdinalIgnoreCase)).Select(f => f.Value);

    /// <summary>
    /// Reads the header block at the start of <paramref name="data"/> and returns where the body starts. A line that is
    /// neither a field, a continuation nor blank ends the headers (the blank line was missing), and is body.
    /// </summary>
    public static (HeaderList Headers, int BodyStart) Read(ReadOnlySpan<byte> data, ICollection<string> problems)
    {
        var headers = new HeaderList();
        string? name = null;
        var value = new System.Text.StringBuilder();
        int position = 0;
        bool first = true;
        while (position < data.Length)
        {
            int newline = data[position..].IndexOf((byte)'\n');
            int lineEnd = newline < 0 ? data.Length : position + newline;
            int next = newline < 0 ? data.Length : lineEnd + 1;
            var line = data[position..lineEnd];
            if (line.Length > 0 && line[^1] == '\r') line = line[..^1];

            if (line.IsEmpty)
            {
                position = next;
                break;
            }
            if (line[0] is (byte)' ' or (byte)'\t')
            {
                if (name is null) problems.Add("header block starts with a continuation line");
                else value.Append(Charsets.Latin1.GetString(line));
                position = next;
                continue;
            }
            int colon = FieldNameLength(line);
            if (colon < 0)
            {
                // An mbox separator line ("From sender date") before the headers is not part of the message.
                if (first && line.StartsWith("From "u8)) { position = next; first = false; continue; }
                if (headers.Count > 0 || name is not null) problems.Add("headers end without a blank line");
                break;
            }
            Flush(headers, name, value);
            name = Charsets.Latin1.GetString(line[..colon]).TrimEnd();
            value.Clear().Append(Charsets.Latin1.GetString(line[(colon + 1)..]));
            position = next;
            first = false;
        }
        Flush(headers, name, value);
        return (headers, position);
    }

    private static void Flush(HeaderList headers, string? name, System.Text.StringBuilder value)
    {
        if (name is not null) headers.Add(name, value.ToString().Trim());
    }

    // The length of a field name before its colon, or -1 when the line is no field. Tolerates "Subject : x".
    private static int FieldNameLength(ReadOnlySpan<byte> line)
    {
        int colon = line.IndexOf((byte)':');
        if (colon <= 0) return -1;
        var name = line[..colon].TrimEnd((byte)' ');
        if (name.IsEmpty) return -1;
        foreach (byte b in name)
            if (b is < 33 or > 126) return -1;
        return colon;
    }
}
