using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Touchpoint.Server.Features.Cases;

/// <summary>
/// A promise made to a customer on a case ("we will call you back on Wednesday"): what, by when, and who keeps it.
/// Reminded before it is due; kept when someone says so, missed by the monitor once the due time passes.
/// </summary>
public sealed class Commitment
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseId { get; set; }
    /// <summary>The encounter it was made in, when it was made face to face or on the phone.</summary>
    public Guid? EncounterId { get; set; }
    /// <summary>Copied from the case so reports by branch and the customer timeline need no join.</summary>
    public Guid BranchId { get; set; }
    public Guid? CustomerId { get; set; }
    public required string Promise { get; set; }
    public DateTime DueAt { get; set; }
    public DateTime RemindAt { get; set; }
    public Guid ResponsibleId { get; set; }
    public Guid? CreatedById { get; set; }
    public DateTime CreatedAt { get; set; }
    public string Status { get; set; } = CommitmentStatuses.Open;
    public DateTime? RemindedAt { get; set; }
    public DateTime? KeptAt { get; set; }
    public Guid? KeptById { get; set; }
    public DateTime? MissedAt { get; set; }

    /// <summary>A reminder an hour before, or halfway there for a promise due sooner.</summary>
    public static DateTime ReminderFor(DateTime now, DateTime dueAt)
    {
        var lead = TimeSpan.FromTicks(Math.Min(TimeSpan.FromHours(1).Ticks, (dueAt - now).Ticks / 2));
        return dueAt - lead;
    }
}

public static class CommitmentStatuses
{
    public const string Open = "open";
    public const string Kept = "kept";
    public const string Missed = "missed";
    public static readonly IReadOnlyList<string> All = [Open, Kept, Missed];
}

internal sealed class CommitmentConfiguration : IEntityTypeConfiguration<Commitment>
{
    public void Configure(EntityTypeBuilder<Commitment> b)
    {
        b.ToTable("Commitments");
        b.HasIndex(x => x.CaseId);
        b.HasIndex(x => x.CustomerId);
        b.HasIndex(x => new { x.Status, x.DueAt });
        b.HasIndex(x => new { x.Status, x.RemindAt });
        b.HasIndex(x => new { x.ResponsibleId, x.Status });
        b.HasIndex(x => new { x.BranchId, x.MissedAt });
        b.Property(x => x.Promise).HasMaxLength(500);
        b.Property(x => x.Status).HasMaxLength(16);
    }
}
