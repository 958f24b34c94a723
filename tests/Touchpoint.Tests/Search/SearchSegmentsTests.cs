using Touchpoint.Server.Platform.Search;

namespace Touchpoint.Tests.Search;

/// <summary>The blocks a PostgreSQL search asks for the newest matches, one after another.</summary>
public sealed class SearchSegmentsTests
{
    [Theory]
    [InlineData(0L)]
    [InlineData(8_191L)]
    [InlineData(8_192L)]
    [InlineData(1_000_000L)]
    [InlineData(2_097_151L)]
    [InlineData(123_456_789L)]
    public void Blocks_RunDownFromTheNewestId_WithoutGapOrOverlap(long newest)
    {
        var blocks = SearchSegments.NewestFirst(newest, 12, out var olderThan);
        Assert.True(blocks[0].Start <= newest && newest < blocks[0].End);
        for (var i = 1; i < blocks.Count; i++) Assert.Equal(blocks[i - 1].Start, blocks[i].End);
        Assert.Equal(olderThan, blocks[^1].Start);
        Assert.All(blocks, b => Assert.Equal(0, b.Start % (b.End - b.Start)));
        Assert.InRange(blocks.Count, 1, 12);
        if (olderThan > 0) Assert.Equal(12, blocks.Count);
    }

    [Fact]
    public void Blocks_GrowFourfold_FromEightThousandEntries()
    {
        // 1,000,000 is in block 122 of 8,192 entries (partly filled); below it blocks grow as their alignment allows.
        var blocks = SearchSegments.NewestFirst(1_000_000, 12, out var olderThan);
        Assert.Equal(["~0:122", "~0:121", "~0:120", "~1:29", "~1:28", "~2:6", "~2:5", "~2:4", "~3:0"], blocks.Select(b => b.Lexeme));
        Assert.Equal(0, olderThan);
        Assert.Equal(2_097_152, new SearchSegments.Block(4, 0).End);
    }
}
