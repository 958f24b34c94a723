using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Touchpoint.Server.Platform.Data.Migrations;

/// <summary>Web chat and messaging conversations, messaging channels with their replay receipts and callback outbox.</summary>
[DbContext(typeof(TouchpointDb))]
[Migration("20261122000012_Chat")]
public sealed class M0012_Chat : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("ChatConversations", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            BranchId = t.Column<Guid>(nullable: false),
            Channel = t.Column<string>(maxLength: 16, nullable: false),
            MessagingChannelId = t.Column<Guid>(nullable: true),
            ExternalUserId = t.Column<string>(maxLength: 128, nullable: true),
            VisitorTokenHash = t.Column<string>(maxLength: 64, nullable: true),
            Status = t.Column<string>(maxLength: 16, nullable: false),
            Language = t.Column<string>(maxLength: 8, nullable: false),
            VisitorName = t.Column<string>(maxLength: 128, nullable: true),
            VisitorEmail = t.Column<string>(maxLength: 256, nullable: true),
            CustomerId = t.Column<Guid>(nullable: true),
            AssigneeId = t.Column<Guid>(nullable: true),
            AssigneeName = t.Column<string>(maxLength: 128, nullable: true),
            PageUrl = t.Column<string>(maxLength: 512, nullable: true),
            LastSeq = t.Column<int>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
            AcceptedAt = t.Column<DateTime>(nullable: true),
            FirstStaffReplyAt = t.Column<DateTime>(nullable: true),
            StaffTypingAt = t.Column<DateTime>(nullable: true),
            EndedAt = t.Column<DateTime>(nullable: true),
            EndedBy = t.Column<string>(maxLength: 16, nullable: true),
            EncounterId = t.Column<Guid>(nullable: true),
            CaseId = t.Column<Guid>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_ChatConversations", x => x.Id));
        m.CreateIndex("IX_ChatConversations_BranchId_Status_CreatedAt", "ChatConversations", ["BranchId", "Status", "CreatedAt"]);
        m.CreateIndex("IX_ChatConversations_VisitorTokenHash", "ChatConversations", "VisitorTokenHash", unique: true);
        m.CreateIndex("IX_ChatConversations_MessagingChannelId_ExternalUserId_Status", "ChatConversations",
            ["MessagingChannelId", "ExternalUserId", "Status"]);
        m.CreateIndex("IX_ChatConversations_AssigneeId", "ChatConversations", "AssigneeId");

        m.CreateTable("ChatMessages", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            ConversationId = t.Column<Guid>(nullable: false),
            Seq = t.Column<int>(nullable: false),
            Sender = t.Column<string>(maxLength: 16, nullable: false),
            AuthorUserId = t.Column<Guid>(nullable: true),
            AuthorName = t.Column<string>(maxLength: 128, nullable: true),
            Body = t.Column<string>(nullable: false),
            ExternalId = t.Column<string>(maxLength: 128, nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_ChatMessages", x => x.Id));
        m.CreateIndex("IX_ChatMessages_ConversationId_Seq", "ChatMessages", ["ConversationId", "Seq"], unique: true);
        m.CreateIndex("IX_ChatMessages_ExternalId", "ChatMessages", "ExternalId");

        m.CreateTable("MessagingChannels", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Key = t.Column<string>(maxLength: 32, nullable: false),
            Name = t.Column<string>(maxLength: 128, nullable: false),
            App = t.Column<string>(maxLength: 16, nullable: false),
            BranchId = t.Column<Guid>(nullable: false),
            ProtectedSecret = t.Column<string>(nullable: false),
            CallbackUrl = t.Column<string>(maxLength: 512, nullable: false),
            Active = t.Column<bool>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_MessagingChannels", x => x.Id));
        m.CreateIndex("IX_MessagingChannels_Key", "MessagingChannels", "Key", unique: true);

        m.CreateTable("MessagingReceipts", t => new
        {
            ChannelId = t.Column<Guid>(nullable: false),
            SignatureHash = t.Column<string>(maxLength: 64, nullable: false),
            ReceivedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_MessagingReceipts", x => new { x.ChannelId, x.SignatureHash }));
        m.CreateIndex("IX_MessagingReceipts_ReceivedAt", "MessagingReceipts", "ReceivedAt");

        m.CreateTable("MessagingOutbox", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            ChannelId = t.Column<Guid>(nullable: false),
            ConversationId = t.Column<Guid>(nullable: false),
            ChatMessageId = t.Column<Guid>(nullable: false),
            Payload = t.Column<string>(nullable: false),
            Status = t.Column<string>(maxLength: 16, nullable: false),
            Attempts = t.Column<int>(nullable: false),
            NextAttemptAt = t.Column<DateTime>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            SentAt = t.Column<DateTime>(nullable: true),
            LastError = t.Column<string>(maxLength: 1024, nullable: true),
        }, constraints: t => t.PrimaryKey("PK_MessagingOutbox", x => x.Id));
        m.CreateIndex("IX_MessagingOutbox_Status_NextAttemptAt", "MessagingOutbox", ["Status", "NextAttemptAt"]);
    }

    protected override void Down(MigrationBuilder m)
    {
        foreach (var table in new[] { "MessagingOutbox", "MessagingReceipts", "MessagingChannels", "ChatMessages", "ChatConversations" })
            m.DropTable(table);
    }
}
