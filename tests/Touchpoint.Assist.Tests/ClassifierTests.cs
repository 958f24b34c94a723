using Touchpoint.Assist.Learning;
using Touchpoint.Assist.Models;

namespace Touchpoint.Assist.Tests;

public sealed class ClassifierTests
{
    internal static readonly LabelledText[] TinySentiment =
    [
        new("positive", "thank you, great service"), new("positive", "very helpful and friendly staff"), new("positive", "excellent, quick and kind"),
        new("positive", "谢谢，服务很好"), new("positive", "工作人员很热情"), new("positive", "친절해서 좋았어요"),
        new("negative", "terrible service, rude staff"), new("negative", "waited two hours, awful"), new("negative", "the worst branch ever"),
        new("negative", "服务太差了"), new("negative", "等了两个小时，很生气"), new("negative", "직원이 불친절해요"),
    ];

    [Fact]
    public void Train_TinySentimentSet_PredictsUnseenTextsOfEachLanguage()
    {
        var model = SentimentModel.Train(TinySentiment);

        Assert.Equal("positive", model.Predict("great, thank you so much").Label);
        Assert.Equal("negative", model.Predict("rude and awful").Label);
        Assert.Equal("positive", model.Predict("服务很好，谢谢").Label);
        Assert.Equal("negative", model.Predict("太差了，生气").Label);
        Assert.Equal("negative", model.Predict("너무 불친절해요").Label);
    }

    [Fact]
    public void Predict_Probabilities_SumToOneAndConfidenceIsTheLargest()
    {
        var prediction = SentimentModel.Train(TinySentiment).Predict("thank you");

        Assert.Equal(1f, prediction.Probabilities.Sum(), 3);
        Assert.Equal(prediction.Probabilities.Max(), prediction.Confidence);
    }

    [Fact]
    public void Train_SameDataTwice_GivesIdenticalWeights()
    {
        var first = SentimentModel.Train(TinySentiment).Classifier.Views[0].Model;
        var second = SentimentModel.Train(TinySentiment).Classifier.Views[0].Model;

        Assert.Equal(first.Weights, second.Weights);
        Assert.Equal(first.Bias, second.Bias);
    }

    [Fact]
    public void Train_NoExamples_Throws() =>
        Assert.Throws<ArgumentException>(() => SentimentModel.Train([]));
}
