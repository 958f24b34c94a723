using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Touchpoint.Assist.Learning;

namespace Touchpoint.Assist.Bench;

public sealed record BenchRow(BenchDataset Dataset, int TrainCount, ClassificationMetrics Metrics, double TrainSeconds, double PredictionsPerSecond, long ModelBytes, float? Threshold);

/// <summary>The table, and the section of bench/README.md between the assist markers.</summary>
public static class BenchReport
{
    public const string StartMarker = "<!-- assist:start -->";
    public const string EndMarker = "<!-- assist:end -->";
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Summary(BenchRow r) => string.Create(Inv,
        $"accuracy {r.Metrics.Accuracy:0.0000}, macro-F1 {r.Metrics.MacroF1:0.0000}{(r.Metrics.OutOfScopeRecall is { } recall ? $", out-of-scope recall {recall:0.00}" : "")}, trained in {r.TrainSeconds:0.0} s, {r.PredictionsPerSecond:N0} predictions/s, {r.ModelBytes / 1e6:0.0} MB");

    public static string Table(IReadOnlyList<BenchRow> rows)
    {
        var sb = new StringBuilder()
            .AppendLine("| set | task | train / dev | accuracy | macro-F1 | oos recall | floor | goal | train s | predictions/s (1 core) | model MB |")
            .AppendLine("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var r in rows)
        {
            var d = r.Dataset;
            string recall = r.Metrics.OutOfScopeRecall is { } value ? value.ToString("0.00", Inv) : "";
            string floor = d.Floor == 0 ? "" : d.Floor.ToString("0.000", Inv) + (d.FloorRecall is { } fr ? string.Create(Inv, $" at {fr:0.00}") : "");
            string goal = d.Goal == 0 ? "" : d.Goal.ToString("0.00", Inv) + (d.GoalRecall is { } gr ? string.Create(Inv, $" at {gr:0.00}") : "");
            string mark = d.Floor == 0 ? "" : r.Metrics.Accuracy >= d.Goal && (d.GoalRecall is null || r.Metrics.OutOfScopeRecall >= d.GoalRecall) ? " ✓ goal"
                : r.Metrics.Accuracy >= d.Floor ? "" : " ✗ floor";
            sb.AppendLine(string.Create(Inv,
                $"| {d.Name} | {d.Task.ToString().ToLowerInvariant()} | {r.TrainCount:N0} / {r.Metrics.Count:N0} | {r.Metrics.Accuracy:0.0000}{mark} | {r.Metrics.MacroF1:0.0000} | {recall} | {floor} | {goal} | {r.TrainSeconds:0.0} | {r.PredictionsPerSecond:N0} | {r.ModelBytes / 1e6:0.0} |"));
        }
        return sb.ToString();
    }

    public static string Section(DateTimeOffset when, string command, string load, string table) => new StringBuilder()
        .AppendLine(StartMarker)
        .AppendLine(Inv, $"- Date: {when:yyyy-MM-dd HH:mm} UTC")
        .AppendLine(Inv, $"- Machine: {Machine()}; load average {load}")
        .AppendLine(Inv, $"- Command: `{command}`")
        .AppendLine("- Accuracy is on the dev splits (tests hold the floors); for intent it is in-scope accuracy by the CLINC150 rules. Training time is wall time on all cores and includes the held-out folds that set the out-of-scope threshold; predictions per second are on one thread, language detection and emotions not included.")
        .AppendLine()
        .Append(table)
        .AppendLine(EndMarker)
        .ToString();

    /// <summary>Replaces the section between the markers, keeping the rest of the file; appends the markers at the end when missing.</summary>
    public static void UpdateReadme(string path, string section)
    {
        var text = File.ReadAllText(path);
        int start = text.IndexOf(StartMarker, StringComparison.Ordinal);
        int end = text.IndexOf(EndMarker, StringComparison.Ordinal);
        text = start >= 0 && end > start
            ? string.Concat(text.AsSpan(0, start), section.TrimEnd('\n'), text.AsSpan(end + EndMarker.Length))
            : text.TrimEnd() + "\n\n## Assist models\n\n" + section;
        File.WriteAllText(path, text);
    }

    public static string Machine()
    {
        var cpu = ReadField("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString();
        var memory = ReadField("/proc/meminfo", "MemTotal") is { } m && long.TryParse(m.Split(' ')[0], Inv, out var kb)
            ? string.Create(Inv, $"{kb / 1024.0 / 1024.0:0.0} GiB RAM") : "unknown RAM";
        return $"{cpu}, {Environment.ProcessorCount} cores, {memory}, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}";
    }

    /// <summary>The one-minute load average: above the core count, other work shared the machine and the timings are pessimistic.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";

    public static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Touchpoint.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Cannot find the repository root (Touchpoint.slnx) above " + AppContext.BaseDirectory);
    }

    private static string? ReadField(string file, string field) =>
        File.Exists(file)
            ? File.ReadLines(file).Where(l => l.StartsWith(field, StringComparison.Ordinal) && l.Contains(':')).Select(l => l[(l.IndexOf(':') + 1)..].Trim()).FirstOrDefault()
            : null;
}
