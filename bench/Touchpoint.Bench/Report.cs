using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Touchpoint.Bench;

/// <summary>Everything measured for one scenario: client-side figures plus the server's memory and CPU.</summary>
public sealed record ScenarioFigures(string Scenario, LoadResult Load, MemoryReading Memory, CpuShares Cpu);

/// <summary>Renders the figures as Markdown and keeps them in bench/README.md between the result markers of each database.</summary>
public static class Report
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string StartMarker(string database) => $"<!-- results:{database}:start -->";
    public static string EndMarker(string database) => $"<!-- results:{database}:end -->";

    /// <summary>
    /// One row per operation; a scenario's first row carries its server CPU and memory. With <paramref name="database"/>
    /// (PostgreSQL), the CPU its backends used per request gets a column of its own: it is not in the server's figure.
    /// </summary>
    public static string Table(IReadOnlyList<ScenarioFigures> rows, string baseline, bool database)
    {
        // Ratios only mean something against a baseline measured in the same run, on the same machine, under the same load.
        var baselineRate = rows.FirstOrDefault(r => r.Scenario == baseline)?.Load.Primary.RequestsPerSecond ?? double.NaN;
        var baselineP95 = rows.FirstOrDefault(r => r.Scenario == baseline)?.Load.Primary.LatencyMs(0.95) ?? double.NaN;
        var sb = new StringBuilder()
            .AppendLine("| scenario | workers | requests | errors | req/s | × ping | p50 ms | p90 ms | p95 ms | p95 × ping | p99 ms | max ms | server CPU ms/req "
                + (database ? "| PostgreSQL CPU ms/req " : "") + "| server peak MB | server RSS after MB |")
            .AppendLine("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|" + (database ? "--:|" : "") + "--:|--:|");
        foreach (var r in rows)
            foreach (var l in r.Load.Operations)
            {
                var primary = ReferenceEquals(l, r.Load.Primary);
                var ratio = l.RequestsPerSecond / baselineRate;
                // A scenario whose rows are alternatives (article-search) has an empty first row: its CPU is per request of all rows.
                var requests = l.Requests > 0 ? l.Requests : r.Load.Operations.Sum(o => o.Requests);
                string PerRequest(TimeSpan cpu) => primary ? (cpu.TotalMilliseconds / Math.Max(1, requests)).ToString("0.000", Inv) : "";
                var cells = new List<string>
                {
                    l.Operation, l.Workers.ToString(Inv), l.Requests.ToString("#,0", Inv), l.Errors.ToString("#,0", Inv),
                    l.RequestsPerSecond.ToString("#,0.0", Inv), ratio.ToString(ratio >= 0.1 ? "0.00" : "0.0000", Inv),
                    l.LatencyMs(0.50).ToString("0.00", Inv), l.LatencyMs(0.90).ToString("0.00", Inv),
                    l.LatencyMs(0.95).ToString("0.00", Inv), (l.LatencyMs(0.95) / baselineP95).ToString("0.0", Inv),
                    l.LatencyMs(0.99).ToString("0.00", Inv), l.LatencyMs(1.0).ToString("0.00", Inv), PerRequest(r.Cpu.Server),
                };
                if (database) cells.Add(PerRequest(r.Cpu.Database));
                cells.Add(primary ? Megabytes(r.Memory.PeakBytes) : "");
                cells.Add(primary ? Megabytes(r.Memory.ResidentBytes) : "");
                sb.AppendLine("| " + string.Join(" | ", cells) + " |");
            }
        var errors = rows.SelectMany(r => r.Load.Operations).Where(o => o.Errors > 0)
            .Select(o => $"{o.Operation}: " + string.Join(", ", o.ErrorKinds.OrderByDescending(kv => kv.Value).Select(kv => $"{kv.Key} × {kv.Value:#,0}")))
            .ToList();
        // On a shared machine other processes take cores from both sides; this says how much, so a figure can be trusted or rerun.
        sb.AppendLine().AppendLine("CPU while measuring, % of the machine (server / " + (database ? "PostgreSQL backends / " : "") + "load generator / other processes): "
            + string.Join("; ", rows.Select(r => string.Create(Inv, $"{r.Scenario} {r.Cpu.ServerPercent:0} / ")
                + (database ? string.Create(Inv, $"{r.Cpu.DatabasePercent:0} / ") : "")
                + string.Create(Inv, $"{r.Cpu.BenchPercent:0} / {r.Cpu.OtherPercent:0}"))) + ".");
        foreach (var r in rows.Where(r => r.Load.Note is not null))
            sb.AppendLine().AppendLine($"{r.Scenario}: {r.Load.Note}.");
        sb.AppendLine().AppendLine(errors.Count == 0 ? "Errors: none." : "Errors (status code or failure × count): " + string.Join("; ", errors) + ".");
        return sb.ToString();
    }

    /// <summary>The README section: when, where, how, and the table.</summary>
    public static string Section(string database, DateTimeOffset when, string command, string settings, string table) => new StringBuilder()
        .AppendLine(StartMarker(database))
        .AppendLine(Inv, $"- Date: {when:yyyy-MM-dd HH:mm} UTC")
        .AppendLine(Inv, $"- Machine: {Machine()}")
        .AppendLine(Inv, $"- Command: `{command}`")
        .AppendLine(Inv, $"- Settings: {settings}")
        .AppendLine()
        .Append(table)
        .Append(EndMarker(database))
        .ToString();

    /// <summary>
    /// Replaces the database's marked section, keeping everything around it (the other database's table too); appends
    /// one when its markers are missing.
    /// </summary>
    public static void UpdateReadme(string path, string database, string title, string section)
    {
        var text = File.Exists(path) ? File.ReadAllText(path) : "# Touchpoint benchmarks\n";
        var start = text.IndexOf(StartMarker(database), StringComparison.Ordinal);
        var end = text.IndexOf(EndMarker(database), StringComparison.Ordinal);
        text = start >= 0 && end > start
            ? string.Concat(text.AsSpan(0, start), section, text.AsSpan(end + EndMarker(database).Length))
            : text.TrimEnd() + $"\n\n### {title}\n\n" + section + "\n";
        File.WriteAllText(path, text);
    }

    public static string Machine()
    {
        var cpu = ReadField("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString();
        var memory = ReadField("/proc/meminfo", "MemTotal") is { } m && long.TryParse(m.Split(' ')[0], Inv, out var kb)
            ? $"{kb / 1024.0 / 1024.0:0.0} GiB RAM" : "unknown RAM";
        return string.Create(Inv, $"{cpu}, {Environment.ProcessorCount} cores, {memory}, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}");
    }

    private static string Megabytes(long bytes) => (bytes / 1024.0 / 1024.0).ToString("0", Inv);

    private static string? ReadField(string file, string field)
    {
        if (!File.Exists(file)) return null;
        return File.ReadLines(file).Where(l => l.StartsWith(field, StringComparison.Ordinal) && l.Contains(':'))
            .Select(l => l[(l.IndexOf(':') + 1)..].Trim()).FirstOrDefault();
    }
}
