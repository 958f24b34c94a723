using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Touchpoint.Server.Platform.Data;

namespace Touchpoint.Server.Platform.Identity;

/// <summary>A token an integration presents as "Authorization: Bearer tp_...". Only its SHA-256 hash is stored.</summary>
public sealed class ApiToken
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public required string TokenHash { get; set; }
    /// <summary>Permissions the token carries; "*" means all that its creator holds at the time of use.</summary>
    public List<string> Scopes { get; set; } = [];
    public Guid CreatedById { get; set; }
    public User? CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> b)
    {
        b.ToTable("ApiTokens");
        b.HasIndex(x => x.TokenHash).IsUnique();
        b.Property(x => x.Name).HasMaxLength(128);
        b.Property(x => x.TokenHash).HasMaxLength(64);
        b.Property(x => x.Scopes).HasJsonConversion();
        b.HasOne(x => x.CreatedBy).WithMany().HasForeignKey(x => x.CreatedById).OnDelete(DeleteBehavior.Cascade);
    }
}
