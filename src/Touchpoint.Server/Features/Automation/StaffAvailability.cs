using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Touchpoint.Server.Platform.Data;

namespace Touchpoint.Server.Features.Automation;

/// <summary>
/// What auto-assignment knows of a staff member: skills (case categories and languages), how many open cases they
/// carry at most, whether they are available now, and when they last got one (the round-robin order, kept in the
/// database so a restart keeps it fair).
/// </summary>
public sealed class StaffAvailability
{
    public Guid UserId { get; set; }
    public List<string> Skills { get; set; } = [];
    public int Capacity { get; set; } = 10;
    public bool IsAvailable { get; set; }
    public DateTime ChangedAt { get; set; }
    public DateTime? LastAssignedAt { get; set; }
}

/// <summary>A branch's auto-assignment switch; its row is also the lock that lets one assignment at a time choose.</summary>
public sealed class AutoAssignPool
{
    public Guid BranchId { get; set; }
    public bool Enabled { get; set; }
    /// <summary>Counts assignments; bumping it takes the row lock on PostgreSQL.</summary>
    public long Turn { get; set; }
}

internal sealed class StaffAvailabilityConfiguration : IEntityTypeConfiguration<StaffAvailability>
{
    public void Configure(EntityTypeBuilder<StaffAvailability> b)
    {
        b.ToTable("StaffAvailability");
        b.HasKey(x => x.UserId);
        b.Property(x => x.Skills).HasJsonConversion();
    }
}

internal sealed class AutoAssignPoolConfiguration : IEntityTypeConfiguration<AutoAssignPool>
{
    public void Configure(EntityTypeBuilder<AutoAssignPool> b)
    {
        b.ToTable("AutoAssignPools");
        b.HasKey(x => x.BranchId);
    }
}
