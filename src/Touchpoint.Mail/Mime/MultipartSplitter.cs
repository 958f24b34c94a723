using System.Text;

namespace Touchpoint.Mail.Mime;

/// <summary>
/// Splits a multipart body on its boundary (RFC 2046 5.1.1). The delimiter must start a line and be followed by
/// "--", white space or the line end, so a boundary that is the prefix of a nested one does not match. The line break
/// before a delimiter belongs to it. Preamble and epilogue are dropped; a missing closing delimiter ends the last part
/// at the end of the body.
/// </summary>
internal static class MultipartSplitter
{
    public static List<ReadOnlyMemory<byte>> Split(ReadOnlyMemory<byte> body, string boundary, ICollection<string> problems)
    {
        var parts = new List<ReadOnlyMemory<byte>>();
        var span = body.Span;
        var delimiter = Encoding.Latin1.GetBytes("--" + boundary);
        int search = 0, partStart = -1;
        bool closed = false;
        while (search < span.Length)
        {
            int found = span[search..].IndexOf(delimiter);
            if (found < 0) break;
            int at = search + found;
            int after = at + delimiter.Length;
            search = at + 1;
            if (at > 0 && span[at - 1] != '\n') continue;
            bool closing = after + 1 < span.Length && span[after] == '-' && span[after + 1] == '-';
            int lineEnd = LineEnd(span, closing ? after + 2 : after, out bool onlyWhiteSpace);
            if (!closing && !onlyWhiteSpace) continue;

            if (partStart >= 0) parts.Add(body[partStart..TrimLineBreak(span, partStart, at)]);
            if (closing)
            {
                closed = true;
                break;
            }
            partStart = lineEnd;
            search = lineEnd;
        }
        if (!closed && partStart >= 0)
        {
            problems.Add("multipart without its closing boundary, the last part runs to the end");
            parts.Add(body[partStart..]);
        }
        return parts;
    }

    // Where the next line starts, and whether the rest of this line is white space (transport padding).
    private static int LineEnd(ReadOnlySpan<byte> span, int from, out bool onlyWhiteSpace)
    {
        onlyWhiteSpace = true;
        for (int i = from; i < span.Length; i++)
        {
            if (span[i] == '\n') return i + 1;
            if (span[i] is not ((byte)' ' or (byte)'\t' or (byte)'\r')) onlyWhiteSpace = false;
        }
        return span.Length;
    }

    private static int TrimLineBreak(ReadOnlySpan<byte> span, int start, int end)
    {
        if (end > start && span[end - 1] == '\n') end--;
        if (end > start && span[end - 1] == '\r') end--;
        return end;
    }
}
