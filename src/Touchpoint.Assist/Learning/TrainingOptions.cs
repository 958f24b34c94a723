namespace Touchpoint.Assist.Learning;

/// <summary>Settings of the training of a <see cref="SoftmaxRegression"/> and of the feature weighting before it.</summary>
public sealed record TrainingOptions
{
    public int Epochs { get; init; } = 8;
    /// <summary>Starting step size; it falls linearly to zero over the epochs, which settles the weights without a tuned schedule.</summary>
    public float LearningRate { get; init; } = 0.5f;
    /// <summary>L2 penalty per example step; larger values trust rare features less.</summary>
    public float L2 { get; init; } = 1e-5f;
    /// <summary>Features seen in fewer training texts are dropped: they cannot generalise and only grow the model.</summary>
    public int MinDocumentFrequency { get; init; } = 1;
    /// <summary>
    /// Size budget of one view, in weights (rows × classes, 2 bytes each in the file): when the vocabulary would exceed
    /// it, the minimum document frequency is raised until it fits. 6 million keeps a 150-intent model near 12 MB.
    /// </summary>
    public long MaxWeightsPerView { get; init; } = 6_000_000;
    /// <summary>
    /// 0 turns it off. Otherwise each feature's value is multiplied by (its largest naive-Bayes log-count ratio between a
    /// class and the rest)^strength, as in NBSVM (Wang and Manning, 2012): words that separate the classes in the counts
    /// start with more weight, which helps most on small, sentiment-like sets.
    /// </summary>
    public float NaiveBayesStrength { get; init; } = 0f;
    public int Seed { get; init; } = 20261122;
}
