using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Touchpoint.Server.Features.Queue;

/// <summary>
/// A visit booked ahead (by phone, on the web, at the desk) for a service at a time. On arrival the customer checks in
/// at the kiosk or on their phone with the booking code and gets a ticket of the appointment class, due at its time.
/// </summary>
public sealed class Appointment
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid BranchId { get; set; }
    public Guid ServiceTypeId { get; set; }
    public DateTime At { get; set; }
    /// <summary>Six digits to type on the kiosk, unique among the branch's open bookings.</summary>
    public required string Code { get; set; }
    public string Language { get; set; } = "en-US";
    /// <summary>Personal data: never logged, masked wherever it is listed.</summary>
    public string? ContactName { get; set; }
    public string? ContactPhone { get; set; }
    public string Status { get; set; } = AppointmentStatuses.Booked;
    public Guid? TicketId { get; set; }
    public DateTime CreatedAt { get; set; }
}

public static class AppointmentStatuses
{
    public const string Booked = "booked";
    public const string CheckedIn = "checkedIn";
    public const string Cancelled = "cancelled";
}

internal sealed class AppointmentConfiguration : IEntityTypeConfiguration<Appointment>
{
    public void Configure(EntityTypeBuilder<Appointment> b)
    {
        b.ToTable("Appointments");
        b.HasIndex(x => new { x.BranchId, x.Code, x.Status });
        b.HasIndex(x => new { x.BranchId, x.At });
        b.Property(x => x.Code).HasMaxLength(8);
        b.Property(x => x.Language).HasMaxLength(8);
        b.Property(x => x.ContactName).HasMaxLength(128);
        b.Property(x => x.ContactPhone).HasMaxLength(32);
        // Checking in twice from two kiosks at once: the second save finds the status changed and is refused.
        b.Property(x => x.Status).HasMaxLength(16).IsConcurrencyToken();
    }
}
