using System.Globalization;

namespace Touchpoint.Bench;

/// <summary>Command-line options. Hand-parsed: a handful of flags do not justify a package from a partial mirror.</summary>
public sealed record BenchOptions
{
    public int DurationSeconds { get; init; } = 10;
    public int WarmupSeconds { get; init; } = 3;
    public int Concurrency { get; init; } = 16;
    /// <summary>Per scenario; bounds the latency array (8 bytes a request) however fast the machine is.</summary>
    public int MaxRequests { get; init; } = 2_000_000;
    public IReadOnlyList<string> Scenarios { get; init; } = ["ping", "me", "sign-in"];
    public bool WriteReadme { get; init; } = true;
    public string? ServerDll { get; init; }
    public IReadOnlyList<string> RawArgs { get; init; } = [];

    public const string Usage = """
        Usage: dotnet run -c Release --project bench/Touchpoint.Bench -- [options]
          --duration <s>        measured seconds per scenario (default 10)
          --warmup <s>          warm-up seconds per scenario, not counted (default 3)
          --concurrency <n>     concurrent workers, each with its own connection (default 16)
          --max-requests <n>    stop a scenario after this many measured requests (default 2000000)
          --scenarios <a,b>     comma list (default ping,me,sign-in); ping is always run first as the baseline
          --no-readme           print the table only; leave bench/README.md alone
          --server-dll <path>   run this already built Touchpoint.Server.dll instead of building src/Touchpoint.Server
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
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
        }
        return o;
    }
}
