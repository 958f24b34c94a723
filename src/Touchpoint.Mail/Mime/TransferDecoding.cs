using System.Buffers;
using System.Buffers.Text;

namespace Touchpoint.Mail.Mime;

/// <summary>
/// Content-Transfer-Encoding decoders. Both are tolerant the way mail readers are: base64 skips what is not in its
/// alphabet (line breaks of any length, stray characters, missing padding); quoted-printable keeps an invalid escape
/// as the literal text and accepts lower-case hex and over-long lines. What was off is reported, once per part.
/// </summary>
internal static class TransferDecoding
{
    private static readonly sbyte[] Base64Values = BuildBase64Table();

    private static sbyte[] BuildBase64Table()
    {
        var table = new sbyte[256];
        Array.Fill(table, (sbyte)-1);
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.Length; i++) table[alphabet[i]] = (sbyte)i;
        // URL-safe letters, which some webmail gateways emit.
        table['-'] = 62;
        table['_'] = 63;
        return table;
    }

    public static int HexValue(int c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'A' and <= 'F' => c - 'A' + 10,
        >= 'a' and <= 'f' => c - 'a' + 10,
        _ => -1,
    };

    public static byte[] Decode(ReadOnlySpan<byte> body, string? transferEncoding, ICollection<string> problems) =>
        transferEncoding?.Trim().ToLowerInvariant() switch
        {
            "base64" => DecodeBase64(body, problems),
            "quoted-printable" => DecodeQuotedPrintable(body, problems),
            null or "" or "7bit" or "8bit" or "binary" => body.ToArray(),
            var other => UnknownEncoding(body, other, problems),
        };

    private static byte[] UnknownEncoding(ReadOnlySpan<byte> body, string name, ICollection<string> problems)
    {
        // x-uuencode and friends: keep the bytes as they are so that nothing is lost.
        problems.Add($"unknown Content-Transfer-Encoding '{name}', kept as is");
        return body.ToArray();
    }

    public static byte[] DecodeBase64(ReadOnlySpan<byte> input, ICollection<string>? problems)
    {
        if (TryDecodeWellFormedBase64(input) is { } decoded) return decoded;
        var output = new byte[input.Length / 4 * 3 + 3];
        int written = 0, quantum = 0, count = 0;
        bool stray = false;
        foreach (byte b in input)
        {
            int value = Base64Values[b];
            if (value < 0)
            {
                if (b is not ((byte)'\r' or (byte)'\n' or (byte)' ' or (byte)'\t' or (byte)'=')) stray = true;
                continue;
            }
            quantum = (quantum << 6) | value;
            if (++count == 4)
            {
                output[written++] = (byte)(quantum >> 16);
                output[written++] = (byte)(quantum >> 8);
                output[written++] = (byte)quantum;
                quantum = count = 0;
            }
        }
        // A last group of two or three characters is a quantum without its padding; one alone carries no whole byte.
        if (count == 2) output[written++] = (byte)(quantum >> 4);
        else if (count == 3)
        {
            output[written++] = (byte)(quantum >> 10);
            output[written++] = (byte)(quantum >> 2);
        }
        else if (count == 1) problems?.Add("base64 ends with a lone character, dropped");
        if (stray) problems?.Add("base64 contains characters outside its alphabet, skipped");
        return output.AsSpan(0, written).ToArray();
    }

    // Almost all base64 is well formed: the runtime's vectorised decoder (which skips line breaks) into an array of the
    // exact size, so that a 2 MB attachment is neither decoded byte by byte nor copied. Anything odd: null, and the
    // tolerant loop decodes it.
    private static byte[]? TryDecodeWellFormedBase64(ReadOnlySpan<byte> input)
    {
        var trimmed = input.TrimEnd(" \t\r\n"u8);
        int whiteSpace = trimmed.Count((byte)'\r') + trimmed.Count((byte)'\n') + trimmed.Count((byte)' ') + trimmed.Count((byte)'\t');
        int characters = trimmed.Length - whiteSpace;
        if (characters % 4 != 0) return null;
        int padding = trimmed.EndsWith("=="u8) ? 2 : trimmed.EndsWith("="u8) ? 1 : 0;
        var output = new byte[characters / 4 * 3 - padding];
        var status = Base64.DecodeFromUtf8(trimmed, output, out _, out int written);
        return status == OperationStatus.Done && written == output.Length ? output : null;
    }

    /// <summary>For encoded-words: null when the text is not base64 at all, so the word is left as written.</summary>
    public static byte[]? DecodeBase64Strict(string payload)
    {
        foreach (char c in payload)
            if (c > 255 || (Base64Values[c] < 0 && c != '=')) return null;
        if (payload.TrimEnd('=').Length % 4 == 1) return null;
        return DecodeBase64(System.Text.Encoding.ASCII.GetBytes(payload), null);
    }

    public static byte[] DecodeQuotedPrintable(ReadOnlySpan<byte> input, ICollection<string>? problems)
    {
        var output = new byte[input.Length];
        int written = 0, trimFloor = 0;
        bool invalid = false;
        for (int i = 0; i < input.Length; i++)
        {
            byte b = input[i];
            if (b == '=')
            {
                int hi = i + 1 < input.Length ? HexValue(input[i + 1]) : -1;
                int lo = i + 2 < input.Length ? HexValue(input[i + 2]) : -1;
                if (hi >= 0 && lo >= 0)
                {
                    output[written++] = (byte)(hi * 16 + lo);
                    trimFloor = written; // an encoded space (=20) is meant, never trimmed
                    i += 2;
                    continue;
                }
                // A soft line break, possibly with white space a transport added after the '='.
                int j = i + 1;
                while (j < input.Length && input[j] is (byte)' ' or (byte)'\t') j++;
                if (j < input.Length && input[j] == '\r') j++;
                if (j >= input.Length || input[j] == '\n')
                {
                    i = j;
                    trimFloor = written;
                    continue;
                }
                invalid = true;
                output[written++] = b;
                continue;
            }
            if (b is (byte)'\r' or (byte)'\n')
            {
                // Trailing white space on an encoded line was added in transport (RFC 2045 6.7 rule 3).
                while (written > trimFloor && output[written - 1] is (byte)' ' or (byte)'\t') written--;
                output[written++] = b;
                if (b == '\n') trimFloor = written;
                continue;
            }
            output[written++] = b;
        }
        if (invalid) problems?.Add("quoted-printable contains '=' without two hex digits, kept literally");
        return output.AsSpan(0, written).ToArray();
    }
}
