using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Touchpoint.Server.Features.Cases;

/// <summary>One entry of a case's thread: a public reply (to or from the customer) or an internal note.</summary>
public sealed class CaseMessage
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseId { get; set; }
    public required string Visibility { get; set; }
    /// <summary>inbound (from the customer), outbound (staff's public reply) or note.</summary>
    public required string Direction { get; set; }
    public Guid? AuthorUserId { get; set; }
    public required string AuthorName { get; set; }
    public required string Body { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>The email's Message-ID (without brackets), inbound or outbound, so replies thread back to the case.</summary>
    public string? MailMessageId { get; set; }
    public Guid? InboundMailId { get; set; }
}

public static class CaseMessageVisibility
{
    public const string Public = "public";
    public const string Internal = "internal";
}

public static class CaseMessageDirections
{
    public const string Inbound = "inbound";
    public const string Outbound = "outbound";
    public const string Note = "note";
}

/// <summary>Two cases that belong together ("related"), or one merged into another ("merged": the source is closed).</summary>
public sealed class CaseLink
{
    public Guid CaseId { get; set; }
    public Guid LinkedCaseId { get; set; }
    public required string Kind { get; set; }
    public DateTime CreatedAt { get; set; }
}

internal sealed class CaseMessageConfiguration : IEntityTypeConfiguration<CaseMessage>
{
    public void Configure(EntityTypeBuilder<CaseMessage> b)
    {
        b.ToTable("CaseMessages");
        b.HasIndex(x => new { x.CaseId, x.CreatedAt });
        b.HasIndex(x => x.MailMessageId);
        b.Property(x => x.Visibility).HasMaxLength(16);
        b.Property(x => x.Direction).HasMaxLength(16);
        b.Property(x => x.AuthorName).HasMaxLength(128);
        b.Property(x => x.MailMessageId).HasMaxLength(256);
    }
}

internal sealed class CaseLinkConfiguration : IEntityTypeConfiguration<CaseLink>
{
    public void Configure(EntityTypeBuilder<CaseLink> b)
    {
        b.ToTable("CaseLinks");
        b.HasKey(x => new { x.CaseId, x.LinkedCaseId });
        b.Property(x => x.Kind).HasMaxLength(16);
    }
}
