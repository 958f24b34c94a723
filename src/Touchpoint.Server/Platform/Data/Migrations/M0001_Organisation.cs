using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Touchpoint.Server.Platform.Data.Migrations;

/// <summary>
/// Hand-written (EF's design package is not in our mirror; docs/decisions/0002-hand-written-migrations.md). Column
/// types are left to the provider so one migration serves SQLite and PostgreSQL.
/// </summary>
[DbContext(typeof(TouchpointDb))]
[Migration("20261122000001_Organisation")]
public sealed class M0001_Organisation : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("Branches", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Code = t.Column<string>(maxLength: 32, nullable: false),
            Name = t.Column<string>(nullable: false),
            TimeZone = t.Column<string>(nullable: false),
            Address = t.Column<string>(nullable: true),
            BusinessHours = t.Column<string>(nullable: false),
            Holidays = t.Column<string>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_Branches", x => x.Id));
        m.CreateIndex("IX_Branches_Code", "Branches", "Code", unique: true);

        m.CreateTable("Services", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            BranchId = t.Column<Guid>(nullable: false),
            Code = t.Column<string>(maxLength: 32, nullable: false),
            Name = t.Column<string>(nullable: false),
            Prefix = t.Column<string>(maxLength: 3, nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Services", x => x.Id);
            t.ForeignKey("FK_Services_Branches_BranchId", x => x.BranchId, "Branches", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_Services_BranchId_Code", "Services", ["BranchId", "Code"], unique: true);

        m.CreateTable("Counters", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            BranchId = t.Column<Guid>(nullable: false),
            Number = t.Column<int>(nullable: false),
            Name = t.Column<string>(nullable: true),
            State = t.Column<string>(maxLength: 16, nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Counters", x => x.Id);
            t.ForeignKey("FK_Counters_Branches_BranchId", x => x.BranchId, "Branches", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_Counters_BranchId_Number", "Counters", ["BranchId", "Number"], unique: true);

        m.CreateTable("CounterServices", t => new
        {
            CounterId = t.Column<Guid>(nullable: false),
            ServiceTypeId = t.Column<Guid>(nullable: false),
            Weight = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_CounterServices", x => new { x.CounterId, x.ServiceTypeId });
            t.ForeignKey("FK_CounterServices_Counters_CounterId", x => x.CounterId, "Counters", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_CounterServices_Services_ServiceTypeId", x => x.ServiceTypeId, "Services", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_CounterServices_ServiceTypeId", "CounterServices", "ServiceTypeId");

        m.CreateTable("Users", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            UserName = t.Column<string>(maxLength: 64, nullable: false),
            NormalizedUserName = t.Column<string>(maxLength: 64, nullable: false),
            DisplayName = t.Column<string>(maxLength: 128, nullable: false),
            PasswordHash = t.Column<string>(nullable: false),
            Language = t.Column<string>(maxLength: 8, nullable: false),
            IsActive = t.Column<bool>(nullable: false),
            FailedSignIns = t.Column<int>(nullable: false),
            LockedUntil = t.Column<DateTime>(nullable: true),
            SecurityStamp = t.Column<string>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            LastSignInAt = t.Column<DateTime>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_Users", x => x.Id));
        m.CreateIndex("IX_Users_NormalizedUserName", "Users", "NormalizedUserName", unique: true);

        m.CreateTable("UserRoles", t => new
        {
            UserId = t.Column<Guid>(nullable: false),
            Role = t.Column<string>(maxLength: 32, nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_UserRoles", x => new { x.UserId, x.Role });
            t.ForeignKey("FK_UserRoles_Users_UserId", x => x.UserId, "Users", "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("UserBranches", t => new
        {
            UserId = t.Column<Guid>(nullable: false),
            BranchId = t.Column<Guid>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_UserBranches", x => new { x.UserId, x.BranchId });
            t.ForeignKey("FK_UserBranches_Users_UserId", x => x.UserId, "Users", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_UserBranches_Branches_BranchId", x => x.BranchId, "Branches", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_UserBranches_BranchId", "UserBranches", "BranchId");

        m.CreateTable("AuditEntries", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            At = t.Column<DateTime>(nullable: false),
            ActorId = t.Column<Guid>(nullable: true),
            Actor = t.Column<string>(maxLength: 128, nullable: false),
            Action = t.Column<string>(maxLength: 64, nullable: false),
            Target = t.Column<string>(maxLength: 256, nullable: true),
            Details = t.Column<string>(nullable: true),
            IpAddress = t.Column<string>(maxLength: 64, nullable: true),
        }, constraints: t => t.PrimaryKey("PK_AuditEntries", x => x.Id));
        m.CreateIndex("IX_AuditEntries_At", "AuditEntries", "At");
        m.CreateIndex("IX_AuditEntries_Action", "AuditEntries", "Action");
    }

    protected override void Down(MigrationBuilder m)
    {
        foreach (var table in new[] { "AuditEntries", "UserBranches", "UserRoles", "Users", "CounterServices", "Counters", "Services", "Branches" })
            m.DropTable(table);
    }
}
