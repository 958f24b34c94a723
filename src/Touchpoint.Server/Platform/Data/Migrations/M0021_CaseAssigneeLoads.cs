using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Touchpoint.Server.Platform.Data.Migrations;

/// <summary>
/// Auto-assignment counts the open cases of every available candidate on each case it assigns, and the staff list
/// shows the same counts: by assignee, then status. The branch-first index of M0020 cannot answer that without
/// reading every case of every branch; this one reads each candidate's index entries only.
/// </summary>
[DbContext(typeof(TouchpointDb))]
[Migration("20261122000021_CaseAssigneeLoads")]
public sealed class M0021_CaseAssigneeLoads : Migration
{
    public const string IndexName = "IX_Cases_AssigneeId_Status";

    protected override void Up(MigrationBuilder m) => m.CreateIndex(IndexName, "Cases", ["AssigneeId", "Status"]);

    protected override void Down(MigrationBuilder m) => m.DropIndex(IndexName, "Cases");
}
