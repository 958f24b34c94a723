using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Localization;

namespace Touchpoint.Server.Features.Customers;

/// <summary>
/// A group of customers defined by rules (客户分层), carrying service policies other modules read: the queue priority
/// class, the SLA policy of cases, survey eligibility. Membership is recomputed, never edited, and its history kept.
/// </summary>
public sealed class CustomerSegment
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Code { get; set; }
    public required LocalizedText Name { get; set; }
    public SegmentRules Rules { get; set; } = new();
    public SegmentPolicy Policy { get; set; } = new();
    /// <summary>When segments disagree on a policy, the higher rank wins.</summary>
    public int Rank { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
}

/// <summary>Every condition given must hold; a list matches when the customer has any of its entries.</summary>
public sealed class SegmentRules
{
    public double? MinValue { get; set; }
    public int? MinVisitsLastYear { get; set; }
    /// <summary>Recency: seen within this many days.</summary>
    public int? SeenWithinDays { get; set; }
    /// <summary>Lapsed: not seen for at least this many days (never seen counts as lapsed).</summary>
    public int? NotSeenForDays { get; set; }
    public List<string>? AnyTags { get; set; }
    public List<string>? AnyTiers { get; set; }
    public List<string>? AnyNeeds { get; set; }
    public bool? Vip { get; set; }
}

public sealed class SegmentPolicy
{
    /// <summary>A queue priority class (vip, elderly, disabled, pregnant) tickets of members get unless staff choose otherwise.</summary>
    public string? QueuePriority { get; set; }
    /// <summary>The name of an SLA policy the cases module applies.</summary>
    public string? SlaPolicy { get; set; }
    /// <summary>False keeps members out of surveys (for example during a complaint).</summary>
    public bool? SurveyEligible { get; set; }
}

/// <summary>One stretch of a customer's membership of a segment: open while Until is null.</summary>
public sealed class CustomerSegmentMembership
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SegmentId { get; set; }
    public Guid CustomerId { get; set; }
    public DateTime Since { get; set; }
    public DateTime? Until { get; set; }
}

internal sealed class CustomerSegmentConfiguration : IEntityTypeConfiguration<CustomerSegment>
{
    public void Configure(EntityTypeBuilder<CustomerSegment> b)
    {
        b.ToTable("CustomerSegments");
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Code).HasMaxLength(32);
        b.Property(x => x.Name).HasLocalizedTextConversion();
        b.Property(x => x.Rules).HasJsonConversion();
        b.Property(x => x.Policy).HasJsonConversion();
    }
}

internal sealed class CustomerSegmentMembershipConfiguration : IEntityTypeConfiguration<CustomerSegmentMembership>
{
    public void Configure(EntityTypeBuilder<CustomerSegmentMembership> b)
    {
        b.ToTable("CustomerSegmentMemberships");
        b.HasIndex(x => new { x.CustomerId, x.Until });
        b.HasIndex(x => new { x.SegmentId, x.Until });
        b.HasIndex(x => new { x.CustomerId, x.SegmentId }, Platform.Data.Migrations.M0013_OneOpenMembership.IndexName)
            .IsUnique().HasFilter(Platform.Data.Migrations.M0013_OneOpenMembership.Filter);
    }
}
