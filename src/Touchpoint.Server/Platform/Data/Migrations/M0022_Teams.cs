using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Touchpoint.Server.Platform.Data.Migrations;

/// <summary>
/// Teams of a branch with their members; a case names its team by id (the name stays beside it as a copy), and a
/// saved view can be shared with a team. Cases that carried a team as free text get a team of that exact name in
/// their own branch (one per branch and name, members to be added by a manager), so lists, rules and old saved
/// filters keep finding them.
/// </summary>
[DbContext(typeof(TouchpointDb))]
[Migration("20261122000022_Teams")]
public sealed class M0022_Teams : Migration
{
    public const string CaseTeamIndex = "IX_Cases_TeamId_Status";

    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("Teams", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            BranchId = t.Column<Guid>(nullable: false),
            Name = t.Column<string>(maxLength: 64, nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
            RetiredAt = t.Column<DateTime>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_Teams", x => x.Id));
        m.CreateIndex("IX_Teams_BranchId_Name_Active", "Teams", ["BranchId", "Name"], unique: true, filter: "\"RetiredAt\" IS NULL");

        m.CreateTable("TeamMembers", t => new
        {
            TeamId = t.Column<Guid>(nullable: false),
            UserId = t.Column<Guid>(nullable: false),
            AddedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_TeamMembers", x => new { x.TeamId, x.UserId }));
        m.CreateIndex("IX_TeamMembers_UserId", "TeamMembers", "UserId");

        m.AddColumn<Guid>("TeamId", "Cases", nullable: true);
        m.CreateIndex(CaseTeamIndex, "Cases", ["TeamId", "Status"]);
        m.AddColumn<Guid>("TeamId", "CaseViews", nullable: true);
        m.CreateIndex("IX_CaseViews_TeamId", "CaseViews", "TeamId");

        // Free-text teams become teams: one per branch and exact text, dated by the first case that named it.
        if (m.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            m.Sql("""
                INSERT INTO "Teams" ("Id", "BranchId", "Name", "CreatedAt", "UpdatedAt", "RetiredAt")
                SELECT gen_random_uuid(), "BranchId", "Team", MIN("CreatedAt"), MAX("UpdatedAt"), NULL
                FROM "Cases" WHERE "Team" IS NOT NULL AND "Team" <> '' GROUP BY "BranchId", "Team";
                """);
        }
        else
        {
            // SQLite keeps a Guid as upper-case text with dashes: 32 random hex digits first, then the dashes.
            m.Sql("""
                INSERT INTO "Teams" ("Id", "BranchId", "Name", "CreatedAt", "UpdatedAt", "RetiredAt")
                SELECT upper(hex(randomblob(16))), "BranchId", "Team", MIN("CreatedAt"), MAX("UpdatedAt"), NULL
                FROM "Cases" WHERE "Team" IS NOT NULL AND "Team" <> '' GROUP BY "BranchId", "Team";
                """);
            m.Sql("""
                UPDATE "Teams" SET "Id" = substr("Id", 1, 8) || '-' || substr("Id", 9, 4) || '-' || substr("Id", 13, 4) || '-'
                    || substr("Id", 17, 4) || '-' || substr("Id", 21, 12)
                WHERE length("Id") = 32;
                """);
        }
        m.Sql("""
            UPDATE "Cases" SET "TeamId" = (SELECT t."Id" FROM "Teams" t WHERE t."BranchId" = "Cases"."BranchId" AND t."Name" = "Cases"."Team")
            WHERE "Team" IS NOT NULL AND "Team" <> '';
            """);
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropIndex("IX_CaseViews_TeamId", "CaseViews");
        m.DropColumn("TeamId", "CaseViews");
        m.DropIndex(CaseTeamIndex, "Cases");
        m.DropColumn("TeamId", "Cases");
        m.DropTable("TeamMembers");
        m.DropTable("Teams");
    }
}
