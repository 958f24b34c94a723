using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Touchpoint.Server.Platform.Data.Migrations;

/// <summary>Assist in the service desk: analyses of customer texts, the intent taxonomy, labelled examples and trained models.</summary>
[DbContext(typeof(TouchpointDb))]
[Migration("20261122000011_Assist")]
public sealed class M0011_Assist : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("AssistAnalyses", t => new
        {
            OwnerKind = t.Column<string>(maxLength: 16, nullable: false),
            OwnerId = t.Column<Guid>(nullable: false),
            CaseId = t.Column<Guid>(nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
            AnalysedAt = t.Column<DateTime>(nullable: true),
            LeasedUntil = t.Column<DateTime>(nullable: true),
            LeaseToken = t.Column<Guid>(nullable: true),
            Language = t.Column<string>(maxLength: 16, nullable: true),
            Sentiment = t.Column<string>(maxLength: 16, nullable: true),
            SentimentConfidence = t.Column<float>(nullable: false),
            Emotions = t.Column<string>(nullable: false),
            Intent = t.Column<string>(maxLength: 64, nullable: true),
            IntentConfidence = t.Column<float>(nullable: false),
            BestIntent = t.Column<string>(maxLength: 64, nullable: true),
            CorrectedSentiment = t.Column<string>(maxLength: 16, nullable: true),
            CorrectedIntent = t.Column<string>(maxLength: 64, nullable: true),
            Escalated = t.Column<bool>(nullable: false),
            EscalationReason = t.Column<string>(maxLength: 32, nullable: true),
        }, constraints: t => t.PrimaryKey("PK_AssistAnalyses", x => new { x.OwnerKind, x.OwnerId }));
        m.CreateIndex("IX_AssistAnalyses_CaseId_CreatedAt", "AssistAnalyses", ["CaseId", "CreatedAt"]);
        // The queue's scan: pending rows (AnalysedAt null) oldest first.
        m.CreateIndex("IX_AssistAnalyses_AnalysedAt_CreatedAt", "AssistAnalyses", ["AnalysedAt", "CreatedAt"]);

        m.CreateTable("AssistIntents", t => new
        {
            Key = t.Column<string>(maxLength: 64, nullable: false),
            Name = t.Column<string>(nullable: false),
            RouteTeam = t.Column<string>(maxLength: 64, nullable: true),
            RouteCategory = t.Column<string>(maxLength: 64, nullable: true),
            RouteService = t.Column<string>(maxLength: 32, nullable: true),
            UpdatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_AssistIntents", x => x.Key));

        m.CreateTable("AssistExamples", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Task = t.Column<string>(maxLength: 16, nullable: false),
            Label = t.Column<string>(maxLength: 64, nullable: false),
            Text = t.Column<string>(nullable: false),
            Source = t.Column<string>(maxLength: 16, nullable: false),
            OwnerKind = t.Column<string>(maxLength: 16, nullable: true),
            OwnerId = t.Column<Guid>(nullable: true),
            CreatedById = t.Column<Guid>(nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_AssistExamples", x => x.Id));
        m.CreateIndex("IX_AssistExamples_Task_Label", "AssistExamples", ["Task", "Label"]);

        m.CreateTable("AssistModels", t => new
        {
            Task = t.Column<string>(maxLength: 16, nullable: false),
            Data = t.Column<byte[]>(nullable: false),
            Version = t.Column<long>(nullable: false),
            Examples = t.Column<int>(nullable: false),
            TrainedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_AssistModels", x => x.Task));
    }

    protected override void Down(MigrationBuilder m)
    {
        foreach (var table in new[] { "AssistModels", "AssistExamples", "AssistIntents", "AssistAnalyses" })
            m.DropTable(table);
    }
}
