using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Localization;

namespace Touchpoint.Server.Features.Feedback;

/// <summary>
/// A survey: an ordered list of questions with their texts in the four languages. The designer edits templates;
/// invitations keep the template they were made with, and answers keep the question id, so a template may change
/// without rewriting what customers already said.
/// </summary>
public sealed class SurveyTemplate
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Code { get; set; }
    public required LocalizedText Name { get; set; }
    public List<SurveyQuestion> Questions { get; set; } = [];
    public bool IsActive { get; set; } = true;
    public DateTime UpdatedAt { get; set; } = DateTime.UtcNow;
}

public sealed class SurveyQuestion
{
    /// <summary>Stable within the template ("csat", "nps", "reasons"): answers and reports refer to it.</summary>
    public string Id { get; set; } = "";
    public string Type { get; set; } = QuestionTypes.Csat;
    public LocalizedText Text { get; set; } = new();
    /// <summary>CSAT only: 3 (the pad's three faces) or 5 points.</summary>
    public int? Scale { get; set; }
    /// <summary>Choice only: the reasons offered.</summary>
    public List<SurveyOption>? Options { get; set; }
    /// <summary>Choice only: several options may be picked.</summary>
    public bool Multiple { get; set; }
}

public sealed class SurveyOption
{
    public string Code { get; set; } = "";
    public LocalizedText Text { get; set; } = new();
}

public static class QuestionTypes
{
    public const string Csat = "csat";
    public const string Nps = "nps";
    public const string Effort = "effort";
    public const string Choice = "choice";
    public const string Text = "text";
    public static readonly IReadOnlyList<string> All = [Csat, Nps, Effort, Choice, Text];

    /// <summary>The lowest and highest score a scale question takes; null for choice and text.</summary>
    public static (int Min, int Max)? Range(SurveyQuestion q) => q.Type switch
    {
        Csat => (1, q.Scale == 3 ? 3 : 5),
        Nps => (0, 10),
        Effort => (1, 5),
        _ => null,
    };

    /// <summary>
    /// Dissatisfaction that reaches a supervisor: the lowest CSAT face (or 1-2 of 5), an NPS detractor at 0-6, or a
    /// customer who found it very hard (effort 1-2 of 5, where 5 is very easy).
    /// </summary>
    public static bool IsDissatisfied(string type, int score, int max) => type switch
    {
        Csat => max == 3 ? score <= 1 : score <= 2,
        Nps => score <= 6,
        Effort => score <= 2,
        _ => false,
    };
}

internal sealed class SurveyTemplateConfiguration : IEntityTypeConfiguration<SurveyTemplate>
{
    public void Configure(EntityTypeBuilder<SurveyTemplate> b)
    {
        b.ToTable("SurveyTemplates");
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Code).HasMaxLength(32);
        b.Property(x => x.Name).HasLocalizedTextConversion();
        b.Property(x => x.Questions).HasJsonConversion();
    }
}
