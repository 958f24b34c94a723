using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Touchpoint.Server.Platform.Data.Migrations;

/// <summary>Commitments made to customers, case rules (triggers and time-based automations) and assignment by skills and capacity.</summary>
[DbContext(typeof(TouchpointDb))]
[Migration("20261122000017_CaseAutomation")]
public sealed class M0017_CaseAutomation : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("Commitments", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            CaseId = t.Column<Guid>(nullable: false),
            EncounterId = t.Column<Guid>(nullable: true),
            BranchId = t.Column<Guid>(nullable: false),
            CustomerId = t.Column<Guid>(nullable: true),
            Promise = t.Column<string>(maxLength: 500, nullable: false),
            DueAt = t.Column<DateTime>(nullable: false),
            RemindAt = t.Column<DateTime>(nullable: false),
            ResponsibleId = t.Column<Guid>(nullable: false),
            CreatedById = t.Column<Guid>(nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
            Status = t.Column<string>(maxLength: 16, nullable: false),
            RemindedAt = t.Column<DateTime>(nullable: true),
            KeptAt = t.Column<DateTime>(nullable: true),
            KeptById = t.Column<Guid>(nullable: true),
            MissedAt = t.Column<DateTime>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_Commitments", x => x.Id));
        m.CreateIndex("IX_Commitments_CaseId", "Commitments", "CaseId");
        m.CreateIndex("IX_Commitments_CustomerId", "Commitments", "CustomerId");
        m.CreateIndex("IX_Commitments_Status_DueAt", "Commitments", ["Status", "DueAt"]);
        m.CreateIndex("IX_Commitments_Status_RemindAt", "Commitments", ["Status", "RemindAt"]);
        m.CreateIndex("IX_Commitments_ResponsibleId_Status", "Commitments", ["ResponsibleId", "Status"]);
        m.CreateIndex("IX_Commitments_BranchId_MissedAt", "Commitments", ["BranchId", "MissedAt"]);

        m.CreateTable("CaseRules", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            BranchId = t.Column<Guid>(nullable: true),
            Name = t.Column<string>(maxLength: 128, nullable: false),
            Event = t.Column<string>(maxLength: 32, nullable: false),
            Hours = t.Column<int>(nullable: true),
            Position = t.Column<int>(nullable: false),
            IsEnabled = t.Column<bool>(nullable: false),
            MatchAll = t.Column<bool>(nullable: false),
            Conditions = t.Column<string>(nullable: false),
            Actions = t.Column<string>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_CaseRules", x => x.Id));
        m.CreateIndex("IX_CaseRules_Position", "CaseRules", "Position");

        m.CreateTable("CaseRuleFirings", t => new
        {
            RuleId = t.Column<Guid>(nullable: false),
            CaseId = t.Column<Guid>(nullable: false),
            EventKey = t.Column<string>(maxLength: 64, nullable: false),
            FiredAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_CaseRuleFirings", x => new { x.RuleId, x.CaseId, x.EventKey }));
        m.CreateIndex("IX_CaseRuleFirings_CaseId", "CaseRuleFirings", "CaseId");

        m.CreateTable("StaffAvailability", t => new
        {
            UserId = t.Column<Guid>(nullable: false),
            Skills = t.Column<string>(nullable: false),
            Capacity = t.Column<int>(nullable: false),
            IsAvailable = t.Column<bool>(nullable: false),
            ChangedAt = t.Column<DateTime>(nullable: false),
            LastAssignedAt = t.Column<DateTime>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_StaffAvailability", x => x.UserId));

        m.CreateTable("AutoAssignPools", t => new
        {
            BranchId = t.Column<Guid>(nullable: false),
            Enabled = t.Column<bool>(nullable: false),
            Turn = t.Column<long>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_AutoAssignPools", x => x.BranchId));
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropTable("AutoAssignPools");
        m.DropTable("StaffAvailability");
        m.DropTable("CaseRuleFirings");
        m.DropTable("CaseRules");
        m.DropTable("Commitments");
    }
}
