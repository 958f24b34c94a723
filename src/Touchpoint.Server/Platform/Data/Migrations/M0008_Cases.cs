using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Touchpoint.Server.Platform.Data.Migrations;

/// <summary>Cases with SLA clocks, their thread and links, SLA policies, the email channel's inbox and outbox; encounters classified.</summary>
[DbContext(typeof(TouchpointDb))]
[Migration("20261122000008_Cases")]
public sealed class M0008_Cases : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.AddColumn<string>("Stage", "Encounters", maxLength: 16, nullable: true);
        m.AddColumn<string>("Nature", "Encounters", maxLength: 16, nullable: true);
        m.AddColumn<string>("Summary", "Encounters", maxLength: 2000, nullable: true);
        // Encounters.CustomerId comes with the customers migration (M0004).
        m.AddColumn<string>("CustomerName", "Encounters", maxLength: 128, nullable: true);
        m.AddColumn<Guid>("CaseId", "Encounters", nullable: true);
        m.CreateIndex("IX_Encounters_StartedAt_Id", "Encounters", ["StartedAt", "Id"]);
        m.CreateIndex("IX_Encounters_CaseId", "Encounters", "CaseId");

        m.CreateTable("Cases", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Number = t.Column<long>(nullable: false),
            Reference = t.Column<string>(maxLength: 16, nullable: false),
            BranchId = t.Column<Guid>(nullable: false),
            Subject = t.Column<string>(maxLength: 256, nullable: false),
            Description = t.Column<string>(nullable: false),
            Channel = t.Column<string>(maxLength: 16, nullable: false),
            Category = t.Column<string>(maxLength: 64, nullable: true),
            Priority = t.Column<string>(maxLength: 16, nullable: false),
            Tags = t.Column<string>(nullable: false),
            Status = t.Column<string>(maxLength: 16, nullable: false),
            CustomerId = t.Column<Guid>(nullable: true),
            CustomerName = t.Column<string>(maxLength: 128, nullable: false),
            CustomerEmail = t.Column<string>(maxLength: 256, nullable: true),
            CustomerPhone = t.Column<string>(maxLength: 32, nullable: true),
            CustomerSegment = t.Column<string>(maxLength: 32, nullable: true),
            Language = t.Column<string>(maxLength: 8, nullable: false),
            AssigneeId = t.Column<Guid>(nullable: true),
            Team = t.Column<string>(maxLength: 64, nullable: true),
            CreatedById = t.Column<Guid>(nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
            MergedIntoId = t.Column<Guid>(nullable: true),
            FirstResponseDueAt = t.Column<DateTime>(nullable: true),
            FirstRespondedAt = t.Column<DateTime>(nullable: true),
            NextResponseDueAt = t.Column<DateTime>(nullable: true),
            ResolutionDueAt = t.Column<DateTime>(nullable: true),
            SolvedAt = t.Column<DateTime>(nullable: true),
            ClosedAt = t.Column<DateTime>(nullable: true),
            SlaPausedAt = t.Column<DateTime>(nullable: true),
            SlaDueAt = t.Column<DateTime>(nullable: true),
            SlaTarget = t.Column<string>(maxLength: 16, nullable: true),
            SlaWarnAt = t.Column<DateTime>(nullable: true),
            SlaWarnedDueAt = t.Column<DateTime>(nullable: true),
            SlaBreachedDueAt = t.Column<DateTime>(nullable: true),
            SlaBreached = t.Column<bool>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_Cases", x => x.Id));
        m.CreateIndex("IX_Cases_Number", "Cases", "Number", unique: true);
        m.CreateIndex("IX_Cases_CreatedAt_Number", "Cases", ["CreatedAt", "Number"]);
        m.CreateIndex("IX_Cases_BranchId_CreatedAt_Number", "Cases", ["BranchId", "CreatedAt", "Number"]);
        m.CreateIndex("IX_Cases_Status_CreatedAt_Number", "Cases", ["Status", "CreatedAt", "Number"]);
        m.CreateIndex("IX_Cases_SlaWarnAt", "Cases", "SlaWarnAt");
        m.CreateIndex("IX_Cases_SlaDueAt", "Cases", "SlaDueAt");
        m.CreateIndex("IX_Cases_CustomerEmail", "Cases", "CustomerEmail");

        m.CreateTable("CaseSequences", t => new
        {
            Name = t.Column<string>(maxLength: 32, nullable: false),
            LastNumber = t.Column<long>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_CaseSequences", x => x.Name));

        m.CreateTable("CaseMessages", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            CaseId = t.Column<Guid>(nullable: false),
            Visibility = t.Column<string>(maxLength: 16, nullable: false),
            Direction = t.Column<string>(maxLength: 16, nullable: false),
            AuthorUserId = t.Column<Guid>(nullable: true),
            AuthorName = t.Column<string>(maxLength: 128, nullable: false),
            Body = t.Column<string>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            MailMessageId = t.Column<string>(maxLength: 256, nullable: true),
            InboundMailId = t.Column<Guid>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_CaseMessages", x => x.Id));
        m.CreateIndex("IX_CaseMessages_CaseId_CreatedAt", "CaseMessages", ["CaseId", "CreatedAt"]);
        m.CreateIndex("IX_CaseMessages_MailMessageId", "CaseMessages", "MailMessageId");

        m.CreateTable("CaseLinks", t => new
        {
            CaseId = t.Column<Guid>(nullable: false),
            LinkedCaseId = t.Column<Guid>(nullable: false),
            Kind = t.Column<string>(maxLength: 16, nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_CaseLinks", x => new { x.CaseId, x.LinkedCaseId }));

        m.CreateTable("SlaPolicies", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            BranchId = t.Column<Guid>(nullable: true),
            Priority = t.Column<string>(maxLength: 16, nullable: false),
            Category = t.Column<string>(maxLength: 64, nullable: true),
            Segment = t.Column<string>(maxLength: 32, nullable: true),
            FirstResponseMinutes = t.Column<int>(nullable: false),
            NextResponseMinutes = t.Column<int>(nullable: false),
            ResolutionMinutes = t.Column<int>(nullable: false),
            WarnAtPercent = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_SlaPolicies", x => x.Id));

        m.CreateTable("InboundMails", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            BranchId = t.Column<Guid>(nullable: false),
            ReceivedAt = t.Column<DateTime>(nullable: false),
            Raw = t.Column<byte[]>(nullable: false),
            MessageId = t.Column<string>(maxLength: 256, nullable: true),
            FromAddress = t.Column<string>(maxLength: 256, nullable: true),
            Subject = t.Column<string>(maxLength: 512, nullable: true),
            Status = t.Column<string>(maxLength: 16, nullable: false),
            CaseId = t.Column<Guid>(nullable: true),
            Problems = t.Column<string>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_InboundMails", x => x.Id));
        m.CreateIndex("IX_InboundMails_ReceivedAt", "InboundMails", "ReceivedAt");
        m.CreateIndex("IX_InboundMails_MessageId", "InboundMails", "MessageId");

        m.CreateTable("OutboundMails", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            CaseId = t.Column<Guid>(nullable: false),
            CaseMessageId = t.Column<Guid>(nullable: false),
            Sender = t.Column<string>(maxLength: 256, nullable: false),
            Recipient = t.Column<string>(maxLength: 256, nullable: false),
            MessageId = t.Column<string>(maxLength: 256, nullable: false),
            Raw = t.Column<byte[]>(nullable: false),
            Status = t.Column<string>(maxLength: 16, nullable: false),
            Attempts = t.Column<int>(nullable: false),
            NextAttemptAt = t.Column<DateTime>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            SentAt = t.Column<DateTime>(nullable: true),
            LastError = t.Column<string>(maxLength: 1024, nullable: true),
        }, constraints: t => t.PrimaryKey("PK_OutboundMails", x => x.Id));
        m.CreateIndex("IX_OutboundMails_Status_NextAttemptAt", "OutboundMails", ["Status", "NextAttemptAt"]);
    }

    protected override void Down(MigrationBuilder m)
    {
        foreach (var table in new[] { "OutboundMails", "InboundMails", "SlaPolicies", "CaseLinks", "CaseMessages", "CaseSequences", "Cases" })
            m.DropTable(table);
        m.DropIndex("IX_Encounters_CaseId", "Encounters");
        m.DropIndex("IX_Encounters_StartedAt_Id", "Encounters");
        foreach (var column in new[] { "CaseId", "CustomerName", "Summary", "Nature", "Stage" })
            m.DropColumn(column, "Encounters");
    }
}
