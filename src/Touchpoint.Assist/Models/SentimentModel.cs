using Touchpoint.Assist.Emotions;
using Touchpoint.Assist.Learning;
using Touchpoint.Assist.Text;

namespace Touchpoint.Assist.Models;

/// <summary>Sentiment of a text with its language and emotions. <see cref="Probabilities"/> holds every label the model knows.</summary>
public sealed record SentimentResult(
    string Language,
    string Sentiment,
    float Confidence,
    IReadOnlyDictionary<string, float> Probabilities,
    IReadOnlyList<EmotionScore> Emotions);

/// <summary>
/// Sentiment (the labels of its training data; normally negative, neutral, positive) from a <see cref="TextClassifier"/>,
/// with emotions from the lexicon scaled by the sentiment probabilities (see <see cref="EmotionDetector"/>).
/// </summary>
public sealed class SentimentModel(TextClassifier classifier, EmotionLexicon? lexicon = null)
{
    public const string Negative = "negative";
    public const string Neutral = "neutral";
    public const string Positive = "positive";

    private readonly EmotionDetector emotions = new(lexicon ?? EmotionLexicon.BuiltIn);
    private readonly int negativeIndex = IndexOf(classifier.Labels, Negative);
    private readonly int positiveIndex = IndexOf(classifier.Labels, Positive);

    public TextClassifier Classifier { get; } = classifier;

    /// <summary>The sentiment alone, without language or emotions: the fast path for scoring many texts.</summary>
    public ClassPrediction Predict(string text) => Classifier.Predict(text);

    public SentimentResult Analyse(string text)
    {
        var prediction = Classifier.Predict(text);
        float negative = negativeIndex >= 0 ? prediction.Probabilities[negativeIndex] : 0f;
        float positive = positiveIndex >= 0 ? prediction.Probabilities[positiveIndex] : 0f;
        var probabilities = Classifier.Labels.Select((label, k) => (label, prediction.Probabilities[k])).ToDictionary(p => p.label, p => p.Item2);
        return new SentimentResult(LanguageDetector.Detect(text).Tag, prediction.Label, prediction.Confidence, probabilities,
            emotions.Detect(text, negative, positive));
    }

    public static SentimentModel Train(IReadOnlyList<LabelledText> examples, ClassifierSettings? settings = null, EmotionLexicon? lexicon = null) =>
        new(TextClassifier.Train(examples, settings ?? AssistDefaults.SentimentFor(examples.Select(e => e.Label).Distinct().Count())), lexicon);

    /// <summary>Saves the classifier; the lexicon is part of the program, not of the model.</summary>
    public void Save(Stream stream) => ModelFile.Write(stream, ModelKind.Sentiment, Classifier, _ => { });

    public static SentimentModel Load(Stream stream, EmotionLexicon? lexicon = null) =>
        new(ModelFile.Read(stream, ModelKind.Sentiment, _ => { }), lexicon);

    private static int IndexOf(IReadOnlyList<string> labels, string label)
    {
        for (int k = 0; k < labels.Count; k++) if (string.Equals(labels[k], label, StringComparison.OrdinalIgnoreCase)) return k;
        return -1;
    }
}
