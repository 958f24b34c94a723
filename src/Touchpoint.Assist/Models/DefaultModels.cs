using Touchpoint.Assist.Learning;

namespace Touchpoint.Assist.Models;

/// <summary>
/// The models a fresh installation starts with, trained at first use from the small example sets written for this
/// project in zh-CN, zh-TW, ko and en (Resources/sentiment.*.tsv, Resources/intent.*.tsv). One model serves all four
/// languages: their features come from different scripts, so they barely share weights. An organisation's own labelled
/// messages and staff corrections are added with <see cref="TrainSentiment"/> and <see cref="TrainIntent"/>.
/// </summary>
public static class DefaultModels
{
    public static readonly string[] Languages = ["zh-CN", "zh-TW", "ko", "en"];

    private static readonly Lazy<SentimentModel> DefaultSentiment = new(() => TrainSentiment([]));
    private static readonly Lazy<IntentModel> DefaultIntent = new(() => TrainIntent([]));

    public static SentimentModel Sentiment => DefaultSentiment.Value;
    public static IntentModel Intent => DefaultIntent.Value;

    public static IReadOnlyList<LabelledText> SentimentExamples() => Languages.SelectMany(l => EmbeddedResources.ReadExamples($"sentiment.{l}.tsv")).ToList();

    public static IReadOnlyList<LabelledText> IntentExamples() => Languages.SelectMany(l => EmbeddedResources.ReadExamples($"intent.{l}.tsv")).ToList();

    /// <summary>The built-in sentiment examples plus <paramref name="extra"/> (an organisation's labelled messages).</summary>
    public static SentimentModel TrainSentiment(IEnumerable<LabelledText> extra) => TrainSentimentOn(SentimentExamples().Concat(extra).ToList());

    /// <summary>A sentiment model on exactly these examples, with the settings for small sets.</summary>
    public static SentimentModel TrainSentimentOn(IReadOnlyList<LabelledText> examples) =>
        SentimentModel.Train(examples, SmallSetSettings(AssistDefaults.MulticlassSentiment));

    public static IntentModel TrainIntent(IEnumerable<LabelledText> extra) => TrainIntentOn(IntentExamples().Concat(extra).ToList());

    /// <summary>
    /// An intent model on exactly these examples, with the settings for small sets: for an organisation whose taxonomy
    /// drops some built-in intents, so the caller chooses which built-in examples to keep.
    /// </summary>
    public static IntentModel TrainIntentOn(IReadOnlyList<LabelledText> examples) =>
        IntentModel.Train(examples, SmallSetSettings(AssistDefaults.Intent));

    /// <summary>
    /// A few hundred examples need more passes than thousands do, and a small hash table: the per-bucket arrays of a
    /// 2^21 table would cost more to clear than the training itself.
    /// </summary>
    private static ClassifierSettings SmallSetSettings(ClassifierSettings settings) => new(
        settings.Views.Select(v => v with { HashBits = 18 }).ToList(),
        settings.Training with { Epochs = 20, LearningRate = 1f });
}
