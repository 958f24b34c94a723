using Touchpoint.Assist.Learning;
using Touchpoint.Assist.Text;

namespace Touchpoint.Assist.Models;

/// <summary>A label with the model's probability for it, and the probabilities of every label in <see cref="TextClassifier.Labels"/> order.</summary>
public sealed record ClassPrediction(string Label, float Confidence, float[] Probabilities);

/// <summary>One way of looking at a text: its features, the vocabulary built from them, and a softmax model over it.</summary>
public sealed class ClassifierView(FeatureOptions features, FeatureVocabulary vocabulary, SoftmaxRegression model)
{
    public TextFeaturizer Featurizer { get; } = new(features);
    public FeatureVocabulary Vocabulary { get; } = vocabulary;
    public SoftmaxRegression Model { get; } = model;

    public void Predict(string text, Span<float> probabilities)
    {
        var (rows, values) = Vocabulary.VectorizeTransient(Featurizer, text);
        Model.Predict(rows.Span, values.Span, probabilities);
    }
}

/// <summary>
/// Text in, probabilities per label out. With several views (for example words only and characters only), their
/// probabilities are averaged, an ensemble. The default settings use one view: on the dev splits a second one gained
/// a few tenths of a point at twice the time and size.
/// </summary>
public sealed class TextClassifier(IReadOnlyList<string> labels, IReadOnlyList<ClassifierView> views)
{
    public IReadOnlyList<string> Labels { get; } = labels;
    public IReadOnlyList<ClassifierView> Views { get; } = views;

    public ClassPrediction Predict(string text)
    {
        var probabilities = new float[Labels.Count];
        if (Views.Count == 1)
        {
            Views[0].Predict(text, probabilities);
            return Best(probabilities);
        }
        Span<float> view = stackalloc float[Labels.Count <= 256 ? Labels.Count : 0];
        if (view.Length == 0) view = new float[Labels.Count];
        foreach (var member in Views)
        {
            member.Predict(text, view);
            for (int k = 0; k < view.Length; k++) probabilities[k] += view[k];
        }
        for (int k = 0; k < probabilities.Length; k++) probabilities[k] /= Views.Count;
        return Best(probabilities);
    }

    private ClassPrediction Best(float[] probabilities)
    {
        int best = ArgMax(probabilities);
        return new ClassPrediction(Labels[best], probabilities[best], probabilities);
    }

    internal static int ArgMax(ReadOnlySpan<float> values)
    {
        int best = 0;
        for (int k = 1; k < values.Length; k++) if (values[k] > values[best]) best = k;
        return best;
    }

    public static TextClassifier Train(IReadOnlyList<LabelledText> examples, ClassifierSettings settings) =>
        TextClassifierTrainer.Train(examples, settings);
}

/// <summary>The views of a classifier and how it is trained.</summary>
public sealed record ClassifierSettings(IReadOnlyList<FeatureOptions> Views, TrainingOptions Training)
{
    public ClassifierSettings(FeatureOptions view, TrainingOptions training) : this([view], training) { }
}
