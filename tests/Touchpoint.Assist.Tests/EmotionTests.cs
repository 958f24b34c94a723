using Touchpoint.Assist.Emotions;
using Touchpoint.Assist.Models;

namespace Touchpoint.Assist.Tests;

public sealed class EmotionTests
{
    [Theory]
    [InlineData("I have been waiting for two hours, this is unacceptable and I'm furious!", Emotion.Anger)]
    [InlineData("等了两个小时还没轮到我，气死我了", Emotion.Anger)]
    [InlineData("櫃檯人員態度很差，太過分了", Emotion.Anger)]
    [InlineData("직원이 너무 불친절해서 화나요", Emotion.Anger)]
    [InlineData("I'm really worried, money left my account and I don't know why", Emotion.Anxiety)]
    [InlineData("账户的钱被扣了，我很担心", Emotion.Anxiety)]
    [InlineData("카드를 도난당했어요 너무 불안해요", Emotion.Anxiety)]
    [InlineData("You promised to call back and didn't. Very disappointed.", Emotion.Disappointment)]
    [InlineData("說好會回電結果沒有，很失望", Emotion.Disappointment)]
    [InlineData("Thank you so much, the staff were very helpful", Emotion.Satisfaction)]
    [InlineData("谢谢，服务很满意", Emotion.Satisfaction)]
    [InlineData("친절하게 도와주셔서 감사합니다", Emotion.Satisfaction)]
    public void Analyse_DefaultModel_FindsTheLeadingEmotion(string text, Emotion expected)
    {
        var result = DefaultModels.Sentiment.Analyse(text);

        Assert.NotEmpty(result.Emotions);
        Assert.Equal(expected, result.Emotions[0].Emotion);
        Assert.NotEmpty(result.Emotions[0].Cues);
    }

    [Theory]
    [InlineData("I am not happy with this at all")]
    [InlineData("我对处理结果不太满意")]
    [InlineData("처리 결과에 만족하지 못해요")]
    public void Analyse_NegatedSatisfaction_ReadsAsDisappointment(string text)
    {
        var emotions = DefaultModels.Sentiment.Analyse(text).Emotions;

        Assert.Contains(emotions, e => e.Emotion == Emotion.Disappointment);
        Assert.DoesNotContain(emotions, e => e.Emotion == Emotion.Satisfaction);
    }

    [Theory]
    [InlineData("Don't worry, I found the card at home")]
    [InlineData("不用担心，卡找到了")]
    public void Analyse_NegatedWorry_IsNoAnxiety(string text) =>
        Assert.DoesNotContain(DefaultModels.Sentiment.Analyse(text).Emotions, e => e.Emotion == Emotion.Anxiety);

    [Fact]
    public void Analyse_PlainQuestion_HasNoEmotionAndItsLanguage()
    {
        var result = DefaultModels.Sentiment.Analyse("請問週六幾點開門？");

        Assert.Empty(result.Emotions);
        Assert.Equal("zh-Hant", result.Language);
    }

    [Fact]
    public void Detect_EnglishCue_MatchesWholeWordsOnly()
    {
        var detector = new EmotionDetector(new EmotionLexicon([new EmotionCue("en", Emotion.Anger, "mad", 2)]));

        Assert.Empty(detector.Detect("I made a payment", 1f, 0f));
        Assert.Single(detector.Detect("I am mad", 1f, 0f));
    }

    [Fact]
    public void Detect_SameCues_ScoreHigherInANegativeText()
    {
        var detector = new EmotionDetector(EmotionLexicon.BuiltIn);

        var inNegative = detector.Detect("this is ridiculous", negativeProbability: 0.95f, positiveProbability: 0.02f);
        var inPositive = detector.Detect("this is ridiculous", negativeProbability: 0.1f, positiveProbability: 0.9f);

        Assert.True(inNegative.Single().Score > (inPositive.SingleOrDefault()?.Score ?? 0));
    }
}
