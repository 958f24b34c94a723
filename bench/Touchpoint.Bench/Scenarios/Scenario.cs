namespace Touchpoint.Bench.Scenarios;

/// <summary>What a scenario needs to know about the server under test.</summary>
public sealed record BenchTarget(Uri BaseAddress, string AdminUserName, string AdminPassword);

/// <summary>
/// One kind of request, repeated by every worker. Each worker owns an HttpClient (one connection, its own cookies),
/// prepares it once, then sends <see cref="CreateRequest"/> in a closed loop.
/// </summary>
public abstract class Scenario
{
    /// <summary>The name used by --scenarios and in the table.</summary>
    public abstract string Name { get; }
    public abstract string Description { get; }
    /// <summary>Caps the workers where more would only queue (CPU-bound work on a small machine).</summary>
    public virtual int MaxConcurrency => int.MaxValue;
    /// <summary>Whether the worker's client stores cookies from responses (a signed-in browser) or not (a new visitor each time).</summary>
    public virtual bool KeepsCookies => true;

    /// <summary>Runs once per worker before the warm-up, e.g. to sign in. Not measured.</summary>
    public virtual Task PrepareWorkerAsync(HttpClient client, BenchTarget target, CancellationToken ct) => Task.CompletedTask;

    public abstract HttpRequestMessage CreateRequest(BenchTarget target);
}

/// <summary>The scenarios --scenarios can name. A new scenario is one file in this folder plus one line here.</summary>
public static class ScenarioRegistry
{
    /// <summary>Every ratio in the report is relative to this one, so it always runs, first.</summary>
    public const string Baseline = "ping";

    public static readonly IReadOnlyList<Scenario> All =
    [
        new PingScenario(),
        new MeScenario(),
        new SignInScenario(),
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
