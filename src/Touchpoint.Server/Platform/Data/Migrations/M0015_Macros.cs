using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Touchpoint.Server.Platform.Data.Migrations;

/// <summary>Canned replies (macros) for cases, one text per language.</summary>
[DbContext(typeof(TouchpointDb))]
[Migration("20261122000015_Macros")]
public sealed class M0015_Macros : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("Macros", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Title = t.Column<string>(nullable: false),
            Body = t.Column<string>(nullable: false),
            Category = t.Column<string>(maxLength: 64, nullable: true),
            BranchId = t.Column<Guid>(nullable: true),
            IsActive = t.Column<bool>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_Macros", x => x.Id));
        m.CreateIndex("IX_Macros_BranchId", "Macros", "BranchId");
    }

    protected override void Down(MigrationBuilder m) => m.DropTable("Macros");
}
