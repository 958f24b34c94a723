using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Touchpoint.Server.Platform.Data.Migrations;

/// <summary>
/// The case workspace: attachments (metadata, and the bytes themselves on PostgreSQL, content-addressed), saved case
/// views, and phone calls posted by a telephony system (with the extensions that name staff).
/// </summary>
[DbContext(typeof(TouchpointDb))]
[Migration("20261122000018_CaseWorkspace")]
public sealed class M0018_CaseWorkspace : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("CaseAttachments", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            CaseId = t.Column<Guid>(nullable: false),
            CaseMessageId = t.Column<Guid>(nullable: true),
            FileName = t.Column<string>(maxLength: 255, nullable: false),
            ContentType = t.Column<string>(maxLength: 128, nullable: false),
            Size = t.Column<long>(nullable: false),
            Sha256 = t.Column<string>(maxLength: 64, nullable: false),
            Source = t.Column<string>(maxLength: 16, nullable: false),
            UploadedById = t.Column<Guid>(nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_CaseAttachments", x => x.Id));
        m.CreateIndex("IX_CaseAttachments_CaseId", "CaseAttachments", "CaseId");
        m.CreateIndex("IX_CaseAttachments_CaseMessageId", "CaseAttachments", "CaseMessageId");
        m.CreateIndex("IX_CaseAttachments_Sha256", "CaseAttachments", "Sha256");

        m.CreateTable("AttachmentBlobs", t => new
        {
            Sha256 = t.Column<string>(maxLength: 64, nullable: false),
            Content = t.Column<byte[]>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_AttachmentBlobs", x => x.Sha256));

        m.CreateTable("CaseViews", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            OwnerId = t.Column<Guid>(nullable: false),
            Name = t.Column<string>(maxLength: 128, nullable: false),
            Scope = t.Column<string>(maxLength: 16, nullable: false),
            BranchId = t.Column<Guid>(nullable: true),
            Filter = t.Column<string>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_CaseViews", x => x.Id));
        m.CreateIndex("IX_CaseViews_OwnerId", "CaseViews", "OwnerId");
        m.CreateIndex("IX_CaseViews_BranchId", "CaseViews", "BranchId");

        m.CreateTable("PhoneCalls", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            BranchId = t.Column<Guid>(nullable: false),
            CallId = t.Column<string>(maxLength: 128, nullable: false),
            CallerNumber = t.Column<string>(maxLength: 32, nullable: true),
            CalledNumber = t.Column<string>(maxLength: 32, nullable: true),
            StaffUserId = t.Column<Guid>(nullable: true),
            CustomerId = t.Column<Guid>(nullable: true),
            Status = t.Column<string>(maxLength: 16, nullable: false),
            StartedAt = t.Column<DateTime>(nullable: false),
            AnsweredAt = t.Column<DateTime>(nullable: true),
            EndedAt = t.Column<DateTime>(nullable: true),
            EncounterId = t.Column<Guid>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_PhoneCalls", x => x.Id));
        m.CreateIndex("IX_PhoneCalls_CallId", "PhoneCalls", "CallId", unique: true);
        m.CreateIndex("IX_PhoneCalls_CustomerId", "PhoneCalls", "CustomerId");

        m.CreateTable("PhoneExtensions", t => new
        {
            Extension = t.Column<string>(maxLength: 32, nullable: false),
            UserId = t.Column<Guid>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_PhoneExtensions", x => x.Extension));
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropTable("PhoneExtensions");
        m.DropTable("PhoneCalls");
        m.DropTable("CaseViews");
        m.DropTable("AttachmentBlobs");
        m.DropTable("CaseAttachments");
    }
}
