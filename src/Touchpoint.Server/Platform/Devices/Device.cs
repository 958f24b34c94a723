using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Touchpoint.Server.Features.Organisation;

namespace Touchpoint.Server.Platform.Devices;

/// <summary>
/// A kiosk, lobby display, counter terminal or evaluation pad. An administrator registers it and gets a short
/// pairing code; the device enters the code once and from then on holds a token that grants only what it does.
/// </summary>
public sealed class Device
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid BranchId { get; set; }
    public Branch? Branch { get; set; }
    public required string Kind { get; set; }
    public required string Name { get; set; }
    public int? CounterNumber { get; set; }
    public string? PairingCode { get; set; }
    public DateTime? PairingExpiresAt { get; set; }
    public string? TokenHash { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public DateTime? PairedAt { get; set; }
    public DateTime? LastSeenAt { get; set; }
    public DateTime? RevokedAt { get; set; }

    public string Status => RevokedAt is not null ? "revoked" : TokenHash is not null ? "paired" : "pending";
}

public static class DeviceKinds
{
    public const string Kiosk = "kiosk";
    public const string Display = "display";
    public const string Counter = "counter";
    public const string Pad = "pad";

    public static readonly IReadOnlyList<string> All = [Kiosk, Display, Counter, Pad];

    public static bool NeedsCounter(string kind) => kind is Counter or Pad;
}

internal sealed class DeviceConfiguration : IEntityTypeConfiguration<Device>
{
    public void Configure(EntityTypeBuilder<Device> b)
    {
        b.ToTable("Devices");
        b.HasIndex(x => x.PairingCode).IsUnique();
        b.HasIndex(x => x.TokenHash).IsUnique();
        b.Property(x => x.Kind).HasMaxLength(16);
        b.Property(x => x.Name).HasMaxLength(128);
        b.Property(x => x.PairingCode).HasMaxLength(16);
        b.Property(x => x.TokenHash).HasMaxLength(64);
        b.HasOne(x => x.Branch).WithMany().HasForeignKey(x => x.BranchId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(x => x.Status);
    }
}
