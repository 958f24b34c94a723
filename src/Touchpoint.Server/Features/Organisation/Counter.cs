using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Localization;

namespace Touchpoint.Server.Features.Organisation;

/// <summary>A counter (窗口 / 창구) of a branch, serving a set of services with weights (its skills).</summary>
public sealed class Counter
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid BranchId { get; set; }
    public int Number { get; set; }
    public LocalizedText? Name { get; set; }
    public string State { get; set; } = CounterStates.Closed;
    /// <summary>Why a paused counter is paused: break, backOffice, training.</summary>
    public string? PauseReason { get; set; }
    /// <summary>The staff member signed in at the counter, who serves what it calls.</summary>
    public Guid? StaffUserId { get; set; }
    /// <summary>Priority tickets called in a row, so that priority interleaves with normal tickets instead of starving them.</summary>
    public int PriorityStreak { get; set; }
    public List<CounterService> Services { get; set; } = [];
}

public static class CounterStates
{
    public const string Open = "open";
    public const string Paused = "paused";
    public const string Closed = "closed";
}

/// <summary>A service a counter takes, with the weight routing gives it (higher = preferred).</summary>
public sealed class CounterService
{
    public Guid CounterId { get; set; }
    public Guid ServiceTypeId { get; set; }
    public int Weight { get; set; } = 1;
    public ServiceType? ServiceType { get; set; }
}

internal sealed class CounterConfiguration : IEntityTypeConfiguration<Counter>
{
    public void Configure(EntityTypeBuilder<Counter> b)
    {
        b.ToTable("Counters");
        b.HasIndex(x => new { x.BranchId, x.Number }).IsUnique();
        b.Property(x => x.Name!).HasLocalizedTextConversion();
        b.Property(x => x.State).HasMaxLength(16);
        b.Property(x => x.PauseReason).HasMaxLength(16);
        b.HasMany(x => x.Services).WithOne().HasForeignKey(s => s.CounterId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CounterServiceConfiguration : IEntityTypeConfiguration<CounterService>
{
    public void Configure(EntityTypeBuilder<CounterService> b)
    {
        b.ToTable("CounterServices");
        b.HasKey(x => new { x.CounterId, x.ServiceTypeId });
        b.HasOne(x => x.ServiceType).WithMany().HasForeignKey(x => x.ServiceTypeId).OnDelete(DeleteBehavior.Cascade);
    }
}
