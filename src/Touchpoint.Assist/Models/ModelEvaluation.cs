using System.Diagnostics;
using Touchpoint.Assist.Learning;

namespace Touchpoint.Assist.Models;

public enum AssistTask
{
    Sentiment,
    Intent,
}

/// <summary>What <see cref="ModelEvaluation.TrainAndEvaluate"/> measured; accuracy follows the CLINC150 rules for intent (see <see cref="ClassificationMetrics"/>).</summary>
public sealed record EvaluationReport(
    AssistTask Task,
    int TrainCount,
    ClassificationMetrics Metrics,
    double TrainSeconds,
    double PredictionsPerSecond,
    long ModelBytes,
    float? RejectionThreshold);

/// <summary>Train on one set, measure on another: the work behind `assist eval` and the bench.</summary>
public static class ModelEvaluation
{
    /// <summary>A trained model of either task, behind one interface for training, saving and measuring.</summary>
    public sealed class TrainedModel
    {
        private readonly SentimentModel? sentiment;
        private readonly IntentModel? intent;

        public TrainedModel(SentimentModel model) => sentiment = model;
        public TrainedModel(IntentModel model) => intent = model;

        public float? RejectionThreshold => intent?.RejectionThreshold;

        /// <summary>The label as evaluated: for intent, <c>oos</c> when rejected.</summary>
        public string PredictLabel(string text) => sentiment?.Predict(text).Label ?? intent!.Classify(text).Intent;

        public void Save(Stream stream)
        {
            if (sentiment is not null) sentiment.Save(stream);
            else intent!.Save(stream);
        }

        public long SizeInBytes()
        {
            using var counter = new MemoryStream();
            Save(counter);
            return counter.Length;
        }
    }

    public static TrainedModel Train(AssistTask task, IReadOnlyList<LabelledText> examples) => task switch
    {
        AssistTask.Sentiment => new TrainedModel(SentimentModel.Train(examples)),
        _ => new TrainedModel(IntentModel.Train(examples)),
    };

    public static EvaluationReport TrainAndEvaluate(AssistTask task, IReadOnlyList<LabelledText> train, IReadOnlyList<LabelledText> test)
    {
        var clock = Stopwatch.StartNew();
        var model = Train(task, train);
        double trainSeconds = clock.Elapsed.TotalSeconds;
        var (metrics, perSecond) = Evaluate(task, model, test);
        return new EvaluationReport(task, train.Count, metrics, trainSeconds, perSecond, model.SizeInBytes(), model.RejectionThreshold);
    }

    /// <summary>Predicts every test text on the calling thread (one core), after a short warm-up so that compilation is not timed.</summary>
    public static (ClassificationMetrics Metrics, double PredictionsPerSecond) Evaluate(AssistTask task, TrainedModel model, IReadOnlyList<LabelledText> test)
    {
        foreach (var example in test.Take(50)) model.PredictLabel(example.Text);
        var predicted = new string[test.Count];
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < test.Count; i++) predicted[i] = model.PredictLabel(test[i].Text);
        double seconds = clock.Elapsed.TotalSeconds;
        var metrics = ClassificationMetrics.Compute(test.Select(t => t.Label).ToList(), predicted, outOfScopeRules: task == AssistTask.Intent);
        return (metrics, seconds > 0 ? test.Count / seconds : 0);
    }
}
