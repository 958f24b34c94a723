namespace Touchpoint.Server.Features.Cases;

/// <summary>
/// The SLA rules of a case as pure functions of the case, its policy, its branch's calendar and "now": start the
/// targets, meet them, pause while pending on the customer and resume with the working time that was left. The
/// summary fields (<see cref="SupportCase.SlaDueAt"/>, target, warning time) are recomputed after every change.
/// </summary>
public static class SlaClock
{
    public const string FirstResponse = "firstResponse";
    public const string NextResponse = "nextResponse";
    public const string Resolution = "resolution";

    public static void Start(SupportCase c, SlaPolicy policy, BusinessCalendar calendar, DateTime now)
    {
        c.FirstResponseDueAt = calendar.Add(now, TimeSpan.FromMinutes(policy.FirstResponseMinutes));
        c.ResolutionDueAt = calendar.Add(now, TimeSpan.FromMinutes(policy.ResolutionMinutes));
        c.NextResponseDueAt = null;
        Refresh(c, policy, calendar, now);
    }

    /// <summary>A public reply by staff: meets the first response (once) and the pending next response.</summary>
    public static void StaffReplied(SupportCase c, SlaPolicy policy, BusinessCalendar calendar, DateTime now)
    {
        // Met late is still breached, whether or not the monitor saw it pass.
        if (c.SlaPausedAt is null && ((c.FirstRespondedAt is null && c.FirstResponseDueAt < now) || c.NextResponseDueAt < now)) c.SlaBreached = true;
        c.FirstRespondedAt ??= now;
        c.NextResponseDueAt = null;
        Refresh(c, policy, calendar, now);
    }

    /// <summary>The customer wrote again: the next response is due, counted from now.</summary>
    public static void CustomerReplied(SupportCase c, SlaPolicy policy, BusinessCalendar calendar, DateTime now)
    {
        // Callers move a case pending on the customer back to open first, which resumes the clocks.
        if (c.FirstRespondedAt is not null && c.NextResponseDueAt is null)
            c.NextResponseDueAt = calendar.Add(now, TimeSpan.FromMinutes(policy.NextResponseMinutes));
        Refresh(c, policy, calendar, now);
    }

    /// <summary>Applies a status change to the clocks: pause, resume, solve, reopen.</summary>
    public static void StatusChanged(SupportCase c, string from, SlaPolicy policy, BusinessCalendar calendar, DateTime now)
    {
        if (c.Status == CaseStatuses.PendingCustomer && c.SlaPausedAt is null) c.SlaPausedAt = now;
        else if (c.Status != CaseStatuses.PendingCustomer && c.SlaPausedAt is { } pausedAt) Resume(c, calendar, pausedAt, now);

        if (c.Status == CaseStatuses.Solved)
        {
            if (c.ResolutionDueAt < now) c.SlaBreached = true;
            c.SolvedAt = now;
        }
        else if (from == CaseStatuses.Solved && c.Status == CaseStatuses.Open)
        {
            // Reopened: resolution runs again for the full target from now, as the customer waits again.
            c.SolvedAt = null;
            c.ResolutionDueAt = calendar.Add(now, TimeSpan.FromMinutes(policy.ResolutionMinutes));
        }
        if (c.Status == CaseStatuses.Closed) c.ClosedAt = now;
        Refresh(c, policy, calendar, now);
    }

    /// <summary>
    /// The policy in force changed (a new priority or category): each unmet target keeps the working time already spent
    /// on it and gets the new policy's length, so its due time moves by the difference. A paused case's targets are
    /// measured from the pause, where their clocks stopped; resuming then shifts them as usual. A breach that already
    /// happened stays recorded.
    /// </summary>
    public static void PolicyChanged(SupportCase c, SlaPolicy before, SlaPolicy after, BusinessCalendar calendar, DateTime now)
    {
        var from = c.SlaPausedAt ?? now;
        if (c.FirstRespondedAt is null)
            c.FirstResponseDueAt = Retarget(c.FirstResponseDueAt, after.FirstResponseMinutes - before.FirstResponseMinutes);
        c.NextResponseDueAt = Retarget(c.NextResponseDueAt, after.NextResponseMinutes - before.NextResponseMinutes);
        if (c.SolvedAt is null) c.ResolutionDueAt = Retarget(c.ResolutionDueAt, after.ResolutionMinutes - before.ResolutionMinutes);
        Refresh(c, after, calendar, now);

        DateTime? Retarget(DateTime? due, int minutes)
        {
            if (due is not { } d || minutes == 0) return due;
            var left = Remaining(calendar, d, from) + TimeSpan.FromMinutes(minutes);
            // Already past under the new length: overdue by the wall-clock time, as Remaining counts it.
            return left >= TimeSpan.Zero ? calendar.Add(from, left) : from + left;
        }
    }

