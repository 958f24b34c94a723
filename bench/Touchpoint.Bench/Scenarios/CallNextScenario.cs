using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;

namespace Touchpoint.Bench.Scenarios;

/// <summary>
/// A busy hall: 50 open counters, each with its own staff member, serving 1 to 4 of the branch's services, and about
/// 10,000 waiting tickets. Each worker owns one counter and loops: call-next, then complete the ticket it got. Every
/// ticket called is replaced by a new one of the same service, issued anonymously by background workers, so the queue
/// stays near 10,000 for the whole run (the note under the table gives its depth). The report has one row per request
/// kind; the server CPU on the call-next row covers everything the run made the server do (call, complete, refill).
/// </summary>
public sealed class CallNextScenario : Scenario
{
    public const string Branch = "BENCH";
    public const int Counters = 50;
    public const int Waiting = 10_000;
    private const string Complete = "call-next: complete";
    private const string Refill = "call-next: refill issue";

    private readonly string staffPassword = "Staff-" + RandomNumberGenerator.GetHexString(16, lowercase: true) + "-1";
    // Services of tickets called and not yet replaced; each release of the semaphore is one of them.
    private readonly ConcurrentQueue<string> toRefill = new();
    private readonly SemaphoreSlim refillDue = new(0);
    private long waiting;
    private long waitingAtStart, lowest;
    private long refilled, refilledBeforeMeasuring;
    private double prefillSeconds;

    public override string Name => "call-next";
    public override string Description =>
        $"{Counters} counters each POST /api/branches/{Branch}/counters/{{n}}/call-next, then POST /api/tickets/{{id}}/complete; ~{Waiting:#,0} waiting, refilled";
    public override int? FixedWorkers => Counters;
    public override IReadOnlyList<string> Operations => [Name, Complete, Refill];
    /// <summary>Enough to keep up with the drain while mostly waiting for a ticket to replace.</summary>
    public override int BackgroundWorkers => 24;

    /// <summary>Services of counter n (1-based): 1 to 4 of them, rotating, so that every service has several counters.</summary>
    public static IReadOnlyList<string> ServicesOf(int counter) =>
        Enumerable.Range(0, 1 + (counter - 1) % 4).Select(k => BenchApi.Services[(counter + k) % 4].Code).ToList();

    private static string StaffName(int counter) => $"bench-staff-{counter:00}";

    public override async Task PrepareAsync(BenchTarget target, CancellationToken ct)
    {
        using var admin = await BenchApi.AdminAsync(target, ct);
        await BenchApi.CreateBranchAsync(admin, Branch, ct);
        for (var n = 1; n <= Counters; n++)
            await BenchApi.PostAsync(admin, $"/api/branches/{Branch}/counters", new { number = n, services = ServicesOf(n) }, $"Creating counter {n}", ct);
        // Creating a user hashes its password (deliberately slow): a few at a time keep both cores busy.
        await BenchApi.ForEachAsync(Counters, Math.Max(2, Environment.ProcessorCount * 2), async (i, c) =>
            await BenchApi.PostAsync(admin, "/api/admin/users", new
            {
                userName = StaffName(i + 1), displayName = $"Bench staff {i + 1}", password = staffPassword,
                roles = new[] { "Frontline" }, branches = new[] { Branch },
            }, $"Creating user {StaffName(i + 1)}", c), ct);
        prefillSeconds = await BenchApi.IssueTicketsAsync(target, Branch, Waiting, i => BenchApi.Services[i % 4].Code, 16, ct);
        waiting = Waiting;
    }

    /// <summary>Worker i signs in as the staff member of counter i + 1 and opens it.</summary>
    public override async Task PrepareWorkerAsync(BenchWorker worker, CancellationToken ct)
    {
        var counter = worker.Index + 1;
        await BenchApi.SignInAsync(worker.Client, StaffName(counter), staffPassword, ct);
        using var open = await worker.Client.PostAsync($"/api/branches/{Branch}/counters/{counter}/open", null, ct);
        await BenchApi.EnsureAsync(open, $"Opening counter {counter}", ct);
        worker.State = new CounterState(counter);
    }

    private sealed class CounterState(int number)
    {
        public int Number { get; } = number;
        /// <summary>A ticket called and not completed yet (its complete failed): completed first, or the counter stays busy.</summary>
        public string? Pending { get; set; }
    }

    public override async Task RunOnceAsync(BenchWorker worker, CancellationToken ct)
    {
        var counter = (CounterState)worker.State!;
        if (counter.Pending is null)
        {
            using var called = await worker.SendAsync(Name, new HttpRequestMessage(HttpMethod.Post, $"/api/branches/{Branch}/counters/{counter.Number}/call-next"), ct,
                // 204 means nothing waits: the queue ran dry and the figures no longer measure a full hall.
                r => r.StatusCode == HttpStatusCode.OK ? null : r.StatusCode == HttpStatusCode.NoContent ? "204 queue empty" : ((int)r.StatusCode).ToString(CultureInfo.InvariantCulture));
            if (called?.StatusCode != HttpStatusCode.OK) return;
            using var ticket = await System.Text.Json.JsonDocument.ParseAsync(await called.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
            counter.Pending = ticket.RootElement.GetProperty("id").GetString();
            Drained(ticket.RootElement.GetProperty("service").GetString()!);
        }
        using var completed = await worker.SendAsync(Complete, new HttpRequestMessage(HttpMethod.Post, $"/api/tickets/{counter.Pending}/complete"), ct);
        if (completed?.IsSuccessStatusCode == true) counter.Pending = null;
    }

    private void Drained(string service)
    {
        var now = Interlocked.Decrement(ref waiting);
        for (var low = Interlocked.Read(ref lowest); now < low; low = Interlocked.Read(ref lowest))
            if (Interlocked.CompareExchange(ref lowest, now, low) == low) break;
        toRefill.Enqueue(service);
        refillDue.Release();
    }

    /// <summary>Replaces one called ticket with a new one of the same service.</summary>
    public override async Task RunBackgroundOnceAsync(BenchWorker worker, CancellationToken stop, CancellationToken ct)
    {
        await refillDue.WaitAsync(stop);
        if (!toRefill.TryDequeue(out var service)) return;
        using var response = await worker.SendAsync(Refill, BenchApi.IssueRequest(Branch, service), ct);
        if (response?.StatusCode == HttpStatusCode.Created)
        {
            Interlocked.Increment(ref waiting);
            Interlocked.Increment(ref refilled);
        }
    }

    public override void OnRunStarting(bool measured)
    {
        Interlocked.Exchange(ref lowest, Interlocked.Read(ref waiting));
        if (!measured) return;
        waitingAtStart = Interlocked.Read(ref waiting);
        refilledBeforeMeasuring = Interlocked.Read(ref refilled);
    }

    public override string MeasuredNote() => string.Create(CultureInfo.InvariantCulture,
        $"{Waiting:#,0} tickets issued before the warm-up in {prefillSeconds:0.0} s; waiting while measured: {waitingAtStart:#,0} at the start, "
        + $"{Interlocked.Read(ref lowest):#,0} at the lowest, {Interlocked.Read(ref waiting):#,0} at the end; "
        + $"{Interlocked.Read(ref refilled) - refilledBeforeMeasuring:#,0} refill tickets issued");
}
