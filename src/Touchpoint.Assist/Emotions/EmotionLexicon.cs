using Touchpoint.Assist.Text;

namespace Touchpoint.Assist.Emotions;

/// <summary>The emotions that change what a service desk should do: calm someone angry, reassure someone anxious, make good a disappointment, and note satisfaction.</summary>
public enum Emotion
{
    Anger,
    Anxiety,
    Disappointment,
    Satisfaction,
}

/// <summary>A word or phrase that signals an emotion, with its strength (about 1 for a plain cue, 2 for a strong one).</summary>
public sealed record EmotionCue(string Language, Emotion Emotion, string Term, float Weight);

/// <summary>
/// Cue words per emotion in zh-Hans, zh-Hant, ko and en, written for this project (Resources/emotions.tsv).
/// Terms are normalised like the texts they are matched against; English terms match whole words, or word beginnings
/// when they end in '*' (frustrat* for frustrated, frustrating); Chinese and Korean terms match anywhere, since words
/// are not spaced (Chinese) or carry endings (Korean: 짜증 in 짜증나요).
/// </summary>
public sealed class EmotionLexicon
{
    private readonly Dictionary<char, EmotionCue[]> cuesByFirstChar;

    public IReadOnlyList<EmotionCue> Cues { get; }

    public EmotionLexicon(IEnumerable<EmotionCue> cues)
    {
        Cues = cues.Select(c => c with { Term = TextNormalizer.Normalize(c.Term) }).Where(c => c.Term.TrimEnd('*').Length > 0).ToList();
        // Longest first, so that 不满意 (disappointment) wins over 满意 (satisfaction) where both match.
        cuesByFirstChar = Cues.GroupBy(c => c.Term[0])
            .ToDictionary(g => g.Key, g => g.OrderByDescending(c => c.Term.Length).ToArray());
    }

    internal EmotionCue[] CuesStartingWith(char first) => cuesByFirstChar.GetValueOrDefault(first) ?? [];

    private static readonly Lazy<EmotionLexicon> BuiltInLexicon = new(() => Parse(EmbeddedResources.ReadText("emotions.tsv"), "emotions.tsv"));

    public static EmotionLexicon BuiltIn => BuiltInLexicon.Value;

    /// <summary>Reads "language&lt;TAB&gt;emotion&lt;TAB&gt;term&lt;TAB&gt;weight" lines after a header.</summary>
    public static EmotionLexicon Parse(string tsv, string name)
    {
        var cues = new List<EmotionCue>();
        var lines = tsv.Split('\n');
        for (int i = 1; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var parts = line.Split('\t');
            if (parts.Length != 4 || !Enum.TryParse<Emotion>(parts[1], ignoreCase: true, out var emotion)
                || !float.TryParse(parts[3], System.Globalization.CultureInfo.InvariantCulture, out var weight))
                throw new InvalidDataException($"{name}, line {i + 1}: expected language, emotion, term and weight separated by tabs.");
            cues.Add(new EmotionCue(parts[0], emotion, parts[2], weight));
        }
        return new EmotionLexicon(cues);
    }
}
