using System.Globalization;

namespace Touchpoint.Bench;

/// <summary>Command-line options. Hand-parsed: a handful of flags do not justify a package from a partial mirror.</summary>
public sealed record BenchOptions
{
    public int DurationSeconds { get; init; } = 10;
    public int WarmupSeconds { get; init; } = 10;
    public int Concurrency { get; init; } = 16;
    /// <summary>Per scenario; bounds the latency array (8 bytes a request) however fast the machine is.</summary>
    public int MaxRequests { get; init; } = 2_000_000;
    public IReadOnlyList<string> Scenarios { get; init; } = ["ping", "me", "sign-in"];
    public bool WriteReadme { get; init; } = true;
    public string? ServerDll { get; init; }
    /// <summary>"sqlite" (a file in the server's fresh data folder) or "postgres" (a fresh database on --postgres).</summary>
    public string Database { get; init; } = "sqlite";
    /// <summary>Npgsql connection string to a server where the bench may CREATE and DROP DATABASE; needed for postgres.</summary>
    public string? PostgresConnectionString { get; init; }
    /// <summary>Where to write everything the server prints, e.g. with SQL logging switched on for a profiling run.</summary>
    public string? ServerLog { get; init; }
    /// <summary>Leave the PostgreSQL database behind (its name is printed) to look into plans after the run.</summary>
    public bool KeepDatabase { get; init; }
    public IReadOnlyList<string> RawArgs { get; init; } = [];

    public const string Usage = """
        Usage: dotnet run -c Release --project bench/Touchpoint.Bench -- [options]
          --duration <s>        measured seconds per scenario (default 10)
          --warmup <s>          warm-up seconds per scenario, not counted (default 10)
          --concurrency <n>     concurrent workers, each with its own connection (default 16)
          --max-requests <n>    stop a scenario after this many measured requests (default 2000000)
          --scenarios <a,b>     comma list (default ping,me,sign-in); ping is always run first as the baseline
          --no-readme           print the table only; leave bench/README.md alone
          --server-dll <path>   run this already built Touchpoint.Server.dll instead of building src/Touchpoint.Server
          --database <db>       sqlite (default) or postgres
          --postgres "<cs>"     Npgsql connection string to a PostgreSQL server where the bench may CREATE/DROP DATABASE;
                                each run creates a fresh database there and drops it afterwards (needed with postgres)
          --server-log <path>   write the server's output there (settings come from the environment, e.g.
                                Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command=Information)
          --keep-database       with postgres: do not drop the run's database, print its name (for EXPLAIN afterwards)
        """;

    public static BenchOptions Parse(string[] args)
    {
        var o = new BenchOptions { RawArgs = args };
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int Positive() => int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
                ? n : throw new ArgumentException($"{args[i - 1]} needs a positive whole number.");
            o = args[i] switch
            {
                "--duration" => o with { DurationSeconds = Positive() },
                "--warmup" => o with { WarmupSeconds = int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var w)
                    ? w : throw new ArgumentException("--warmup needs a whole number (0 for none).") },
                "--concurrency" => o with { Concurrency = Positive() },
                "--max-requests" => o with { MaxRequests = Positive() },
                "--scenarios" => o with { Scenarios = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) },
                "--no-readme" => o with { WriteReadme = false },
                "--server-dll" => o with { ServerDll = Path.GetFullPath(Value()) },
                "--database" => o with { Database = Value().ToLowerInvariant() is ("sqlite" or "postgres") and var db
                    ? db : throw new ArgumentException("--database is sqlite or postgres.") },
                "--postgres" => o with { PostgresConnectionString = Value() },
                "--server-log" => o with { ServerLog = Path.GetFullPath(Value()) },
                "--keep-database" => o with { KeepDatabase = true },
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
        }
        if (o.Database == "postgres" && string.IsNullOrWhiteSpace(o.PostgresConnectionString))
            throw new ArgumentException("--database postgres needs --postgres \"<connection string>\" (e.g. \"$TOUCHPOINT_TEST_POSTGRES\" from .ci/postgres.sh).");
        return o;
    }

    /// <summary>The command as the README shows it: the PostgreSQL connection string (a password) is never written out.</summary>
    public string DisplayCommand()
    {
        var shown = new List<string>();
        for (var i = 0; i < RawArgs.Count; i++)
        {
            var a = RawArgs[i];
            if (i > 0 && RawArgs[i - 1] == "--postgres")
                a = a == Environment.GetEnvironmentVariable("TOUCHPOINT_TEST_POSTGRES") ? "\"$TOUCHPOINT_TEST_POSTGRES\"" : "\"<connection string>\"";
            else if (a.Contains(' ')) a = $"\"{a}\"";
            shown.Add(a);
        }
        return "dotnet run -c Release --project bench/Touchpoint.Bench" + (shown.Count == 0 ? "" : " -- " + string.Join(' ', shown));
    }
}
