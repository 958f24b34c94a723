namespace Touchpoint.Bench.Scenarios;

/// <summary>What a scenario needs to know about the server under test; the database for scenarios that seed in bulk.</summary>
public sealed record BenchTarget(Uri BaseAddress, string AdminUserName, string AdminPassword, string? SqliteFile = null, string? PostgresConnectionString = null);

/// <summary>
/// One kind of work, repeated by every worker in a closed loop. Each worker owns an HttpClient (one connection, its own
/// cookies), is prepared once, then runs <see cref="RunOnceAsync"/> until the time is up. A simple scenario only
/// implements <see cref="CreateRequest"/>; one with several requests per round (call, then complete) overrides
/// <see cref="RunOnceAsync"/> and names each request's operation, which the report shows as a row of its own.
/// </summary>
public abstract class Scenario
{
    /// <summary>The name used by --scenarios and in the table; also the operation of <see cref="CreateRequest"/>.</summary>
    public abstract string Name { get; }
    public abstract string Description { get; }
    /// <summary>Caps the workers where more would only queue (CPU-bound work on a small machine).</summary>
    public virtual int MaxConcurrency => int.MaxValue;
    /// <summary>A worker count the scenario needs whatever --concurrency says (call-next: one per counter); null = --concurrency.</summary>
    public virtual int? FixedWorkers => null;
    /// <summary>Whether the worker's client stores cookies from responses (a signed-in browser) or not (a new visitor each time).</summary>
    public virtual bool KeepsCookies => true;
    /// <summary>The rows of the report, in order; the first is the scenario's own and carries its CPU and memory figures.</summary>
    public virtual IReadOnlyList<string> Operations => [Name];

    /// <summary>Runs once before any worker is prepared, e.g. to create the data the scenario needs. Not measured.</summary>
    public virtual Task PrepareAsync(BenchTarget target, CancellationToken ct) => Task.CompletedTask;

    /// <summary>Runs once per worker before the warm-up, e.g. to sign in. Not measured.</summary>
    public virtual Task PrepareWorkerAsync(BenchWorker worker, CancellationToken ct) => Task.CompletedTask;

    /// <summary>The one request of a simple scenario.</summary>
    public virtual HttpRequestMessage CreateRequest(BenchTarget target) =>
        throw new NotSupportedException($"{Name} overrides {nameof(RunOnceAsync)} instead.");

    /// <summary>One round of a worker: by default the request of <see cref="CreateRequest"/>, measured as <see cref="Name"/>.</summary>
    public virtual async Task RunOnceAsync(BenchWorker worker, CancellationToken ct)
    {
        using var response = await worker.SendAsync(Name, CreateRequest(worker.Target), ct);
    }

    /// <summary>Workers that run beside the measured ones during warm-up and measurement (call-next's refill); 0 = none.</summary>
    public virtual int BackgroundWorkers => 0;

    /// <summary>
    /// One round of a background worker. <paramref name="stop"/> fires at the end of the run: wait on it, never on
    /// <paramref name="ct"/> alone, or the run would not end.
    /// </summary>
    public virtual Task RunBackgroundOnceAsync(BenchWorker worker, CancellationToken stop, CancellationToken ct) => Task.CompletedTask;

    /// <summary>Called before the warm-up and before the measured run.</summary>
    public virtual void OnRunStarting(bool measured) { }

    /// <summary>A sentence for the report about the measured run (queue depth, data created), or null.</summary>
    public virtual string? MeasuredNote() => null;
}

/// <summary>The scenarios --scenarios can name. A new scenario is one file in this folder plus one line here.</summary>
public static class ScenarioRegistry
{
    /// <summary>Every ratio in the report is relative to this one, so it always runs, first.</summary>
    public const string Baseline = "ping";

    public static IReadOnlyList<Scenario> All { get; } =
    [
        new PingScenario(),
        new MeScenario(),
        new SignInScenario(),
        new IssueTicketScenario(),
        new CallNextScenario(),
        CustomerLookupScenario.ByPhone,
        CustomerLookupScenario.ByName,
        new CreateCaseScenario(),
        new CreateCaseWithRulesScenario(),
        new ListCasesScenario(),
        new CaseViewsScenario(),
        new SearchScenario(),
        new ArticleSearchScenario(),
        new SurveyAnswerScenario(),
        new ChatMessageScenario(),
    ];

    /// <summary>The requested scenarios in the order asked, with the baseline put first when missing.</summary>
    public static IReadOnlyList<Scenario> Select(IEnumerable<string> names)
    {
        var selected = names.Select(n => All.FirstOrDefault(s => s.Name.Equals(n, StringComparison.OrdinalIgnoreCase))
                ?? throw new ArgumentException($"Unknown scenario '{n}'. Known: {string.Join(", ", All.Select(s => s.Name))}."))
            .Distinct().ToList();
        selected.RemoveAll(s => s.Name == Baseline);
        selected.Insert(0, All.First(s => s.Name == Baseline));
        return selected;
    }
}
