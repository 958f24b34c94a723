using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Touchpoint.Server.Platform.Data.Migrations;

/// <summary>Customers: profiles, contact points, encrypted identifiers, name search keys, segments; customer links on tickets and encounters.</summary>
[DbContext(typeof(TouchpointDb))]
[Migration("20261122000004_Customers")]
public sealed class M0004_Customers : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("Customers", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Name = t.Column<string>(maxLength: 128, nullable: true),
            Language = t.Column<string>(maxLength: 8, nullable: false),
            HomeBranchId = t.Column<Guid>(nullable: true),
            Needs = t.Column<string>(nullable: false),
            Tags = t.Column<string>(nullable: false),
            Notes = t.Column<string>(maxLength: 2000, nullable: true),
            ConsentSurveys = t.Column<bool>(nullable: false),
            ConsentMarketing = t.Column<bool>(nullable: false),
            Value = t.Column<double>(nullable: false),
            VipUntil = t.Column<DateTime>(nullable: true),
            Tier = t.Column<string>(maxLength: 16, nullable: false),
            Rfm = t.Column<string>(maxLength: 8, nullable: true),
            LastSeenAt = t.Column<DateTime>(nullable: true),
            VisitsLastYear = t.Column<int>(nullable: false),
            Status = t.Column<string>(maxLength: 16, nullable: false),
            MergedIntoId = t.Column<Guid>(nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
            ErasedAt = t.Column<DateTime>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_Customers", x => x.Id));
        m.CreateIndex("IX_Customers_HomeBranchId", "Customers", "HomeBranchId");
        // No index on Status: nearly every customer is active, and SQLite would rather scan it than seek the matched ids.

        m.CreateTable("CustomerContacts", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            CustomerId = t.Column<Guid>(nullable: false),
            Kind = t.Column<string>(maxLength: 16, nullable: false),
            Value = t.Column<string>(maxLength: 256, nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_CustomerContacts", x => x.Id));
        m.CreateIndex("IX_CustomerContacts_Kind_Value", "CustomerContacts", ["Kind", "Value"]);
        m.CreateIndex("IX_CustomerContacts_CustomerId", "CustomerContacts", "CustomerId");

        m.CreateTable("CustomerIdentifiers", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            CustomerId = t.Column<Guid>(nullable: false),
            Kind = t.Column<string>(maxLength: 16, nullable: false),
            Protected = t.Column<string>(nullable: false),
            LookupHash = t.Column<string>(maxLength: 64, nullable: false),
            Hint = t.Column<string>(maxLength: 8, nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_CustomerIdentifiers", x => x.Id));
        m.CreateIndex("IX_CustomerIdentifiers_Kind_LookupHash", "CustomerIdentifiers", ["Kind", "LookupHash"], unique: true);
        m.CreateIndex("IX_CustomerIdentifiers_LookupHash", "CustomerIdentifiers", "LookupHash");
        m.CreateIndex("IX_CustomerIdentifiers_CustomerId", "CustomerIdentifiers", "CustomerId");

        // Name prefixes are index ranges (Key >= q AND Key < q + U+FFFF): that needs byte order, which SQLite's BINARY
        // collation has and PostgreSQL's "C" collation gives whatever the database's locale is.
        m.CreateTable("CustomerNameKeys", t => new
        {
            Key = t.Column<string>(maxLength: 128, nullable: false, collation: m.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL" ? "C" : null),
            CustomerId = t.Column<Guid>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_CustomerNameKeys", x => new { x.Key, x.CustomerId }));
        m.CreateIndex("IX_CustomerNameKeys_CustomerId", "CustomerNameKeys", "CustomerId");

        m.CreateTable("CustomerSegments", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Code = t.Column<string>(maxLength: 32, nullable: false),
            Name = t.Column<string>(nullable: false),
            Rules = t.Column<string>(nullable: false),
            Policy = t.Column<string>(nullable: false),
            Rank = t.Column<int>(nullable: false),
            IsActive = t.Column<bool>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_CustomerSegments", x => x.Id));
        m.CreateIndex("IX_CustomerSegments_Code", "CustomerSegments", "Code", unique: true);

        m.CreateTable("CustomerSegmentMemberships", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            SegmentId = t.Column<Guid>(nullable: false),
            CustomerId = t.Column<Guid>(nullable: false),
            Since = t.Column<DateTime>(nullable: false),
            Until = t.Column<DateTime>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_CustomerSegmentMemberships", x => x.Id));
        m.CreateIndex("IX_CustomerSegmentMemberships_CustomerId_Until", "CustomerSegmentMemberships", ["CustomerId", "Until"]);
        m.CreateIndex("IX_CustomerSegmentMemberships_SegmentId_Until", "CustomerSegmentMemberships", ["SegmentId", "Until"]);

        m.AddColumn<Guid>("CustomerId", "QueueTickets", nullable: true);
        m.CreateIndex("IX_QueueTickets_CustomerId", "QueueTickets", "CustomerId");
        m.AddColumn<Guid>("CustomerId", "Encounters", nullable: true);
        m.CreateIndex("IX_Encounters_CustomerId", "Encounters", "CustomerId");
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropIndex("IX_Encounters_CustomerId", "Encounters");
        m.DropColumn("CustomerId", "Encounters");
        m.DropIndex("IX_QueueTickets_CustomerId", "QueueTickets");
        m.DropColumn("CustomerId", "QueueTickets");
        foreach (var table in new[] { "CustomerSegmentMemberships", "CustomerSegments", "CustomerNameKeys", "CustomerIdentifiers", "CustomerContacts", "Customers" })
            m.DropTable(table);
    }
}
