using Touchpoint.Assist.Learning;
using Touchpoint.Assist.Text;

namespace Touchpoint.Assist.Models;

/// <summary>Builds a <see cref="TextClassifier"/>: hashes every text once, chooses the vocabulary and its weights, then trains.</summary>
internal static class TextClassifierTrainer
{
    public static TextClassifier Train(IReadOnlyList<LabelledText> examples, ClassifierSettings settings)
    {
        if (examples.Count == 0) throw new ArgumentException("No training examples.", nameof(examples));
        if (settings.Views.Count == 0) throw new ArgumentException("A classifier needs at least one view.", nameof(settings));
        // Labels sorted ordinally, whatever their order in the data, so the same examples always give the same model.
        var labels = examples.Select(e => e.Label).Distinct().Order(StringComparer.Ordinal).ToArray();
        var labelIndex = labels.Select((label, index) => (label, index)).ToDictionary(p => p.label, p => p.index);
        var y = examples.Select(e => labelIndex[e.Label]).ToArray();
        // Views are independent and each is trained single-threaded in a seeded order, so training them side by side
        // changes nothing in the result.
        var views = new ClassifierView[settings.Views.Count];
        Parallel.For(0, views.Length, v => views[v] = TrainView(examples, y, labels.Length, settings.Views[v], settings.Training));
        return new TextClassifier(labels, views);
    }

    private static ClassifierView TrainView(IReadOnlyList<LabelledText> examples, int[] y, int classCount, FeatureOptions features, TrainingOptions training)
    {
        var featurizer = new TextFeaturizer(features);

        // Hashing is the costly part and independent per text; results land by index, so the outcome does not depend on threads.
        var bucketLists = new List<int>[examples.Count];
        Parallel.For(0, examples.Count, i =>
        {
            var buckets = new List<int>(256);
            featurizer.ExtractBuckets(examples[i].Text, buckets);
            buckets.Sort();
            bucketLists[i] = buckets;
        });

        var vocabulary = BuildVocabulary(bucketLists, y, classCount, features, training);
        var vectors = new SparseVector[examples.Count];
        Parallel.For(0, examples.Count, i => vectors[i] = vocabulary.Vectorize(bucketLists[i]));
        var model = SoftmaxRegression.Train(vectors, y, vocabulary.RowCount, classCount, training);
        model.RoundToStoredPrecision();
        return new ClassifierView(features, vocabulary, model);
    }

    private static FeatureVocabulary BuildVocabulary(List<int>[] bucketLists, int[] y, int classCount, FeatureOptions features, TrainingOptions training)
    {
        int hashBits = features.HashBits;
        int bucketCount = 1 << hashBits;
        var documentFrequency = new int[bucketCount];
        foreach (var buckets in bucketLists)
            for (int i = 0; i < buckets.Count; i++)
                if (i == 0 || buckets[i] != buckets[i - 1]) documentFrequency[buckets[i]]++;

        // Rare features go first when the model would outgrow its size budget: each row costs a weight per class.
        int minimum = Math.Max(1, training.MinDocumentFrequency);
        while (CountAtLeast(documentFrequency, minimum) * (long)classCount > training.MaxWeightsPerView) minimum++;
        var kept = new List<int>();
        for (int bucket = 0; bucket < bucketCount; bucket++)
            if (documentFrequency[bucket] >= minimum) kept.Add(bucket);
        var sortedBuckets = kept.ToArray();

        // Smoothed inverse document frequency, as in common TF-IDF: ln((n + 1) / (df + 1)) + 1.
        int n = bucketLists.Length;
        var weights = sortedBuckets.Select(b => (float)(Math.Log((n + 1.0) / (documentFrequency[b] + 1.0)) + 1.0)).ToArray();
        if (training.NaiveBayesStrength > 0)
        {
            var ratios = NaiveBayesRatios(bucketLists, y, classCount, sortedBuckets);
            for (int row = 0; row < sortedBuckets.Length; row++)
            {
                float largest = 0;
                for (int k = 0; k < classCount; k++) largest = Math.Max(largest, ratios[row * classCount + k]);
                weights[row] *= MathF.Pow(largest, training.NaiveBayesStrength);
            }
        }
        return new FeatureVocabulary(hashBits, sortedBuckets, weights, features.BinaryTermFrequency);
    }

    private static int CountAtLeast(int[] documentFrequency, int minimum)
    {
        int count = 0;
        foreach (var df in documentFrequency) if (df >= minimum) count++;
        return count;
    }

    /// <summary>|ln P(feature | class) − ln P(feature | other classes)| per row and class, from document counts with add-one smoothing.</summary>
    internal static float[] NaiveBayesRatios(List<int>[] bucketLists, int[] y, int classCount, int[] sortedBuckets)
    {
        var rowOf = new Dictionary<int, int>(sortedBuckets.Length);
        for (int row = 0; row < sortedBuckets.Length; row++) rowOf[sortedBuckets[row]] = row;
        var counts = new int[sortedBuckets.Length * classCount];
        var classTotals = new int[classCount];
        for (int d = 0; d < bucketLists.Length; d++)
        {
            classTotals[y[d]]++;
            var buckets = bucketLists[d];
            for (int i = 0; i < buckets.Count; i++)
                if ((i == 0 || buckets[i] != buckets[i - 1]) && rowOf.TryGetValue(buckets[i], out var row)) counts[row * classCount + y[d]]++;
        }
        const double alpha = 1.0;
        int total = bucketLists.Length;
        var ratios = new float[counts.Length];
        for (int row = 0; row < sortedBuckets.Length; row++)
        {
            int rowTotal = 0;
            for (int k = 0; k < classCount; k++) rowTotal += counts[row * classCount + k];
            for (int k = 0; k < classCount; k++)
            {
                int inClass = counts[row * classCount + k];
                double inside = (inClass + alpha) / (classTotals[k] + 2 * alpha);
                double outside = (rowTotal - inClass + alpha) / (total - classTotals[k] + 2 * alpha);
                ratios[row * classCount + k] = (float)Math.Abs(Math.Log(inside / outside));
            }
        }
        return ratios;
    }
}
