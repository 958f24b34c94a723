using Touchpoint.Assist.Emotions;
using Touchpoint.Assist.Models;

namespace Touchpoint.Server.Features.Assist;

/// <summary>What the models say about one text.</summary>
public sealed record TextInsight(
    string Language, string Sentiment, float SentimentConfidence, IReadOnlyDictionary<string, float> Emotions,
    string Intent, float IntentConfidence, bool OutOfScope, string BestIntent);

/// <summary>The organisation's two models and the versions they were loaded from.</summary>
public sealed record AssistModelSet(SentimentModel Sentiment, IntentModel Intent, long SentimentVersion, long IntentVersion);

/// <summary>
/// The models this node predicts with. A set is replaced whole (one reference swap) when a retraining finishes, so a
/// prediction never mixes an old sentiment model with a new intent model. Predicting is safe from many threads at
/// once: a trained model is never changed, and the library's scratch buffers are per thread.
/// </summary>
public sealed class AssistEngine
{
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile AssistModelSet? models;

    public bool IsReady => models is not null;
    public AssistModelSet? Models => models;

    /// <summary>Completes when the first set is in place (trained at first start, or loaded from the database).</summary>
    public Task WhenReadyAsync(CancellationToken ct) => ready.Task.WaitAsync(ct);

    public void Use(AssistModelSet set)
    {
        models = set;
        ready.TrySetResult();
    }

    /// <summary>Null while the models are not ready yet (the first start trains them in the background).</summary>
    public TextInsight? Analyse(string text)
    {
        var set = models;
        if (set is null) return null;
        var sentiment = set.Sentiment.Analyse(text);
        var intent = set.Intent.Classify(text);
        return new TextInsight(sentiment.Language, sentiment.Sentiment, sentiment.Confidence,
            sentiment.Emotions.ToDictionary(e => EmotionKey(e.Emotion), e => MathF.Round(e.Score, 3)),
            intent.Intent, intent.Confidence, intent.IsOutOfScope, intent.BestIntent);
    }

    public static string EmotionKey(Emotion emotion) => emotion switch
    {
        Emotion.Anger => "anger",
        Emotion.Anxiety => "anxiety",
        Emotion.Disappointment => "disappointment",
        _ => "satisfaction",
    };
}
