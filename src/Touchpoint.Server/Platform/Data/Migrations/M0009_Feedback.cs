using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Touchpoint.Server.Platform.Data.Migrations;

/// <summary>Feedback: survey templates, invitations with their answers, per-branch settings, phone call-backs.</summary>
[DbContext(typeof(TouchpointDb))]
[Migration("20261122000009_Feedback")]
public sealed class M0009_Feedback : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("SurveyTemplates", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Code = t.Column<string>(maxLength: 32, nullable: false),
            Name = t.Column<string>(nullable: false),
            Questions = t.Column<string>(nullable: false),
            IsActive = t.Column<bool>(nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_SurveyTemplates", x => x.Id));
        m.CreateIndex("IX_SurveyTemplates_Code", "SurveyTemplates", "Code", unique: true);

        m.CreateTable("SurveyInvitations", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TokenHash = t.Column<string>(maxLength: 64, nullable: false),
            TemplateId = t.Column<Guid>(nullable: false),
            Channel = t.Column<string>(maxLength: 16, nullable: false),
            Delivery = t.Column<string>(maxLength: 16, nullable: false),
            BranchId = t.Column<Guid>(nullable: false),
            CounterId = t.Column<Guid>(nullable: true),
            StaffUserId = t.Column<Guid>(nullable: true),
            ServiceTypeId = t.Column<Guid>(nullable: true),
            TicketId = t.Column<Guid>(nullable: true),
            CaseId = t.Column<Guid>(nullable: true),
            EncounterId = t.Column<Guid>(nullable: true),
            CustomerId = t.Column<Guid>(nullable: true),
            Language = t.Column<string>(maxLength: 8, nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            SendAt = t.Column<DateTime>(nullable: true),
            SentAt = t.Column<DateTime>(nullable: true),
            ExpiresAt = t.Column<DateTime>(nullable: false),
            FirstAnsweredAt = t.Column<DateTime>(nullable: true),
            RespondedAt = t.Column<DateTime>(nullable: true),
            Dissatisfied = t.Column<bool>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_SurveyInvitations", x => x.Id));
        m.CreateIndex("IX_SurveyInvitations_TokenHash", "SurveyInvitations", "TokenHash", unique: true);
        m.CreateIndex("IX_SurveyInvitations_TicketId", "SurveyInvitations", "TicketId");
        m.CreateIndex("IX_SurveyInvitations_CaseId", "SurveyInvitations", "CaseId");
        m.CreateIndex("IX_SurveyInvitations_CustomerId_CreatedAt", "SurveyInvitations", ["CustomerId", "CreatedAt"]);
        m.CreateIndex("IX_SurveyInvitations_BranchId_CreatedAt", "SurveyInvitations", ["BranchId", "CreatedAt"]);
        m.CreateIndex("IX_SurveyInvitations_SendAt", "SurveyInvitations", "SendAt");

        m.CreateTable("SurveyAnswers", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            InvitationId = t.Column<Guid>(nullable: false),
            QuestionId = t.Column<string>(maxLength: 32, nullable: false),
            Type = t.Column<string>(maxLength: 16, nullable: false),
            Score = t.Column<int>(nullable: true),
            ScaleMax = t.Column<int>(nullable: true),
            Choice = t.Column<string>(maxLength: 32, nullable: true),
            Text = t.Column<string>(maxLength: 2000, nullable: true),
            Source = t.Column<string>(maxLength: 16, nullable: false),
            AnsweredAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_SurveyAnswers", x => x.Id));
        m.CreateIndex("IX_SurveyAnswers_InvitationId", "SurveyAnswers", "InvitationId");
        m.CreateIndex("IX_SurveyAnswers_AnsweredAt", "SurveyAnswers", "AnsweredAt");

        m.CreateTable("FeedbackSettings", t => new
        {
            BranchId = t.Column<Guid>(nullable: false),
            ThrottleDays = t.Column<int>(nullable: false),
            LinkValidDays = t.Column<int>(nullable: false),
            CaseSurveyDelayMinutes = t.Column<int>(nullable: false),
            OpenFollowUpCase = t.Column<bool>(nullable: false),
            CallBackSamplePercent = t.Column<int>(nullable: false),
            CallBackMaxAttempts = t.Column<int>(nullable: false),
            CounterTemplate = t.Column<string>(maxLength: 32, nullable: false),
            CaseTemplate = t.Column<string>(maxLength: 32, nullable: false),
            RelationshipTemplate = t.Column<string>(maxLength: 32, nullable: false),
            PhoneTemplate = t.Column<string>(maxLength: 32, nullable: false),
        }, constraints: t => t.PrimaryKey("PK_FeedbackSettings", x => x.BranchId));

        m.CreateTable("CallBacks", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            BranchId = t.Column<Guid>(nullable: false),
            CustomerId = t.Column<Guid>(nullable: true),
            TicketId = t.Column<Guid>(nullable: true),
            CaseId = t.Column<Guid>(nullable: true),
            SourceInvitationId = t.Column<Guid>(nullable: true),
            ResponseInvitationId = t.Column<Guid>(nullable: true),
            StaffUserId = t.Column<Guid>(nullable: true),
            CounterId = t.Column<Guid>(nullable: true),
            ServiceTypeId = t.Column<Guid>(nullable: true),
            Reason = t.Column<string>(maxLength: 16, nullable: false),
            DueDate = t.Column<string>(maxLength: 10, nullable: false),
            Status = t.Column<string>(maxLength: 16, nullable: false),
            Attempts = t.Column<int>(nullable: false),
            LastOutcome = t.Column<string>(maxLength: 16, nullable: true),
            LastAttemptAt = t.Column<DateTime>(nullable: true),
            LastCallerId = t.Column<Guid>(nullable: true),
            Note = t.Column<string>(maxLength: 2000, nullable: true),
            Language = t.Column<string>(maxLength: 8, nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_CallBacks", x => x.Id));
        m.CreateIndex("IX_CallBacks_BranchId_Status_DueDate", "CallBacks", ["BranchId", "Status", "DueDate"]);
        m.CreateIndex("IX_CallBacks_CustomerId", "CallBacks", "CustomerId");
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropTable("CallBacks");
        m.DropTable("FeedbackSettings");
        m.DropTable("SurveyAnswers");
        m.DropTable("SurveyInvitations");
        m.DropTable("SurveyTemplates");
    }
}
