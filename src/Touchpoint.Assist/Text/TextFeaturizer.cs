namespace Touchpoint.Assist.Text;

/// <summary>Receives the features of a text: a family (so that "ab" as a word and "ab" as a character gram differ) and the gram.</summary>
internal interface IFeatureSink
{
    void Add(FeatureFamily family, ReadOnlySpan<char> gram);
}

internal enum FeatureFamily : byte
{
    Word = 1,
    WordPair = 2,
    AlphabeticChars = 3,
    HanChars = 4,
    HangulChars = 5,
    HangulEnding = 6,
    HangulJoined = 7,
    AlphabeticJoined = 8,
}

/// <summary>
/// Turns text into features per script (see <see cref="FeatureOptions"/>). The same walk feeds either the hashing sink
/// used by the models or a readable sink used by tests and for explaining a prediction, so the two never disagree.
/// </summary>
public sealed class TextFeaturizer(FeatureOptions options)
{
    public FeatureOptions Options { get; } = options;

    [ThreadStatic] private static List<TokenSpan>? spansBuffer;
    [ThreadStatic] private static char[]? gramBuffer;
    [ThreadStatic] private static char[]? stretchBuffer;

    /// <summary>Readable features, as "family:gram", for tests and explanations.</summary>
    public IReadOnlyList<string> DescribeFeatures(string text)
    {
        var sink = new ReadableSink([]);
        Extract(TextNormalizer.Normalize(text), ref sink);
        return sink.Features;
    }

    /// <summary>Appends the hashed bucket of every feature (with repeats) to <paramref name="buckets"/>.</summary>
    public void ExtractBuckets(string text, List<int> buckets)
    {
        var sink = new HashingSink(buckets, (1u << Options.HashBits) - 1);
        Extract(TextNormalizer.Normalize(text), ref sink);
    }

    private void Extract<TSink>(string normalized, ref TSink sink) where TSink : IFeatureSink
    {
        var spans = spansBuffer ??= new List<TokenSpan>(64);
        spans.Clear();
        TextTokenizer.Split(normalized, spans);
        var buffer = gramBuffer ??= new char[256];
        if (buffer.Length < 2 * normalized.Length + 3) buffer = gramBuffer = new char[2 * normalized.Length + 3];
        TokenSpan? previous = null;
        foreach (var span in spans)
        {
            var token = normalized.AsSpan(span.Start, span.Length);
            switch (span.Script)
            {
                case CharScript.Han:
                case CharScript.Kana:
                    AddCharGrams(ref sink, FeatureFamily.HanChars, token, Options.HanCharMin, Options.HanCharMax, buffer);
                    previous = null; // a pair of whole ideograph runs is nearly always unique: no use as a feature
                    continue;
                case CharScript.Alphabetic:
                    AddCharGrams(ref sink, FeatureFamily.AlphabeticChars, token, Options.AlphabeticCharMin, Options.AlphabeticCharMax, buffer);
                    break;
                case CharScript.Hangul:
                    AddCharGrams(ref sink, FeatureFamily.HangulChars, token, Options.HangulCharMin, Options.HangulCharMax, buffer);
                    if (Options.HangulEndingJamo) AddHangulEnding(ref sink, token[^1], buffer);
                    break;
            }
            if (Options.WordUnigrams) sink.Add(FeatureFamily.Word, token);
            if (Options.WordBigrams && previous is { } before)
            {
                var pair = buffer.AsSpan(0, before.Length + 1 + span.Length);
                normalized.AsSpan(before.Start, before.Length).CopyTo(pair);
                pair[before.Length] = ' ';
                token.CopyTo(pair[(before.Length + 1)..]);
                sink.Add(FeatureFamily.WordPair, pair);
            }
            previous = span;
        }
        if (Options.HangulJoinedMax > 0) AddStretchGrams(normalized, spans, ref sink, joinAlphabetic: false);
        if (Options.AlphabeticJoinedMax > 0) AddStretchGrams(normalized, spans, ref sink, joinAlphabetic: true);
    }

    /// <summary>N-grams of the token framed by '&lt;' and '&gt;', so that a gram at the start or end of a word or clause differs from one inside it.</summary>
    private static void AddCharGrams<TSink>(ref TSink sink, FeatureFamily family, ReadOnlySpan<char> token, int minOrder, int maxOrder, char[] buffer)
        where TSink : IFeatureSink
    {
        if (maxOrder <= 0) return;
        int length = token.Length + 2;
        buffer[0] = '<';
        token.CopyTo(buffer.AsSpan(1));
        buffer[length - 1] = '>';
        for (int order = Math.Max(1, minOrder); order <= maxOrder; order++)
        {
            for (int start = 0; start + order <= length; start++)
            {
                if (order == 1 && (start == 0 || start == length - 1)) continue; // a lone frame mark says nothing
                if (char.IsLowSurrogate(buffer[start]) || char.IsHighSurrogate(buffer[start + order - 1])) continue; // never split an emoji or extension-B ideograph
                sink.Add(family, buffer.AsSpan(start, order));
            }
        }
    }

