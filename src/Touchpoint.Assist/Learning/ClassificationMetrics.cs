namespace Touchpoint.Assist.Learning;

/// <summary>
/// Accuracy and macro-F1 over gold and predicted labels. For intent with out-of-scope detection the rules of the CLINC150
/// paper apply: a rejected message is predicted as <see cref="OutOfScope.Label"/>; accuracy is counted over in-scope
/// messages only (right intent and not rejected), and out-of-scope recall is the share of out-of-scope messages rejected.
/// </summary>
public sealed record ClassificationMetrics(int Count, double Accuracy, double MacroF1, double? OutOfScopeRecall, int InScopeCount, int OutOfScopeCount)
{
    public static ClassificationMetrics Compute(IReadOnlyList<string> gold, IReadOnlyList<string> predicted, bool outOfScopeRules)
    {
        if (gold.Count != predicted.Count) throw new ArgumentException("Gold and predicted labels differ in number.");
        int inScope = 0, inScopeRight = 0, outOfScope = 0, rejected = 0, right = 0;
        var truePositives = new Dictionary<string, int>();
        var goldCounts = new Dictionary<string, int>();
        var predictedCounts = new Dictionary<string, int>();
        for (int i = 0; i < gold.Count; i++)
        {
            Increment(goldCounts, gold[i]);
            Increment(predictedCounts, predicted[i]);
            if (gold[i] == predicted[i]) { right++; Increment(truePositives, gold[i]); }
            if (gold[i] == OutOfScope.Label) { outOfScope++; if (predicted[i] == OutOfScope.Label) rejected++; }
            else { inScope++; if (gold[i] == predicted[i]) inScopeRight++; }
        }
        // Macro-F1 over the gold labels: a label only ever predicted (never true) would add a zero that no test can fix.
        double f1Sum = 0;
        foreach (var (label, goldCount) in goldCounts)
        {
            int tp = truePositives.GetValueOrDefault(label), predictedCount = predictedCounts.GetValueOrDefault(label);
            f1Sum += tp == 0 ? 0 : 2.0 * tp / (goldCount + predictedCount);
        }
        double macroF1 = goldCounts.Count == 0 ? 0 : f1Sum / goldCounts.Count;
        double accuracy = outOfScopeRules ? Ratio(inScopeRight, inScope) : Ratio(right, gold.Count);
        double? recall = outOfScopeRules && outOfScope > 0 ? Ratio(rejected, outOfScope) : null;
        return new ClassificationMetrics(gold.Count, accuracy, macroF1, recall, inScope, outOfScope);
    }

    private static double Ratio(int part, int whole) => whole == 0 ? 0 : (double)part / whole;

    private static void Increment(Dictionary<string, int> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;
}

public static class OutOfScope
{
    /// <summary>The label of messages that match no intent, as in CLINC150.</summary>
    public const string Label = "oos";
}
