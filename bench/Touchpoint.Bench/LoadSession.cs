using System.Diagnostics;
using System.Runtime.CompilerServices;
using Touchpoint.Bench.Scenarios;

namespace Touchpoint.Bench;

/// <summary>What one measured run saw of one operation (one kind of request), on the client side.</summary>
public sealed record OperationResult(string Operation, int Workers, long Requests, long Errors, TimeSpan Elapsed, long[] SortedLatencyTicks,
    IReadOnlyDictionary<string, long> ErrorKinds)
{
    public double RequestsPerSecond => Requests / Elapsed.TotalSeconds;

    /// <summary>Nearest-rank percentile in milliseconds; 1.0 gives the maximum.</summary>
    public double LatencyMs(double quantile)
    {
        if (SortedLatencyTicks.Length == 0) return double.NaN;
        var rank = (int)Math.Ceiling(quantile * SortedLatencyTicks.Length) - 1;
        return SortedLatencyTicks[Math.Clamp(rank, 0, SortedLatencyTicks.Length - 1)] * 1000.0 / Stopwatch.Frequency;
    }
}

/// <summary>What one measured run of a scenario saw: one result per operation, the scenario's own first.</summary>
public sealed record LoadResult(int Workers, TimeSpan Elapsed, IReadOnlyList<OperationResult> Operations, string? Note)
{
    public OperationResult Primary => Operations[0];
    public long Errors => Operations.Sum(o => o.Errors);
}

/// <summary>
/// Closed-loop load: each worker starts its next round only when the previous answer is fully read, so the offered
/// load adapts to the server and no client-side backlog inflates the latencies. Each worker owns one HttpClient with
/// one connection and its own cookies. A session is prepared once and run twice: warm-up (discarded), then measurement.
/// </summary>
public sealed class LoadSession : IDisposable
{
    private readonly Scenario scenario;
    private readonly List<BenchWorker> workers;
    private readonly List<BenchWorker> background;

    private LoadSession(Scenario scenario, List<BenchWorker> workers, List<BenchWorker> background) =>
        (this.scenario, this.workers, this.background) = (scenario, workers, background);

    public int Workers => workers.Count;

    public static async Task<LoadSession> PrepareAsync(Scenario scenario, BenchTarget target, int concurrency, CancellationToken ct)
    {
        await scenario.PrepareAsync(target, ct);
        var count = scenario.FixedWorkers ?? Math.Min(concurrency, scenario.MaxConcurrency);
        var session = new LoadSession(scenario,
            Enumerable.Range(0, count).Select(i => new BenchWorker(i, BenchWorker.CreateClient(target.BaseAddress, scenario.KeepsCookies), target)).ToList(),
            Enumerable.Range(0, scenario.BackgroundWorkers).Select(i => new BenchWorker(i, BenchWorker.CreateClient(target.BaseAddress, keepsCookies: false), target)).ToList());
        try
        {
            await Task.WhenAll(session.workers.Select(w => scenario.PrepareWorkerAsync(w, ct)));
            return session;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Runs every worker until <paramref name="duration"/> has passed or <paramref name="maxRounds"/> rounds were
    /// started (a round is one request, or one call-and-complete), and the background workers beside them.
    /// </summary>
    public async Task<LoadResult> RunAsync(TimeSpan duration, long maxRounds, bool measured, CancellationToken ct)
    {
        scenario.OnRunStarting(measured);
        var clock = Stopwatch.StartNew();
        var stopAt = (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var started = new StrongBox<long>(0);
        foreach (var w in workers.Concat(background)) w.Tally = new WorkerTally(clock);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        stop.CancelAfter(duration);
        var side = background.Select(w => Task.Run(() => BackgroundAsync(w, stop.Token, ct), ct)).ToList();
        try
        {
            await Task.WhenAll(workers.Select(w => Task.Run(() => WorkerAsync(w, clock, stopAt, maxRounds, started, ct), ct)));
        }
        finally
        {
            // The measured workers may stop early (--max-requests); the background stops with them.
            await stop.CancelAsync();
            await Task.WhenAll(side);
        }

        var tallies = workers.Select(w => w.Tally!).ToList();
        // Until the last answer arrived, not until the deadline: requests in flight at the deadline are counted.
        var elapsed = TimeSpan.FromSeconds(Math.Max(1, tallies.Max(t => t.LastEnd)) / (double)Stopwatch.Frequency);
        var all = workers.Concat(background).Select(w => w.Tally!).ToList();
        foreach (var w in workers.Concat(background)) w.Tally = null;

        var names = scenario.Operations.Concat(all.SelectMany(t => t.Operations.Keys)).Distinct().ToList();
        var operations = names.Select(name =>
        {
            var parts = all.Select(t => t.Operations.GetValueOrDefault(name)).Where(o => o is not null).Select(o => o!).ToList();
            var latencies = parts.SelectMany(o => o.Latencies).ToArray();
            Array.Sort(latencies);
            var errorKinds = parts.SelectMany(o => o.ErrorKinds).GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.Sum(kv => kv.Value));
            return new OperationResult(name, parts.Count, latencies.Length, errorKinds.Values.Sum(), elapsed, latencies, errorKinds);
        }).ToList();
        return new LoadResult(Workers, elapsed, operations, measured ? scenario.MeasuredNote() : null);
    }

    private async Task WorkerAsync(BenchWorker worker, Stopwatch clock, long stopAt, long maxRounds, StrongBox<long> started, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            // Reserve a slot before starting, so the total never exceeds the cap however many workers race for it.
            if (clock.ElapsedTicks >= stopAt || Interlocked.Increment(ref started.Value) > maxRounds) break;
            try { await scenario.RunOnceAsync(worker, ct); }
            catch (OperationCanceledException) when (ct.IsCancellationRequested) { break; }
        }
    }

    private async Task BackgroundAsync(BenchWorker worker, CancellationToken stop, CancellationToken ct)
    {
        while (!stop.IsCancellationRequested)
        {
            try { await scenario.RunBackgroundOnceAsync(worker, stop, ct); }
            catch (OperationCanceledException) when (stop.IsCancellationRequested) { break; }
        }
    }

    public void Dispose()
    {
        foreach (var w in workers.Concat(background)) w.Client.Dispose();
    }
}
