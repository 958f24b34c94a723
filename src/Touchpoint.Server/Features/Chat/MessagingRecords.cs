using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Touchpoint.Server.Features.Chat;

/// <summary>
/// A messaging-app gateway (WeChat, LINE, KakaoTalk, WhatsApp, ...) connected to a branch: it posts inbound messages to
/// <c>/api/channels/messaging/{Key}/inbound</c> and receives staff replies at <see cref="CallbackUrl"/>, both signed
/// with the shared secret (HMAC-SHA256). The secret must be readable to sign, so it is encrypted, not hashed.
/// </summary>
public sealed class MessagingChannel
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Key { get; set; }
    public required string Name { get; set; }
    /// <summary>The app's short name, the prefix of customers' messaging ids ("line" in "line:U123").</summary>
    public required string App { get; set; }
    public Guid BranchId { get; set; }
    public required string ProtectedSecret { get; set; }
    public required string CallbackUrl { get; set; }
    public bool Active { get; set; } = true;
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>Signatures seen within the replay window: the same signed request is accepted once.</summary>
public sealed class MessagingReceipt
{
    public Guid ChannelId { get; set; }
    public required string SignatureHash { get; set; }
    public DateTime ReceivedAt { get; set; }
}

/// <summary>A staff reply waiting to be posted to the gateway's callback (the outbox): sent in the background, retried with backoff.</summary>
public sealed class MessagingOutboxItem
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ChannelId { get; set; }
    public Guid ConversationId { get; set; }
    public Guid ChatMessageId { get; set; }
    /// <summary>The JSON body as it will be signed and sent.</summary>
    public required string Payload { get; set; }
    /// <summary>pending, sent or failed (see <see cref="Channels.OutboxStatuses"/>).</summary>
    public required string Status { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SentAt { get; set; }
    public string? LastError { get; set; }
}

public static class MessagingApps
{
    public static readonly IReadOnlyList<string> All = ["wechat", "line", "kakao", "whatsapp", "other"];
}

internal sealed class MessagingChannelConfiguration : IEntityTypeConfiguration<MessagingChannel>
{
    public void Configure(EntityTypeBuilder<MessagingChannel> b)
    {
        b.ToTable("MessagingChannels");
        b.HasIndex(x => x.Key).IsUnique();
        b.Property(x => x.Key).HasMaxLength(32);
        b.Property(x => x.Name).HasMaxLength(128);
        b.Property(x => x.App).HasMaxLength(16);
        b.Property(x => x.CallbackUrl).HasMaxLength(512);
    }
}

internal sealed class MessagingReceiptConfiguration : IEntityTypeConfiguration<MessagingReceipt>
{
    public void Configure(EntityTypeBuilder<MessagingReceipt> b)
    {
        b.ToTable("MessagingReceipts");
        b.HasKey(x => new { x.ChannelId, x.SignatureHash });
        b.HasIndex(x => x.ReceivedAt);
        b.Property(x => x.SignatureHash).HasMaxLength(64);
    }
}

internal sealed class MessagingOutboxItemConfiguration : IEntityTypeConfiguration<MessagingOutboxItem>
{
    public void Configure(EntityTypeBuilder<MessagingOutboxItem> b)
    {
        b.ToTable("MessagingOutbox");
        b.HasIndex(x => new { x.Status, x.NextAttemptAt });
        b.Property(x => x.Status).HasMaxLength(16);
        b.Property(x => x.LastError).HasMaxLength(1024);
    }
}
