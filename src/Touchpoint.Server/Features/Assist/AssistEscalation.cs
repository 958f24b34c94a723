using Touchpoint.Assist.Models;
using Touchpoint.Server.Features.Cases;

namespace Touchpoint.Server.Features.Assist;

/// <summary>
/// When a customer's words should raise their case's priority: strong anger at once; anger, or clearly negative
/// sentiment, in two customer texts in a row (the mood is not passing). A text right after one that already raised the
/// priority does not raise it again: one step per outburst, not one per message.
/// </summary>
public static class AssistEscalation
{
    public const float StrongAnger = 0.7f;
    public const float Anger = 0.3f;
    public const float ClearlyNegative = 0.7f;

    public const string ReasonStrongAnger = "strongAnger";
    public const string ReasonRepeatedAnger = "repeatedAnger";
    public const string ReasonRepeatedNegative = "repeatedNegative";

    public static string? Decide(TextAnalysis current, TextAnalysis? previous)
    {
        if (current.Sentiment is null || previous?.Escalated == true) return null;
        var anger = current.Emotions.GetValueOrDefault("anger");
        if (anger >= StrongAnger) return ReasonStrongAnger;
        if (previous?.Sentiment is null) return null;
        if (anger >= Anger && previous.Emotions.GetValueOrDefault("anger") >= Anger) return ReasonRepeatedAnger;
        if (IsClearlyNegative(current) && IsClearlyNegative(previous)) return ReasonRepeatedNegative;
        return null;
    }

    /// <summary>Whether this text could raise the priority with some previous text: the cheap test before reading the case.</summary>
    public static bool MayEscalate(TextAnalysis a) =>
        a.Sentiment is not null && (a.Emotions.GetValueOrDefault("anger") >= Anger || IsClearlyNegative(a));

    private static bool IsClearlyNegative(TextAnalysis a) =>
        a.EffectiveSentiment == SentimentModel.Negative && (a.CorrectedSentiment is not null || a.SentimentConfidence >= ClearlyNegative);

    /// <summary>The next priority up, or null at the top.</summary>
    public static string? NextPriority(string priority)
    {
        var all = CasePriorities.All;
        var i = all.ToList().IndexOf(priority);
        return i >= 0 && i < all.Count - 1 ? all[i + 1] : null;
    }
}
