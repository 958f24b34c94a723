using System.Runtime.InteropServices;
using Touchpoint.Bench;
using Touchpoint.Bench.Scenarios;

if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine(BenchOptions.Usage);
    return 0;
}

BenchOptions options;
IReadOnlyList<Scenario> scenarios;
try
{
    options = BenchOptions.Parse(args);
    scenarios = ScenarioRegistry.Select(options.Scenarios);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

// Ctrl+C or SIGTERM cancels the run; the server is then still stopped and its data folder deleted by DisposeAsync.
using var cancel = new CancellationTokenSource();
void Cancel(PosixSignalContext context)
{
    context.Cancel = true;
    cancel.Cancel();
}
using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
var ct = cancel.Token;

try
{
    var repositoryRoot = options.ServerDll is null || options.WriteReadme ? ServerProcess.FindRepositoryRoot() : null;
    var serverDll = options.ServerDll;
    if (serverDll is null)
    {
        Console.WriteLine("Building the server (Release, without the web app)...");
        serverDll = await ServerProcess.BuildAsync(repositoryRoot!, ct);
    }

    // Disposed in reverse order: the server stops before its PostgreSQL database is dropped.
    await using var database = options.Database == "postgres" ? await PostgresDatabase.CreateAsync(options.PostgresConnectionString!, options.KeepDatabase, ct) : null;
    if (database is not null) Console.WriteLine($"Created database {database.Name} ({database.Description})");
    await using var serverLog = options.ServerLog is null ? null : new StreamWriter(options.ServerLog) { AutoFlush = false };
    var logLock = new object();
    Action<string>? log = serverLog is null ? null : line => { lock (logLock) serverLog.WriteLine(line); };

    Console.WriteLine($"Starting {serverDll} on a fresh data folder{(database is null ? "" : " and PostgreSQL database")}...");
    await using var server = await ServerProcess.StartAsync(serverDll, database?.ConnectionString, log, ct);
    Console.WriteLine($"Server pid {server.Id} at {server.BaseAddress}");
    var target = new BenchTarget(server.BaseAddress, ServerProcess.AdminUserName, server.AdminPassword,
        database is null ? server.SqliteFile : null, database?.ConnectionString);

    var figures = new List<ScenarioFigures>();
    var peakIsPerScenario = true;
    foreach (var scenario in scenarios)
    {
        var preparing = System.Diagnostics.Stopwatch.StartNew();
        using var session = await LoadSession.PrepareAsync(scenario, target, options.Concurrency, ct);
        Console.WriteLine($"{scenario.Name}: {scenario.Description}; {session.Workers} workers, prepared in {preparing.Elapsed.TotalSeconds:0.0} s, "
            + $"{options.WarmupSeconds} s warm-up, {options.DurationSeconds} s measured");
        peakIsPerScenario &= server.TryResetPeakMemory();
        await session.RunAsync(TimeSpan.FromSeconds(options.WarmupSeconds), options.MaxRequests, measured: false, ct);
        var cpuBefore = await CpuSample.TakeAsync(server, database, ct);
        var load = await session.RunAsync(TimeSpan.FromSeconds(options.DurationSeconds), options.MaxRequests, measured: true, ct);
        figures.Add(new ScenarioFigures(scenario.Name, load, server.ReadMemory(), await CpuSample.TakeAsync(server, database, ct) - cpuBefore));
    }

    var table = Report.Table(figures, ScenarioRegistry.Baseline, database is not null);
    Console.WriteLine();
    Console.WriteLine(table);

    if (options.WriteReadme)
    {
        var other = figures.Where(f => f.Load.Workers != options.Concurrency).Select(f => $"{f.Scenario}: {f.Load.Workers}");
        var store = database is null
            ? "SQLite (WAL) in a fresh temporary folder"
            : $"{database.Description}, a fresh database on 127.0.0.1";
        var settings = $"{options.WarmupSeconds} s warm-up then {options.DurationSeconds} s measured per scenario; {options.Concurrency} closed-loop workers"
            + (other.Any() ? $" ({string.Join(", ", other)})" : "")
            + $"; server in Release on {store}, sharing the machine with the load generator; "
            + (peakIsPerScenario ? "peak memory is per scenario (VmHWM reset before each)." : "peak memory is cumulative over the run.");
        var readme = Path.Combine(repositoryRoot!, "bench", "README.md");
        Report.UpdateReadme(readme, options.Database, database is null ? "SQLite" : "PostgreSQL",
            Report.Section(options.Database, DateTimeOffset.UtcNow, options.DisplayCommand(), settings, table));
        Console.WriteLine($"Wrote the results to {readme}");
    }
    // Figures with errors measure something else (often a rate limit or a failed sign-in): make scripts notice.
    return figures.Any(f => f.Load.Errors > 0) ? 3 : 0;
}
catch (OperationCanceledException) when (ct.IsCancellationRequested)
{
    Console.Error.WriteLine("Cancelled; the server was stopped and its data folder deleted.");
    return 130;
}
catch (Exception e) when (e is InvalidOperationException or TimeoutException or IOException or HttpRequestException or Npgsql.NpgsqlException)
{
    Console.Error.WriteLine($"Benchmark failed: {e.Message}");
    return 1;
}
