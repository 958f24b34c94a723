using System.Text.RegularExpressions;

namespace Touchpoint.Server.Platform.Privacy;

/// <summary>How personal data is shown where it must not be read in full: lists, logs, the desk in view of others.</summary>
public static partial class Masks
{
    /// <summary>
    /// 138****5678: with a country code, 3 leading and 4 trailing digits of the national number, as Chinese apps do.
    /// Spaces, dashes and the plus sign are dropped first, so a number reads the same however it was typed.
    /// </summary>
    public static string Phone(string phone)
    {
        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length <= 4) return new string('*', digits.Length);
        var national = digits.Length > 11 ? digits[^11..] : digits;
        var head = national.Length >= 10 ? 3 : Math.Min(2, national.Length - 4);
        return national[..head] + new string('*', national.Length - head - 4) + national[^4..];
    }

    /// <summary>First character and two asterisks whatever the length: enough to tell people apart at a glance, not to identify one.</summary>
    public static string ShortName(string name) => name.Length == 0 ? name : name[..1] + "**";

    /// <summary>
    /// Long token-like runs (a survey link's single-use token, an id) cut to their first four characters, so a message
    /// can be logged without handing whoever reads the log a working link.
    /// </summary>
    public static string Tokens(string text) => TokenRun().Replace(text, m => m.Value[..4] + "…");

    [GeneratedRegex("[A-Za-z0-9_-]{20,}")]
    private static partial Regex TokenRun();
}
