using System.Diagnostics;
using Touchpoint.Assist.Models;

namespace Touchpoint.Assist.Tests;

/// <summary>Timed tests run alone, after the others, so that the dev-split trainings do not share the cores with them.</summary>
[CollectionDefinition(nameof(TimedTests), DisableParallelization = true)]
public sealed class TimedTests;

[Collection(nameof(TimedTests))]
public sealed class DefaultModelTrainingTimeTests
{
    [Fact]
    public void TrainSentiment_BuiltInExamples_TakesWellUnderASecond() =>
        AssertTrainsInUnderASecond(() => DefaultModels.TrainSentiment([]));

    [Fact]
    public void TrainIntent_BuiltInExamples_TakesWellUnderASecond() =>
        AssertTrainsInUnderASecond(() => DefaultModels.TrainIntent([]));

    private static void AssertTrainsInUnderASecond(Action train)
    {
        train(); // the first call also compiles the code; a server pays that once, whatever the model
        var clock = Stopwatch.StartNew();
        train();
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"{clock.Elapsed.TotalSeconds:F2} s");
    }
}

public sealed class DefaultModelTests
{
    [Fact]
    public void BuiltInExamples_CoverEveryLanguage()
    {
        var sentiment = DefaultModels.SentimentExamples();
        var intents = DefaultModels.IntentExamples();

        Assert.Equal(["negative", "neutral", "positive"], sentiment.Select(e => e.Label).Distinct().Order());
        foreach (var language in new[] { "zh-Hans", "zh-Hant", "ko", "en" })
        {
            Assert.Contains(sentiment, e => Text.LanguageDetector.Detect(e.Text).Tag == language);
            Assert.Contains(intents, e => Text.LanguageDetector.Detect(e.Text).Tag == language);
        }
        Assert.Contains(intents, e => e.Label == "oos");
    }

    [Theory]
    [InlineData("谢谢你们，办得很快", "positive")]
    [InlineData("排了两个小时队，太过分了", "negative")]
    [InlineData("行員很親切，謝謝", "positive")]
    [InlineData("等了一個小時都沒人理，很生氣", "negative")]
    [InlineData("정말 친절하게 도와주셔서 감사해요", "positive")]
    [InlineData("한 시간째 기다리는데 너무 화나요", "negative")]
    [InlineData("Thanks, the staff were lovely", "positive")]
    [InlineData("I waited an hour and nobody helped, awful", "negative")]
    [InlineData("What documents do I need for a loan?", "neutral")]
    public void Analyse_DefaultModel_GetsClearCasesRight(string text, string sentiment) =>
        Assert.Equal(sentiment, DefaultModels.Sentiment.Analyse(text).Sentiment);
}
