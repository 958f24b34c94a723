using System.Text;

namespace Touchpoint.Mail.Text;

/// <summary>
/// format=flowed (RFC 3676), sent by Thunderbird and Apple Mail: a line ending in a space continues on the next line.
/// Without unflowing, a paragraph shows up broken every 72 characters.
/// </summary>
internal static class FlowedText
{
    public static string Unflow(string text, bool deleteSpace)
    {
        var result = new StringBuilder(text.Length);
        var lines = text.Split('\n');
        bool endsWithBreak = text.EndsWith('\n');
        foreach (var rawLine in endsWithBreak ? lines[..^1] : lines)
        {
            // Space-stuffing protects lines starting with a space, "From " or ">".
            var line = rawLine.StartsWith(' ') ? rawLine[1..] : rawLine;
            bool soft = line.EndsWith(' ') && line != "-- ";
            if (soft && deleteSpace) line = line[..^1];
            result.Append(line);
            if (!soft) result.Append('\n');
        }
        if (result.Length > 0 && result[^1] == '\n' && !endsWithBreak) result.Length--;
        return result.ToString();
    }
}
