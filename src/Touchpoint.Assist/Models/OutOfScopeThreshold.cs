using Touchpoint.Assist.Learning;

namespace Touchpoint.Assist.Models;

/// <summary>
/// Chooses the confidence under which an intent is rejected, from out-of-fold predictions: the training examples are
/// split into folds, each fold is predicted by a model trained on the others, so every example gets a confidence that
/// an unseen message would get. The dev and test sets are never looked at.
/// </summary>
internal static class OutOfScopeThreshold
{
    public const int Folds = 4;
    /// <summary>
    /// With out-of-scope examples: the share of them to reject on held-out data. Held-out out-of-scope examples are
    /// harder to tell from intents than new ones (on CLINC150, 0.70 here gives 0.76 on the dev split), and every point of
    /// recall costs in-scope accuracy, so the target is the floor, not more.
    /// </summary>
    public const double TargetRecall = 0.70;
    /// <summary>
    /// Without them there is no recall to aim at: reject only where held-out predictions were nearly always wrong,
    /// which costs next to no in-scope accuracy (a rejected right answer counts as wrong).
    /// </summary>
    public const double LowestUsefulPrecision = 0.1;

    public static float Tune(IReadOnlyList<LabelledText> examples, ClassifierSettings settings)
    {
        var heldOut = OutOfFoldPredictions(examples, settings);
        if (heldOut.Count == 0) return 0f;
        var outOfScope = heldOut.Where(p => p.Gold == OutOfScope.Label).ToList();
        var inScope = heldOut.Where(p => p.Gold != OutOfScope.Label).OrderBy(p => p.Confidence).ToList();
        if (outOfScope.Count >= 10) return ForTargetRecall(outOfScope);
        return ForLowPrecision(inScope);
    }

    /// <summary>The lowest threshold that rejects <see cref="TargetRecall"/> of held-out out-of-scope examples (those the model already labels oos count as rejected).</summary>
    private static float ForTargetRecall(List<HeldOutPrediction> outOfScope)
    {
        int needed = (int)Math.Ceiling(TargetRecall * outOfScope.Count);
        int alreadyRejected = outOfScope.Count(p => p.Predicted == OutOfScope.Label);
        if (alreadyRejected >= needed) return 0f;
        var confidences = outOfScope.Where(p => p.Predicted != OutOfScope.Label).Select(p => p.Confidence).Order().ToList();
        int more = needed - alreadyRejected;
        return NextAbove(confidences[more - 1]);
    }

    /// <summary>The largest threshold under which held-out in-scope predictions were right at most <see cref="LowestUsefulPrecision"/> of the time.</summary>
    private static float ForLowPrecision(List<HeldOutPrediction> inScopeByConfidence)
    {
        float threshold = 0f;
        int right = 0;
        for (int i = 0; i < inScopeByConfidence.Count; i++)
        {
            if (inScopeByConfidence[i].Predicted == inScopeByConfidence[i].Gold) right++;
            if (i >= 9 && right <= LowestUsefulPrecision * (i + 1)) threshold = NextAbove(inScopeByConfidence[i].Confidence);
        }
        return threshold;
    }

    private static float NextAbove(float value) => MathF.BitIncrement(value);

    internal readonly record struct HeldOutPrediction(string Gold, string Predicted, float Confidence);

    internal static List<HeldOutPrediction> OutOfFoldPredictions(IReadOnlyList<LabelledText> examples, ClassifierSettings settings)
    {
        // Stratified folds: every label spread evenly, in a seeded order, so the threshold is the same on every run.
        var random = new Random(settings.Training.Seed);
        var fold = new int[examples.Count];
        foreach (var group in Enumerable.Range(0, examples.Count).GroupBy(i => examples[i].Label))
        {
            var members = group.ToArray();
            random.Shuffle(members);
            for (int j = 0; j < members.Length; j++) fold[members[j]] = j % Folds;
        }
        // The folds are independent and each is trained deterministically, so they may run side by side.
        var perFold = new List<HeldOutPrediction>[Folds];
        bool tooFewLabels = false;
        Parallel.For(0, Folds, f =>
        {
            var train = examples.Where((_, i) => fold[i] != f).ToList();
            if (train.Select(e => e.Label).Distinct().Count() < 2) { tooFewLabels = true; return; }
            var model = new IntentModel(TextClassifier.Train(train, settings), 0f);
            perFold[f] = [];
            for (int i = 0; i < examples.Count; i++)
            {
                if (fold[i] != f) continue;
                var result = model.Classify(examples[i].Text);
                perFold[f].Add(new HeldOutPrediction(examples[i].Label, result.IsOutOfScope ? OutOfScope.Label : result.Intent, result.Confidence));
            }
        });
        return tooFewLabels ? [] : perFold.SelectMany(p => p).ToList();
    }
}
