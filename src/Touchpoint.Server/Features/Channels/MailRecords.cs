using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Touchpoint.Server.Features.Channels;

/// <summary>
/// An email as it arrived, stored byte for byte before anything else is done with it: a message the parser cannot
/// read, or one whose processing fails, is kept and flagged for a person, never dropped.
/// </summary>
public sealed class InboundMail
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid BranchId { get; set; }
    public DateTime ReceivedAt { get; set; }
    public required byte[] Raw { get; set; }
    public string? MessageId { get; set; }
    public string? FromAddress { get; set; }
    public string? Subject { get; set; }
    /// <summary>received, threaded (added to a case), opened (a new case) or unparsed.</summary>
    public required string Status { get; set; }
    public Guid? CaseId { get; set; }
    public string? Problems { get; set; }
}

/// <summary>A reply waiting to go out by SMTP (the outbox): sent in the background, retried with backoff.</summary>
public sealed class OutboundMailItem
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseId { get; set; }
    public Guid CaseMessageId { get; set; }
    public required string Sender { get; set; }
    public required string Recipient { get; set; }
    public required string MessageId { get; set; }
    public required byte[] Raw { get; set; }
    /// <summary>pending, sent or failed (gave up after the last attempt).</summary>
    public required string Status { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SentAt { get; set; }
    public string? LastError { get; set; }
}

public static class InboundMailStatuses
{
    public const string Received = "received";
    public const string Threaded = "threaded";
    public const string Opened = "opened";
    public const string Unparsed = "unparsed";
}

public static class OutboxStatuses
{
    public const string Pending = "pending";
    public const string Sent = "sent";
    public const string Failed = "failed";
}

internal sealed class InboundMailConfiguration : IEntityTypeConfiguration<InboundMail>
{
    public void Configure(EntityTypeBuilder<InboundMail> b)
    {
        b.ToTable("InboundMails");
        b.HasIndex(x => x.ReceivedAt);
        b.HasIndex(x => x.MessageId);
        b.Property(x => x.MessageId).HasMaxLength(256);
        b.Property(x => x.FromAddress).HasMaxLength(256);
        b.Property(x => x.Subject).HasMaxLength(512);
        b.Property(x => x.Status).HasMaxLength(16);
    }
}

internal sealed class OutboundMailItemConfiguration : IEntityTypeConfiguration<OutboundMailItem>
{
    public void Configure(EntityTypeBuilder<OutboundMailItem> b)
    {
        b.ToTable("OutboundMails");
        b.HasIndex(x => new { x.Status, x.NextAttemptAt });
        b.Property(x => x.Sender).HasMaxLength(256);
        b.Property(x => x.Recipient).HasMaxLength(256);
        b.Property(x => x.MessageId).HasMaxLength(256);
        b.Property(x => x.Status).HasMaxLength(16);
        b.Property(x => x.LastError).HasMaxLength(1024);
    }
}
