using System.Globalization;
using System.Text.RegularExpressions;

namespace Touchpoint.Mail;

/// <summary>
/// Case references (TP-000123) in mail subjects: found in inbound subjects, and put on outbound ones, so that a reply
/// finds its case even when a mail client dropped In-Reply-To and References.
/// </summary>
public static partial class CaseReference
{
    public const string Prefix = "TP-";

    // Bracketed ([TP-000123], 【TP-000123】, ［TP-000123］) first: that is how Touchpoint writes it; a bare TP-000123 of at
    // least six digits after that, for customers who type it themselves.
    [GeneratedRegex(@"[\[【［(（]\s*TP\s*[-‐－]\s*(\d{1,12})\s*[\]】］)）]", RegexOptions.IgnoreCase)]
    private static partial Regex Bracketed();

    [GeneratedRegex(@"(?<![A-Za-z0-9])TP[-－](\d{6,12})(?!\d)", RegexOptions.IgnoreCase)]
    private static partial Regex Bare();

    // Reply and forward prefixes of the clients our customers use, repeated and nested ("Re: 回复: Fwd:").
    [GeneratedRegex(@"^\s*((re|fw|fwd|aw|wg|sv|vs|antw|回复|回覆|答复|答覆|转发|轉寄|轉發|회신|답장|전달|返信|転送)\s*(\[\d+\])?\s*[:：]\s*)+", RegexOptions.IgnoreCase)]
    private static partial Regex ReplyPrefixes();

    public static string Format(long number) => Prefix + number.ToString("D6", CultureInfo.InvariantCulture);

    /// <summary>The case reference in a subject, normalised to TP-000123; null when there is none.</summary>
    public static string? Find(string? subject)
    {
        if (string.IsNullOrEmpty(subject)) return null;
        var match = Bracketed().Match(subject);
        if (!match.Success) match = Bare().Match(subject);
        return match.Success && long.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out long number)
            ? Format(number)
            : null;
    }

    public static bool TryParseNumber(string? reference, out long number)
    {
        number = 0;
        var found = Find(reference is null ? null : "[" + reference.Trim().Trim('[', ']') + "]");
        return found is not null && long.TryParse(found.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out number);
    }

    /// <summary>The subject without reply/forward prefixes and without case references: what the customer titled it.</summary>
    public static string CleanSubject(string? subject)
    {
        var text = subject ?? "";
        text = Bracketed().Replace(text, " ");
        text = ReplyPrefixes().Replace(text, "");
        return Mime.AddressListParser.CollapseWhiteSpace(text);
    }

    /// <summary>"Re: {subject} [TP-000123]" for a reply, "{subject} [TP-000123]" for a first mail.</summary>
    public static string FormatSubject(string? subject, string reference, bool reply = true)
    {
        var clean = CleanSubject(subject);
        var tagged = clean.Length == 0 ? $"[{reference}]" : $"{clean} [{reference}]";
        return reply ? "Re: " + tagged : tagged;
    }
}
