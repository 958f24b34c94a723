using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Touchpoint.Assist.Models;
using Touchpoint.Server.Features.Assist;
using Touchpoint.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Touchpoint.Tests.Assist;

/// <summary>The models' life in the server: trained once in the background, kept in the database, shared safely by threads.</summary>
public sealed class AssistModelTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Models_AreTrainedInTheBackground_SavedAndLoadedAfterARestart()
    {
        using var first = new TouchpointFactory();
        var watch = Stopwatch.StartNew();
        var client = first.CreateClient();
        await (await client.GetAsync("/health")).ShouldBeAsync(HttpStatusCode.OK);
        var healthy = watch.Elapsed;
        var engine = first.Services.GetRequiredService<AssistEngine>();
        await engine.WhenReadyAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));
        var ready = watch.Elapsed;
        var trained = first.Services.GetRequiredService<AssistTraining>().LastTrainSeconds;
        output.WriteLine($"first start: healthy after {healthy.TotalSeconds:0.00} s, models ready after {ready.TotalSeconds:0.00} s (training {trained:0.00} s)");
        Assert.True(trained > 0);
        var stored = await first.WithDbAsync(db => db.AssistModels.AsNoTracking().ToListAsync());
        Assert.Equal([AssistTasks.Intent, AssistTasks.Sentiment], stored.Select(m => m.Task).Order());
        Assert.All(stored, m => Assert.Equal(1, m.Version));
        Assert.Equal(10, await first.WithDbAsync(db => db.AssistIntents.CountAsync()));

        // A second start on the same database loads them instead of training again, and predicts the same.
        using var second = new TouchpointFactory(settings: new() { ["TOUCHPOINT_DATA"] = first.DataDirectory });
        watch.Restart();
        second.CreateClient();
        var loaded = second.Services.GetRequiredService<AssistEngine>();
        await loaded.WhenReadyAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));
        output.WriteLine($"second start: models loaded after {watch.Elapsed.TotalSeconds:0.00} s");
        Assert.Equal(0, second.Services.GetRequiredService<AssistTraining>().LastTrainSeconds);
        Assert.Equal(1, loaded.Models!.IntentVersion);
        const string text = "我的银行卡丢了，怎么办？";
        Assert.Equal(engine.Analyse(text), loaded.Analyse(text), new InsightComparer());
    }

    [Fact]
    public void Predictions_FromManyThreads_EqualOneThreadsAnswers()
    {
        var engine = new AssistEngine();
        engine.Use(new AssistModelSet(DefaultModels.Sentiment, DefaultModels.Intent, 1, 1));
        var texts = DefaultModels.SentimentExamples().Concat(DefaultModels.IntentExamples()).Select(e => e.Text).ToArray();
        var expected = texts.Select(t => engine.Analyse(t)).ToArray();
        var actual = new TextInsight?[texts.Length * 8];
        Parallel.For(0, actual.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => actual[i] = engine.Analyse(texts[i % texts.Length]));
        for (var i = 0; i < actual.Length; i++) Assert.Equal(expected[i % texts.Length], actual[i], new InsightComparer());
    }

    private sealed class InsightComparer : IEqualityComparer<TextInsight?>
    {
        public bool Equals(TextInsight? a, TextInsight? b) => a is not null && b is not null && a with { Emotions = b.Emotions } == b
            && a.Emotions.OrderBy(e => e.Key).SequenceEqual(b.Emotions.OrderBy(e => e.Key));
        public int GetHashCode(TextInsight? obj) => 0;
    }
}

/// <summary>When anger raises a case's priority.</summary>
public sealed class AssistEscalationTests
{
    private static TextAnalysis Text(string sentiment, float confidence, float anger = 0, bool escalated = false) => new()
    {
        OwnerKind = AssistOwners.Message, Sentiment = sentiment, SentimentConfidence = confidence, Escalated = escalated,
        Emotions = anger > 0 ? new() { ["anger"] = anger } : [],
    };

    [Fact]
    public void Decide_StrongAnger_RaisesAtOnce() =>
        Assert.Equal(AssistEscalation.ReasonStrongAnger, AssistEscalation.Decide(Text("negative", 0.9f, anger: 0.8f), previous: null));

    [Fact]
    public void Decide_TwoAngryMessagesInARow_Raise()
    {
        Assert.Null(AssistEscalation.Decide(Text("negative", 0.6f, anger: 0.4f), previous: null));
        Assert.Equal(AssistEscalation.ReasonRepeatedAnger, AssistEscalation.Decide(Text("negative", 0.6f, anger: 0.4f), Text("negative", 0.6f, anger: 0.35f)));
    }

    [Fact]
    public void Decide_TwoClearlyNegativeMessages_Raise_ButNotRightAfterARaise()
    {
        Assert.Equal(AssistEscalation.ReasonRepeatedNegative, AssistEscalation.Decide(Text("negative", 0.8f), Text("negative", 0.75f)));
        Assert.Null(AssistEscalation.Decide(Text("negative", 0.8f), Text("negative", 0.5f)));
        Assert.Null(AssistEscalation.Decide(Text("negative", 0.9f, anger: 0.9f), Text("negative", 0.9f, anger: 0.9f, escalated: true)));
        Assert.Null(AssistEscalation.Decide(Text("neutral", 0.9f), Text("negative", 0.9f)));
    }

    [Theory]
    [InlineData("low", "normal")]
    [InlineData("normal", "high")]
    [InlineData("high", "urgent")]
    [InlineData("urgent", null)]
    public void NextPriority_IsOneStepUp(string from, string? to) => Assert.Equal(to, AssistEscalation.NextPriority(from));
}

/// <summary>The reply check's rules, without the server.</summary>
public sealed class ReplyCheckTests
{
    [Fact]
    public void Check_CurlyApostrophe_IsMatchedAtItsPlaceInTheText()
    {
        const string text = "Hello, we can’t do Monday.";
        var finding = Assert.Single(ReplyCheck.Check(text, "en-US", customerUpset: false).Findings, f => f.Kind == ReplyCheck.NegativeWording);
        Assert.Equal("can’t", finding.Match);
        Assert.Equal(text.IndexOf("can’t", StringComparison.Ordinal), finding.Start);
    }

    [Fact]
    public void Check_WholeWordsOnly_InEnglish() =>
        Assert.DoesNotContain(ReplyCheck.Check("Thanks, that is never-ending fun? No: neverland.", "en-US", false).Findings,
            f => f.Match == "never" && f.Start > 30);

    [Fact]
    public void Check_ShortThanks_NeedsNoConfirmation() => Assert.Empty(ReplyCheck.Check("Thank you!", "en-US", false).Findings);
}
