using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Localization;

namespace Touchpoint.Server.Features.Organisation;

/// <summary>A service a branch offers at its counters (个人业务, 对公业务 ...); its prefix starts its ticket numbers (A001).</summary>
public sealed class ServiceType
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid BranchId { get; set; }
    public required string Code { get; set; }
    public required LocalizedText Name { get; set; }
    public required string Prefix { get; set; }
    /// <summary>Most tickets issued per business day; null = no cap.</summary>
    public int? DailyCap { get; set; }
    /// <summary>Branch-local HH:mm window in which tickets are issued; null = whenever asked.</summary>
    public string? IssuingStart { get; set; }
    public string? IssuingEnd { get; set; }
    /// <summary>The waiting-time target routing and the service level are measured against.</summary>
    public int TargetWaitMinutes { get; set; } = 15;
    /// <summary>Used for wait estimates until the day has its own completed tickets.</summary>
    public int AverageServiceMinutes { get; set; } = 5;
}

internal sealed class ServiceTypeConfiguration : IEntityTypeConfiguration<ServiceType>
{
    public void Configure(EntityTypeBuilder<ServiceType> b)
    {
        b.ToTable("Services");
        b.HasIndex(x => new { x.BranchId, x.Code }).IsUnique();
        b.Property(x => x.Code).HasMaxLength(32);
        b.Property(x => x.Prefix).HasMaxLength(3);
        b.Property(x => x.Name).HasLocalizedTextConversion();
        b.Property(x => x.IssuingStart).HasMaxLength(5);
        b.Property(x => x.IssuingEnd).HasMaxLength(5);
        b.Property(x => x.TargetWaitMinutes).HasDefaultValue(15);
        b.Property(x => x.AverageServiceMinutes).HasDefaultValue(5);
    }
}
