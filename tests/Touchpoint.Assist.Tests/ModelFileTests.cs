using Touchpoint.Assist.Learning;
using Touchpoint.Assist.Models;

namespace Touchpoint.Assist.Tests;

public sealed class ModelFileTests
{
    private static readonly string[] Probes =
    [
        "thank you, very kind", "rude staff and a long wait", "谢谢你们", "服务很差", "감사합니다", "불친절해요", "where is the branch", "",
    ];

    [Fact]
    public void SaveLoad_SentimentModel_PredictsExactlyAsBefore()
    {
        var model = SentimentModel.Train(ClassifierTests.TinySentiment);
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        var loaded = SentimentModel.Load(stream);

        foreach (var probe in Probes)
            Assert.Equal(model.Predict(probe).Probabilities, loaded.Predict(probe).Probabilities);
    }

    [Fact]
    public void SaveLoad_IntentModel_KeepsPredictionsAndThreshold()
    {
        var model = DefaultModels.Intent;
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        var loaded = IntentModel.Load(stream);

        Assert.Equal(model.RejectionThreshold, loaded.RejectionThreshold);
        foreach (var probe in Probes.Concat(["我的卡丢了", "카드를 잃어버렸어요", "what time do you open"]))
            Assert.Equal(model.Classify(probe), loaded.Classify(probe), IntentResultComparer.Instance);
    }

    [Fact]
    public void SaveLoad_TwoViewClassifier_AveragesTheSameViewsAfterLoading()
    {
        var views = new[] { Text.FeatureOptions.Default, Text.FeatureOptions.Default with { AlphabeticCharMax = 0, HanCharMax = 2 } };
        var model = SentimentModel.Train(ClassifierTests.TinySentiment, new ClassifierSettings(views, new TrainingOptions()));
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        var loaded = SentimentModel.Load(stream);

        Assert.Equal(2, loaded.Classifier.Views.Count);
        foreach (var probe in Probes)
            Assert.Equal(model.Predict(probe).Probabilities, loaded.Predict(probe).Probabilities);
    }

    [Fact]
    public void Save_DefaultModels_StayWellUnderTwentyMegabytes()
    {
        using var stream = new MemoryStream();
        DefaultModels.Intent.Save(stream);
        DefaultModels.Sentiment.Save(stream);
        Assert.InRange(stream.Length, 1, 20_000_000);
    }

    [Fact]
    public void Load_OtherKindOrDamagedFile_FailsWithAClearMessage()
    {
        using var stream = new MemoryStream();
        SentimentModel.Train(ClassifierTests.TinySentiment).Save(stream);
        var bytes = stream.ToArray();

        var wrongKind = Assert.Throws<InvalidDataException>(() => IntentModel.Load(new MemoryStream(bytes)));
        Assert.Contains("Sentiment", wrongKind.Message);
        var truncated = Assert.Throws<InvalidDataException>(() => SentimentModel.Load(new MemoryStream(bytes[..(bytes.Length / 2)])));
        Assert.Contains("truncated", truncated.Message);
        var notAModel = Assert.Throws<InvalidDataException>(() => SentimentModel.Load(new MemoryStream("label\ttext\n"u8.ToArray())));
        Assert.Contains("magic", notAModel.Message);
    }

    private sealed class IntentResultComparer : IEqualityComparer<IntentResult>
    {
        public static readonly IntentResultComparer Instance = new();
        public bool Equals(IntentResult? x, IntentResult? y) =>
            x!.Intent == y!.Intent && x.Confidence == y.Confidence && x.IsOutOfScope == y.IsOutOfScope && x.Alternatives.SequenceEqual(y.Alternatives);
        public int GetHashCode(IntentResult obj) => obj.Intent.GetHashCode();
    }
}
