namespace Touchpoint.Assist.Text;

/// <summary>The writing systems the tokenizer treats differently.</summary>
public enum CharScript : byte
{
    Space,
    /// <summary>Letters and digits of alphabetic scripts (Latin, Greek, Cyrillic, ...): words split by spaces.</summary>
    Alphabetic,
    /// <summary>CJK ideographs: no spaces between words, so character n-grams stand in for words.</summary>
    Han,
    /// <summary>Hangul syllable blocks: words (eojeol) are split by spaces but carry endings inside them.</summary>
    Hangul,
    /// <summary>Bare Hangul letters, written alone in chat: ㅋㅋ (laughing), ㅠㅠ (crying), ㅇㅋ (okay).</summary>
    HangulJamo,
    Kana,
    /// <summary>Punctuation, symbols and emoji: each one is a token of its own.</summary>
    Symbol,
}

public static class CharScripts
{
    public static CharScript Of(int codePoint)
    {
        if (codePoint < 0x80)
        {
            if (codePoint is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9') return CharScript.Alphabetic;
            return codePoint <= ' ' ? CharScript.Space : CharScript.Symbol;
        }
        if (IsHan(codePoint)) return CharScript.Han;
        if (codePoint is >= 0xAC00 and <= 0xD7A3) return CharScript.Hangul;
        if (codePoint is >= 0x1100 and <= 0x11FF or >= 0x3130 and <= 0x318F or >= 0xA960 and <= 0xA97F or >= 0xD7B0 and <= 0xD7FF)
            return CharScript.HangulJamo;
        if (codePoint is >= 0x3040 and <= 0x30FF or >= 0x31F0 and <= 0x31FF) return CharScript.Kana;
        if (codePoint > 0xFFFF) return CharScript.Symbol; // emoji and other supplementary symbols (CJK extension B+ is caught above)
        var c = (char)codePoint;
        if (char.IsWhiteSpace(c) || char.IsControl(c)) return CharScript.Space;
        if (char.IsLetterOrDigit(c)) return CharScript.Alphabetic;
        return CharScript.Symbol;
    }

    public static bool IsHan(int codePoint) =>
        codePoint is >= 0x4E00 and <= 0x9FFF or >= 0x3400 and <= 0x4DBF or >= 0xF900 and <= 0xFAFF or >= 0x20000 and <= 0x3FFFF;
}