    /// <summary>Each unmet due time moves on by the working time the pause took from it.</summary>
    private static void Resume(SupportCase c, BusinessCalendar calendar, DateTime pausedAt, DateTime now)
    {
        c.FirstResponseDueAt = Shift(c.FirstRespondedAt is null ? c.FirstResponseDueAt : null, c.FirstResponseDueAt);
        c.NextResponseDueAt = Shift(c.NextResponseDueAt, c.NextResponseDueAt);
        c.ResolutionDueAt = Shift(c.SolvedAt is null ? c.ResolutionDueAt : null, c.ResolutionDueAt);
        c.SlaPausedAt = null;

        DateTime? Shift(DateTime? running, DateTime? unchanged) =>
            running is { } due && due > pausedAt ? ResumeDue(calendar, due, pausedAt, now) : unchanged;
    }

    /// <summary>A due time paused at <paramref name="pausedAt"/> and resumed at <paramref name="resumedAt"/>: the working time left is kept.</summary>
    public static DateTime ResumeDue(BusinessCalendar calendar, DateTime due, DateTime pausedAt, DateTime resumedAt) =>
        calendar.Add(resumedAt, calendar.Elapsed(pausedAt, due));

    /// <summary>Working time left until <paramref name="due"/> (negative when overdue, in wall-clock time then).</summary>
    public static TimeSpan Remaining(BusinessCalendar calendar, DateTime due, DateTime now) =>
        due >= now ? calendar.Elapsed(now, due) : due - now;

    /// <summary>The earliest running target, when to warn about it, and whether the case has breached.</summary>
    public static void Refresh(SupportCase c, SlaPolicy policy, BusinessCalendar calendar, DateTime now)
    {
        (string Name, DateTime? Due, int Minutes)[] targets =
        [
            (FirstResponse, c.FirstRespondedAt is null ? c.FirstResponseDueAt : null, policy.FirstResponseMinutes),
            (NextResponse, c.NextResponseDueAt, policy.NextResponseMinutes),
            (Resolution, c.SolvedAt is null ? c.ResolutionDueAt : null, policy.ResolutionMinutes),
        ];
        var running = CaseStatuses.IsActive(c.Status) && c.SlaPausedAt is null
            ? targets.Where(t => t.Due is not null).OrderBy(t => t.Due).FirstOrDefault()
            : default;
        if (running.Due is not { } due)
        {
            c.SlaDueAt = null;
            c.SlaTarget = null;
            c.SlaWarnAt = null;
            return;
        }
        c.SlaDueAt = due;
        c.SlaTarget = running.Name;
        // Warn when the policy's share of the target's working time has passed, counted back from the due time.
        var warnBefore = TimeSpan.FromMinutes(running.Minutes * (100 - Math.Clamp(policy.WarnAtPercent, 0, 100)) / 100.0);
        c.SlaWarnAt = SubtractWorking(calendar, due, warnBefore);
        if (due <= now) c.SlaBreached = true;
    }

    /// <summary>The instant that lies <paramref name="span"/> of working time before <paramref name="due"/>.</summary>
    private static DateTime SubtractWorking(BusinessCalendar calendar, DateTime due, TimeSpan span)
    {
        if (span <= TimeSpan.Zero) return due;
        if (calendar.AlwaysOpen) return due - span;
        // Working time to the due time only shrinks as the start moves later: step back a day at a time until it covers
        // the span, then bisect to the latest such instant (the previous closing time when the span starts at an opening).
        var low = due - span;
        while (calendar.Elapsed(low, due) < span) low -= TimeSpan.FromDays(1);
        var high = due;
        for (var i = 0; i < 40 && high - low > TimeSpan.FromSeconds(1); i++)
        {
            var mid = low + (high - low) / 2;
            if (calendar.Elapsed(mid, due) >= span) low = mid; else high = mid;
        }
        return low;
    }
}
