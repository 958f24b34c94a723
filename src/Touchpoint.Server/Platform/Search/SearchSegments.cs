namespace Touchpoint.Server.Platform.Search;

/// <summary>
/// PostgreSQL: where an entry sits in the index's history, as lexemes of its tsvector (migration M0024, decision 0024).
/// Entry <c>Id</c> belongs to one block at each level: level L holds blocks of 2^(13 + 2L) entries (8,192 to 2,097,152,
/// four times larger per level), and the entry carries the lexeme <c>~L:(Id >> (13 + 2L))</c> for each. A search for the
/// newest matches asks the GIN index for the terms AND one block, newest block first, each block about four times the
/// previous: the index intersects the term's entries with the block's before a single row is read, so a word found in
/// one entry in fifty reads about a thousand rows, not the fifty thousand a newest-first walk tests one by one.
/// Users' terms always start with a kind's letter, so no query term is ever one of these lexemes.
/// </summary>
public static class SearchSegments
{
    public const int BaseShift = 13;
    public const int LevelShift = 2;
    public const int Levels = 5;

    /// <summary>One block of entries: <c>[Start, End)</c> of the ids, found by its <see cref="Lexeme"/>.</summary>
    public readonly record struct Block(int Level, long Number)
    {
        private int Shift => BaseShift + LevelShift * Level;
        public long Start => Number << Shift;
        public long End => (Number + 1) << Shift;
        public string Lexeme => $"~{Level}:{Number}";
    }

    /// <summary>
    /// Blocks covering ids <c>[0, newestId]</c> from the newest down, each aligned to its level, growing by one level a
    /// step: disjoint, so the results of one block in id order followed by the next's are in id order. At most
    /// <paramref name="maxBlocks"/>; <paramref name="olderThan"/> is where they stop (0 when they reach the first id).
    /// </summary>
    public static IReadOnlyList<Block> NewestFirst(long newestId, int maxBlocks, out long olderThan)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(newestId);
        var blocks = new List<Block>();
        var end = ((newestId >> BaseShift) + 1) << BaseShift;
        for (var step = 0; end > 0 && blocks.Count < maxBlocks; step++)
        {
            // The largest level not above this step's whose block ends exactly here.
            var level = Math.Min(step, Levels - 1);
            while (level > 0 && end % (1L << (BaseShift + LevelShift * level)) != 0) level--;
            var block = new Block(level, (end >> (BaseShift + LevelShift * level)) - 1);
            blocks.Add(block);
            end = block.Start;
        }
        olderThan = end;
        return blocks;
    }
}
