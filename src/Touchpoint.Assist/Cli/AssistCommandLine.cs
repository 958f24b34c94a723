using System.Text.Json;
using Touchpoint.Assist.Learning;
using Touchpoint.Assist.Models;

namespace Touchpoint.Assist.Cli;

/// <summary>
/// `assist train` and `assist eval` (see <see cref="Usage"/>). Reached through the server's program
/// (`dotnet run --project src/Touchpoint.Server -- assist ...`), so that no second executable has to be shipped.
/// Exit codes: 0 done, 2 wrong arguments, 3 a file could not be read or written or held bad data.
/// </summary>
public static class AssistCommandLine
{
    public const int Success = 0;
    public const int BadArguments = 2;
    public const int BadFile = 3;

    public const string Usage = """
        usage:
          assist train --task sentiment|intent --train FILE [--train FILE...] --out MODEL
          assist eval  --task sentiment|intent --train FILE [--train FILE...] --test FILE
        FILE is UTF-8 TSV with the header "label<TAB>text". For intent, the label "oos" marks out-of-scope messages.
        eval prints its figures, then as its last line one JSON object (n, accuracy, macroF1, trainSeconds,
        predictionsPerSecond, and outOfScopeRecall for intent).
        """;

    public static int Run(string[] args, TextWriter output) => Run(args, output, Console.Error);

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length > 0 && args[0] == "assist") args = args[1..];
        if (args.Length == 0 || args[0] is "help" or "--help" or "-h")
        {
            (args.Length == 0 ? error : output).WriteLine(Usage);
            return args.Length == 0 ? BadArguments : Success;
        }
        if (!AssistArguments.TryParse(args, out var parsed, out var problem))
        {
            error.WriteLine($"assist: {problem}");
            error.WriteLine(Usage);
            return BadArguments;
        }
        try
        {
            return parsed.Command == "train" ? Train(parsed, output) : Evaluate(parsed, output);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or System.Text.DecoderFallbackException)
        {
            error.WriteLine($"assist: {e.Message}");
            return BadFile;
        }
    }

    private static List<LabelledText> ReadAll(IEnumerable<string> paths, TextWriter output)
    {
        var examples = new List<LabelledText>();
        foreach (var path in paths)
        {
            if (!File.Exists(path)) throw new FileNotFoundException($"cannot read {path}: no such file.");
            var read = LabelledTextFile.Read(path);
            output.WriteLine($"read {read.Count} examples from {path}");
            examples.AddRange(read);
        }
        if (examples.Count == 0) throw new InvalidDataException("the training files hold no examples.");
        if (examples.Select(e => e.Label).Distinct().Count() < 2) throw new InvalidDataException("the training files need at least two different labels.");
        return examples;
    }

    private static int Train(AssistArguments arguments, TextWriter output)
    {
        var examples = ReadAll(arguments.TrainFiles, output);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var model = ModelEvaluation.Train(arguments.Task, examples);
        output.WriteLine($"trained a {arguments.Task.ToString().ToLowerInvariant()} model on {examples.Count} examples in {clock.Elapsed.TotalSeconds:F2} s");
        var directory = Path.GetDirectoryName(Path.GetFullPath(arguments.OutFile!));
        if (directory is not null) Directory.CreateDirectory(directory);
        using (var file = File.Create(arguments.OutFile!)) model.Save(file);
        output.WriteLine($"saved {new FileInfo(arguments.OutFile!).Length:N0} bytes to {arguments.OutFile}");
        if (model.RejectionThreshold is { } threshold) output.WriteLine($"out-of-scope rejection threshold: {threshold:F3}");
        return Success;
    }

    private static int Evaluate(AssistArguments arguments, TextWriter output)
    {
        var train = ReadAll(arguments.TrainFiles, output);
        if (!File.Exists(arguments.TestFile)) throw new FileNotFoundException($"cannot read {arguments.TestFile}: no such file.");
        var test = LabelledTextFile.Read(arguments.TestFile!);
        if (test.Count == 0) throw new InvalidDataException($"{arguments.TestFile} holds no examples.");
        output.WriteLine($"read {test.Count} test examples from {arguments.TestFile}");
        var report = ModelEvaluation.TrainAndEvaluate(arguments.Task, train, test);
        var m = report.Metrics;
        output.WriteLine($"trained in {report.TrainSeconds:F2} s; model {report.ModelBytes:N0} bytes; {report.PredictionsPerSecond:N0} predictions/s on one core");
        output.WriteLine(arguments.Task == AssistTask.Intent
            ? $"in-scope accuracy {m.Accuracy:F4} ({m.InScopeCount} in scope), macro-F1 {m.MacroF1:F4}, out-of-scope recall {(m.OutOfScopeRecall is { } r ? r.ToString("F4") : "n/a (no oos examples)")}, threshold {report.RejectionThreshold:F3}"
            : $"accuracy {m.Accuracy:F4}, macro-F1 {m.MacroF1:F4}");
        output.WriteLine(ToJson(report));
        return Success;
    }

    public static string ToJson(EvaluationReport report)
    {
        var fields = new Dictionary<string, object?>
        {
            ["task"] = report.Task.ToString().ToLowerInvariant(),
            ["n"] = report.Metrics.Count,
            ["accuracy"] = Math.Round(report.Metrics.Accuracy, 4),
            ["macroF1"] = Math.Round(report.Metrics.MacroF1, 4),
        };
        if (report.Task == AssistTask.Intent)
        {
            fields["outOfScopeRecall"] = report.Metrics.OutOfScopeRecall is { } recall ? Math.Round(recall, 4) : null;
            fields["rejectionThreshold"] = report.RejectionThreshold is { } t ? Math.Round(t, 4) : null;
        }
        fields["trainCount"] = report.TrainCount;
        fields["trainSeconds"] = Math.Round(report.TrainSeconds, 3);
        fields["predictionsPerSecond"] = Math.Round(report.PredictionsPerSecond);
        fields["modelBytes"] = report.ModelBytes;
        return JsonSerializer.Serialize(fields);
    }
}
