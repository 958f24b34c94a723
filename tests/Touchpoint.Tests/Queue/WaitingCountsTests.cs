using Touchpoint.Server.Features.Queue;

namespace Touchpoint.Tests.Queue;

public sealed class WaitingCountsTests
{
    private sealed class ManualClock : TimeProvider
    {
        public long Ticks;
        public override long GetTimestamp() => Ticks;
        public override long TimestampFrequency => TimeSpan.TicksPerSecond;
    }

    [Fact]
    public void TicketsIssuedAndCalledOnThisNode_MoveTheCount_UntilItIsASecondOld()
    {
        var clock = new ManualClock();
        var counts = new WaitingCounts(clock);
        var service = Guid.NewGuid();
        Assert.Null(counts.TakeAheadOfNew(service)); // never counted: count

        counts.Counted(service, 3); // three waiting, the new one included
        Assert.Equal(3, counts.TakeAheadOfNew(service));
        Assert.Equal(4, counts.TakeAheadOfNew(service));
        counts.LeftQueue(service);
        Assert.Equal(4, counts.TakeAheadOfNew(service));
        Assert.Null(counts.TakeAheadOfNew(Guid.NewGuid()));

        clock.Ticks += WaitingCounts.MaxAge.Ticks;
        Assert.Null(counts.TakeAheadOfNew(service));
        counts.Counted(service, 1);
        counts.Forget();
        Assert.Null(counts.TakeAheadOfNew(service));
    }
}
