using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Features.Assist;
using Touchpoint.Server.Features.Customers;
using Touchpoint.Server.Features.Cases;
using Touchpoint.Server.Features.CaseWorkspace;
using Touchpoint.Server.Features.Channels;
using Touchpoint.Server.Features.Chat;
using Touchpoint.Server.Features.Encounters;
using Touchpoint.Server.Features.Feedback;
using Touchpoint.Server.Features.Knowledge;
using Touchpoint.Server.Features.Organisation;
using Touchpoint.Server.Features.Queue;
using Touchpoint.Server.Platform.Audit;
using Touchpoint.Server.Platform.Devices;
using Touchpoint.Server.Platform.Identity;
using Touchpoint.Server.Platform.Search;
using Touchpoint.Server.Platform.Settings;

namespace Touchpoint.Server.Platform.Data;

/// <summary>
/// The one database context. Features add their sets here and their configurations next to their entities;
/// the schema itself comes from the hand-written migrations in Migrations/.
/// </summary>
public sealed class TouchpointDb(DbContextOptions<TouchpointDb> options) : DbContext(options)
{
    public DbSet<User> Users => Set<User>();
    public DbSet<UserRole> UserRoles => Set<UserRole>();
    public DbSet<UserBranch> UserBranches => Set<UserBranch>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<Device> Devices => Set<Device>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<SystemSetting> Settings => Set<SystemSetting>();
    public DbSet<Branch> Branches => Set<Branch>();
    public DbSet<ServiceType> Services => Set<ServiceType>();
    public DbSet<Counter> Counters => Set<Counter>();
    public DbSet<CounterService> CounterServices => Set<CounterService>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<QueueTicket> QueueTickets => Set<QueueTicket>();
    public DbSet<TicketSequence> TicketSequences => Set<TicketSequence>();
    public DbSet<Encounter> Encounters => Set<Encounter>();
    public DbSet<ServiceEvaluation> ServiceEvaluations => Set<ServiceEvaluation>();
    public DbSet<Appointment> Appointments => Set<Appointment>();
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<CustomerContact> CustomerContacts => Set<CustomerContact>();
    public DbSet<CustomerIdentifier> CustomerIdentifiers => Set<CustomerIdentifier>();
    public DbSet<CustomerNameKey> CustomerNameKeys => Set<CustomerNameKey>();
    public DbSet<CustomerSegment> CustomerSegments => Set<CustomerSegment>();
    public DbSet<CustomerSegmentMembership> CustomerSegmentMemberships => Set<CustomerSegmentMembership>();
    public DbSet<SupportCase> Cases => Set<SupportCase>();
    public DbSet<CaseSequence> CaseSequences => Set<CaseSequence>();
    public DbSet<CaseMessage> CaseMessages => Set<CaseMessage>();
    public DbSet<CaseLink> CaseLinks => Set<CaseLink>();
    public DbSet<SlaPolicy> SlaPolicies => Set<SlaPolicy>();
    public DbSet<Macro> Macros => Set<Macro>();
    public DbSet<Commitment> Commitments => Set<Commitment>();
    public DbSet<Features.Automation.CaseRule> CaseRules => Set<Features.Automation.CaseRule>();
    public DbSet<Features.Automation.CaseRuleFiring> CaseRuleFirings => Set<Features.Automation.CaseRuleFiring>();
    public DbSet<Features.Automation.StaffAvailability> StaffAvailability => Set<Features.Automation.StaffAvailability>();
    public DbSet<Features.Automation.AutoAssignPool> AutoAssignPools => Set<Features.Automation.AutoAssignPool>();
    public DbSet<InboundMail> InboundMails => Set<InboundMail>();
    public DbSet<OutboundMailItem> OutboundMails => Set<OutboundMailItem>();
    public DbSet<SearchEntry> SearchEntries => Set<SearchEntry>();
    public DbSet<SurveyTemplate> SurveyTemplates => Set<SurveyTemplate>();
    public DbSet<SurveyInvitation> SurveyInvitations => Set<SurveyInvitation>();
    public DbSet<SurveyAnswer> SurveyAnswers => Set<SurveyAnswer>();
    public DbSet<FeedbackSettings> FeedbackSettings => Set<FeedbackSettings>();
    public DbSet<CallBack> CallBacks => Set<CallBack>();
    public DbSet<ChatConversation> ChatConversations => Set<ChatConversation>();
    public DbSet<ChatMessage> ChatMessages => Set<ChatMessage>();
    public DbSet<MessagingChannel> MessagingChannels => Set<MessagingChannel>();
    public DbSet<MessagingReceipt> MessagingReceipts => Set<MessagingReceipt>();
    public DbSet<MessagingOutboxItem> MessagingOutbox => Set<MessagingOutboxItem>();
    public DbSet<TextAnalysis> AssistAnalyses => Set<TextAnalysis>();
    public DbSet<AssistIntent> AssistIntents => Set<AssistIntent>();
    public DbSet<AssistExample> AssistExamples => Set<AssistExample>();
    public DbSet<AssistModelRecord> AssistModels => Set<AssistModelRecord>();
    public DbSet<KnowledgeArticle> KnowledgeArticles => Set<KnowledgeArticle>();
    public DbSet<KnowledgeArticleVersion> KnowledgeArticleVersions => Set<KnowledgeArticleVersion>();
    public DbSet<KnowledgeVote> KnowledgeVotes => Set<KnowledgeVote>();
    public DbSet<CaseAttachment> CaseAttachments => Set<CaseAttachment>();
    public DbSet<AttachmentBlob> AttachmentBlobs => Set<AttachmentBlob>();
    public DbSet<CaseView> CaseViews => Set<CaseView>();
    public DbSet<PhoneCall> PhoneCalls => Set<PhoneCall>();
    public DbSet<PhoneExtension> PhoneExtensions => Set<PhoneExtension>();
    public DbSet<Features.Teams.Team> Teams => Set<Features.Teams.Team>();
    public DbSet<Features.Teams.TeamMember> TeamMembers => Set<Features.Teams.TeamMember>();

    public bool IsPostgres => Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(TouchpointDb).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every instant is UTC. SQLite hands DateTimes back as Unspecified and Npgsql refuses non-UTC values for
        // timestamptz, so one converter keeps both providers honest.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}
