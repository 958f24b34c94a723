using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Touchpoint.Server.Platform.Data.Migrations;

/// <summary>
/// A customer is in a segment at most once at a time. Two recomputes of one customer at the same moment (a change and
/// the schedule) could both open the membership; the index makes the second one fail, and the recompute then keeps the
/// row the first one wrote. Duplicates opened before the index existed are closed into the earliest one.
/// </summary>
[DbContext(typeof(TouchpointDb))]
[Migration("20261122000013_OneOpenMembership")]
public sealed class M0013_OneOpenMembership : Migration
{
    public const string IndexName = "IX_CustomerSegmentMemberships_Open";
    public const string Filter = "\"Until\" IS NULL";

    protected override void Up(MigrationBuilder m)
    {
        m.Sql("""
            DELETE FROM "CustomerSegmentMemberships" WHERE "Until" IS NULL AND EXISTS (
                SELECT 1 FROM "CustomerSegmentMemberships" o
                WHERE o."Until" IS NULL AND o."CustomerId" = "CustomerSegmentMemberships"."CustomerId"
                  AND o."SegmentId" = "CustomerSegmentMemberships"."SegmentId"
                  AND (o."Since" < "CustomerSegmentMemberships"."Since"
                       OR (o."Since" = "CustomerSegmentMemberships"."Since" AND o."Id" < "CustomerSegmentMemberships"."Id")))
            """);
        m.CreateIndex(IndexName, "CustomerSegmentMemberships", ["CustomerId", "SegmentId"], unique: true, filter: Filter);
    }

    protected override void Down(MigrationBuilder m) => m.DropIndex(IndexName, "CustomerSegmentMemberships");
}
