namespace Touchpoint.Server.Features.Queue;

public sealed record RoutingCandidate(Guid Id, Guid ServiceTypeId, string Priority, DateTime IssuedAt, DateTime? AppointmentAt, Guid? TargetCounterId);

/// <param name="Weights">Services the counter takes, with their weights (skills); absent or 0 = not served.</param>
/// <param name="PriorityStreak">Priority tickets this counter called in a row.</param>
public sealed record CounterSkills(Guid CounterId, IReadOnlyDictionary<Guid, int> Weights, int PriorityStreak);

/// <param name="PriorityRatio">At most this many priority tickets in a row while normal tickets wait.</param>
public sealed record QueueRules(int PriorityRatio, TimeSpan AppointmentWindow, IReadOnlyDictionary<Guid, TimeSpan> TargetWaits);

public enum RoutingReason { TransferredToCounter, AppointmentDue, Priority, Normal }

public sealed record RoutingDecision(RoutingCandidate Ticket, RoutingReason Reason)
{
    /// <summary>The counter's priority streak after this call.</summary>
    public int NextStreak(int streak) => Reason switch
    {
        RoutingReason.Priority => streak + 1,
        RoutingReason.Normal => 0,
        _ => streak,
    };
}

/// <summary>
/// Which waiting ticket a counter calls next. The rules, in order, as administrators read them:
/// 1. tickets transferred to this very counter, oldest first;
/// 2. appointments that are due (within the branch's window), earliest appointment first;
/// 3. priority classes (VIP, elderly, disabled, pregnant) interleaved with normal tickets: at most
///    <see cref="QueueRules.PriorityRatio"/> priority tickets in a row while normal tickets wait, so neither starves;
/// 4. within the chosen class, the highest weight × (waiting time ÷ the service's target wait): a counter prefers its
///    strongest skills, yet a ticket far past its target wins over a fresh one in a preferred service.
/// Ties go to the earlier issue time, then the ticket id, so the order is deterministic.
/// </summary>
public static class TicketRouter
{
    private static readonly TimeSpan DefaultTarget = TimeSpan.FromMinutes(15);

    public static RoutingDecision? PickNext(IEnumerable<RoutingCandidate> waiting, CounterSkills counter, QueueRules rules, DateTime now)
    {
        var mine = new List<RoutingCandidate>();
        var eligible = new List<RoutingCandidate>();
        foreach (var t in waiting)
        {
            if (t.TargetCounterId == counter.CounterId) mine.Add(t);
            else if (t.TargetCounterId is null && counter.Weights.GetValueOrDefault(t.ServiceTypeId) > 0) eligible.Add(t);
        }
        if (mine.Count > 0) return new(Oldest(mine), RoutingReason.TransferredToCounter);

        var due = eligible.Where(t => t.AppointmentAt is { } at && at - rules.AppointmentWindow <= now).ToList();
        if (due.Count > 0)
            return new(due.OrderBy(t => t.AppointmentAt).ThenBy(t => t.IssuedAt).ThenBy(t => t.Id).First(), RoutingReason.AppointmentDue);

        // Appointments not yet due wait like everyone else rather than blocking a free counter.
        var priority = eligible.Where(t => PriorityClasses.IsPriority(t.Priority)).ToList();
        var normal = eligible.Where(t => !PriorityClasses.IsPriority(t.Priority)).ToList();
        if (priority.Count > 0 && (normal.Count == 0 || counter.PriorityStreak < Math.Max(1, rules.PriorityRatio)))
            return new(MostUrgent(priority, counter, rules, now), RoutingReason.Priority);
        if (normal.Count > 0) return new(MostUrgent(normal, counter, rules, now), RoutingReason.Normal);
        return null;
    }

    private static RoutingCandidate Oldest(IEnumerable<RoutingCandidate> tickets) =>
        tickets.OrderBy(t => t.IssuedAt).ThenBy(t => t.Id).First();

    private static RoutingCandidate MostUrgent(List<RoutingCandidate> tickets, CounterSkills counter, QueueRules rules, DateTime now) =>
        tickets.OrderByDescending(t => Urgency(t, counter, rules, now)).ThenBy(t => t.IssuedAt).ThenBy(t => t.Id).First();

    /// <summary>weight × waited ÷ target; a ticket issued "in the future" (clock skew between nodes) counts as just issued.</summary>
    public static double Urgency(RoutingCandidate t, CounterSkills counter, QueueRules rules, DateTime now)
    {
        var target = rules.TargetWaits.GetValueOrDefault(t.ServiceTypeId, DefaultTarget);
        var waited = Math.Max(0, (now - t.IssuedAt).TotalSeconds) + 1; // +1 s so weights still order fresh tickets
        return counter.Weights.GetValueOrDefault(t.ServiceTypeId) * waited / Math.Max(1, target.TotalSeconds);
    }
}
