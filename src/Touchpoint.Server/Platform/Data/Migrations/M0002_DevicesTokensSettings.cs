using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Touchpoint.Server.Platform.Data.Migrations;

[DbContext(typeof(TouchpointDb))]
[Migration("20261122000002_DevicesTokensSettings")]
public sealed class M0002_DevicesTokensSettings : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("Devices", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            BranchId = t.Column<Guid>(nullable: false),
            Kind = t.Column<string>(maxLength: 16, nullable: false),
            Name = t.Column<string>(maxLength: 128, nullable: false),
            CounterNumber = t.Column<int>(nullable: true),
            PairingCode = t.Column<string>(maxLength: 16, nullable: true),
            PairingExpiresAt = t.Column<DateTime>(nullable: true),
            TokenHash = t.Column<string>(maxLength: 64, nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
            PairedAt = t.Column<DateTime>(nullable: true),
            LastSeenAt = t.Column<DateTime>(nullable: true),
            RevokedAt = t.Column<DateTime>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Devices", x => x.Id);
            t.ForeignKey("FK_Devices_Branches_BranchId", x => x.BranchId, "Branches", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_Devices_BranchId", "Devices", "BranchId");
        m.CreateIndex("IX_Devices_PairingCode", "Devices", "PairingCode", unique: true);
        m.CreateIndex("IX_Devices_TokenHash", "Devices", "TokenHash", unique: true);

        m.CreateTable("ApiTokens", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Name = t.Column<string>(maxLength: 128, nullable: false),
            TokenHash = t.Column<string>(maxLength: 64, nullable: false),
            Scopes = t.Column<string>(nullable: false),
            CreatedById = t.Column<Guid>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            LastUsedAt = t.Column<DateTime>(nullable: true),
            RevokedAt = t.Column<DateTime>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ApiTokens", x => x.Id);
            t.ForeignKey("FK_ApiTokens_Users_CreatedById", x => x.CreatedById, "Users", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_ApiTokens_TokenHash", "ApiTokens", "TokenHash", unique: true);
        m.CreateIndex("IX_ApiTokens_CreatedById", "ApiTokens", "CreatedById");

        m.CreateTable("Settings", t => new
        {
            Key = t.Column<string>(maxLength: 64, nullable: false),
            Value = t.Column<string>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_Settings", x => x.Key));

        m.CreateTable("DataProtectionKeys", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            FriendlyName = t.Column<string>(nullable: false),
            Xml = t.Column<string>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_DataProtectionKeys", x => x.Id));
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropTable("DataProtectionKeys");
        m.DropTable("Settings");
        m.DropTable("ApiTokens");
        m.DropTable("Devices");
    }
}
