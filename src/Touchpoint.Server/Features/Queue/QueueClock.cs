using System.Globalization;
using Touchpoint.Server.Features.Organisation;

namespace Touchpoint.Server.Features.Queue;

/// <summary>Branch-local time: numbers restart at the branch's midnight, issuing hours are the branch's hours.</summary>
public static class QueueClock
{
    public static DateTime Local(Branch branch, DateTime utcNow) =>
        TimeZoneInfo.ConvertTimeFromUtc(utcNow, TimeZoneInfo.FindSystemTimeZoneById(branch.TimeZone));

    public static string BusinessDate(Branch branch, DateTime utcNow) =>
        Local(branch, utcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>UTC instant of the branch's last midnight, the start of "today" for counts and service levels.</summary>
    public static DateTime StartOfDayUtc(Branch branch, DateTime utcNow)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(branch.TimeZone);
        var local = TimeZoneInfo.ConvertTimeFromUtc(utcNow, zone);
        return TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local.Date, DateTimeKind.Unspecified), zone);
    }

    /// <summary>Whether a service issues tickets now; no window set means it always does.</summary>
    public static bool IsIssuing(ServiceType service, Branch branch, DateTime utcNow)
    {
        if (service.IssuingStart is null || service.IssuingEnd is null) return true;
        var now = TimeOnly.FromDateTime(Local(branch, utcNow));
        return now >= TimeOnly.ParseExact(service.IssuingStart, "HH:mm", CultureInfo.InvariantCulture)
            && now < TimeOnly.ParseExact(service.IssuingEnd, "HH:mm", CultureInfo.InvariantCulture);
    }

    /// <summary>"A" and 7 become "A007": three digits is what kiosks print and displays show.</summary>
    public static string FormatNumber(string prefix, int sequence) => prefix + sequence.ToString("000", CultureInfo.InvariantCulture);
}
