using System.Numerics;
using Touchpoint.Server.Features.Queue;

namespace Touchpoint.Tests.Queue;

public sealed class ErlangCTests
{
    [Theory]
    // Closed forms: M/M/1 waits with probability ρ; A = 1 erlang on 2 counters gives 1/3; A = 2 on 3 gives 4/9.
    [InlineData(30, 1, 1, 0.5)]           // λ = 0.5/min, 1 min service: A = 0.5
    [InlineData(60, 1, 2, 1.0 / 3)]
    [InlineData(120, 1, 3, 4.0 / 9)]
    public void ProbabilityOfWaiting_MatchesClosedForms(double perHour, double minutes, int counters, double expected) =>
        Assert.Equal(expected, ErlangC.Calculate(perHour, minutes, counters, 20).ProbabilityOfWaiting, 1e-12);

    [Theory]
    [InlineData(360, 4, 26)]   // A = 24 erlangs
    [InlineData(200, 3, 11)]   // A = 10 erlangs
    [InlineData(2700, 1, 50)]  // A = 45 erlangs on 50 counters
    public void ProbabilityOfWaiting_AgreesWithTheExactFormulaToSixSignificantDigits(double perHour, double minutes, int counters)
    {
        var expected = ExactErlangC(perHour * minutes / 60, counters);
        var actual = ErlangC.Calculate(perHour, minutes, counters, 20).ProbabilityOfWaiting;
        Assert.True(Math.Abs(actual - expected) / expected < 5e-7, $"{actual} vs {expected}");
    }

    [Fact]
    public void MeanWaitAndServiceLevel_FollowFromProbabilityOfWaiting()
    {
        // A = 2 erlangs (120/h, 1 min), 3 counters: P(wait) = 4/9, cμ − λ = 1/60 per second.
        var r = ErlangC.Calculate(120, 1, 3, 30);
        Assert.Equal(4.0 / 9 * 60, r.MeanWaitSeconds, 1e-9);
        Assert.Equal(1 - 4.0 / 9 * Math.Exp(-30.0 / 60), r.ServiceLevel, 1e-12);
        Assert.Equal(2.0 / 3, r.Occupancy, 1e-12);
    }

    [Fact]
    public void Overload_MeansEveryoneWaitsForever()
    {
        var r = ErlangC.Calculate(120, 1, 2, 20);
        Assert.Equal(1, r.ProbabilityOfWaiting);
        Assert.True(double.IsPositiveInfinity(r.MeanWaitSeconds));
        Assert.Equal(0, r.ServiceLevel);
    }

    [Fact]
    public void CountersNeeded_IsTheFewestThatMeetTheServiceLevel()
    {
        var needed = ErlangC.CountersNeeded(200, 3, 20, 0.8);
        Assert.True(ErlangC.Calculate(200, 3, needed, 20).ServiceLevel >= 0.8);
        Assert.True(ErlangC.Calculate(200, 3, needed - 1, 20).ServiceLevel < 0.8);
        Assert.Equal(0, ErlangC.CountersNeeded(0, 3, 20, 0.8));
    }

    /// <summary>The textbook formula with exact rational arithmetic (A given as a fraction with denominator 1000).</summary>
    private static double ExactErlangC(double traffic, int c)
    {
        var a = new BigInteger(Math.Round(traffic * 1000));
        BigInteger den = 1000;
        BigInteger Pow(BigInteger x, int n) => BigInteger.Pow(x, n);
        BigInteger Fact(int n) { BigInteger f = 1; for (var i = 2; i <= n; i++) f *= i; return f; }
        // Every term multiplied by 1000^c · c! · (c·1000 − a), which the ratio cancels.
        BigInteger sum = 0;
        for (var k = 0; k < c; k++) sum += Pow(a, k) * Pow(den, c - k) * (Fact(c) / Fact(k)) * (c * den - a);
        var top = Pow(a, c) * c * den;
        return (double)top / (double)(sum + top);
    }
}
