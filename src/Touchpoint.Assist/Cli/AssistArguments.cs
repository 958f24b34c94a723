using Touchpoint.Assist.Models;

namespace Touchpoint.Assist.Cli;

/// <summary>The parsed arguments of `assist train` and `assist eval`.</summary>
internal sealed record AssistArguments(string Command, AssistTask Task, IReadOnlyList<string> TrainFiles, string? OutFile, string? TestFile)
{
    public static bool TryParse(string[] args, out AssistArguments parsed, out string problem)
    {
        parsed = null!;
        var command = args[0];
        if (command is not ("train" or "eval"))
        {
            problem = $"unknown command \"{command}\"; expected train or eval.";
            return false;
        }
        string? task = null, outFile = null, testFile = null;
        var trainFiles = new List<string>();
        for (int i = 1; i < args.Length; i++)
        {
            var option = args[i];
            if (option is not ("--task" or "--train" or "--out" or "--test"))
            {
                problem = $"unknown option \"{option}\".";
                return false;
            }
            if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                problem = $"{option} needs a value.";
                return false;
            }
            var value = args[++i];
            switch (option)
            {
                case "--task": task = value; break;
                case "--train": trainFiles.Add(value); break;
                case "--out": outFile = value; break;
                case "--test": testFile = value; break;
            }
        }
        problem = (task, command) switch
        {
            (null, _) => "--task is required (sentiment or intent).",
            (not ("sentiment" or "intent"), _) => $"--task must be sentiment or intent, not \"{task}\".",
            _ when trainFiles.Count == 0 => "at least one --train FILE is required.",
            (_, "train") when outFile is null => "train needs --out MODEL.",
            (_, "train") when testFile is not null => "train takes no --test; use eval to measure.",
            (_, "eval") when testFile is null => "eval needs --test FILE.",
            (_, "eval") when outFile is not null => "eval takes no --out; use train to save a model.",
            _ => "",
        };
        if (problem.Length > 0) return false;
        parsed = new AssistArguments(command, task == "intent" ? AssistTask.Intent : AssistTask.Sentiment, trainFiles, outFile, testFile);
        return true;
    }
}
