using System.Text;

namespace Touchpoint.Mail.Outbound;

/// <summary>Quoted-printable encoding (RFC 2045 6.7) of CRLF text: lines under 77 characters, soft breaks, trailing
/// white space and '=' escaped, and a leading "From " or "." escaped so that no transport alters the line.</summary>
internal static class QuotedPrintable
{
    private const int MaxLine = 76;

    public static string Encode(byte[] bytes)
    {
        var output = new StringBuilder(bytes.Length + bytes.Length / 8);
        int lineLength = 0;
        for (int i = 0; i < bytes.Length; i++)
        {
            byte b = bytes[i];
            if (b == '\r' && i + 1 < bytes.Length && bytes[i + 1] == '\n')
            {
                output.Append("\r\n");
                lineLength = 0;
                i++;
                continue;
            }
            bool atLineEnd = i + 1 == bytes.Length || bytes[i + 1] == '\r';
            bool literal = b is >= 33 and <= 126 && b != '='
                           || (b is (byte)' ' or (byte)'\t' && !atLineEnd);
            if (lineLength == 0 && (b == '.' || (b == 'F' && StartsWithFrom(bytes, i)))) literal = false;
            string piece = literal ? ((char)b).ToString() : "=" + b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture);
            if (lineLength + piece.Length > MaxLine - 1)
            {
                output.Append("=\r\n");
                lineLength = 0;
            }
            output.Append(piece);
            lineLength += piece.Length;
        }
        return output.ToString();
    }

    private static bool StartsWithFrom(byte[] bytes, int i) =>
        i + 5 <= bytes.Length && bytes[i + 1] == 'r' && bytes[i + 2] == 'o' && bytes[i + 3] == 'm' && bytes[i + 4] == ' ';
}
