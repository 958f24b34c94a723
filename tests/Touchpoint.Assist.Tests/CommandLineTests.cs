using System.Text.Json;
using Touchpoint.Assist.Cli;
using Touchpoint.Assist.Models;

namespace Touchpoint.Assist.Tests;

public sealed class CommandLineTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("assist-cli-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string WriteTsv(string name, IEnumerable<(string Label, string Text)> rows, string header = "label\ttext")
    {
        var path = Path.Combine(folder, name);
        File.WriteAllLines(path, [header, .. rows.Select(r => $"{r.Label}\t{r.Text}")]);
        return path;
    }

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = AssistCommandLine.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private string IntentTrainFile() => WriteTsv("intent-train.tsv",
        DefaultModels.IntentExamples().Select(e => (e.Label, e.Text)));

    [Theory]
    [InlineData(new[] { "eval" }, "--task is required")]
    [InlineData(new[] { "eval", "--task", "mood", "--train", "a.tsv", "--test", "b.tsv" }, "sentiment or intent")]
    [InlineData(new[] { "eval", "--task", "intent", "--test", "b.tsv" }, "--train")]
    [InlineData(new[] { "eval", "--task", "intent", "--train", "a.tsv" }, "--test")]
    [InlineData(new[] { "train", "--task", "intent", "--train", "a.tsv" }, "--out")]
    [InlineData(new[] { "train", "--task", "intent", "--train" }, "--train needs a value")]
    [InlineData(new[] { "predict", "--task", "intent" }, "unknown command")]
    [InlineData(new[] { "eval", "--task", "intent", "--verbose" }, "unknown option")]
    public void Run_BadArguments_ExplainsOnStandardErrorAndExitsWithTwo(string[] args, string message)
    {
        var (code, output, error) = Run(args);

        Assert.Equal(AssistCommandLine.BadArguments, code);
        Assert.Contains(message, error);
        Assert.Contains("usage:", error);
        Assert.Equal("", output);
    }

    [Fact]
    public void Run_MissingTrainingFile_NamesItAndExitsWithThree()
    {
        var missing = Path.Combine(folder, "missing.tsv");

        var (code, _, error) = Run("assist", "eval", "--task", "sentiment", "--train", missing, "--test", missing);

        Assert.Equal(AssistCommandLine.BadFile, code);
        Assert.Contains(missing, error);
    }

    [Fact]
    public void Run_FileWithoutHeader_ExplainsTheExpectedHeader()
    {
        var bad = WriteTsv("bad.tsv", [("positive", "fine")], header: "sentiment\tsentence");

        var (code, _, error) = Run("eval", "--task", "sentiment", "--train", bad, "--test", bad);

        Assert.Equal(AssistCommandLine.BadFile, code);
        Assert.Contains("label<TAB>text", error);
    }

    [Fact]
    public void Eval_Intent_EndsWithOneJsonObjectOfTheFigures()
    {
        var test = WriteTsv("intent-test.tsv", [("lost_card", "I can't find my card anywhere"), ("opening_hours", "are you open on saturday"), ("oos", "sing me a song")]);

        var (code, output, error) = Run("eval", "--task", "intent", "--train", IntentTrainFile(), "--test", test);

        Assert.True(code == 0, error);
        var lastLine = output.TrimEnd().Split('\n')[^1];
        using var json = JsonDocument.Parse(lastLine);
        var root = json.RootElement;
        Assert.Equal(3, root.GetProperty("n").GetInt32());
        foreach (var field in new[] { "accuracy", "macroF1", "trainSeconds", "predictionsPerSecond", "outOfScopeRecall" })
            Assert.True(root.GetProperty(field).GetDouble() >= 0, field);
        Assert.InRange(root.GetProperty("accuracy").GetDouble(), 0, 1);
    }

    [Fact]
    public void Eval_Sentiment_HasNoOutOfScopeRecall()
    {
        var train = WriteTsv("sentiment-train.tsv", DefaultModels.SentimentExamples().Select(e => (e.Label, e.Text)));
        var test = WriteTsv("sentiment-test.tsv", [("positive", "thank you, very helpful"), ("negative", "rude and slow")]);

        var (code, output, _) = Run("eval", "--task", "sentiment", "--train", train, "--test", test);

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output.TrimEnd().Split('\n')[^1]);
        Assert.False(json.RootElement.TryGetProperty("outOfScopeRecall", out _));
        Assert.Equal(2, json.RootElement.GetProperty("n").GetInt32());
    }

    [Fact]
    public void Train_WritesAModelThatLoadsAndClassifies()
    {
        var modelPath = Path.Combine(folder, "models", "intent.tpam");

        var (code, output, error) = Run("train", "--task", "intent", "--train", IntentTrainFile(), "--out", modelPath);

        Assert.True(code == 0, error);
        Assert.Contains("saved", output);
        using var file = File.OpenRead(modelPath);
        Assert.Equal("lost_card", IntentModel.Load(file).Classify("我的卡丢了").Intent);
    }
}
