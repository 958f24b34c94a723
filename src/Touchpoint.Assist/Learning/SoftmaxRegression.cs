using System.Numerics;
using System.Runtime.InteropServices;

namespace Touchpoint.Assist.Learning;

/// <summary>
/// Multinomial logistic regression over sparse vectors. Weights are stored row by row (one row per feature, one column
/// per class), so scoring a text reads only the rows of its features, each contiguous in memory.
/// </summary>
public sealed class SoftmaxRegression
{
    public int ClassCount { get; }
    public int RowCount { get; }
    /// <summary>RowCount × ClassCount, row-major.</summary>
    public float[] Weights { get; }
    public float[] Bias { get; }

    public SoftmaxRegression(int rowCount, int classCount, float[]? weights = null, float[]? bias = null)
    {
        RowCount = rowCount;
        ClassCount = classCount;
        Weights = weights ?? new float[(long)rowCount * classCount];
        Bias = bias ?? new float[classCount];
    }

    /// <summary>Writes the class probabilities of the vector (rows and values) into <paramref name="probabilities"/>.</summary>
    public void Predict(ReadOnlySpan<int> rows, ReadOnlySpan<float> values, Span<float> probabilities)
    {
        Scores(rows, values, probabilities, 1f);
        Softmax(probabilities);
    }

    private void Scores(ReadOnlySpan<int> rows, ReadOnlySpan<float> values, Span<float> scores, float weightScale)
    {
        Bias.CopyTo(scores);
        var weights = Weights.AsSpan();
        int c = ClassCount;
        for (int i = 0; i < rows.Length; i++)
            AddScaled(scores, weights.Slice(rows[i] * c, c), values[i] * weightScale);
    }

    internal static void Softmax(Span<float> scores)
    {
        float max = float.NegativeInfinity;
        foreach (var s in scores) max = Math.Max(max, s);
        float sum = 0;
        for (int k = 0; k < scores.Length; k++) sum += scores[k] = MathF.Exp(scores[k] - max);
        for (int k = 0; k < scores.Length; k++) scores[k] /= sum;
    }

    /// <summary>
    /// Stochastic gradient descent with an L2 penalty, in a fixed seeded order. The penalty shrinks every weight at every
    /// step; instead of touching all of them, one shared scale factor is shrunk and only the rows of the example's features
    /// are updated (Bottou's trick), so a step costs as much as the example has features.
    /// </summary>
    public static SoftmaxRegression Train(IReadOnlyList<SparseVector> examples, IReadOnlyList<int> labels, int rowCount, int classCount, TrainingOptions options)
    {
        var model = new SoftmaxRegression(rowCount, classCount);
        var weights = model.Weights.AsSpan();
        var bias = model.Bias;
        var gradient = new float[classCount];
        var order = Enumerable.Range(0, examples.Count).ToArray();
        var random = new Random(options.Seed);
        long totalSteps = (long)options.Epochs * examples.Count, step = 0;
        double scale = 1;
        for (int epoch = 0; epoch < options.Epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var index in order)
            {
                float rate = options.LearningRate * (1f - (float)step++ / totalSteps);
                var x = examples[index];
                model.Scores(x.Rows, x.Values, gradient, (float)scale);
                Softmax(gradient);
                gradient[labels[index]] -= 1f;
                scale *= 1 - rate * options.L2;
                float stepOverScale = (float)(rate / scale);
                for (int i = 0; i < x.Rows.Length; i++)
                    AddScaled(weights.Slice(x.Rows[i] * classCount, classCount), gradient, -stepOverScale * x.Values[i]);
                for (int k = 0; k < classCount; k++) bias[k] -= rate * gradient[k];
                if (scale < 1e-6) { Rescale(model.Weights, (float)scale); scale = 1; }
            }
        }
        Rescale(model.Weights, (float)scale);
        return model;
    }

    /// <summary>Weights are saved as 16-bit floats; rounding them in memory too makes a loaded model predict exactly as the trained one.</summary>
    public void RoundToStoredPrecision()
    {
        for (int i = 0; i < Weights.Length; i++) Weights[i] = (float)(Half)Weights[i];
    }

    private static void Rescale(float[] weights, float scale)
    {
        for (int i = 0; i < weights.Length; i++) weights[i] *= scale;
    }

    internal static void AddScaled(Span<float> target, ReadOnlySpan<float> source, float factor)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated && target.Length >= Vector<float>.Count)
        {
            var targetVectors = MemoryMarshal.Cast<float, Vector<float>>(target);
            var sourceVectors = MemoryMarshal.Cast<float, Vector<float>>(source);
            var f = new Vector<float>(factor);
            for (int v = 0; v < targetVectors.Length; v++) targetVectors[v] += sourceVectors[v] * f;
            i = targetVectors.Length * Vector<float>.Count;
        }
        for (; i < target.Length; i++) target[i] += source[i] * factor;
    }
}
