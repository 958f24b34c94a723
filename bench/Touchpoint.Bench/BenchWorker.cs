using System.Diagnostics;
using System.Globalization;
using System.Net;
using Touchpoint.Bench.Scenarios;

namespace Touchpoint.Bench;

/// <summary>
/// One closed-loop worker: its own HttpClient (one connection, its own cookies) and, during a run, the tally its
/// measured requests go to. Scenarios send through <see cref="SendAsync"/> so that every request is timed and counted
/// under the operation it belongs to.
/// </summary>
public sealed class BenchWorker
{
    internal BenchWorker(int index, HttpClient client, BenchTarget target) => (Index, Client, Target) = (index, client, target);

    /// <summary>0-based, distinct among the scenario's workers (and, separately, among its background workers).</summary>
    public int Index { get; }
    public HttpClient Client { get; }
    public BenchTarget Target { get; }
    /// <summary>Whatever the scenario keeps per worker (its counter, the ticket it serves).</summary>
    public object? State { get; set; }

    internal WorkerTally? Tally { get; set; }

    /// <summary>
    /// Sends the request and reads the whole body, timing both; outside a run (while preparing) it only sends. Returns
    /// null when the request failed outright (the failure is counted); the caller disposes the response.
    /// <paramref name="error"/> says which answers count as errors and how they are listed (default: non-2xx by status code).
    /// </summary>
    public async Task<HttpResponseMessage?> SendAsync(string operation, HttpRequestMessage request, CancellationToken ct,
        Func<HttpResponseMessage, string?>? error = null)
    {
        var tally = Tally;
        var start = tally?.Clock.ElapsedTicks ?? 0;
        HttpResponseMessage? response = null;
        string? failure;
        try
        {
            // The default completion option reads the whole body, so latency includes it and the connection is reusable.
            response = await Client.SendAsync(request, ct);
            failure = error is null
                ? response.IsSuccessStatusCode ? null : ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture)
                : error(response);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { throw; }
        catch (TaskCanceledException) { failure = "timeout"; }
        catch (HttpRequestException e) { failure = e.HttpRequestError.ToString(); }
        finally { request.Dispose(); }

        tally?.Record(operation, start, failure);
        return response;
    }

    internal static HttpClient CreateClient(Uri baseAddress, bool keepsCookies) => new(new SocketsHttpHandler
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
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromSeconds(30),
    };
}

/// <summary>One worker's figures for one run, per operation; only its own task writes to it.</summary>
internal sealed class WorkerTally(Stopwatch clock)
{
    public Stopwatch Clock { get; } = clock;
    public Dictionary<string, OperationTally> Operations { get; } = [];
    public long LastEnd { get; private set; }

    public void Record(string operation, long start, string? failure)
    {
        LastEnd = Clock.ElapsedTicks;
        if (!Operations.TryGetValue(operation, out var op)) Operations[operation] = op = new OperationTally();
        op.Latencies.Add(LastEnd - start);
        if (failure is not null) op.ErrorKinds[failure] = op.ErrorKinds.GetValueOrDefault(failure) + 1;
    }
}

internal sealed class OperationTally
{
    public readonly List<long> Latencies = new(capacity: 4096);
    public readonly Dictionary<string, long> ErrorKinds = [];
}
