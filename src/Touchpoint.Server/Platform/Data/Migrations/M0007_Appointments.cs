using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Touchpoint.Server.Platform.Data.Migrations;

/// <summary>Appointments booked ahead and checked in on arrival.</summary>
[DbContext(typeof(TouchpointDb))]
[Migration("20261122000007_Appointments")]
public sealed class M0007_Appointments : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("Appointments", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            BranchId = t.Column<Guid>(nullable: false),
            ServiceTypeId = t.Column<Guid>(nullable: false),
            At = t.Column<DateTime>(nullable: false),
            Code = t.Column<string>(maxLength: 8, nullable: false),
            Language = t.Column<string>(maxLength: 8, nullable: false),
            ContactName = t.Column<string>(maxLength: 128, nullable: true),
            ContactPhone = t.Column<string>(maxLength: 32, nullable: true),
            Status = t.Column<string>(maxLength: 16, nullable: false),
            TicketId = t.Column<Guid>(nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_Appointments", x => x.Id));
        m.CreateIndex("IX_Appointments_BranchId_Code_Status", "Appointments", ["BranchId", "Code", "Status"]);
        m.CreateIndex("IX_Appointments_BranchId_At", "Appointments", ["BranchId", "At"]);
    }

    protected override void Down(MigrationBuilder m) => m.DropTable("Appointments");
}
