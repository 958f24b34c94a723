namespace Touchpoint.Assist.Text;

/// <summary>A run of one script in normalised text: a word, a run of ideographs, or one symbol.</summary>
public readonly record struct TokenSpan(int Start, int Length, CharScript Script);

public readonly record struct TextToken(string Text, CharScript Script);
