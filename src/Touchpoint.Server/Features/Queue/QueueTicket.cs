using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Data.Migrations;

namespace Touchpoint.Server.Features.Queue;

/// <summary>
/// A queue number (A023) taken at a kiosk, by QR code, at an appointment check-in or issued by staff. It keeps its
/// original issue time through transfers, so waiting time is counted from when the customer arrived.
/// </summary>
public sealed class QueueTicket
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid BranchId { get; set; }
    public Guid ServiceTypeId { get; set; }
    /// <summary>The branch-local day the number belongs to (numbers restart every business day), yyyy-MM-dd.</summary>
    public required string BusinessDate { get; set; }
    public int Sequence { get; set; }
    public required string Number { get; set; }
    public string Priority { get; set; } = PriorityClasses.Normal;
    public string Language { get; set; } = "en-US";
    /// <summary>How the call and the pad adapt (<see cref="TicketCare"/>), from the linked customer's needs.</summary>
    public List<string> Care { get; set; } = [];
    public string Source { get; set; } = TicketSources.Kiosk;
    public string Status { get; set; } = TicketStatuses.Waiting;
    /// <summary>A phone number for SMS alerts; personal data, never logged and masked wherever it is shown.</summary>
    public string? ContactPhone { get; set; }
    public DateTime IssuedAt { get; set; }
    public DateTime? AppointmentAt { get; set; }
    public DateTime? CalledAt { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
    public Guid? CounterId { get; set; }
    /// <summary>Set by a transfer to a specific counter: only that counter calls the ticket.</summary>
    public Guid? TargetCounterId { get; set; }
    public Guid? StaffUserId { get; set; }
    public int RecallCount { get; set; }
    public int TransferCount { get; set; }
    /// <summary>When the "almost your turn" SMS went out, so it goes out once.</summary>
    public DateTime? NearAlertAt { get; set; }
    /// <summary>The customer served, when staff know who it is; the customers feature reads the history through it.</summary>
    public Guid? CustomerId { get; set; }
}

public static class TicketStatuses
{
    public const string Waiting = "waiting";
    public const string Called = "called";
    public const string Serving = "serving";
    public const string Parked = "parked";
    public const string Completed = "completed";
    public const string NoShow = "noShow";

    public static bool IsActive(string status) => status is Called or Serving;
}

public static class TicketSources
{
    public const string Kiosk = "kiosk";
    public const string Qr = "qr";
    public const string Staff = "staff";
    public const string Appointment = "appointment";
    public const string WalkUp = "walkUp";
}

public static class PriorityClasses
{
    public const string Normal = "normal";
    public const string Appointment = "appointment";
    public static readonly IReadOnlyList<string> All = [Normal, Appointment, "vip", "elderly", "disabled", "pregnant"];

    /// <summary>Priority tickets are interleaved with normal ones; appointments are served when due.</summary>
    public static bool IsPriority(string priority) => priority is not (Normal or Appointment);
}

internal sealed class QueueTicketConfiguration : IEntityTypeConfiguration<QueueTicket>
{
    public void Configure(EntityTypeBuilder<QueueTicket> b)
    {
        b.ToTable("QueueTickets");
        b.Property(x => x.Care).HasJsonConversion();
        // Call-next reads the oldest waiting tickets of a service; the board counts by status.
        b.HasIndex(x => new { x.BranchId, x.Status, x.ServiceTypeId, x.IssuedAt });
        b.HasIndex(x => new { x.BranchId, x.BusinessDate, x.ServiceTypeId, x.Sequence }).IsUnique();
        b.HasIndex(x => x.CounterId, M0025_CounterIndexes.CounterCurrentIndex).HasFilter(M0025_CounterIndexes.CounterCurrentFilter.Trim());
        // Every action checks the state it read is still the state it changes (see TicketActions).
        b.Property(x => x.Status).IsConcurrencyToken();
        b.HasIndex(x => x.CustomerId);
        b.Property(x => x.BusinessDate).HasMaxLength(10);
        b.Property(x => x.Number).HasMaxLength(16);
        b.Property(x => x.Priority).HasMaxLength(16);
        b.Property(x => x.Language).HasMaxLength(8);
        b.Property(x => x.Source).HasMaxLength(16);
        b.Property(x => x.Status).HasMaxLength(16);
        b.Property(x => x.ContactPhone).HasMaxLength(32);
    }
}

/// <summary>The last number given for a service on a business day; incremented atomically in the database.</summary>
public sealed class TicketSequence
{
    public Guid ServiceTypeId { get; set; }
    public required string BusinessDate { get; set; }
    public int LastNumber { get; set; }
}

internal sealed class TicketSequenceConfiguration : IEntityTypeConfiguration<TicketSequence>
{
    public void Configure(EntityTypeBuilder<TicketSequence> b)
    {
        b.ToTable("TicketSequences");
        b.HasKey(x => new { x.ServiceTypeId, x.BusinessDate });
        b.Property(x => x.BusinessDate).HasMaxLength(10);
    }
}
