using Touchpoint.Assist.Learning;
using Touchpoint.Assist.Models;

namespace Touchpoint.Assist.Tests;

public sealed class IntentTests
{
    [Theory]
    [InlineData("I think I lost my bank card", "lost_card")]
    [InlineData("我的银行卡找不到了", "lost_card")]
    [InlineData("卡片不見了，請幫我掛失", "lost_card")]
    [InlineData("카드를 분실했어요", "lost_card")]
    [InlineData("what time do you close today", "opening_hours")]
    [InlineData("我想预约下周一", "book_appointment")]
    [InlineData("請幫我轉真人客服", "speak_to_person")]
    [InlineData("상담원 연결 부탁드려요", "speak_to_person")]
    public void Classify_DefaultModel_FindsServiceIntentsInEachLanguage(string text, string intent)
    {
        var result = DefaultModels.Intent.Classify(text);

        Assert.Equal(intent, result.Intent);
        Assert.False(result.IsOutOfScope);
    }

    [Theory]
    [InlineData("What's the weather like in Paris tomorrow?")]
    [InlineData("给我讲个笑话")]
    [InlineData("오늘 야구 경기 누가 이겼어?")]
    public void Classify_DefaultModel_RejectsMessagesOutsideTheTaxonomy(string text)
    {
        var result = DefaultModels.Intent.Classify(text);

        Assert.True(result.IsOutOfScope, $"{text} → {result.BestIntent} ({result.Confidence:F2})");
        Assert.Equal(OutOfScope.Label, result.Intent);
    }

    [Fact]
    public void Train_WithoutOutOfScopeExamples_RejectsOnlyByConfidence()
    {
        var examples = new List<LabelledText>();
        foreach (var (intent, words) in new[] { ("lost_card", "lost card stolen missing"), ("fees", "fee charge cost price"), ("hours", "open close hours time") })
            foreach (var word in words.Split(' '))
                for (int i = 0; i < 4; i++) examples.Add(new LabelledText(intent, $"{word} question number {i} about {word}"));
        var model = IntentModel.Train(examples);

        Assert.Equal("lost_card", model.Classify("my card was stolen").Intent);
        Assert.DoesNotContain(model.Classifier.Labels, l => l == OutOfScope.Label);
    }

    [Fact]
    public void Classify_UnderTheThreshold_IsRejectedButKeepsTheBestGuess()
    {
        var model = new IntentModel(DefaultModels.Intent.Classifier, rejectionThreshold: 1.01f);

        var result = model.Classify("I lost my card");

        Assert.True(result.IsOutOfScope);
        Assert.Equal("lost_card", result.BestIntent);
        Assert.Equal(3, result.Alternatives.Count);
    }

    [Fact]
    public void Metrics_ClincRules_CountRejectedInScopeAsWrongAndMeasureRecall()
    {
        string[] gold = ["a", "a", "b", "oos", "oos"];
        string[] predicted = ["a", "oos", "b", "oos", "b"];

        var metrics = ClassificationMetrics.Compute(gold, predicted, outOfScopeRules: true);

        Assert.Equal(2.0 / 3, metrics.Accuracy, 6); // in scope: a right, a rejected, b right
        Assert.Equal(0.5, metrics.OutOfScopeRecall!.Value, 6);
        Assert.Equal(3, metrics.InScopeCount);
    }
}
