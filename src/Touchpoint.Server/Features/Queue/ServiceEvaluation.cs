using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Touchpoint.Server.Platform.Data;

namespace Touchpoint.Server.Features.Queue;

/// <summary>
/// The evaluation pad's question for one completed ticket. The server creates it when service completes (staff can
/// neither trigger nor skip it); the pad may answer once, within the window. No answer in time = unrated, and the
/// unrated share is reported per staff member, so ratings cannot be gamed by asking only happy customers.
/// </summary>
public sealed class ServiceEvaluation
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TicketId { get; set; }
    public Guid BranchId { get; set; }
    public Guid CounterId { get; set; }
    public Guid? StaffUserId { get; set; }
    public Guid ServiceTypeId { get; set; }
    public required string Language { get; set; }
    public DateTime PromptedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public string? Rating { get; set; }
    public List<string> Reasons { get; set; } = [];
    public DateTime? RatedAt { get; set; }
}

public static class EvaluationRatings
{
    public const string VerySatisfied = "verySatisfied";
    public const string Satisfied = "satisfied";
    public const string Dissatisfied = "dissatisfied";
    public static readonly IReadOnlyList<string> All = [VerySatisfied, Satisfied, Dissatisfied];
    /// <summary>Reasons the pad offers on dissatisfaction; the feedback module makes them configurable.</summary>
    public static readonly IReadOnlyList<string> Reasons = ["waitTooLong", "attitude", "notResolved", "tooSlow", "unclear", "other"];
}

internal sealed class ServiceEvaluationConfiguration : IEntityTypeConfiguration<ServiceEvaluation>
{
    public void Configure(EntityTypeBuilder<ServiceEvaluation> b)
    {
        b.ToTable("ServiceEvaluations");
        b.HasIndex(x => x.TicketId).IsUnique();
        b.HasIndex(x => new { x.BranchId, x.PromptedAt });
        b.Property(x => x.Language).HasMaxLength(8);
        b.Property(x => x.Rating).HasMaxLength(16);
        b.Property(x => x.Reasons).HasJsonConversion();
    }
}
