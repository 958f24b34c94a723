using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Touchpoint.Server.Platform.Data.Migrations;

/// <summary>
/// Indexes that keep call-next and wait estimates at a few index entries however long the queue is. The partial ones
/// hold only waiting tickets, and their conditions are repeated term for term by <c>QueueHeads</c>: SQLite uses a
/// partial index only for a query that states its conditions.
/// </summary>
[DbContext(typeof(TouchpointDb))]
[Migration("20261122000005_QueueIndexes")]
public sealed class M0005_QueueIndexes : Migration
{
    public static readonly (string Name, string[] Columns, string Filter)[] WaitingHeads =
    [
        ("IX_QueueTickets_WaitingNormal", ["BranchId", "ServiceTypeId", "IssuedAt"],
            """ "Status" = 'waiting' AND "TargetCounterId" IS NULL AND "Priority" IN ('normal', 'appointment')"""),
        ("IX_QueueTickets_WaitingPriority", ["BranchId", "ServiceTypeId", "IssuedAt"],
            """ "Status" = 'waiting' AND "TargetCounterId" IS NULL AND "Priority" NOT IN ('normal', 'appointment')"""),
        ("IX_QueueTickets_WaitingAppointments", ["BranchId", "ServiceTypeId", "AppointmentAt"],
            """ "Status" = 'waiting' AND "TargetCounterId" IS NULL AND "AppointmentAt" IS NOT NULL"""),
        ("IX_QueueTickets_WaitingTransferred", ["TargetCounterId", "IssuedAt"],
            """ "Status" = 'waiting' AND "TargetCounterId" IS NOT NULL"""),
        // Today's recent service times of a service, for wait estimates.
        ("IX_QueueTickets_Completed", ["ServiceTypeId", "CompletedAt"], """ "Status" = 'completed'"""),
    ];

    protected override void Up(MigrationBuilder m)
    {
        // "Is this counter busy?" reads the counter's called or serving ticket, not every ticket it ever served.
        m.DropIndex("IX_QueueTickets_CounterId", "QueueTickets");
        m.CreateIndex("IX_QueueTickets_CounterId_Status", "QueueTickets", ["CounterId", "Status"]);
        foreach (var (name, columns, filter) in WaitingHeads) m.CreateIndex(name, "QueueTickets", columns, filter: filter.Trim());
    }

    protected override void Down(MigrationBuilder m)
    {
        foreach (var (name, _, _) in WaitingHeads) m.DropIndex(name, "QueueTickets");
        m.DropIndex("IX_QueueTickets_CounterId_Status", "QueueTickets");
        m.CreateIndex("IX_QueueTickets_CounterId", "QueueTickets", "CounterId");
    }
}
