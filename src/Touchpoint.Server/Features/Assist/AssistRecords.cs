using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Localization;

namespace Touchpoint.Server.Features.Assist;

/// <summary>What kind of record a customer's text belongs to.</summary>
public static class AssistOwners
{
    /// <summary>A case's description (what the customer asked when it was opened).</summary>
    public const string Case = "case";
    /// <summary>An inbound public case message (email, chat, messaging).</summary>
    public const string Message = "message";
    /// <summary>An encounter's summary.</summary>
    public const string Encounter = "encounter";
    /// <summary>A survey answer's free-text comment.</summary>
    public const string SurveyComment = "survey";
    public static readonly IReadOnlyList<string> All = [Case, Message, Encounter, SurveyComment];
}

/// <summary>
/// Sentiment, emotions and intent of one customer text, keyed by the text's owner. The row is written pending in the
/// same transaction as the text (so none is lost) and filled in by <see cref="AssistQueue"/>. Staff corrections are kept
/// beside the prediction, which stays as the model said it.
/// </summary>
public sealed class TextAnalysis
{
    public required string OwnerKind { get; set; }
    public Guid OwnerId { get; set; }
    /// <summary>The case the text belongs to (escalation and the case screen read by it); null for encounters without a case.</summary>
    public Guid? CaseId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? AnalysedAt { get; set; }
    /// <summary>Claim of a worker on one node, so with several nodes each text is analysed once.</summary>
    public DateTime? LeasedUntil { get; set; }
    public Guid? LeaseToken { get; set; }
    public string? Language { get; set; }
    public string? Sentiment { get; set; }
    public float SentimentConfidence { get; set; }
    /// <summary>Emotion (anger, anxiety, disappointment, satisfaction) → strength from 0.3 to 1.</summary>
    public Dictionary<string, float> Emotions { get; set; } = [];
    /// <summary>An intent key of the taxonomy, or <c>oos</c> when the text matches none.</summary>
    public string? Intent { get; set; }
    public float IntentConfidence { get; set; }
    /// <summary>The nearest intent even when rejected as out of scope, for staff.</summary>
    public string? BestIntent { get; set; }
    public string? CorrectedSentiment { get; set; }
    public string? CorrectedIntent { get; set; }
    /// <summary>This text raised the case's priority (so the next angry message does not raise it again at once).</summary>
    public bool Escalated { get; set; }
    public string? EscalationReason { get; set; }

    public bool IsPending => AnalysedAt is null;
    public string? EffectiveSentiment => CorrectedSentiment ?? Sentiment;
}

/// <summary>An intent of the organisation's taxonomy: its names, and where a case with this intent goes.</summary>
public sealed class AssistIntent
{
    /// <summary>The label the model predicts (lower-case, letters, digits and underscores).</summary>
    public required string Key { get; set; }
    public required LocalizedText Name { get; set; }
    public string? RouteTeam { get; set; }
    public string? RouteCategory { get; set; }
    /// <summary>A queue service code, for channels that queue (chat); cases do not use it.</summary>
    public string? RouteService { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public static class AssistTasks
{
    public const string Sentiment = "sentiment";
    public const string Intent = "intent";
}

public static class AssistExampleSources
{
    /// <summary>Written in the taxonomy by an administrator.</summary>
    public const string Taxonomy = "taxonomy";
    /// <summary>A member of staff relabelled a message.</summary>
    public const string Correction = "correction";
}

/// <summary>A labelled text the organisation's models are trained on, beside the built-in examples.</summary>
public sealed class AssistExample
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Task { get; set; }
    public required string Label { get; set; }
    public required string Text { get; set; }
    public required string Source { get; set; }
    public string? OwnerKind { get; set; }
    public Guid? OwnerId { get; set; }
    public Guid? CreatedById { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>The organisation's trained model for one task, as a model file (see Touchpoint.Assist ModelFile).</summary>
public sealed class AssistModelRecord
{
    public required string Task { get; set; }
    public required byte[] Data { get; set; }
    /// <summary>Incremented at every training, so other nodes notice and reload.</summary>
    public long Version { get; set; }
    public int Examples { get; set; }
    public DateTime TrainedAt { get; set; }
}

internal sealed class TextAnalysisConfiguration : IEntityTypeConfiguration<TextAnalysis>
{
    public void Configure(EntityTypeBuilder<TextAnalysis> b)
    {
        b.ToTable("AssistAnalyses");
        b.HasKey(x => new { x.OwnerKind, x.OwnerId });
        b.HasIndex(x => new { x.CaseId, x.CreatedAt });
        b.HasIndex(x => new { x.AnalysedAt, x.CreatedAt });
        b.Property(x => x.OwnerKind).HasMaxLength(16);
        b.Property(x => x.Language).HasMaxLength(16);
        b.Property(x => x.Sentiment).HasMaxLength(16);
        b.Property(x => x.Emotions).HasJsonConversion();
        b.Property(x => x.Intent).HasMaxLength(64);
        b.Property(x => x.BestIntent).HasMaxLength(64);
        b.Property(x => x.CorrectedSentiment).HasMaxLength(16);
        b.Property(x => x.CorrectedIntent).HasMaxLength(64);
        b.Property(x => x.EscalationReason).HasMaxLength(32);
        b.Ignore(x => x.IsPending);
        b.Ignore(x => x.EffectiveSentiment);
    }
}

internal sealed class AssistIntentConfiguration : IEntityTypeConfiguration<AssistIntent>
{
    public void Configure(EntityTypeBuilder<AssistIntent> b)
    {
        b.ToTable("AssistIntents");
        b.HasKey(x => x.Key);
        b.Property(x => x.Key).HasMaxLength(64);
        b.Property(x => x.Name).HasLocalizedTextConversion();
        b.Property(x => x.RouteTeam).HasMaxLength(64);
        b.Property(x => x.RouteCategory).HasMaxLength(64);
        b.Property(x => x.RouteService).HasMaxLength(32);
    }
}

internal sealed class AssistExampleConfiguration : IEntityTypeConfiguration<AssistExample>
{
    public void Configure(EntityTypeBuilder<AssistExample> b)
    {
        b.ToTable("AssistExamples");
        b.HasIndex(x => new { x.Task, x.Label });
        b.Property(x => x.Task).HasMaxLength(16);
        b.Property(x => x.Label).HasMaxLength(64);
        b.Property(x => x.Source).HasMaxLength(16);
        b.Property(x => x.OwnerKind).HasMaxLength(16);
    }
}

internal sealed class AssistModelRecordConfiguration : IEntityTypeConfiguration<AssistModelRecord>
{
    public void Configure(EntityTypeBuilder<AssistModelRecord> b)
    {
        b.ToTable("AssistModels");
        b.HasKey(x => x.Task);
        b.Property(x => x.Task).HasMaxLength(16);
    }
}
