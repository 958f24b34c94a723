using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Touchpoint.Bench;

/// <summary>Everything measured for one scenario: client-side figures plus the server's memory and CPU.</summary>
public sealed record ScenarioFigures(string Scenario, LoadResult Load, MemoryReading Memory, CpuShares Cpu);

/// <summary>Renders the figures as Markdown and keeps them in bench/README.md between the result markers.</summary>
public static class Report
{
    public const string StartMarker = "<!-- results:start -->";
    public const string EndMarker = "<!-- results:end -->";
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Table(IReadOnlyList<ScenarioFigures> rows, string baseline)
    {
        // Ratios only mean something against a baseline measured in the same run, on the same machine, under the same load.
        var baselineRate = rows.FirstOrDefault(r => r.Scenario == baseline)?.Load.RequestsPerSecond ?? double.NaN;
        var sb = new StringBuilder()
            .AppendLine("| scenario | workers | requests | errors | req/s | × ping | p50 ms | p90 ms | p99 ms | max ms | server CPU ms/req | server peak MB | server RSS after MB |")
            .AppendLine("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var r in rows)
        {
            var l = r.Load;
            var ratio = l.RequestsPerSecond / baselineRate;
            sb.AppendLine(Inv, $"| {r.Scenario} | {l.Workers} | {l.Requests:#,0} | {l.Errors:#,0} | {l.RequestsPerSecond:#,0.0} | {ratio.ToString(ratio >= 0.1 ? "0.00" : "0.0000", Inv)} "
                + $"| {l.LatencyMs(0.50):0.00} | {l.LatencyMs(0.90):0.00} | {l.LatencyMs(0.99):0.00} | {l.LatencyMs(1.0):0.00} "
                + $"| {r.Cpu.Server.TotalMilliseconds / Math.Max(1, l.Requests):0.000} | {Megabytes(r.Memory.PeakBytes)} | {Megabytes(r.Memory.ResidentBytes)} |");
        }
        var errors = rows.Where(r => r.Load.Errors > 0)
            .Select(r => $"{r.Scenario}: " + string.Join(", ", r.Load.ErrorKinds.OrderByDescending(kv => kv.Value).Select(kv => $"{kv.Key} × {kv.Value:#,0}")))
            .ToList();
        // On a shared machine other processes take cores from both sides; this says how much, so a figure can be trusted or rerun.
        sb.AppendLine().AppendLine("CPU while measuring, % of the machine (server / load generator / other processes): "
            + string.Join("; ", rows.Select(r => string.Create(Inv, $"{r.Scenario} {r.Cpu.ServerPercent:0} / {r.Cpu.BenchPercent:0} / {r.Cpu.OtherPercent:0}"))) + ".");
        sb.AppendLine().AppendLine(errors.Count == 0 ? "Errors: none." : "Errors (status code or failure × count): " + string.Join("; ", errors) + ".");
        return sb.ToString();
    }

    /// <summary>The README section: when, where, how, and the table.</summary>
    public static string Section(DateTimeOffset when, string command, string settings, string table) => new StringBuilder()
        .AppendLine(StartMarker)
        .AppendLine(Inv, $"- Date: {when:yyyy-MM-dd HH:mm} UTC")
        .AppendLine(Inv, $"- Machine: {Machine()}")
        .AppendLine(Inv, $"- Command: `{command}`")
        .AppendLine(Inv, $"- Settings: {settings}")
        .AppendLine()
        .Append(table)
        .Append(EndMarker)
        .ToString();

    /// <summary>Replaces the marked section, keeping everything around it; appends one when the markers are missing.</summary>
    public static void UpdateReadme(string path, string section)
    {
        var text = File.Exists(path) ? File.ReadAllText(path) : "# Touchpoint benchmarks\n";
        var start = text.IndexOf(StartMarker, StringComparison.Ordinal);
        var end = text.IndexOf(EndMarker, StringComparison.Ordinal);
        text = start >= 0 && end > start
            ? string.Concat(text.AsSpan(0, start), section, text.AsSpan(end + EndMarker.Length))
            : text.TrimEnd() + "\n\n## Latest results\n\n" + section + "\n";
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
