using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using Touchpoint.Bench.Scenarios;

namespace Touchpoint.Bench;

/// <summary>What one measured run of a scenario saw, on the client side.</summary>
public sealed record LoadResult(int Workers, long Requests, long Errors, TimeSpan Elapsed, long[] SortedLatencyTicks,
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

/// <summary>
/// Closed-loop load: each worker sends its next request only when the previous answer is fully read, so the offered
/// load adapts to the server and no client-side backlog inflates the latencies. Each worker owns one HttpClient with
/// one connection and its own cookies. A session is prepared once and run twice: warm-up (discarded), then measurement.
/// </summary>
public sealed class LoadSession : IDisposable
{
    private readonly Scenario scenario;
    private readonly BenchTarget target;
    private readonly List<HttpClient> clients;

    private LoadSession(Scenario scenario, BenchTarget target, List<HttpClient> clients) =>
        (this.scenario, this.target, this.clients) = (scenario, target, clients);

    public int Workers => clients.Count;

    public static async Task<LoadSession> PrepareAsync(Scenario scenario, BenchTarget target, int concurrency, CancellationToken ct)
    {
        var workers = Math.Min(concurrency, scenario.MaxConcurrency);
        var session = new LoadSession(scenario, target, Enumerable.Range(0, workers).Select(_ => CreateClient(target, scenario.KeepsCookies)).ToList());
        try
        {
            await Task.WhenAll(session.clients.Select(c => scenario.PrepareWorkerAsync(c, target, ct)));
            return session;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>Runs every worker until <paramref name="duration"/> has passed or <paramref name="maxRequests"/> were sent.</summary>
    public async Task<LoadResult> RunAsync(TimeSpan duration, long maxRequests, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var stopAt = (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var sent = new StrongBox<long>(0);
        var tallies = await Task.WhenAll(clients.Select(c => Task.Run(() => WorkerAsync(c, clock, stopAt, maxRequests, sent, ct), ct)));

        var latencies = tallies.SelectMany(t => t.Latencies).ToArray();
        Array.Sort(latencies);
        var errorKinds = tallies.SelectMany(t => t.ErrorKinds).GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.Sum(kv => kv.Value));
        // Until the last answer arrived, not until the deadline: requests in flight at the deadline are counted.
        var elapsed = TimeSpan.FromSeconds(Math.Max(1, tallies.Max(t => t.LastEnd)) / (double)Stopwatch.Frequency);
        return new LoadResult(Workers, latencies.Length, errorKinds.Values.Sum(), elapsed, latencies, errorKinds);
    }

    private sealed class Tally
    {
        public readonly List<long> Latencies = new(capacity: 4096);
        public readonly Dictionary<string, long> ErrorKinds = [];
        public long LastEnd;
    }

    private async Task<Tally> WorkerAsync(HttpClient client, Stopwatch clock, long stopAt, long maxRequests, StrongBox<long> sent, CancellationToken ct)
    {
        var tally = new Tally();
        while (!ct.IsCancellationRequested)
        {
            var start = clock.ElapsedTicks;
            // Reserve a slot before sending, so the total never exceeds the cap however many workers race for it.
            if (start >= stopAt || Interlocked.Increment(ref sent.Value) > maxRequests) break;

            string? error = null;
            try
            {
                using var request = scenario.CreateRequest(target);
                // The default completion option reads the whole body, so latency includes it and the connection is reusable.
                using var response = await client.SendAsync(request, ct);
                if (!response.IsSuccessStatusCode) error = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested) { break; }
            catch (TaskCanceledException) { error = "timeout"; }
            catch (HttpRequestException e) { error = e.HttpRequestError.ToString(); }

            tally.LastEnd = clock.ElapsedTicks;
            tally.Latencies.Add(tally.LastEnd - start);
            if (error is not null) tally.ErrorKinds[error] = tally.ErrorKinds.GetValueOrDefault(error) + 1;
        }
        return tally;
    }

    private static HttpClient CreateClient(BenchTarget target, bool keepsCookies) => new(new SocketsHttpHandler
    {
        UseCookies = keepsCookies,
        CookieContainer = new CookieContainer(),
        // Never through a proxy from the environment: the load must stay on 127.0.0.1.
        UseProxy = false,
        AllowAutoRedirect = false,
        // One connection per worker, like a browser tab or a wrk connection, kept for the whole session.
        MaxConnectionsPerServer = 1,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
    })
    {
        BaseAddress = target.BaseAddress,
        Timeout = TimeSpan.FromSeconds(30),
    };

    public void Dispose()
    {
        foreach (var c in clients) c.Dispose();
    }
}
