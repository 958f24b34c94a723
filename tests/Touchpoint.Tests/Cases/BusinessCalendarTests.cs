using Touchpoint.Server.Features.Cases;
using Touchpoint.Server.Features.Organisation;

namespace Touchpoint.Tests.Cases;

/// <summary>Working-time arithmetic: nights, weekends, holidays, DST changes and pauses.</summary>
public sealed class BusinessCalendarTests
{
    // Shanghai (UTC+8, no DST), Monday to Friday 09:00-17:00; Monday 2026-11-23.
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static BusinessCalendar Weekdays(params string[] holidays) => new(Shanghai,
        Enumerable.Range(1, 5).Select(d => new BusinessHours(d, "09:00", "17:00")), holidays.Select(h => new Holiday(h, "holiday")));

    private static DateTime Sh(int day, int hour, int minute = 0) =>
        TimeZoneInfo.ConvertTimeToUtc(new DateTime(2026, 11, day, hour, minute, 0, DateTimeKind.Unspecified), Shanghai);

    [Fact]
    public void Add_WithinOpeningHours_AddsWallTime() =>
        Assert.Equal(Sh(23, 12), Weekdays().Add(Sh(23, 10), TimeSpan.FromHours(2)));

    [Fact]
    public void Add_PastClosing_ContinuesNextMorning() =>
        Assert.Equal(Sh(24, 10), Weekdays().Add(Sh(23, 16), TimeSpan.FromHours(2)));

    [Fact]
    public void Add_BeforeOpening_StartsAtOpening() =>
        Assert.Equal(Sh(23, 10), Weekdays().Add(Sh(23, 7), TimeSpan.FromHours(1)));

    [Fact]
    public void Add_OnFridayAfternoon_SkipsTheWeekend() =>
        Assert.Equal(Sh(30, 10), Weekdays().Add(Sh(27, 16), TimeSpan.FromHours(2)));

    [Fact]
    public void Add_AcrossAHoliday_SkipsTheHoliday() =>
        Assert.Equal(Sh(25, 10), Weekdays("2026-11-24").Add(Sh(23, 16), TimeSpan.FromHours(2)));

    [Fact]
    public void Add_ExactlyToClosing_EndsAtClosingNotNextMorning() =>
        Assert.Equal(Sh(23, 17), Weekdays().Add(Sh(23, 16), TimeSpan.FromHours(1)));

    [Fact]
    public void Elapsed_AcrossNightAndWeekend_CountsOnlyOpenHours()
    {
        var calendar = Weekdays();
        Assert.Equal(TimeSpan.FromHours(2), calendar.Elapsed(Sh(27, 16), Sh(30, 10)));
        Assert.Equal(TimeSpan.FromHours(40), calendar.Elapsed(Sh(23, 0), Sh(28, 0)));
        Assert.Equal(TimeSpan.Zero, calendar.Elapsed(Sh(28, 10), Sh(29, 23)));
        Assert.Equal(TimeSpan.Zero, calendar.Elapsed(Sh(24, 10), Sh(23, 10)));
    }

    [Fact]
    public void Elapsed_IsTheInverseOfAdd()
    {
        var calendar = Weekdays("2026-11-26");
        var start = Sh(23, 15, 17);
        foreach (var minutes in new[] { 1, 59, 480, 1000, 2400 })
            Assert.Equal(TimeSpan.FromMinutes(minutes), calendar.Elapsed(start, calendar.Add(start, TimeSpan.FromMinutes(minutes))));
    }

    [Fact]
    public void NoOpeningHours_MeansAroundTheClock()
    {
        var calendar = new BusinessCalendar(Shanghai, [], []);
        Assert.True(calendar.AlwaysOpen);
        Assert.Equal(Sh(28, 12), calendar.Add(Sh(28, 10), TimeSpan.FromHours(2)));
    }

    [Fact]
    public void Add_AcrossSpringForward_UsesTheNewOffset()
    {
        // London moves from GMT to BST on Sunday 2026-03-29 at 01:00. Open Saturday and Sunday 09:00-17:00 local time.
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var calendar = new BusinessCalendar(london, [new BusinessHours(6, "09:00", "17:00"), new BusinessHours(0, "09:00", "17:00")], []);
        var saturday4pm = new DateTime(2026, 3, 28, 16, 0, 0, DateTimeKind.Utc); // GMT: local = UTC
        Assert.Equal(new DateTime(2026, 3, 29, 9, 0, 0, DateTimeKind.Utc), calendar.Add(saturday4pm, TimeSpan.FromHours(2))); // 10:00 BST
    }

    [Fact]
    public void Elapsed_OverTheShortDay_Is23Hours()
    {
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var calendar = new BusinessCalendar(london, Enumerable.Range(0, 7).Select(d => new BusinessHours(d, "00:00", "24:00")), []);
        var midnight = new DateTime(2026, 3, 29, 0, 0, 0, DateTimeKind.Utc);
        var nextMidnight = new DateTime(2026, 3, 29, 23, 0, 0, DateTimeKind.Utc); // 00:00 BST on the 30th
        Assert.Equal(TimeSpan.FromHours(23), calendar.Elapsed(midnight, nextMidnight));
    }

    [Fact]
    public void ResumeDue_KeepsTheWorkingTimeLeftAtThePause()
    {
        // Due Monday 15:00, paused at 14:00 (one working hour left), resumed Tuesday 16:30: half an hour that day, half Wednesday.
        Assert.Equal(Sh(25, 9, 30), SlaClock.ResumeDue(Weekdays(), Sh(23, 15), Sh(23, 14), Sh(24, 16, 30)));
    }
}
