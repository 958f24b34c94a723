using System.Text;

namespace Touchpoint.Mail.Tests;

/// <summary>
/// Builds test messages byte by byte, so that a GBK or Big5 message really is GBK or Big5: text in a charset is
/// encoded here with .NET's own encodings, not with the library under test.
/// </summary>
internal sealed class RawMail
{
    static RawMail() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private readonly List<byte> bytes = [];
    private readonly string newline;

    public RawMail(string newline = "\r\n") => this.newline = newline;

    public static Encoding Charset(string name)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(name);
    }

    public RawMail Line(string text = "") => Raw(Encoding.UTF8.GetBytes(text + newline));

    public RawMail Lines(params string[] lines)
    {
        foreach (var line in lines) Line(line);
        return this;
    }

    public RawMail Header(string name, string value) => Line($"{name}: {value}");

    /// <summary>A header whose value is raw 8-bit bytes in a charset, as some mailers still send.</summary>
    public RawMail RawHeader(string name, string value, string charset) =>
        Raw(Encoding.ASCII.GetBytes(name + ": ")).Raw(Charset(charset).GetBytes(value)).Raw(Encoding.ASCII.GetBytes(newline));

    public RawMail Raw(byte[] data)
    {
        bytes.AddRange(data);
        return this;
    }

    /// <summary>Text in a charset, base64 in lines of 76 (or another length), ending with a line break.</summary>
    public RawMail Base64Body(string text, string charset, int lineLength = 76) =>
        Base64Body(Charset(charset).GetBytes(text), lineLength);

    public RawMail Base64Body(byte[] data, int lineLength = 76)
    {
        var base64 = Convert.ToBase64String(data);
        for (int i = 0; i < base64.Length; i += lineLength) Line(base64.Substring(i, Math.Min(lineLength, base64.Length - i)));
        return this;
    }

    /// <summary>Text in a charset as quoted-printable: every byte outside printable ASCII as =XX, soft breaks at 76.</summary>
    public RawMail QuotedPrintableBody(string text, string charset)
    {
        foreach (var line in text.Split('\n'))
        {
            var encoded = new StringBuilder();
            foreach (byte b in Charset(charset).GetBytes(line))
                encoded.Append(b is >= 33 and <= 126 and not (byte)'=' || b == ' ' ? ((char)b).ToString() : $"={b:X2}");
            var s = encoded.ToString();
            while (s.Length > 75)
            {
                int cut = 75;
                while (s[cut - 1] == '=' || s[cut - 2] == '=') cut--;
                Line(s[..cut] + "=");
                s = s[cut..];
            }
            Line(s);
        }
        return this;
    }

    public RawMail Text(string text, string charset) => Raw(Charset(charset).GetBytes(text.Replace("\n", newline) + newline));

    public byte[] ToArray() => [.. bytes];

    public ParsedMail Parse() => MailParser.ParseUnguarded(ToArray(), 0);

    /// <summary>An RFC 2047 B encoded-word of the text in the charset.</summary>
    public static string B(string text, string charset) => $"=?{charset}?B?{Convert.ToBase64String(Charset(charset).GetBytes(text))}?=";

    /// <summary>An RFC 2047 Q encoded-word of the text in the charset.</summary>
    public static string Q(string text, string charset)
    {
        var result = new StringBuilder($"=?{charset}?Q?");
        foreach (byte b in Charset(charset).GetBytes(text))
            result.Append(b == ' ' ? "_" : char.IsAsciiLetterOrDigit((char)b) ? ((char)b).ToString() : $"={b:X2}");
        return result.Append("?=").ToString();
    }
}
