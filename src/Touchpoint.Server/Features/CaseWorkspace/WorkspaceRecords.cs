using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Touchpoint.Server.Features.CaseWorkspace;

/// <summary>
/// A file on a case: uploaded by staff with a reply or note, or received with a customer's email. The bytes live in the
/// attachment store under their SHA-256, so the same file sent twice is stored once.
/// </summary>
public sealed class CaseAttachment
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseId { get; set; }
    /// <summary>The reply or note it belongs to; null while an upload waits for its message to be sent.</summary>
    public Guid? CaseMessageId { get; set; }
    public required string FileName { get; set; }
    /// <summary>The type read from the bytes, never the one the uploader claimed.</summary>
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required string Sha256 { get; set; }
    /// <summary>upload (staff) or email (inbound).</summary>
    public required string Source { get; set; }
    public Guid? UploadedById { get; set; }
    public DateTime CreatedAt { get; set; }
}

public static class AttachmentSources
{
    public const string Upload = "upload";
    public const string Email = "email";
}

/// <summary>Attachment bytes kept in the database (PostgreSQL: every node sees them without a shared folder).</summary>
public sealed class AttachmentBlob
{
    public required string Sha256 { get; set; }
    public required byte[] Content { get; set; }
}

/// <summary>A saved case list filter: private to its owner, or shared with a branch's staff.</summary>
public sealed class CaseView
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OwnerId { get; set; }
    public required string Name { get; set; }
    /// <summary>private, branch or team.</summary>
    public required string Scope { get; set; }
    /// <summary>The branch a shared view is shared with (a team view: the team's); a private view may also be limited to one branch.</summary>
    public Guid? BranchId { get; set; }
    /// <summary>The team a team view is shared with: its members see it.</summary>
    public Guid? TeamId { get; set; }
    /// <summary>The filter as JSON (<see cref="CaseViewFilter"/>).</summary>
    public required string Filter { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A call a telephony system reported: ringing, answered, ended; on end an encounter is logged.</summary>
public sealed class PhoneCall
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid BranchId { get; set; }
    /// <summary>The telephony system's own id for the call.</summary>
    public required string CallId { get; set; }
    public string? CallerNumber { get; set; }
    public string? CalledNumber { get; set; }
    public Guid? StaffUserId { get; set; }
    public Guid? CustomerId { get; set; }
    /// <summary>ringing, answered or ended.</summary>
    public required string Status { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? AnsweredAt { get; set; }
    public DateTime? EndedAt { get; set; }
    public Guid? EncounterId { get; set; }
}

/// <summary>Which staff member sits at a phone extension (the telephony system names extensions, not people).</summary>
public sealed class PhoneExtension
{
    public required string Extension { get; set; }
    public Guid UserId { get; set; }
}

internal sealed class CaseAttachmentConfiguration : IEntityTypeConfiguration<CaseAttachment>
{
    public void Configure(EntityTypeBuilder<CaseAttachment> b)
    {
        b.ToTable("CaseAttachments");
        b.HasIndex(x => x.CaseId);
        b.HasIndex(x => x.CaseMessageId);
        b.HasIndex(x => x.Sha256);
        b.Property(x => x.FileName).HasMaxLength(255);
        b.Property(x => x.ContentType).HasMaxLength(128);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.Property(x => x.Source).HasMaxLength(16);
    }
}

internal sealed class AttachmentBlobConfiguration : IEntityTypeConfiguration<AttachmentBlob>
{
    public void Configure(EntityTypeBuilder<AttachmentBlob> b)
    {
        b.ToTable("AttachmentBlobs");
        b.HasKey(x => x.Sha256);
        b.Property(x => x.Sha256).HasMaxLength(64);
    }
}

internal sealed class CaseViewConfiguration : IEntityTypeConfiguration<CaseView>
{
    public void Configure(EntityTypeBuilder<CaseView> b)
    {
        b.ToTable("CaseViews");
        b.HasIndex(x => x.OwnerId);
        b.HasIndex(x => x.BranchId);
        b.HasIndex(x => x.TeamId);
        b.Property(x => x.Name).HasMaxLength(128);
        b.Property(x => x.Scope).HasMaxLength(16);
    }
}

internal sealed class PhoneCallConfiguration : IEntityTypeConfiguration<PhoneCall>
{
    public void Configure(EntityTypeBuilder<PhoneCall> b)
    {
        b.ToTable("PhoneCalls");
        b.HasIndex(x => x.CallId).IsUnique();
        b.HasIndex(x => x.CustomerId);
        b.Property(x => x.CallId).HasMaxLength(128);
        b.Property(x => x.CallerNumber).HasMaxLength(32);
        b.Property(x => x.CalledNumber).HasMaxLength(32);
        b.Property(x => x.Status).HasMaxLength(16);
    }
}

internal sealed class PhoneExtensionConfiguration : IEntityTypeConfiguration<PhoneExtension>
{
    public void Configure(EntityTypeBuilder<PhoneExtension> b)
    {
        b.ToTable("PhoneExtensions");
        b.HasKey(x => x.Extension);
        b.Property(x => x.Extension).HasMaxLength(32);
    }
}
