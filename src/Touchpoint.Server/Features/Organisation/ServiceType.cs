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
    }
}
