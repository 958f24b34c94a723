using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Touchpoint.Server.Platform.Data.Migrations;

/// <summary>Queue rules administrators edit: the SMS alert distance and the announcement wording per language.</summary>
[DbContext(typeof(TouchpointDb))]
[Migration("20261122000006_QueueAlerts")]
public sealed class M0006_QueueAlerts : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.AddColumn<int>("AlertPlacesAhead", "Branches", nullable: false, defaultValue: 3);
        m.AddColumn<string>("Announcements", "Branches", nullable: true);
        m.AddColumn<DateTime>("NearAlertAt", "QueueTickets", nullable: true);
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropColumn("NearAlertAt", "QueueTickets");
        m.DropColumn("Announcements", "Branches");
        m.DropColumn("AlertPlacesAhead", "Branches");
    }
}
