using Touchpoint.Assist.Learning;
using Touchpoint.Assist.Text;

namespace Touchpoint.Assist.Models;

/// <summary>
/// Feature and training settings per task, chosen on the dev splits of the public sets (docs/decisions/0005-assist-models.md
/// has the figures). Training is a few passes of SGD, so every setting here trains 10,000 texts in seconds.
/// </summary>
public static class AssistDefaults
{
    /// <summary>
    /// Two-way sentiment (positive/negative): naive-Bayes weighting at full strength over binary features, as in NBSVM,
    /// which helps most on binary sets, and syllable grams across Korean spacing.
    /// </summary>
    public static ClassifierSettings BinarySentiment { get; } = new(
        new FeatureOptions { HangulJoinedMax = 3, BinaryTermFrequency = true },
        new TrainingOptions { Epochs = 6, LearningRate = 1f, NaiveBayesStrength = 1f });

    /// <summary>Three-way sentiment (negative/neutral/positive): the one-versus-rest ratios fit neutral poorly, so they weigh less.</summary>
    public static ClassifierSettings MulticlassSentiment { get; } = new(
        new FeatureOptions { HangulJoinedMax = 3 },
        new TrainingOptions { Epochs = 10, LearningRate = 1.5f, NaiveBayesStrength = 0.2f });

    /// <summary>Intent: many classes and short texts; a high step size lets rare but telling words count.</summary>
    public static ClassifierSettings Intent { get; } = new(
        new FeatureOptions { AlphabeticJoinedMax = 5 },
        new TrainingOptions { Epochs = 5, LearningRate = 4f });

    public static ClassifierSettings SentimentFor(int labelCount) => labelCount <= 2 ? BinarySentiment : MulticlassSentiment;
}
