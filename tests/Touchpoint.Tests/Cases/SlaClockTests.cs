using Touchpoint.Server.Features.Cases;
using Touchpoint.Server.Features.Organisation;

namespace Touchpoint.Tests.Cases;

/// <summary>The SLA rules on a case: targets start, are met, pause while pending on the customer and warn before breach.</summary>
public sealed class SlaClockTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly BusinessCalendar Calendar = new(Shanghai, Enumerable.Range(1, 5).Select(d => new BusinessHours(d, "09:00", "17:00")), []);
    private static readonly SlaPolicy Policy = new()
    {
        Priority = CasePriorities.Normal, FirstResponseMinutes = 60, NextResponseMinutes = 120, ResolutionMinutes = 16 * 60, WarnAtPercent = 75,
    };

    private static DateTime Sh(int day, int hour, int minute = 0, int second = 0) =>
        TimeZoneInfo.ConvertTimeToUtc(new DateTime(2026, 11, day, hour, minute, second, DateTimeKind.Unspecified), Shanghai);

    private static SupportCase NewCase() => new() { Reference = "TP-000001", Subject = "s", Channel = "email", CustomerName = "c" };

    [Fact]
    public void Start_SetsTargetsInWorkingTime_AndTheFirstResponseLeads()
    {
        var c = NewCase();
        SlaClock.Start(c, Policy, Calendar, Sh(23, 16, 30));
        Assert.Equal(Sh(24, 9, 30), c.FirstResponseDueAt);
        Assert.Equal(Sh(25, 16, 30), c.ResolutionDueAt);
        Assert.Equal(Sh(24, 9, 30), c.SlaDueAt);
        Assert.Equal(SlaClock.FirstResponse, c.SlaTarget);
        Assert.Equal(Sh(24, 9, 15), c.SlaWarnAt); // a quarter of the hour left
    }

    [Fact]
    public void StaffReply_MeetsFirstResponse_ThenCustomerReplyStartsNextResponse()
    {
        var c = NewCase();
        SlaClock.Start(c, Policy, Calendar, Sh(23, 10));
        SlaClock.StaffReplied(c, Policy, Calendar, Sh(23, 10, 30));
        Assert.Equal(Sh(23, 10, 30), c.FirstRespondedAt);
        Assert.Equal(SlaClock.Resolution, c.SlaTarget);
        SlaClock.CustomerReplied(c, Policy, Calendar, Sh(23, 16));
        Assert.Equal(Sh(24, 10), c.NextResponseDueAt);
        Assert.Equal(SlaClock.NextResponse, c.SlaTarget);
        SlaClock.StaffReplied(c, Policy, Calendar, Sh(24, 9, 5));
        Assert.Null(c.NextResponseDueAt);
        Assert.Equal(Sh(23, 10, 30), c.FirstRespondedAt);
        Assert.False(c.SlaBreached);
    }

    private static readonly SlaPolicy Urgent = new()
    {
        Priority = CasePriorities.Urgent, FirstResponseMinutes = 30, NextResponseMinutes = 60, ResolutionMinutes = 4 * 60, WarnAtPercent = 75,
    };

    [Fact]
    public void NewPolicy_KeepsTheWorkingTimeSpent_AndAppliesItsOwnTargets()
    {
        var c = NewCase();
        SlaClock.Start(c, Policy, Calendar, Sh(23, 16, 40));         // first response due Tuesday 09:40
        SlaClock.PolicyChanged(c, Policy, Urgent, Calendar, Sh(24, 9)); // 20 working minutes spent overnight
        Assert.Equal(Sh(24, 9, 10), c.FirstResponseDueAt);              // 30 minutes in all: 10 left
        Assert.Equal(Sh(24, 12, 40), c.ResolutionDueAt);                // 4 working hours from Monday 16:40
        Assert.Equal(Sh(24, 9, 10), c.SlaDueAt);
        Assert.Equal(Sh(24, 9, 2, 30), c.SlaWarnAt);                    // a quarter of the new 30 minutes before
        Assert.False(c.SlaBreached);

        // And back: the longer targets count from the same start.
        SlaClock.PolicyChanged(c, Urgent, Policy, Calendar, Sh(24, 9, 5));
        Assert.Equal(Sh(24, 9, 40), c.FirstResponseDueAt);
        Assert.Equal(Sh(25, 16, 40), c.ResolutionDueAt);
    }

    [Fact]
    public void NewPolicy_WhilePaused_CountsFromThePause_AndATargetAlreadyPassedIsBreached()
    {
        var c = NewCase();
        SlaClock.Start(c, Policy, Calendar, Sh(23, 9));
        SlaClock.StaffReplied(c, Policy, Calendar, Sh(23, 9, 30));
        c.Status = CaseStatuses.PendingCustomer;
        SlaClock.StatusChanged(c, CaseStatuses.Open, Policy, Calendar, Sh(23, 13)); // 4 of 16 working hours spent
        SlaClock.PolicyChanged(c, Policy, Urgent, Calendar, Sh(25, 10));             // the 4 hours urgent allows are gone
        Assert.Null(c.SlaDueAt);
        Assert.Equal(Sh(23, 13), c.ResolutionDueAt);
        c.Status = CaseStatuses.Open;
        SlaClock.StatusChanged(c, CaseStatuses.PendingCustomer, Urgent, Calendar, Sh(25, 11));
        Assert.Equal(Sh(23, 13), c.ResolutionDueAt); // due the moment the pause began: nothing left to shift
        Assert.True(c.SlaBreached);

        var running = NewCase();
        SlaClock.Start(running, Policy, Calendar, Sh(23, 9));
        SlaClock.PolicyChanged(running, Policy, Urgent, Calendar, Sh(23, 15)); // 6 hours spent of a now 4-hour target
        Assert.Equal(Sh(23, 13), running.ResolutionDueAt);
        Assert.True(running.SlaBreached);
    }

    [Fact]
    public void PendingOnCustomer_StopsTheClock_AndResumingKeepsTheTimeLeft()
    {
        var c = NewCase();
        SlaClock.Start(c, Policy, Calendar, Sh(23, 9));             // resolution due Tuesday 17:00
        SlaClock.StaffReplied(c, Policy, Calendar, Sh(23, 9, 30));
        c.Status = CaseStatuses.PendingCustomer;
        SlaClock.StatusChanged(c, CaseStatuses.Open, Policy, Calendar, Sh(23, 13)); // 12 working hours left
        Assert.Null(c.SlaDueAt);
        Assert.Equal(Sh(23, 13), c.SlaPausedAt);

        c.Status = CaseStatuses.Open;
        SlaClock.StatusChanged(c, CaseStatuses.PendingCustomer, Policy, Calendar, Sh(27, 15)); // Friday 15:00, four days later
        Assert.Null(c.SlaPausedAt);
        // Friday 15:00-17:00, Monday 09:00-17:00, Tuesday 09:00-11:00: the same 12 working hours.
        Assert.Equal(new DateTime(2026, 12, 1, 3, 0, 0, DateTimeKind.Utc), c.ResolutionDueAt);
        Assert.Equal(c.ResolutionDueAt, c.SlaDueAt);
        Assert.False(c.SlaBreached);
    }

    [Fact]
    public void Solving_StopsTheClock_AndReopeningRestartsResolution()
    {
        var c = NewCase();
        SlaClock.Start(c, Policy, Calendar, Sh(23, 9));
        SlaClock.StaffReplied(c, Policy, Calendar, Sh(23, 9, 10));
        c.Status = CaseStatuses.Solved;
        SlaClock.StatusChanged(c, CaseStatuses.Open, Policy, Calendar, Sh(23, 11));
        Assert.Null(c.SlaDueAt);
        c.Status = CaseStatuses.Open;
        SlaClock.StatusChanged(c, CaseStatuses.Solved, Policy, Calendar, Sh(24, 9));
        Assert.Equal(Sh(25, 17), c.ResolutionDueAt);
        Assert.Equal(SlaClock.Resolution, c.SlaTarget);
    }

    [Fact]
    public void Refresh_AfterTheDueTime_MarksBreached()
    {
        var c = NewCase();
        SlaClock.Start(c, Policy, Calendar, Sh(23, 9));
        SlaClock.Refresh(c, Policy, Calendar, Sh(23, 10, 1));
        Assert.True(c.SlaBreached);
    }

    [Fact]
    public void Choose_PrefersTheMostSpecificPolicy_AndFallsBackToDefaults()
    {
        var branch = Guid.NewGuid();
        SlaPolicy general = new() { Priority = "high", FirstResponseMinutes = 10 };
        SlaPolicy billing = new() { Priority = "high", Category = "billing", FirstResponseMinutes = 20 };
        SlaPolicy vipHere = new() { Priority = "high", Segment = "vip", BranchId = branch, FirstResponseMinutes = 5 };
        SlaPolicy[] all = [general, billing, vipHere];
        Assert.Same(billing, SlaPolicy.Choose(all, Guid.NewGuid(), "high", "Billing", "vip"));
        Assert.Same(vipHere, SlaPolicy.Choose(all, branch, "high", "billing", "vip"));
        Assert.Same(general, SlaPolicy.Choose(all, branch, "high", null, null));
        Assert.Equal(30, SlaPolicy.Choose(all, branch, "urgent", null, null).FirstResponseMinutes);
    }
}
