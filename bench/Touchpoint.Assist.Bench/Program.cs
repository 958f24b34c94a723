using System.Diagnostics;
using Touchpoint.Assist.Bench;
using Touchpoint.Assist.Learning;
using Touchpoint.Assist.Models;

const string usage = """
    usage: dotnet run -c Release --project bench/Touchpoint.Assist.Bench -- [--datasets DIR] [--only a,b] [--no-readme]
      --datasets DIR  the labelled sets (default: ../shared/datasets beside the repository)
      --only a,b      only these sets (chnsenticorp, chnsenticorp-hant, nsmc, airline, banking77, clinc150, waimai, bitext-support)
      --no-readme     print the table only; otherwise the assist section of bench/README.md is rewritten
    """;

string? datasetsDirectory = null;
string[]? only = null;
bool writeReadme = true;
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--datasets" when i + 1 < args.Length: datasetsDirectory = args[++i]; break;
        case "--only" when i + 1 < args.Length: only = args[++i].Split(','); break;
        case "--no-readme": writeReadme = false; break;
        default:
            Console.Error.WriteLine($"unknown or incomplete option {args[i]}\n{usage}");
            return 2;
    }
}

var repositoryRoot = BenchReport.FindRepositoryRoot();
datasetsDirectory ??= Path.GetFullPath(Path.Combine(repositoryRoot, "..", "shared", "datasets"));
if (!Directory.Exists(datasetsDirectory))
{
    Console.Error.WriteLine($"no datasets at {datasetsDirectory}; pass --datasets DIR");
    return 2;
}
var selected = BenchDatasets.All.Where(d => only is null || only.Contains(d.Name)).ToList();
if (selected.Count == 0)
{
    Console.Error.WriteLine($"--only named no known set\n{usage}");
    return 2;
}

var rows = new List<BenchRow>();
var loadBefore = BenchReport.LoadAverage();
foreach (var dataset in selected)
{
    var train = LabelledTextFile.Read(Path.Combine(datasetsDirectory, dataset.Path + ".train.tsv"));
    var dev = LabelledTextFile.Read(Path.Combine(datasetsDirectory, dataset.Path + ".dev.tsv"));
    Console.WriteLine($"{dataset.Name}: training on {train.Count:N0}, evaluating on {dev.Count:N0}...");
    var clock = Stopwatch.StartNew();
    var model = ModelEvaluation.Train(dataset.Task, train);
    double trainSeconds = clock.Elapsed.TotalSeconds;
    var (metrics, _) = ModelEvaluation.Evaluate(dataset.Task, model, dev);
    var row = new BenchRow(dataset, train.Count, metrics, trainSeconds, PredictionsPerSecond(model, dev), model.SizeInBytes(), model.RejectionThreshold);
    Console.WriteLine("  " + BenchReport.Summary(row));
    rows.Add(row);
}
var loadAfter = BenchReport.LoadAverage();

var table = BenchReport.Table(rows);
Console.WriteLine();
Console.WriteLine(table);
if (writeReadme)
{
    var command = "dotnet run -c Release --project bench/Touchpoint.Assist.Bench" + (args.Length > 0 ? " -- " + string.Join(' ', args) : "");
    var readme = Path.Combine(repositoryRoot, "bench", "README.md");
    BenchReport.UpdateReadme(readme, BenchReport.Section(DateTimeOffset.UtcNow, command, $"{loadBefore} at the start, {loadAfter} at the end", table));
    Console.WriteLine($"updated {readme}");
}
return 0;

// One thread, the dev texts in a loop for at least two seconds after a warm-up: "predictions per second on one core".
static double PredictionsPerSecond(ModelEvaluation.TrainedModel model, IReadOnlyList<LabelledText> texts)
{
    foreach (var text in texts.Take(200)) model.PredictLabel(text.Text);
    long predictions = 0;
    var clock = Stopwatch.StartNew();
    while (clock.Elapsed.TotalSeconds < 2)
        foreach (var text in texts)
        {
            model.PredictLabel(text.Text);
            predictions++;
        }
    return predictions / clock.Elapsed.TotalSeconds;
}
