using System.Globalization;

namespace Touchpoint.Mail.Mime;

/// <summary>
/// Dates as RFC 5322 writes them (<c>Tue, 1 Jul 2003 10:52:37 +0200</c>) and as mailers really do: without the day
/// name or seconds, two-digit years, full month names, zone names (GMT, UT, EST, PDT, KST, JST, CST as China time),
/// <c>+08:00</c> and <c>GMT+8</c>, asctime order (<c>Tue Jul  1 10:52:37 2003</c>), ISO 8601, and a trailing comment.
/// A date without a zone is taken as UTC and reported.
/// </summary>
internal static class MailDateParser
{
    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    private static readonly Dictionary<string, int> ZoneMinutes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["UT"] = 0, ["UTC"] = 0, ["GMT"] = 0, ["Z"] = 0, ["WET"] = 0, ["BST"] = 60, ["CET"] = 60, ["CEST"] = 120,
        ["EST"] = -300, ["EDT"] = -240, ["CDT"] = -300, ["MST"] = -420, ["MDT"] = -360, ["PST"] = -480, ["PDT"] = -420,
        // CST is ambiguous (US Central, China Standard); mail that names it without an offset comes from China far more
        // often in a Chinese-speaking service desk.
        ["CST"] = 480, ["HKT"] = 480, ["SGT"] = 480, ["KST"] = 540, ["JST"] = 540, ["IST"] = 330,
    };

    public static DateTimeOffset? Parse(string? value, ICollection<string> problems)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var text = HeaderText.StripComments(value).Trim();
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var iso) && text.Contains('T') && text.Contains('-'))
            return iso;
        if (ParseTokens(text, out var result, out bool zoneMissing))
        {
            if (zoneMissing) problems.Add($"date without a time zone, taken as UTC: {EncodedWords.Shorten(value)}");
            return result;
        }
        problems.Add($"unreadable date: {EncodedWords.Shorten(value)}");
        return null;
    }

    private static bool ParseTokens(string text, out DateTimeOffset result, out bool zoneMissing)
    {
        result = default;
        zoneMissing = true;
        int? day = null, month = null, year = null, offset = null;
        TimeSpan? time = null;
        var tokens = text.Replace(',', ' ').Split([' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries);
        foreach (var raw in tokens)
        {
            var token = raw.Trim('.');
            if (time is null && token.Contains(':') && TryTime(token, out var t, out var attachedZone))
            {
                time = t;
                offset ??= attachedZone;
            }
            else if (month is null && MonthOf(token) is { } m) month = m;
            else if (int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out int number))
            {
                if (day is null && number is >= 1 and <= 31 && token.Length <= 2) day = number;
                else if (year is null) year = number;
            }
            else if (token.Contains('-') && token.Split('-') is [var d, var mo, var y] && MonthOf(mo) is { } m2
                     && int.TryParse(d, out int dd) && int.TryParse(y, out int yy))
            {
                // 1-Jul-2003
                (day, month, year) = (dd, m2, yy);
            }
            else if (offset is null && TryZone(token, out int minutes)) offset = minutes;
        }
        if (day is null || month is null || year is null) return false;
        int fullYear = year.Value switch { < 50 => 2000 + year.Value, < 100 => 1900 + year.Value, < 1000 => 1900 + year.Value, _ => year.Value };
        zoneMissing = offset is null;
        try
        {
            var local = new DateTime(fullYear, month.Value, Math.Min(day.Value, DateTime.DaysInMonth(fullYear, month.Value)), 0, 0, 0, DateTimeKind.Unspecified)
                + (time ?? TimeSpan.Zero);
            result = new DateTimeOffset(local, TimeSpan.FromMinutes(offset ?? 0));
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    private static int? MonthOf(string token)
    {
        if (token.Length < 3) return null;
        int index = Array.IndexOf(Months, token[..3].ToLowerInvariant());
        return index < 0 ? null : index + 1;
    }

    // 10:52, 10:52:37, 10:52:37.123, and 10:52:37+0800 with the zone glued on.
    private static bool TryTime(string token, out TimeSpan time, out int? zone)
    {
        time = default;
        zone = null;
        int zoneAt = token.IndexOfAny(['+', '-'], 1);
        if (zoneAt > 0)
        {
            if (TryZone(token[zoneAt..], out int minutes)) zone = minutes;
            token = token[..zoneAt];
        }
        var parts = token.Split(':');
        if (parts.Length is < 2 or > 3) return false;
        if (!int.TryParse(parts[0], out int h) || !int.TryParse(parts[1], out int m)) return false;
        double s = 0;
        if (parts.Length == 3 && !double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out s)) return false;
        if (h is < 0 or > 23 || m is < 0 or > 59 || s is < 0 or >= 61) return false;
        time = new TimeSpan(0, h, m, 0).Add(TimeSpan.FromSeconds(Math.Min(s, 59.999)));
        return true;
    }

    // +0800, -05:00, +8, GMT+8, UTC+09:00, named zones.
    private static bool TryZone(string token, out int minutes)
    {
        minutes = 0;
        foreach (var prefix in (string[])["GMT", "UTC", "UT"])
            if (token.Length > prefix.Length && token.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && token[prefix.Length] is '+' or '-')
            {
                token = token[prefix.Length..];
                break;
            }
        if (ZoneMinutes.TryGetValue(token, out minutes)) return true;
        if (token.Length < 2 || token[0] is not ('+' or '-')) return false;
        var digits = token[1..].Replace(":", "");
        if (!digits.All(char.IsAsciiDigit) || digits.Length is 0 or 3 or > 4) return false;
        int hours = digits.Length <= 2 ? int.Parse(digits, CultureInfo.InvariantCulture) : int.Parse(digits[..2], CultureInfo.InvariantCulture);
        int mins = digits.Length == 4 ? int.Parse(digits[2..], CultureInfo.InvariantCulture) : 0;
        if (hours > 14 || mins > 59) return false;
        minutes = (token[0] == '-' ? -1 : 1) * (hours * 60 + mins);
        return true;
    }
}
