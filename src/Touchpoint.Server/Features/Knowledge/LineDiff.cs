namespace Touchpoint.Server.Features.Knowledge;

/// <param name="Op">"same", "added" or "removed".</param>
public sealed record DiffLine(string Op, string Text, int? OldLine, int? NewLine);

/// <summary>
/// A line diff between two versions of an article: the longest common subsequence of lines, after the common head and
/// tail are set aside (edits to an article usually touch a few lines in the middle, so the table stays small).
/// </summary>
public static class LineDiff
{
    public const string Same = "same";
    public const string Added = "added";
    public const string Removed = "removed";

    public static List<DiffLine> Compute(string oldText, string newText)
    {
        var a = Lines(oldText);
        var b = Lines(newText);
        var head = 0;
        while (head < a.Length && head < b.Length && a[head] == b[head]) head++;
        var tail = 0;
        while (tail < a.Length - head && tail < b.Length - head && a[a.Length - 1 - tail] == b[b.Length - 1 - tail]) tail++;

        var result = new List<DiffLine>(a.Length + b.Length);
        for (var i = 0; i < head; i++) result.Add(new DiffLine(Same, a[i], i + 1, i + 1));

        var n = a.Length - head - tail;
        var m = b.Length - head - tail;
        // lcs[i, j]: the common subsequence length of a's middle from i and b's middle from j.
        var lcs = new int[n + 1, m + 1];
        for (var i = n - 1; i >= 0; i--)
            for (var j = m - 1; j >= 0; j--)
                lcs[i, j] = a[head + i] == b[head + j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
        int x = 0, y = 0;
        while (x < n || y < m)
        {
            if (x < n && y < m && a[head + x] == b[head + y])
            {
                result.Add(new DiffLine(Same, a[head + x], head + x + 1, head + y + 1));
                x++; y++;
            }
            // Removals before additions at a change, as people read a diff.
            else if (x < n && (y == m || lcs[x + 1, y] >= lcs[x, y + 1]))
            {
                result.Add(new DiffLine(Removed, a[head + x], head + x + 1, null));
                x++;
            }
            else
            {
                result.Add(new DiffLine(Added, b[head + y], null, head + y + 1));
                y++;
            }
        }
        for (var i = 0; i < tail; i++)
        {
            var ai = a.Length - tail + i;
            result.Add(new DiffLine(Same, a[ai], ai + 1, b.Length - tail + i + 1));
        }
        return result;
    }

    private static string[] Lines(string text) =>
        text.Length == 0 ? [] : text.Replace("\r\n", "\n").Split('\n');
}
