using Touchpoint.Assist.Learning;

namespace Touchpoint.Assist.Models;

/// <summary>The intent of a message, or out of scope. <see cref="BestIntent"/> is the nearest intent even when rejected, for staff to see.</summary>
public sealed record IntentResult(string Intent, float Confidence, bool IsOutOfScope, string BestIntent, IReadOnlyList<(string Intent, float Probability)> Alternatives);

/// <summary>
/// Intent with out-of-scope detection: a message is rejected when the model's best label is <c>oos</c> (when the training
/// data has such examples) or when its confidence in the best intent is under <see cref="RejectionThreshold"/>, which is
/// tuned on held-out parts of the training data (see <see cref="OutOfScopeThreshold"/>).
/// </summary>
public sealed class IntentModel(TextClassifier classifier, float rejectionThreshold)
{
    public TextClassifier Classifier { get; } = classifier;
    public float RejectionThreshold { get; set; } = rejectionThreshold;

    public IntentResult Classify(string text)
    {
        var prediction = Classifier.Predict(text);
        var (best, confidence) = BestInScope(prediction.Probabilities);
        bool rejected = prediction.Label == OutOfScope.Label || confidence < RejectionThreshold || best < 0;
        var alternatives = Classifier.Labels.Select((label, k) => (label, prediction.Probabilities[k]))
            .Where(p => p.label != OutOfScope.Label).OrderByDescending(p => p.Item2).Take(3).ToList();
        string bestIntent = best < 0 ? OutOfScope.Label : Classifier.Labels[best];
        return new IntentResult(rejected ? OutOfScope.Label : bestIntent, confidence, rejected, bestIntent, alternatives);
    }

    /// <summary>The best label other than <c>oos</c>, and its probability; (-1, 0) when the model knows no intent at all.</summary>
    internal (int Index, float Probability) BestInScope(float[] probabilities)
    {
        int best = -1;
        for (int k = 0; k < probabilities.Length; k++)
            if (Classifier.Labels[k] != OutOfScope.Label && (best < 0 || probabilities[k] > probabilities[best])) best = k;
        return best < 0 ? (-1, 0f) : (best, probabilities[best]);
    }

    public static IntentModel Train(IReadOnlyList<LabelledText> examples, ClassifierSettings? settings = null)
    {
        settings ??= AssistDefaults.Intent;
        float threshold = OutOfScopeThreshold.Tune(examples, settings);
        return new IntentModel(TextClassifier.Train(examples, settings), threshold);
    }

    public void Save(Stream stream) => ModelFile.Write(stream, ModelKind.Intent, Classifier, writer => writer.Write(RejectionThreshold));

    public static IntentModel Load(Stream stream)
    {
        float threshold = 0;
        var classifier = ModelFile.Read(stream, ModelKind.Intent, reader => threshold = reader.ReadSingle());
        return new IntentModel(classifier, threshold);
    }
}
