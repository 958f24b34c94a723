using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Touchpoint.Server.Features.Chat;

/// <summary>
/// One conversation on the web chat or a messaging app, from the first message to its end. Staff work it in the chat
/// console; when it ends its transcript becomes an encounter (and, when needed, a case).
/// </summary>
public sealed class ChatConversation
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid BranchId { get; set; }
    /// <summary>webChat or messaging (the encounter channels).</summary>
    public required string Channel { get; set; }
    /// <summary>For messaging: the channel it came through and the sender's id there.</summary>
    public Guid? MessagingChannelId { get; set; }
    public string? ExternalUserId { get; set; }
    /// <summary>SHA-256 of the visitor's conversation token (web chat); the token itself is only in the visitor's browser.</summary>
    public string? VisitorTokenHash { get; set; }
    /// <summary>bot, waiting, active or ended (<see cref="ChatStatuses"/>).</summary>
    public required string Status { get; set; }
    public string Language { get; set; } = "en-US";
    /// <summary>Personal: the name and email the visitor left (for a reply by email), or the messaging profile's name.</summary>
    public string? VisitorName { get; set; }
    public string? VisitorEmail { get; set; }
    public Guid? CustomerId { get; set; }
    public Guid? AssigneeId { get; set; }
    public string? AssigneeName { get; set; }
    /// <summary>The page the widget was opened on (no query string), for staff's context.</summary>
    public string? PageUrl { get; set; }
    public int LastSeq { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? AcceptedAt { get; set; }
    public DateTime? FirstStaffReplyAt { get; set; }
    public DateTime? StaffTypingAt { get; set; }
    public DateTime? EndedAt { get; set; }
    /// <summary>visitor, staff or system (the bot's hand-over has its own status change, not an end).</summary>
    public string? EndedBy { get; set; }
    public Guid? EncounterId { get; set; }
    public Guid? CaseId { get; set; }
}

/// <summary>One line of a conversation, numbered in order within it (Seq), so a visitor or console asks "after 12".</summary>
public sealed class ChatMessage
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ConversationId { get; set; }
    public int Seq { get; set; }
    /// <summary>visitor, staff, bot or system (<see cref="ChatSenders"/>).</summary>
    public required string Sender { get; set; }
    public Guid? AuthorUserId { get; set; }
    public string? AuthorName { get; set; }
    public required string Body { get; set; }
    /// <summary>The gateway's id of an inbound messaging message: a gateway that retries is not heard twice.</summary>
    public string? ExternalId { get; set; }
    public DateTime CreatedAt { get; set; }
}

public static class ChatStatuses
{
    /// <summary>A self-service bot answers first (only when one is registered and the branch keeps it on, see <see cref="IChatBot"/>).</summary>
    public const string Bot = "bot";
    public const string Waiting = "waiting";
    public const string Active = "active";
    public const string Ended = "ended";
    public static readonly IReadOnlyList<string> All = [Bot, Waiting, Active, Ended];
}

public static class ChatSenders
{
    public const string Visitor = "visitor";
    public const string Staff = "staff";
    public const string Bot = "bot";
    public const string System = "system";
}

public static class ChatChannels
{
    public const string WebChat = "webChat";
    public const string Messaging = "messaging";
}

internal sealed class ChatConversationConfiguration : IEntityTypeConfiguration<ChatConversation>
{
    public void Configure(EntityTypeBuilder<ChatConversation> b)
    {
        b.ToTable("ChatConversations");
        b.HasIndex(x => new { x.BranchId, x.Status, x.CreatedAt });
        b.HasIndex(x => x.VisitorTokenHash).IsUnique();
        b.HasIndex(x => new { x.MessagingChannelId, x.ExternalUserId, x.Status });
        b.HasIndex(x => x.AssigneeId);
        b.Property(x => x.Channel).HasMaxLength(16);
        b.Property(x => x.ExternalUserId).HasMaxLength(128);
        b.Property(x => x.VisitorTokenHash).HasMaxLength(64);
        b.Property(x => x.Status).HasMaxLength(16);
        b.Property(x => x.Language).HasMaxLength(8);
        b.Property(x => x.VisitorName).HasMaxLength(128);
        b.Property(x => x.VisitorEmail).HasMaxLength(256);
        b.Property(x => x.AssigneeName).HasMaxLength(128);
        b.Property(x => x.PageUrl).HasMaxLength(512);
        b.Property(x => x.EndedBy).HasMaxLength(16);
    }
}

internal sealed class ChatMessageConfiguration : IEntityTypeConfiguration<ChatMessage>
{
    public void Configure(EntityTypeBuilder<ChatMessage> b)
    {
        b.ToTable("ChatMessages");
        b.HasIndex(x => new { x.ConversationId, x.Seq }).IsUnique();
        b.HasIndex(x => x.ExternalId);
        b.Property(x => x.Sender).HasMaxLength(16);
        b.Property(x => x.AuthorName).HasMaxLength(128);
        b.Property(x => x.ExternalId).HasMaxLength(128);
    }
}
