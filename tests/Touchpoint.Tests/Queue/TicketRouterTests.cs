using Touchpoint.Server.Features.Queue;

namespace Touchpoint.Tests.Queue;

public sealed class TicketRouterTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Personal = Guid.Parse("00000000-0000-0000-0000-0000000000a1");
    private static readonly Guid Corporate = Guid.Parse("00000000-0000-0000-0000-0000000000b1");
    private static readonly Guid Counter5 = Guid.Parse("00000000-0000-0000-0000-000000000005");
    private static readonly QueueRules Rules = new(2, TimeSpan.FromMinutes(10),
        new Dictionary<Guid, TimeSpan> { [Personal] = TimeSpan.FromMinutes(10), [Corporate] = TimeSpan.FromMinutes(20) });

    private static RoutingCandidate Ticket(int id, Guid service, int waitedMinutes, string priority = "normal", DateTime? appointment = null, Guid? target = null) =>
        new(new Guid(id, 0, 0, new byte[8]), service, priority, Now.AddMinutes(-waitedMinutes), appointment, target);

    private static CounterSkills Counter(int streak = 0, int personal = 1, int corporate = 1) =>
        new(Counter5, new Dictionary<Guid, int> { [Personal] = personal, [Corporate] = corporate }, streak);

    [Fact]
    public void PickNext_NothingWaiting_ReturnsNull() =>
        Assert.Null(TicketRouter.PickNext([], Counter(), Rules, Now));

    [Fact]
    public void PickNext_TicketTransferredToThisCounter_ComesFirst()
    {
        var decision = TicketRouter.PickNext([Ticket(1, Personal, 30, "vip"), Ticket(2, Corporate, 1, target: Counter5)], Counter(), Rules, Now)!;
        Assert.Equal(2, decision.Ticket.Id.ToByteArray()[0]);
        Assert.Equal(RoutingReason.TransferredToCounter, decision.Reason);
    }

    [Fact]
    public void PickNext_TicketTransferredToAnotherCounter_IsNeverCalledHere()
    {
        var other = Guid.NewGuid();
        Assert.Null(TicketRouter.PickNext([Ticket(1, Personal, 50, target: other)], Counter(), Rules, Now));
    }

    [Fact]
    public void PickNext_DueAppointment_BeatsPriorityAndOlderTickets()
    {
        var decision = TicketRouter.PickNext(
            [Ticket(1, Personal, 40, "vip"), Ticket(2, Personal, 60), Ticket(3, Personal, 1, "appointment", Now.AddMinutes(5))], Counter(), Rules, Now)!;
        Assert.Equal(RoutingReason.AppointmentDue, decision.Reason);
        Assert.Equal(3, decision.Ticket.Id.ToByteArray()[0]);
    }

    [Fact]
    public void PickNext_AppointmentNotYetDue_WaitsLikeANormalTicket()
    {
        var early = Ticket(3, Personal, 50, "appointment", Now.AddMinutes(30));
        var decision = TicketRouter.PickNext([early, Ticket(2, Personal, 5)], Counter(), Rules, Now)!;
        Assert.Equal(RoutingReason.Normal, decision.Reason);
        Assert.Equal(3, decision.Ticket.Id.ToByteArray()[0]);
    }

    [Fact]
    public void PickNext_PriorityInterleavesByRatio_AndNeverStarvesNormalTickets()
    {
        var waiting = new List<RoutingCandidate>
        {
            Ticket(1, Personal, 30), Ticket(2, Personal, 29), Ticket(11, Personal, 5, "elderly"), Ticket(12, Personal, 4, "vip"),
            Ticket(13, Personal, 3, "pregnant"), Ticket(14, Personal, 2, "disabled"),
        };
        var order = new List<int>();
        var streak = 0;
        while (TicketRouter.PickNext(waiting, Counter(streak), Rules, Now) is { } d)
        {
            order.Add(d.Ticket.Id.ToByteArray()[0]);
            streak = d.NextStreak(streak);
            waiting.Remove(d.Ticket);
        }
        // Two priority tickets, then a normal one, then two priority, then the last normal: ratio 2.
        Assert.Equal([11, 12, 1, 13, 14, 2], order);
    }

    [Fact]
    public void PickNext_WithinAClass_WeighsSkillAgainstWaitingPastTarget()
    {
        // Counter prefers corporate (weight 3) over personal (1); targets are 20 and 10 minutes.
        var counter = Counter(personal: 1, corporate: 3);
        var fresh = TicketRouter.PickNext([Ticket(1, Personal, 10), Ticket(2, Corporate, 10)], counter, Rules, Now)!;
        Assert.Equal(2, fresh.Ticket.Id.ToByteArray()[0]); // 3×10/20 = 1.5 beats 1×10/10 = 1
        var overdue = TicketRouter.PickNext([Ticket(1, Personal, 40), Ticket(2, Corporate, 10)], counter, Rules, Now)!;
        Assert.Equal(1, overdue.Ticket.Id.ToByteArray()[0]); // 1×40/10 = 4 beats 1.5
    }

    [Fact]
    public void PickNext_ServiceTheCounterDoesNotTake_IsSkipped()
    {
        var decision = TicketRouter.PickNext([Ticket(1, Corporate, 90), Ticket(2, Personal, 1)], Counter(corporate: 0), Rules, Now)!;
        Assert.Equal(2, decision.Ticket.Id.ToByteArray()[0]);
    }

    [Fact]
    public void PickNext_Ties_AreBrokenByIssueTimeThenId_SoTheOrderIsDeterministic()
    {
        var a = Ticket(7, Personal, 10);
        var b = Ticket(8, Personal, 10);
        Assert.Equal(a.Id, TicketRouter.PickNext([b, a], Counter(), Rules, Now)!.Ticket.Id);
        Assert.Equal(a.Id, TicketRouter.PickNext([a, b], Counter(), Rules, Now)!.Ticket.Id);
    }
}
