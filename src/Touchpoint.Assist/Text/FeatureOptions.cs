namespace Touchpoint.Assist.Text;

/// <summary>
/// Which features are taken from each script. Orders differ by script because words do: Chinese has no spaces, so
/// character 1-3 grams stand in for words; a Korean word carries its endings inside it, so syllable n-grams within the
/// word catch stems and endings; English words are split by spaces, so words, word pairs and character n-grams inside
/// the word (for misspellings and inflections) are used. A maximum order of 0 turns that family off.
/// </summary>
public sealed record FeatureOptions
{
    /// <summary>Features are hashed into 2^HashBits buckets; at 2^21 collisions are rare for sets of this size.</summary>
    public int HashBits { get; init; } = 21;
    public bool WordUnigrams { get; init; } = true;
    /// <summary>Pairs of neighbouring words (symbols and Hangul words included; runs of ideographs break the chain).</summary>
    public bool WordBigrams { get; init; } = true;
    /// <summary>Character n-grams inside alphabetic words, framed by word-boundary marks.</summary>
    public int AlphabeticCharMin { get; init; } = 2;
    public int AlphabeticCharMax { get; init; } = 5;
    /// <summary>Character n-grams (from 3) that cross the space between two alphabetic words, such as "y c" in "my card".</summary>
    public int AlphabeticJoinedMax { get; init; }
    public int HanCharMin { get; init; } = 1;
    public int HanCharMax { get; init; } = 3;
    public int HangulCharMin { get; init; } = 1;
    public int HangulCharMax { get; init; } = 3;
    /// <summary>Syllable n-grams (from 2) over Hangul words with the spaces removed, for loosely spaced Korean.</summary>
    public int HangulJoinedMax { get; init; }
    /// <summary>Korean: the last syllable's vowel and final consonant, which mark tense, mood and politeness.</summary>
    public bool HangulEndingJamo { get; init; } = true;
    /// <summary>Count a feature once per text instead of 1 + ln(count): better with naive-Bayes weighting (NBSVM's binarised features).</summary>
    public bool BinaryTermFrequency { get; init; }

    public static FeatureOptions Default { get; } = new();

    internal void Write(BinaryWriter writer)
    {
        writer.Write((byte)HashBits);
        writer.Write(WordUnigrams);
        writer.Write(WordBigrams);
        foreach (var order in new[] { AlphabeticCharMin, AlphabeticCharMax, AlphabeticJoinedMax, HanCharMin, HanCharMax, HangulCharMin, HangulCharMax, HangulJoinedMax })
            writer.Write((byte)order);
        writer.Write(HangulEndingJamo);
        writer.Write(BinaryTermFrequency);
    }

    internal static FeatureOptions Read(BinaryReader reader) => new()
    {
        HashBits = reader.ReadByte(),
        WordUnigrams = reader.ReadBoolean(),
        WordBigrams = reader.ReadBoolean(),
        AlphabeticCharMin = reader.ReadByte(),
        AlphabeticCharMax = reader.ReadByte(),
        AlphabeticJoinedMax = reader.ReadByte(),
        HanCharMin = reader.ReadByte(),
        HanCharMax = reader.ReadByte(),
        HangulCharMin = reader.ReadByte(),
        HangulCharMax = reader.ReadByte(),
        HangulJoinedMax = reader.ReadByte(),
        HangulEndingJamo = reader.ReadBoolean(),
        BinaryTermFrequency = reader.ReadBoolean(),
    };
}
