using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Touchpoint.Server.Features.Organisation;

namespace Touchpoint.Server.Platform.Identity;

/// <summary>A staff member who signs in. Customers are not users: they have profiles in the customers module.</summary>
public sealed class User
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string UserName { get; set; }
    /// <summary>Lower-case user name: sign-in is case-insensitive on every database.</summary>
    public required string NormalizedUserName { get; set; }
    public required string DisplayName { get; set; }
    public string PasswordHash { get; set; } = "";
    public string Language { get; set; } = "en-US";
    public bool IsActive { get; set; } = true;
    public int FailedSignIns { get; set; }
    public DateTime? LockedUntil { get; set; }
    /// <summary>Changes whenever the password, roles, branches or status change, so old sessions see it.</summary>
    public string SecurityStamp { get; set; } = Guid.NewGuid().ToString("N");
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public DateTime? LastSignInAt { get; set; }

    public List<UserRole> Roles { get; set; } = [];
    public List<UserBranch> Branches { get; set; } = [];

    public static string Normalize(string userName) => userName.Trim().ToLowerInvariant();
}

public sealed class UserRole
{
    public Guid UserId { get; set; }
    public required string Role { get; set; }
}

public sealed class UserBranch
{
    public Guid UserId { get; set; }
    public Guid BranchId { get; set; }
    public Branch? Branch { get; set; }
}

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> b)
    {
        b.ToTable("Users");
        b.HasIndex(x => x.NormalizedUserName).IsUnique();
        b.Property(x => x.UserName).HasMaxLength(64);
        b.Property(x => x.NormalizedUserName).HasMaxLength(64);
        b.Property(x => x.DisplayName).HasMaxLength(128);
        b.Property(x => x.Language).HasMaxLength(8);
        b.HasMany(x => x.Roles).WithOne().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Branches).WithOne().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class UserRoleConfiguration : IEntityTypeConfiguration<UserRole>
{
    public void Configure(EntityTypeBuilder<UserRole> b)
    {
        b.ToTable("UserRoles");
        b.HasKey(x => new { x.UserId, x.Role });
        b.Property(x => x.Role).HasMaxLength(32);
    }
}

internal sealed class UserBranchConfiguration : IEntityTypeConfiguration<UserBranch>
{
    public void Configure(EntityTypeBuilder<UserBranch> b)
    {
        b.ToTable("UserBranches");
        b.HasKey(x => new { x.UserId, x.BranchId });
        b.HasOne(x => x.Branch).WithMany().HasForeignKey(x => x.BranchId).OnDelete(DeleteBehavior.Cascade);
    }
}
