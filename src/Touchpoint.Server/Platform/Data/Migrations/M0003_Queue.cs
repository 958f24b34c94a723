using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Touchpoint.Server.Platform.Data.Migrations;

/// <summary>Window service: tickets, daily sequences, queue rules on branches, services and counters; encounters; pad evaluations.</summary>
[DbContext(typeof(TouchpointDb))]
[Migration("20261122000003_Queue")]
public sealed class M0003_Queue : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.AddColumn<int>("PriorityRatio", "Branches", nullable: false, defaultValue: 2);
        m.AddColumn<int>("RecallLimit", "Branches", nullable: false, defaultValue: 2);
        m.AddColumn<int>("AppointmentWindowMinutes", "Branches", nullable: false, defaultValue: 10);
        m.AddColumn<int>("RatingWindowSeconds", "Branches", nullable: false, defaultValue: 60);
        m.AddColumn<int>("DailyCap", "Services", nullable: true);
        m.AddColumn<string>("IssuingStart", "Services", maxLength: 5, nullable: true);
        m.AddColumn<string>("IssuingEnd", "Services", maxLength: 5, nullable: true);
        m.AddColumn<int>("TargetWaitMinutes", "Services", nullable: false, defaultValue: 15);
        m.AddColumn<int>("AverageServiceMinutes", "Services", nullable: false, defaultValue: 5);
        m.AddColumn<string>("PauseReason", "Counters", maxLength: 16, nullable: true);
        m.AddColumn<Guid>("StaffUserId", "Counters", nullable: true);
        m.AddColumn<int>("PriorityStreak", "Counters", nullable: false, defaultValue: 0);

        m.CreateTable("QueueTickets", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            BranchId = t.Column<Guid>(nullable: false),
            ServiceTypeId = t.Column<Guid>(nullable: false),
            BusinessDate = t.Column<string>(maxLength: 10, nullable: false),
            Sequence = t.Column<int>(nullable: false),
            Number = t.Column<string>(maxLength: 16, nullable: false),
            Priority = t.Column<string>(maxLength: 16, nullable: false),
            Language = t.Column<string>(maxLength: 8, nullable: false),
            Source = t.Column<string>(maxLength: 16, nullable: false),
            Status = t.Column<string>(maxLength: 16, nullable: false),
            ContactPhone = t.Column<string>(maxLength: 32, nullable: true),
            IssuedAt = t.Column<DateTime>(nullable: false),
            AppointmentAt = t.Column<DateTime>(nullable: true),
            CalledAt = t.Column<DateTime>(nullable: true),
            StartedAt = t.Column<DateTime>(nullable: true),
            CompletedAt = t.Column<DateTime>(nullable: true),
            CounterId = t.Column<Guid>(nullable: true),
            TargetCounterId = t.Column<Guid>(nullable: true),
            StaffUserId = t.Column<Guid>(nullable: true),
            RecallCount = t.Column<int>(nullable: false),
            TransferCount = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_QueueTickets", x => x.Id));
        m.CreateIndex("IX_QueueTickets_BranchId_Status_ServiceTypeId_IssuedAt", "QueueTickets", ["BranchId", "Status", "ServiceTypeId", "IssuedAt"]);
        m.CreateIndex("IX_QueueTickets_BranchId_BusinessDate_ServiceTypeId_Sequence", "QueueTickets",
            ["BranchId", "BusinessDate", "ServiceTypeId", "Sequence"], unique: true);
        m.CreateIndex("IX_QueueTickets_CounterId", "QueueTickets", "CounterId");

        m.CreateTable("TicketSequences", t => new
        {
            ServiceTypeId = t.Column<Guid>(nullable: false),
            BusinessDate = t.Column<string>(maxLength: 10, nullable: false),
            LastNumber = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_TicketSequences", x => new { x.ServiceTypeId, x.BusinessDate }));

        m.CreateTable("Encounters", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            BranchId = t.Column<Guid>(nullable: false),
            Channel = t.Column<string>(maxLength: 16, nullable: false),
            Mode = t.Column<string>(maxLength: 16, nullable: false),
            StaffUserId = t.Column<Guid>(nullable: true),
            ServiceTypeId = t.Column<Guid>(nullable: true),
            TicketId = t.Column<Guid>(nullable: true),
            StartedAt = t.Column<DateTime>(nullable: false),
            EndedAt = t.Column<DateTime>(nullable: false),
            Outcome = t.Column<string>(maxLength: 32, nullable: false),
        }, constraints: t => t.PrimaryKey("PK_Encounters", x => x.Id));
        m.CreateIndex("IX_Encounters_BranchId_StartedAt", "Encounters", ["BranchId", "StartedAt"]);
        m.CreateIndex("IX_Encounters_TicketId", "Encounters", "TicketId");

        m.CreateTable("ServiceEvaluations", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TicketId = t.Column<Guid>(nullable: false),
            BranchId = t.Column<Guid>(nullable: false),
            CounterId = t.Column<Guid>(nullable: false),
            StaffUserId = t.Column<Guid>(nullable: true),
            ServiceTypeId = t.Column<Guid>(nullable: false),
            Language = t.Column<string>(maxLength: 8, nullable: false),
            PromptedAt = t.Column<DateTime>(nullable: false),
            ExpiresAt = t.Column<DateTime>(nullable: false),
            Rating = t.Column<string>(maxLength: 16, nullable: true),
            Reasons = t.Column<string>(nullable: false),
            RatedAt = t.Column<DateTime>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_ServiceEvaluations", x => x.Id));
        m.CreateIndex("IX_ServiceEvaluations_TicketId", "ServiceEvaluations", "TicketId", unique: true);
        m.CreateIndex("IX_ServiceEvaluations_CounterId_PromptedAt", "ServiceEvaluations", ["CounterId", "PromptedAt"]);
        m.CreateIndex("IX_ServiceEvaluations_BranchId_PromptedAt", "ServiceEvaluations", ["BranchId", "PromptedAt"]);
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropTable("ServiceEvaluations");
        m.DropTable("Encounters");
        m.DropTable("TicketSequences");
        m.DropTable("QueueTickets");
        // Dropping columns from SQLite rebuilds tables; EF does that for us.
        foreach (var (column, table) in new[] { ("PriorityRatio", "Branches"), ("RecallLimit", "Branches"), ("AppointmentWindowMinutes", "Branches"), ("RatingWindowSeconds", "Branches"),
                     ("DailyCap", "Services"), ("IssuingStart", "Services"), ("IssuingEnd", "Services"), ("TargetWaitMinutes", "Services"),
                     ("AverageServiceMinutes", "Services"), ("PauseReason", "Counters"), ("StaffUserId", "Counters"), ("PriorityStreak", "Counters") })
            m.DropColumn(column, table);
    }
}
