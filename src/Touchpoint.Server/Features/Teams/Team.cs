using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Touchpoint.Server.Features.Teams;

/// <summary>
/// A group of staff in one branch who take a kind of cases together ("Cards and payments", "Complaints"). A case names
/// its team by <see cref="Id"/>; rules and intent routes name teams by <see cref="Name"/>, found in the case's own
/// branch, so one rule serves every branch that has a team of that name (decision 0019).
/// </summary>
public sealed class Team
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid BranchId { get; set; }
    public required string Name { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>Set when retired: no longer offered for new cases or views; its cases and members stay for the record.</summary>
    public DateTime? RetiredAt { get; set; }
}

public sealed class TeamMember
{
    public Guid TeamId { get; set; }
    public Guid UserId { get; set; }
    public DateTime AddedAt { get; set; }
}

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    /// <summary>Active names are unique within a branch; a retired team's name may be used again.</summary>
    public const string ActiveNameIndex = "IX_Teams_BranchId_Name_Active";
    public const string ActiveFilter = "\"RetiredAt\" IS NULL";

    public void Configure(EntityTypeBuilder<Team> b)
    {
        b.ToTable("Teams");
        b.HasIndex(x => new { x.BranchId, x.Name }, ActiveNameIndex).IsUnique().HasFilter(ActiveFilter);
        b.Property(x => x.Name).HasMaxLength(TeamLookup.MaxNameLength);
    }
}

internal sealed class TeamMemberConfiguration : IEntityTypeConfiguration<TeamMember>
{
    public void Configure(EntityTypeBuilder<TeamMember> b)
    {
        b.ToTable("TeamMembers");
        b.HasKey(x => new { x.TeamId, x.UserId });
        b.HasIndex(x => x.UserId); // "my teams", on every list and side bar
    }
}
