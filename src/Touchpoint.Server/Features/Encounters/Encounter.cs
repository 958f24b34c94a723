using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Touchpoint.Server.Features.Encounters;

/// <summary>
/// One interaction with a customer, on any channel. The window service records one when a ticket is completed; the
/// encounters and cases module adds stage, nature, summaries and links to cases.
/// </summary>
public sealed class Encounter
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid BranchId { get; set; }
    public required string Channel { get; set; }
    /// <summary>Derived from the channel, as the seeds classify encounters: faceToFace, phone or online.</summary>
    public required string Mode { get; set; }
    public Guid? StaffUserId { get; set; }
    public Guid? ServiceTypeId { get; set; }
    public Guid? TicketId { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime EndedAt { get; set; }
    /// <summary>resolved (at first contact) or followUp (work continues, usually in a case).</summary>
    public required string Outcome { get; set; }
    /// <summary>preSale, inSale or afterSale; null when the counter did not say.</summary>
    public string? Stage { get; set; }
    /// <summary>informational, emotional or procedural; null when not classified.</summary>
    public string? Nature { get; set; }
    public string? Summary { get; set; }
    /// <summary>
    /// The customer, for encounters without a queue ticket (phone, email, chat). Counter encounters reach the customer
    /// through their ticket, so that linking a ticket once is enough.
    /// </summary>
    public Guid? CustomerId { get; set; }
    /// <summary>The contact's name as given on the channel (email display name, caller), for encounters without a profile.</summary>
    public string? CustomerName { get; set; }
    public Guid? CaseId { get; set; }
}

public static class EncounterOutcomes
{
    public const string Resolved = "resolved";
    public const string FollowUp = "followUp";
    public static readonly IReadOnlyList<string> All = [Resolved, FollowUp];
}

public static class EncounterStages
{
    public static readonly IReadOnlyList<string> All = ["preSale", "inSale", "afterSale"];
}

public static class EncounterNatures
{
    public static readonly IReadOnlyList<string> All = ["informational", "emotional", "procedural"];
}

public static class EncounterChannels
{
    public const string Counter = "counter";
    public static readonly IReadOnlyList<string> All = [Counter, "phone", "email", "webChat", "messaging", "app"];
    public static string ModeOf(string channel) => channel switch
    {
        Counter => "faceToFace",
        "phone" => "phone",
        _ => "online",
    };
}

internal sealed class EncounterConfiguration : IEntityTypeConfiguration<Encounter>
{
    public void Configure(EntityTypeBuilder<Encounter> b)
    {
        b.ToTable("Encounters");
        b.HasIndex(x => new { x.BranchId, x.StartedAt });
        b.HasIndex(x => x.TicketId);
        b.HasIndex(x => x.CustomerId);
        b.Property(x => x.Channel).HasMaxLength(16);
        b.Property(x => x.Mode).HasMaxLength(16);
        b.Property(x => x.Outcome).HasMaxLength(32);
        b.Property(x => x.Stage).HasMaxLength(16);
        b.Property(x => x.Nature).HasMaxLength(16);
        b.Property(x => x.Summary).HasMaxLength(2000);
        b.Property(x => x.CustomerName).HasMaxLength(128);
        b.HasIndex(x => new { x.StartedAt, x.Id });
        b.HasIndex(x => x.CaseId);
    }
}
