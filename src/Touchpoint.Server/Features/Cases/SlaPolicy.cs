using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Touchpoint.Server.Features.Cases;

/// <summary>
/// Service-level targets for cases of one priority, optionally narrowed to a category, a customer segment and a branch.
/// Minutes are working minutes of the branch's calendar. The most specific matching policy wins.
/// </summary>
public sealed class SlaPolicy
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid? BranchId { get; set; }
    public required string Priority { get; set; }
    public string? Category { get; set; }
    public string? Segment { get; set; }
    public int FirstResponseMinutes { get; set; }
    public int NextResponseMinutes { get; set; }
    public int ResolutionMinutes { get; set; }
    /// <summary>Warn when this share of a target's working time has passed (0.75 = a quarter left).</summary>
    public int WarnAtPercent { get; set; } = 75;

    public int Specificity => (BranchId is null ? 0 : 4) + (Category is null ? 0 : 2) + (Segment is null ? 0 : 1);

    public bool Matches(Guid branchId, string priority, string? category, string? segment) =>
        Priority == priority
        && (BranchId is null || BranchId == branchId)
        && (Category is null || string.Equals(Category, category, StringComparison.OrdinalIgnoreCase))
        && (Segment is null || string.Equals(Segment, segment, StringComparison.OrdinalIgnoreCase));

    /// <summary>Used when no stored policy matches: sensible help-desk targets in working time.</summary>
    public static SlaPolicy Default(string priority) => priority switch
    {
        CasePriorities.Urgent => new SlaPolicy { Priority = priority, FirstResponseMinutes = 30, NextResponseMinutes = 60, ResolutionMinutes = 4 * 60 },
        CasePriorities.High => new SlaPolicy { Priority = priority, FirstResponseMinutes = 60, NextResponseMinutes = 2 * 60, ResolutionMinutes = 8 * 60 },
        CasePriorities.Low => new SlaPolicy { Priority = priority, FirstResponseMinutes = 8 * 60, NextResponseMinutes = 16 * 60, ResolutionMinutes = 40 * 60 },
        _ => new SlaPolicy { Priority = priority, FirstResponseMinutes = 4 * 60, NextResponseMinutes = 8 * 60, ResolutionMinutes = 24 * 60 },
    };

    public static SlaPolicy Choose(IEnumerable<SlaPolicy> policies, Guid branchId, string priority, string? category, string? segment) =>
        policies.Where(p => p.Matches(branchId, priority, category, segment)).OrderByDescending(p => p.Specificity).FirstOrDefault()
        ?? Default(priority);
}

internal sealed class SlaPolicyConfiguration : IEntityTypeConfiguration<SlaPolicy>
{
    public void Configure(EntityTypeBuilder<SlaPolicy> b)
    {
        b.ToTable("SlaPolicies");
        b.Property(x => x.Priority).HasMaxLength(16);
        b.Property(x => x.Category).HasMaxLength(64);
        b.Property(x => x.Segment).HasMaxLength(32);
        b.Ignore(x => x.Specificity);
    }
}
