using Touchpoint.Server.Features.Automation;

namespace Touchpoint.Tests.Automation;

/// <summary>The choice function of auto-assignment: capacity, skills, least load, then round robin.</summary>
public sealed class AssignmentChoiceTests
{
    private static readonly Guid A = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid B = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    private static readonly Guid C = Guid.Parse("00000000-0000-0000-0000-00000000000c");
    private static readonly DateTime T = new(2026, 11, 22, 9, 0, 0, DateTimeKind.Utc);

    private static AssignmentCandidate Staff(Guid id, int load, int capacity = 5, DateTime? last = null, params string[] skills) => new(id, skills, capacity, load, last);

    [Fact]
    public void LeastLoadedWins()
    {
        Assert.Equal(B, AssignmentChoice.Choose([Staff(A, 3), Staff(B, 1), Staff(C, 2)], null, "en-US")!.UserId);
    }

    [Fact]
    public void EqualLoad_GoesToWhoeverWaitedLongest_NeverAssignedFirst_ThenById()
    {
        Assert.Equal(B, AssignmentChoice.Choose([Staff(A, 1, last: T), Staff(B, 1, last: T.AddMinutes(-5))], null, "en-US")!.UserId);
        Assert.Equal(C, AssignmentChoice.Choose([Staff(A, 1, last: T), Staff(C, 1)], null, "en-US")!.UserId);
        Assert.Equal(A, AssignmentChoice.Choose([Staff(B, 0), Staff(A, 0)], null, "en-US")!.UserId);
    }

    [Fact]
    public void RoundRobin_TakesTurnsAsEachAssignmentUpdatesTheOrder()
    {
        var staff = new List<AssignmentCandidate> { Staff(A, 0), Staff(B, 0), Staff(C, 0) };
        var order = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            var chosen = AssignmentChoice.Choose(staff, null, "zh-CN")!;
            order.Add(chosen.UserId);
            // The case is solved at once, so loads stay equal and only the turn moves.
            staff = staff.Select(s => s.UserId == chosen.UserId ? s with { LastAssignedAt = T.AddMinutes(i) } : s).ToList();
        }
        Assert.Equal([A, B, C, A, B, C], order);
    }

    [Fact]
    public void NobodyAtCapacity_IsChosen()
    {
        Assert.Null(AssignmentChoice.Choose([Staff(A, 2, capacity: 2), Staff(B, 0, capacity: 0)], null, "en-US"));
        Assert.Equal(A, AssignmentChoice.Choose([Staff(A, 1, capacity: 2), Staff(B, 0, capacity: 0)], null, "en-US")!.UserId);
    }

    [Fact]
    public void Skills_LimitLanguagesAndCategories_NoSkillsOfAKindMeansAny()
    {
        var korean = Staff(A, 0, skills: ["ko-KR"]);
        var cards = Staff(B, 0, skills: ["cards", "zh-CN", "zh-TW"]);
        var anyone = Staff(C, 5, capacity: 10);
        Assert.Equal(A, AssignmentChoice.Choose([korean, cards, anyone], "loans", "ko-KR")!.UserId);
        Assert.Equal(B, AssignmentChoice.Choose([korean, cards, anyone], "cards", "zh-TW")!.UserId);
        Assert.Equal(C, AssignmentChoice.Choose([korean, cards, anyone], "loans", "zh-CN")!.UserId);
        Assert.Equal(B, AssignmentChoice.Choose([korean, cards], null, "zh-CN")!.UserId);
        Assert.Null(AssignmentChoice.Choose([korean, cards], "loans", "en-US"));
    }
}
