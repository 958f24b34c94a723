using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Touchpoint.Server.Platform.Data;

namespace Touchpoint.Server.Features.Customers;

/// <summary>
/// One person the organisation serves, whatever channel they come through. Personal fields (name, notes, contact
/// points, identifiers) are masked in every answer unless revealed, and removed by erasure; the statistics fields
/// (value, visits, tier) and the id survive erasure, so reports still add up.
/// </summary>
public sealed class Customer
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>Personal. Null once erased or anonymised.</summary>
    public string? Name { get; set; }
    public string Language { get; set; } = "en-US";
    /// <summary>The branch that created the profile: its staff see the customer before any visit.</summary>
    public Guid? HomeBranchId { get; set; }
    /// <summary>Accessibility and care needs (<see cref="CustomerNeeds"/>): queue priority, announcements, the pad.</summary>
    public List<string> Needs { get; set; } = [];
    public List<string> Tags { get; set; } = [];
    /// <summary>Personal: staff notes may say anything about the person.</summary>
    public string? Notes { get; set; }
    public bool ConsentSurveys { get; set; }
    public bool ConsentMarketing { get; set; }
    /// <summary>What the customer is worth to the organisation (assets, yearly revenue), set by staff or integrations.</summary>
    public double Value { get; set; }
    /// <summary>The manual VIP flag: VIP until this instant.</summary>
    public DateTime? VipUntil { get; set; }
    /// <summary>Computed by the segment recompute from the customer's history (<see cref="CustomerScoring"/>).</summary>
    public string Tier { get; set; } = CustomerTiers.New;
    public string? Rfm { get; set; }
    public DateTime? LastSeenAt { get; set; }
    public int VisitsLastYear { get; set; }
    public string Status { get; set; } = CustomerStatuses.Active;
    /// <summary>Set when this record was merged into another: the survivor holds its history.</summary>
    public Guid? MergedIntoId { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public DateTime UpdatedAt { get; set; } = DateTime.UtcNow;
    public DateTime? ErasedAt { get; set; }

    public bool IsVip(DateTime now) => VipUntil is { } until && until > now;
}

public static class CustomerStatuses
{
    public const string Active = "active";
    public const string Merged = "merged";
    /// <summary>Erased on request: personal data removed, statistics kept.</summary>
    public const string Erased = "erased";
    /// <summary>Anonymised by the retention rule after a long time without activity.</summary>
    public const string Anonymised = "anonymised";
}

public static class CustomerNeeds
{
    public const string Wheelchair = "wheelchair";
    public const string Hearing = "hearing";
    public const string Sight = "sight";
    public const string Elderly = "elderly";
    public const string Interpreter = "interpreter";
    public const string Pregnant = "pregnant";
    public static readonly IReadOnlyList<string> All = [Wheelchair, Hearing, Sight, Elderly, Interpreter, Pregnant];

    /// <summary>The queue priority class a need gives, strongest first; null when none does.</summary>
    public static string? PriorityOf(IEnumerable<string> needs)
    {
        var set = needs.ToHashSet();
        if (set.Contains(Wheelchair) || set.Contains(Sight) || set.Contains(Hearing)) return "disabled";
        if (set.Contains(Pregnant)) return "pregnant";
        return set.Contains(Elderly) ? "elderly" : null;
    }
}

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> b)
    {
        b.ToTable("Customers");
        b.HasIndex(x => x.HomeBranchId);
        b.Property(x => x.Name).HasMaxLength(128);
        b.Property(x => x.Language).HasMaxLength(8);
        b.Property(x => x.Needs).HasJsonConversion();
        b.Property(x => x.Tags).HasJsonConversion();
        b.Property(x => x.Notes).HasMaxLength(2000);
        b.Property(x => x.Tier).HasMaxLength(16);
        b.Property(x => x.Rfm).HasMaxLength(8);
        b.Property(x => x.Status).HasMaxLength(16);
    }
}
