using Touchpoint.Assist.Text;

namespace Touchpoint.Assist.Emotions;

/// <summary>An emotion found in a text, its strength from 0 to 1, and the words that showed it.</summary>
public sealed record EmotionScore(Emotion Emotion, float Score, IReadOnlyList<string> Cues);

/// <summary>
/// Finds emotions in two steps that can be explained to a supervisor. First the lexicon's cue words are found in the
/// text (longest match first; a negated cue, as in "not happy", 不满意 or 좋지 않아요, is read as disappointment when it was
/// satisfaction, and dropped when it was a negative emotion, as in "don't worry"). Then the sentiment model scales them:
/// strength = (1 − e^(−sum of cue weights)) × (0.4 + 0.6 × probability of the matching polarity), so one mild cue in a
/// text the model finds positive stays weak, and several strong cues in a negative text approach 1. An emotion needs a
/// cue: the model alone says "negative", not why.
/// </summary>
public sealed class EmotionDetector(EmotionLexicon lexicon)
{
    public const float ReportThreshold = 0.3f;

    private static readonly string[] EnglishNegators = ["not", "no", "never", "don't", "didn't", "isn't", "wasn't", "aren't", "won't", "can't", "cannot", "hardly", "without", "nothing"];
    private static readonly string HanNegators = "不没沒别別无無未"; // not 非: 非常 means "very"
    private static readonly string[] KoreanNegatorsBefore = ["안", "못", "별로", "전혀"];
    private static readonly string[] KoreanNegatorsAfter = ["지 않", "지않", "지 못", "지못", "지 마", "지마", " 없", "없"];

    public EmotionLexicon Lexicon { get; } = lexicon;

    /// <param name="negativeProbability">The sentiment model's probability that the text is negative.</param>
    /// <param name="positiveProbability">Its probability that the text is positive.</param>
    public IReadOnlyList<EmotionScore> Detect(string text, float negativeProbability, float positiveProbability)
    {
        var normalized = TextNormalizer.Normalize(text);
        var weights = new float[4];
        var cues = new List<string>[4];
        for (int i = 0; i < normalized.Length;)
        {
            var cue = LongestCueAt(normalized, i);
            if (cue is null) { i++; continue; }
            int length = cue.Term.TrimEnd('*').Length;
            var emotion = cue.Emotion;
            if (IsNegated(normalized, i, length))
            {
                if (emotion != Emotion.Satisfaction) { i += length; continue; }
                emotion = Emotion.Disappointment;
            }
            weights[(int)emotion] += cue.Weight;
            (cues[(int)emotion] ??= []).Add(normalized.Substring(i, length));
            i += length;
        }
        var found = new List<EmotionScore>();
        for (int e = 0; e < weights.Length; e++)
        {
            if (weights[e] <= 0) continue;
            float polarity = (Emotion)e == Emotion.Satisfaction ? positiveProbability : negativeProbability;
            float score = (1f - MathF.Exp(-weights[e])) * (0.4f + 0.6f * polarity);
            if (score >= ReportThreshold) found.Add(new EmotionScore((Emotion)e, MathF.Round(score, 3), cues[e]!));
        }
        return found.OrderByDescending(f => f.Score).ToList();
    }

    private EmotionCue? LongestCueAt(string text, int start)
    {
        bool wordStart = start == 0 || !char.IsLetterOrDigit(text[start - 1]);
        foreach (var cue in Lexicon.CuesStartingWith(text[start]))
        {
            var term = cue.Term;
            bool prefix = term.EndsWith('*');
            var body = prefix ? term.AsSpan(0, term.Length - 1) : term.AsSpan();
            if (!text.AsSpan(start).StartsWith(body, StringComparison.Ordinal)) continue;
            if (CharScripts.Of(body[0]) != CharScript.Alphabetic) return cue;
            // Alphabetic cues match whole words only: "mad" must not fire inside "made".
            int end = start + body.Length;
            bool wordEnd = end >= text.Length || !char.IsLetterOrDigit(text[end]);
            if (wordStart && (prefix || wordEnd)) return cue;
        }
        return null;
    }

    private static bool IsNegated(string text, int start, int length)
    {
        var script = CharScripts.Of(text[start]);
        if (script == CharScript.Han)
            return start > 0 && HanNegators.Contains(text[start - 1]) || start > 1 && HanNegators.Contains(text[start - 2]); // 不满意, 不太满意
        if (script == CharScript.Hangul)
        {
            var before = text.AsSpan(0, start).TrimEnd();
            var after = text.AsSpan(start + length);
            foreach (var negator in KoreanNegatorsBefore) if (before.EndsWith(negator, StringComparison.Ordinal)) return true;
            foreach (var negator in KoreanNegatorsAfter)
                if (after.StartsWith(negator, StringComparison.Ordinal) || after.Length > 1 && after[1..].StartsWith(negator, StringComparison.Ordinal)) return true;
            return false;
        }
        // English: a negator among the three words before the cue, within the same clause.
        var words = text[..start].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (int w = words.Length - 1; w >= Math.Max(0, words.Length - 3); w--)
        {
            if (words[w].IndexOfAny(['.', ',', '!', '?', ';']) >= 0 && w < words.Length - 1) break;
            if (EnglishNegators.Contains(words[w].TrimEnd('.', ',', '!', '?', ';'))) return true;
        }
        return false;
    }
}
