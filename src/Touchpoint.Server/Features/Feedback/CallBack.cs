using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Touchpoint.Server.Features.Feedback;

/// <summary>
/// A customer to ring back (电话回访): after dissatisfaction, or sampled from yesterday's encounters. Staff work the
/// day's list: each attempt is recorded (reached, no answer, refused); no answer brings it back the next day until
/// the branch's attempt limit. The phone number is not copied here: it is read, audited, when someone dials.
/// </summary>
public sealed class CallBack
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid BranchId { get; set; }
    public Guid? CustomerId { get; set; }
    public Guid? TicketId { get; set; }
    public Guid? CaseId { get; set; }
    /// <summary>The survey answer that raised it, when dissatisfaction did.</summary>
    public Guid? SourceInvitationId { get; set; }
    /// <summary>The phone survey's own invitation, holding the answers given on the call.</summary>
    public Guid? ResponseInvitationId { get; set; }
    public Guid? StaffUserId { get; set; }
    public Guid? CounterId { get; set; }
    public Guid? ServiceTypeId { get; set; }
    public required string Reason { get; set; }
    /// <summary>The branch-local day it is due (yyyy-MM-dd); no answer moves it to the next day.</summary>
    public required string DueDate { get; set; }
    public string Status { get; set; } = CallBackStatuses.Open;
    public int Attempts { get; set; }
    public string? LastOutcome { get; set; }
    public DateTime? LastAttemptAt { get; set; }
    public Guid? LastCallerId { get; set; }
    public string? Note { get; set; }
    public string Language { get; set; } = "en-US";
    public DateTime CreatedAt { get; set; }
}

public static class CallBackReasons
{
    public const string Dissatisfied = "dissatisfied";
    public const string Sampled = "sampled";
}

public static class CallBackStatuses
{
    public const string Open = "open";
    public const string Done = "done";
    public const string Refused = "refused";
    public const string Unreachable = "unreachable";
}

public static class CallOutcomes
{
    public const string Reached = "reached";
    public const string NoAnswer = "noAnswer";
    public const string Refused = "refused";
    public static readonly IReadOnlyList<string> All = [Reached, NoAnswer, Refused];
}

internal sealed class CallBackConfiguration : IEntityTypeConfiguration<CallBack>
{
    public void Configure(EntityTypeBuilder<CallBack> b)
    {
        b.ToTable("CallBacks");
        b.HasIndex(x => new { x.BranchId, x.Status, x.DueDate });
        b.HasIndex(x => x.CustomerId);
        // Two people recording an attempt on one call-back at once: the second is refused, not counted twice.
        b.Property(x => x.Attempts).IsConcurrencyToken();
        b.Property(x => x.Reason).HasMaxLength(16);
        b.Property(x => x.DueDate).HasMaxLength(10);
        b.Property(x => x.Status).HasMaxLength(16);
        b.Property(x => x.LastOutcome).HasMaxLength(16);
        b.Property(x => x.Note).HasMaxLength(2000);
        b.Property(x => x.Language).HasMaxLength(8);
    }
}
