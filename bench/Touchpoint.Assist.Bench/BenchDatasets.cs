using Touchpoint.Assist.Models;

namespace Touchpoint.Assist.Bench;

/// <summary>A train/dev pair with the floor the tests enforce and the goal issue 7 sets (accuracy; for CLINC150 in-scope accuracy at an out-of-scope recall).</summary>
public sealed record BenchDataset(string Name, AssistTask Task, string Path, double Floor, double Goal, double? GoalRecall = null, double? FloorRecall = null);

public static class BenchDatasets
{
    public static IReadOnlyList<BenchDataset> All { get; } =
    [
        new("chnsenticorp", AssistTask.Sentiment, "sentiment/zh-CN/chnsenticorp", 0.918, 0.94),
        new("chnsenticorp-hant", AssistTask.Sentiment, "sentiment/zh-TW/chnsenticorp-hant", 0.922, 0.94),
        new("nsmc", AssistTask.Sentiment, "sentiment/ko/nsmc", 0.858, 0.88),
        new("airline", AssistTask.Sentiment, "sentiment/en/airline", 0.816, 0.84),
        new("banking77", AssistTask.Intent, "intent/en/banking77", 0.912, 0.93),
        new("clinc150", AssistTask.Intent, "intent/en/clinc150", 0.91, 0.93, GoalRecall: 0.80, FloorRecall: 0.70),
        new("waimai", AssistTask.Sentiment, "sentiment/zh-CN/waimai", 0, 0),
        new("bitext-support", AssistTask.Intent, "intent/en/bitext-support", 0, 0),
    ];
}
