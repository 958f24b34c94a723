using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Touchpoint.Server.Platform.Data.Migrations;

/// <summary>The knowledge base: articles (one row per language, linked by group), every saved version, helpful votes.</summary>
[DbContext(typeof(TouchpointDb))]
[Migration("20261122000016_Knowledge")]
public sealed class M0016_Knowledge : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("KnowledgeArticles", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            GroupId = t.Column<Guid>(nullable: false),
            Language = t.Column<string>(maxLength: 8, nullable: false),
            Title = t.Column<string>(maxLength: 200, nullable: false),
            Summary = t.Column<string>(maxLength: 500, nullable: false),
            Body = t.Column<string>(nullable: false),
            Category = t.Column<string>(maxLength: 64, nullable: true),
            Tags = t.Column<string>(nullable: false),
            OwnerId = t.Column<Guid>(nullable: true),
            ReviewBy = t.Column<DateOnly>(nullable: true),
            State = t.Column<string>(maxLength: 16, nullable: false),
            BranchId = t.Column<Guid>(nullable: true),
            Version = t.Column<int>(nullable: false),
            HelpfulYes = t.Column<int>(nullable: false),
            HelpfulNo = t.Column<int>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_KnowledgeArticles", x => x.Id));
        m.CreateIndex("IX_KnowledgeArticles_GroupId_Language", "KnowledgeArticles", ["GroupId", "Language"], unique: true);
        m.CreateIndex("IX_KnowledgeArticles_State_Language", "KnowledgeArticles", ["State", "Language"]);
        m.CreateIndex("IX_KnowledgeArticles_ReviewBy", "KnowledgeArticles", "ReviewBy");

        m.CreateTable("KnowledgeArticleVersions", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            ArticleId = t.Column<Guid>(nullable: false),
            Number = t.Column<int>(nullable: false),
            Title = t.Column<string>(maxLength: 200, nullable: false),
            Summary = t.Column<string>(maxLength: 500, nullable: false),
            Body = t.Column<string>(nullable: false),
            Category = t.Column<string>(maxLength: 64, nullable: true),
            Tags = t.Column<string>(nullable: false),
            State = t.Column<string>(maxLength: 16, nullable: false),
            AuthorId = t.Column<Guid>(nullable: true),
            AuthorName = t.Column<string>(maxLength: 128, nullable: false),
            RestoredFrom = t.Column<int>(nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_KnowledgeArticleVersions", x => x.Id));
        m.CreateIndex("IX_KnowledgeArticleVersions_ArticleId_Number", "KnowledgeArticleVersions", ["ArticleId", "Number"], unique: true);

        m.CreateTable("KnowledgeVotes", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            ArticleId = t.Column<Guid>(nullable: false),
            VoterHash = t.Column<string>(maxLength: 64, nullable: false),
            Helpful = t.Column<bool>(nullable: false),
            At = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_KnowledgeVotes", x => x.Id));
        m.CreateIndex("IX_KnowledgeVotes_ArticleId_VoterHash", "KnowledgeVotes", ["ArticleId", "VoterHash"], unique: true);
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropTable("KnowledgeVotes");
        m.DropTable("KnowledgeArticleVersions");
        m.DropTable("KnowledgeArticles");
    }
}
