using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Touchpoint.Server.Features.Feedback;

/// <summary>
/// One customer asked once about one encounter (or, for relationship NPS, about the organisation). The link's token is
/// never stored, only its hash; the invitation binds the answers to what was being rated: channel, branch, counter,
/// staff member, service and the ticket, case or encounter, so reports need no guesswork about who served whom.
/// </summary>
public sealed class SurveyInvitation
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>SHA-256 of the link's token (hex). Unique: the public endpoints find the invitation by it.</summary>
    public required string TokenHash { get; set; }
    public Guid TemplateId { get; set; }
    public required string Channel { get; set; }
    /// <summary>How the customer gets the link: shown on their ticket, emailed, texted, or asked on the phone.</summary>
    public required string Delivery { get; set; }
    public Guid BranchId { get; set; }
    public Guid? CounterId { get; set; }
    public Guid? StaffUserId { get; set; }
    public Guid? ServiceTypeId { get; set; }
    public Guid? TicketId { get; set; }
    public Guid? CaseId { get; set; }
    public Guid? EncounterId { get; set; }
    public Guid? CustomerId { get; set; }
    public required string Language { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>Email and SMS invitations wait until then (a configurable delay after a case is solved).</summary>
    public DateTime? SendAt { get; set; }
    public DateTime? SentAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    /// <summary>The first answer of any kind, the pad's included: what the response rate counts.</summary>
    public DateTime? FirstAnsweredAt { get; set; }
    /// <summary>When the link was used. Set once, by a conditional update: a token answers once.</summary>
    public DateTime? RespondedAt { get; set; }
    public bool Dissatisfied { get; set; }
}

/// <summary>One answer to one question; a choice question with several options picked gives one row per option.</summary>
public sealed class SurveyAnswer
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid InvitationId { get; set; }
    public required string QuestionId { get; set; }
    public required string Type { get; set; }
    public int? Score { get; set; }
    /// <summary>The highest score of the question's scale (3 or 5 for CSAT, 10 for NPS, 5 for effort).</summary>
    public int? ScaleMax { get; set; }
    public string? Choice { get; set; }
    /// <summary>Free text: personal data may be in it, so erasure removes it.</summary>
    public string? Text { get; set; }
    /// <summary>pad, web or phone.</summary>
    public required string Source { get; set; }
    public DateTime AnsweredAt { get; set; }
}

public static class SurveyChannels
{
    public const string Counter = "counter";
    public const string Case = "case";
    /// <summary>For the chat channel: "after a chat ends" invites through <see cref="SurveyInvitations.InviteAsync"/>.</summary>
    public const string Chat = "chat";
    public const string Relationship = "relationship";
    public const string Phone = "phone";
    public static readonly IReadOnlyList<string> All = [Counter, Case, Chat, Relationship, Phone];
}

public static class SurveyDeliveries
{
    public const string Link = "link";
    public const string Email = "email";
    public const string Sms = "sms";
    public const string Phone = "phone";
}

public static class AnswerSources
{
    public const string Pad = "pad";
    public const string Web = "web";
    public const string Phone = "phone";
}

internal sealed class SurveyInvitationConfiguration : IEntityTypeConfiguration<SurveyInvitation>
{
    public void Configure(EntityTypeBuilder<SurveyInvitation> b)
    {
        b.ToTable("SurveyInvitations");
        b.HasIndex(x => x.TokenHash).IsUnique();
        b.HasIndex(x => x.TicketId);
        b.HasIndex(x => x.CaseId);
        // Throttling reads a customer's latest invitation; the summary scans a branch's period.
        b.HasIndex(x => new { x.CustomerId, x.CreatedAt });
        b.HasIndex(x => new { x.BranchId, x.CreatedAt });
        b.HasIndex(x => x.SendAt);
        b.Property(x => x.TokenHash).HasMaxLength(64);
        b.Property(x => x.Channel).HasMaxLength(16);
        b.Property(x => x.Delivery).HasMaxLength(16);
        b.Property(x => x.Language).HasMaxLength(8);
    }
}

internal sealed class SurveyAnswerConfiguration : IEntityTypeConfiguration<SurveyAnswer>
{
    public void Configure(EntityTypeBuilder<SurveyAnswer> b)
    {
        b.ToTable("SurveyAnswers");
        b.HasIndex(x => x.InvitationId);
        b.HasIndex(x => x.AnsweredAt);
        b.Property(x => x.QuestionId).HasMaxLength(32);
        b.Property(x => x.Type).HasMaxLength(16);
        b.Property(x => x.Choice).HasMaxLength(32);
        b.Property(x => x.Text).HasMaxLength(2000);
        b.Property(x => x.Source).HasMaxLength(16);
    }
}
