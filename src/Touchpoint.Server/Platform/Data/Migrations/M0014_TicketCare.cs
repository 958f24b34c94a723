using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Touchpoint.Server.Platform.Data.Migrations;

/// <summary>How a ticket's call and pad adapt to the customer's needs (<c>TicketCare</c>), as a JSON list.</summary>
[DbContext(typeof(TouchpointDb))]
[Migration("20261122000014_TicketCare")]
public sealed class M0014_TicketCare : Migration
{
    protected override void Up(MigrationBuilder m) =>
        m.AddColumn<string>("Care", "QueueTickets", nullable: false, defaultValue: "[]");

    protected override void Down(MigrationBuilder m) => m.DropColumn("Care", "QueueTickets");
}
