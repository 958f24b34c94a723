using System.Globalization;
using Touchpoint.Server.Features.Organisation;

namespace Touchpoint.Server.Features.Cases;

/// <summary>
/// A branch's working time: opening hours per weekday in its own time zone, minus holidays. Pure (no clock, no
/// database), so SLA arithmetic is tested on its own. Every instant in and out is UTC; each day's opening and closing
/// are converted with the day's own offset, so a target spanning a DST change counts the hours that were really open.
/// A branch without any opening hours is treated as open around the clock (a 24/7 contact centre).
/// </summary>
public sealed class BusinessCalendar
{
    /// <summary>How far ahead to look for working time before giving up (a calendar with every day a holiday).</summary>
    private const int MaxDays = 3 * 366;

    private readonly TimeZoneInfo zone;
    private readonly Dictionary<int, List<(TimeSpan Open, TimeSpan Close)>> hoursByDay;
    private readonly HashSet<DateOnly> holidays;

    public BusinessCalendar(TimeZoneInfo zone, IEnumerable<BusinessHours> hours, IEnumerable<Holiday> holidays)
    {
        this.zone = zone;
        hoursByDay = hours
            .Select(h => (h.Day, Open: ParseTime(h.Open), Close: ParseTime(h.Close)))
            .Where(h => h.Open is not null && h.Close is not null && h.Close > h.Open)
            .GroupBy(h => h.Day)
            .ToDictionary(g => g.Key, g => g.Select(h => (h.Open!.Value, h.Close!.Value)).OrderBy(h => h.Item1).ToList());
        this.holidays = holidays
            .Select(h => DateOnly.TryParseExact(h.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : (DateOnly?)null)
            .OfType<DateOnly>().ToHashSet();
    }

    public static BusinessCalendar For(Branch branch) =>
        new(TimeZoneInfo.TryFindSystemTimeZoneById(branch.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc, branch.BusinessHours, branch.Holidays);

    public bool AlwaysOpen => hoursByDay.Count == 0;

    /// <summary>The instant when <paramref name="duration"/> of working time has passed after <paramref name="startUtc"/>.</summary>
    public DateTime Add(DateTime startUtc, TimeSpan duration)
    {
        startUtc = AsUtc(startUtc);
        if (duration <= TimeSpan.Zero) return startUtc;
        if (AlwaysOpen) return startUtc + duration;
        var left = duration;
        foreach (var (open, close) in IntervalsFrom(startUtc))
        {
            var from = open < startUtc ? startUtc : open;
            var available = close - from;
            if (available >= left) return from + left;
            left -= available;
        }
        throw new InvalidOperationException("The calendar has no working time within three years.");
    }

    /// <summary>Working time between two instants (zero when <paramref name="toUtc"/> is not later).</summary>
    public TimeSpan Elapsed(DateTime fromUtc, DateTime toUtc)
    {
        fromUtc = AsUtc(fromUtc);
        toUtc = AsUtc(toUtc);
        if (toUtc <= fromUtc) return TimeSpan.Zero;
        if (AlwaysOpen) return toUtc - fromUtc;
        var total = TimeSpan.Zero;
        foreach (var (open, close) in IntervalsFrom(fromUtc))
        {
            if (open >= toUtc) break;
            var from = open < fromUtc ? fromUtc : open;
            var to = close > toUtc ? toUtc : close;
            if (to > from) total += to - from;
        }
        return total;
    }

    /// <summary>Working intervals (UTC) that end after <paramref name="startUtc"/>, in order, day by local day.</summary>
    private IEnumerable<(DateTime Open, DateTime Close)> IntervalsFrom(DateTime startUtc)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(startUtc, zone)).AddDays(-1);
        for (var i = 0; i <= MaxDays; i++, day = day.AddDays(1))
        {
            if (holidays.Contains(day) || !hoursByDay.TryGetValue((int)day.DayOfWeek, out var hours)) continue;
            foreach (var (open, close) in hours)
            {
                var openUtc = ToUtc(day, open);
                var closeUtc = ToUtc(day, close);
                if (closeUtc > startUtc && closeUtc > openUtc) yield return (openUtc, closeUtc);
            }
        }
    }

    /// <summary>
    /// Local wall time to UTC. A time skipped by a spring-forward change means the first instant after the gap; a time
    /// that happens twice in autumn means its first occurrence (the earlier instant), as people read "open at 01:30".
    /// </summary>
    private DateTime ToUtc(DateOnly day, TimeSpan time)
    {
        var local = day.ToDateTime(TimeOnly.MinValue).Add(time);
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            // Step forward minute by minute to the end of the gap (gaps are at most a few hours).
            var probe = local;
            while (zone.IsInvalidTime(probe)) probe = probe.AddMinutes(1);
            return TimeZoneInfo.ConvertTimeToUtc(probe, zone);
        }
        if (zone.IsAmbiguousTime(local))
        {
            var largest = zone.GetAmbiguousTimeOffsets(local).Max();
            return DateTime.SpecifyKind(local - largest, DateTimeKind.Utc);
        }
        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }

    private static TimeSpan? ParseTime(string text) =>
        text == "24:00" ? TimeSpan.FromDays(1)
        : TimeSpan.TryParseExact(text, @"hh\:mm", CultureInfo.InvariantCulture, out var t) ? t : null;

    private static DateTime AsUtc(DateTime t) => t.Kind == DateTimeKind.Utc ? t : DateTime.SpecifyKind(t, DateTimeKind.Utc);
}
