namespace Touchpoint.Server.Features.Queue;

public sealed record ErlangCResult(double ProbabilityOfWaiting, double MeanWaitSeconds, double ServiceLevel, double Occupancy);

/// <summary>
/// The Erlang C model of an M/M/c queue: customers arrive at random (Poisson) at a rate λ, each is served in an
/// exponentially distributed time with mean 1/μ, by c counters. Traffic A = λ/μ (in erlangs), occupancy ρ = A/c.
///   P(wait)     = (A^c/c! · c/(c−A)) / (Σ_{k<c} A^k/k! + A^c/c! · c/(c−A))
///   mean wait   = P(wait) / (cμ − λ)
///   service lvl = 1 − P(wait) · e^{−(cμ−λ)·t}
/// The terms are built by recurrence (A^k/k! from the previous term), which stays exact for hundreds of counters
/// where factorials would overflow. With c ≤ A the queue grows without bound: everyone waits, forever.
/// </summary>
public static class ErlangC
{
    public static ErlangCResult Calculate(double arrivalsPerHour, double serviceMinutes, int counters, double targetSeconds)
    {
        if (arrivalsPerHour < 0 || serviceMinutes <= 0 || counters < 1 || targetSeconds < 0)
            throw new ArgumentOutOfRangeException(nameof(arrivalsPerHour), "arrivals ≥ 0, service time > 0, counters ≥ 1, target ≥ 0");
        var lambda = arrivalsPerHour / 3600.0;          // arrivals per second
        var mu = 1.0 / (serviceMinutes * 60.0);          // services per second per counter
        var traffic = lambda / mu;
        var occupancy = traffic / counters;
        if (traffic == 0) return new(0, 0, 1, 0);
        if (traffic >= counters) return new(1, double.PositiveInfinity, 0, 1);

        double term = 1, sum = 0;                        // term = A^k / k!
        for (var k = 0; k < counters; k++)
        {
            sum += term;
            term *= traffic / (k + 1);
        }
        var waitingTerm = term * counters / (counters - traffic);
        var pWait = waitingTerm / (sum + waitingTerm);
        var drain = counters * mu - lambda;
        return new(pWait, pWait / drain, 1 - pWait * Math.Exp(-drain * targetSeconds), occupancy);
    }

    /// <summary>The fewest counters that serve <paramref name="targetServiceLevel"/> of customers within the target.</summary>
    public static int CountersNeeded(double arrivalsPerHour, double serviceMinutes, double targetSeconds, double targetServiceLevel, int max = 500)
    {
        if (arrivalsPerHour <= 0) return 0;
        for (var c = 1; c <= max; c++)
            if (Calculate(arrivalsPerHour, serviceMinutes, c, targetSeconds).ServiceLevel >= targetServiceLevel) return c;
        return max;
    }
}
