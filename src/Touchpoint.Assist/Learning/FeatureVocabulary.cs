using System.Runtime.InteropServices;
using Touchpoint.Assist.Text;

namespace Touchpoint.Assist.Learning;

/// <summary>
/// The hashed buckets the training texts used, each given a compact row in the model with its weight (inverse document
/// frequency, times a naive-Bayes factor when asked). Unseen buckets are dropped when a text is turned into a vector,
/// as a vocabulary would drop unknown words, so they cannot change the vector's length.
/// </summary>
public sealed class FeatureVocabulary
{
    private readonly int[] rowOfBucket;

    public int[] Buckets { get; }
    public float[] RowWeights { get; }
    public int HashBits { get; }
    public int RowCount => Buckets.Length;

    /// <summary>A feature counts once however often it occurs (as in NBSVM), rather than 1 + ln(count).</summary>
    public bool BinaryTermFrequency { get; }

    public FeatureVocabulary(int hashBits, int[] sortedBuckets, float[] rowWeights, bool binaryTermFrequency)
    {
        HashBits = hashBits;
        BinaryTermFrequency = binaryTermFrequency;
        Buckets = sortedBuckets;
        RowWeights = rowWeights;
        rowOfBucket = new int[1 << hashBits];
        Array.Fill(rowOfBucket, -1);
        for (int row = 0; row < sortedBuckets.Length; row++) rowOfBucket[sortedBuckets[row]] = row;
    }

    [ThreadStatic] private static List<int>? bucketBuffer;
    [ThreadStatic] private static int[]? rowBuffer;
    [ThreadStatic] private static float[]? valueBuffer;

    /// <summary>The text's vector in buffers owned by the calling thread, valid until its next call: prediction allocates nothing.</summary>
    internal (ReadOnlyMemory<int> Rows, ReadOnlyMemory<float> Values) VectorizeTransient(TextFeaturizer featurizer, string text)
    {
        var buckets = bucketBuffer ??= new List<int>(512);
        buckets.Clear();
        featurizer.ExtractBuckets(text, buckets);
        if (rowBuffer is null || rowBuffer.Length < buckets.Count)
        {
            rowBuffer = new int[Math.Max(512, buckets.Count * 2)];
            valueBuffer = new float[rowBuffer.Length];
        }
        int count = Vectorize(buckets, rowBuffer, valueBuffer!);
        return (rowBuffer.AsMemory(0, count), valueBuffer.AsMemory(0, count));
    }

    public SparseVector Vectorize(List<int> buckets)
    {
        var rows = new int[buckets.Count];
        var values = new float[buckets.Count];
        int count = Vectorize(buckets, rows, values);
        return new SparseVector(rows[..count], values[..count]);
    }

    /// <summary>
    /// Term frequency (sublinear, 1 + ln tf, or binary) times the row weight, scaled to unit length: long reviews and
    /// one-line chats land on the same scale. Sorts <paramref name="buckets"/> in place; returns how many rows were written.
    /// </summary>
    private int Vectorize(List<int> buckets, Span<int> rows, Span<float> values)
    {
        var span = CollectionsMarshal.AsSpan(buckets);
        span.Sort();
        int count = 0;
        double norm = 0;
        for (int i = 0; i < span.Length;)
        {
            int j = i + 1;
            while (j < span.Length && span[j] == span[i]) j++;
            int row = rowOfBucket[span[i]];
            if (row >= 0)
            {
                float value = (BinaryTermFrequency ? 1f : 1f + MathF.Log(j - i)) * RowWeights[row];
                rows[count] = row;
                values[count++] = value;
                norm += value * value;
            }
            i = j;
        }
        if (norm > 0)
        {
            float inverse = (float)(1 / Math.Sqrt(norm));
            for (int i = 0; i < count; i++) values[i] *= inverse;
        }
        return count;
    }
}
