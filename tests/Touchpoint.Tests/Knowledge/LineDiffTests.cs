using Touchpoint.Server.Features.Knowledge;

namespace Touchpoint.Tests.Knowledge;

public sealed class LineDiffTests
{
    private static string Show(string a, string b) =>
        string.Join("|", LineDiff.Compute(a, b).Select(l => (l.Op == "same" ? " " : l.Op == "added" ? "+" : "-") + l.Text));

    [Fact]
    public void Compute_ChangedLineInTheMiddle_IsRemovedThenAdded() =>
        Assert.Equal(" a|-b|+B|+b2| c", Show("a\nb\nc", "a\nB\nb2\nc"));

    [Fact]
    public void Compute_EmptyToText_IsAllAdded() => Assert.Equal("+x|+y", Show("", "x\ny"));

    [Fact]
    public void Compute_MovedLines_KeepTheLongestCommonRun() =>
        Assert.Equal("-z| a| b| c|+z", Show("z\na\nb\nc", "a\nb\nc\nz"));

    [Fact]
    public void Compute_LineNumbers_FollowBothSides()
    {
        var lines = LineDiff.Compute("a\nb", "b\nc");
        Assert.Equal([(1, (int?)null), (2, 1), (null, 2)], lines.Select(l => (l.OldLine, l.NewLine)));
    }
}