    /// <summary>
    /// Grams over stretches of neighbouring words. Korean spacing is loose in chat and reviews ("일점도아깝다" for "일점도
    /// 아깝다"), so syllable 2..n-grams are also taken over each stretch of Hangul words with the spaces removed: the same
    /// gram is found however the writer spaced it. For alphabetic words, the grams (3..n) that cross the space between two
    /// words ("y c" in "my card") add a little of word order below the word level.
    /// </summary>
    private void AddStretchGrams<TSink>(string normalized, List<TokenSpan> spans, ref TSink sink, bool joinAlphabetic) where TSink : IFeatureSink
    {
        var stretch = stretchBuffer ??= new char[256];
        if (stretch.Length < 2 * normalized.Length + 3) stretch = stretchBuffer = new char[2 * normalized.Length + 3];
        int length = 0;
        for (int i = 0; i <= spans.Count; i++)
        {
            bool member = i < spans.Count && (joinAlphabetic
                ? spans[i].Script is CharScript.Alphabetic or CharScript.Symbol
                : spans[i].Script == CharScript.Hangul);
            if (member)
            {
                if (joinAlphabetic && length > 0) stretch[length++] = ' ';
                normalized.AsSpan(spans[i].Start, spans[i].Length).CopyTo(stretch.AsSpan(length));
                length += spans[i].Length;
                continue;
            }
            if (length == 0) continue;
            if (joinAlphabetic) AddCrossingGrams(ref sink, stretch.AsSpan(0, length), Options.AlphabeticJoinedMax);
            else AddCharGrams(ref sink, FeatureFamily.HangulJoined, stretch.AsSpan(0, length), 2, Options.HangulJoinedMax, gramBuffer!);
            length = 0;
        }
    }

    private static void AddCrossingGrams<TSink>(ref TSink sink, ReadOnlySpan<char> stretch, int maxOrder) where TSink : IFeatureSink
    {
        for (int order = 3; order <= maxOrder; order++)
            for (int start = 0; start + order <= stretch.Length; start++)
            {
                var gram = stretch.Slice(start, order);
                if (gram[0] != ' ' && gram[^1] != ' ' && gram.Contains(' ')) sink.Add(FeatureFamily.AlphabeticJoined, gram);
            }
    }

    /// <summary>
    /// A Korean word ends in particles and verb endings (-요, -다, -네, -ㅂ니다) that carry mood; the final syllable's vowel
    /// and final consonant, taken apart from its initial consonant, generalise across stems.
    /// </summary>
    private static void AddHangulEnding<TSink>(ref TSink sink, char lastSyllable, char[] buffer) where TSink : IFeatureSink
    {
        int index = lastSyllable - 0xAC00;
        if (index < 0 || index > 11171) return;
        buffer[0] = (char)('a' + index % 588 / 28); // vowel
        buffer[1] = (char)('a' + index % 28); // final consonant, 'a' when none
        sink.Add(FeatureFamily.HangulEnding, buffer.AsSpan(0, 2));
    }

    private readonly struct HashingSink(List<int> buckets, uint mask) : IFeatureSink
    {
        public void Add(FeatureFamily family, ReadOnlySpan<char> gram) => buckets.Add((int)(FeatureHash.Of(family, gram) & mask));
    }

    private readonly struct ReadableSink(List<string> features) : IFeatureSink
    {
        public List<string> Features { get; } = features;
        public void Add(FeatureFamily family, ReadOnlySpan<char> gram) => Features.Add($"{family}:{gram}");
    }
}

/// <summary>A fixed hash (FNV-1a then a finaliser), never string.GetHashCode, which changes per process: saved models must keep their meaning.</summary>
internal static class FeatureHash
{
    public static uint Of(FeatureFamily family, ReadOnlySpan<char> gram)
    {
        uint hash = 2166136261u ^ ((uint)family * 0x9E3779B1u);
        foreach (var c in gram) hash = (hash ^ c) * 16777619u;
        return Finalise(hash ^ (uint)gram.Length);
    }

    private static uint Finalise(uint h)
    {
        h ^= h >> 16; h *= 0x7feb352d;
        h ^= h >> 15; h *= 0x846ca68b;
        h ^= h >> 16;
        return h;
    }
}
