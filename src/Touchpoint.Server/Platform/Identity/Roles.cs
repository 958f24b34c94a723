namespace Touchpoint.Server.Platform.Identity;

public static class Roles
{
    public const string Administrator = "Administrator";
    public const string Manager = "Manager";
    public const string Supervisor = "Supervisor";
    public const string Frontline = "Frontline";
    public const string BackOffice = "BackOffice";
    public const string QualityReviewer = "QualityReviewer";
    public const string Trainer = "Trainer";
    /// <summary>Not a staff role: the principal of a paired kiosk, display, counter terminal or pad.</summary>
    public const string Device = "Device";

    public static readonly IReadOnlyList<string> StaffRoles =
        [Administrator, Manager, Supervisor, Frontline, BackOffice, QualityReviewer, Trainer];

    public static string? Canonical(string role) =>
        StaffRoles.FirstOrDefault(r => string.Equals(r, role, StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// What a principal may do. Endpoints require permissions, never role names, so that a role's reach is read in one
/// place (below) and API tokens can carry a subset of their creator's permissions as scopes.
/// </summary>
public static class Permissions
{
    public const string BranchesAll = "branches.all";
    public const string OrganisationRead = "organisation.read";
    public const string OrganisationManage = "organisation.manage";
    public const string UsersManage = "users.manage";
    public const string TokensManage = "tokens.manage";
    public const string AuditRead = "audit.read";
    public const string SettingsManage = "settings.manage";
    /// <summary>Issue queue tickets at the desk.</summary>
    public const string QueueIssue = "queue.issue";
    /// <summary>Work a counter: open it, call, serve, transfer, complete.</summary>
    public const string QueueServe = "queue.serve";
    /// <summary>Watch the live queue board of a branch.</summary>
    public const string QueueBoard = "queue.board";
    /// <summary>Find customers and read their profiles and timelines, with personal data masked.</summary>
    public const string CustomersRead = "customers.read";
    /// <summary>Create customers on the fly and change their profiles.</summary>
    public const string CustomersWrite = "customers.write";
    /// <summary>Show one masked field in clear, with a reason that goes to the audit log.</summary>
    public const string CustomersReveal = "customers.reveal";
    public const string CustomersMerge = "customers.merge";
    /// <summary>Export everything about a customer (a subject access request).</summary>
    public const string CustomersExport = "customers.export";
    public const string CustomersErase = "customers.erase";
    /// <summary>Define segments and their service policies; set the VIP flag.</summary>
    public const string CustomersSegments = "customers.segments";

    /// <summary>Read cases and encounters of one's branches.</summary>
    public const string CasesRead = "cases.read";
    /// <summary>Open and work cases (reply, note, status, assign), log encounters.</summary>
    public const string CasesWrite = "cases.write";
    /// <summary>Set SLA policies.</summary>
    public const string CasesManage = "cases.manage";
    /// <summary>Share case views with a branch; review inbound mail that could not be parsed.</summary>
    public const string CasesSupervise = "cases.supervise";
    /// <summary>Post call events from a telephony system (an API token of this scope).</summary>
    public const string ChannelsTelephony = "channels.telephony";
    /// <summary>Deliver inbound email (a mail server's pipe or a provider's forward, with an API token of this scope).</summary>
    public const string ChannelsEmail = "channels.email";
    /// <summary>Read satisfaction and loyalty measures and the survey templates.</summary>
    public const string FeedbackRead = "feedback.read";
    /// <summary>Work the phone call-back list: dial (audited) and record attempts and answers.</summary>
    public const string FeedbackCall = "feedback.call";
    /// <summary>Design surveys, set a branch's feedback settings, start relationship surveys.</summary>
    public const string FeedbackManage = "feedback.manage";
    /// <summary>Read the knowledge base's internal and published articles (drafts too, to review them).</summary>
    public const string KnowledgeRead = "knowledge.read";
    /// <summary>Write, publish, restore and translate articles.</summary>
    public const string KnowledgeWrite = "knowledge.write";

    public static readonly IReadOnlyList<string> All =
        [BranchesAll, OrganisationRead, OrganisationManage, UsersManage, TokensManage, AuditRead, SettingsManage, QueueIssue, QueueServe, QueueBoard,
         CustomersRead, CustomersWrite, CustomersReveal, CustomersMerge, CustomersExport, CustomersErase, CustomersSegments,
         CasesRead, CasesWrite, CasesManage, CasesSupervise, ChannelsEmail, ChannelsTelephony, FeedbackRead, FeedbackCall, FeedbackManage,
         KnowledgeRead, KnowledgeWrite];

    private static readonly Dictionary<string, string[]> ByRole = new()
    {
        [Roles.Administrator] = [.. All],
        [Roles.Manager] = [BranchesAll, OrganisationRead, OrganisationManage, AuditRead, QueueIssue, QueueServe, QueueBoard,
            CustomersRead, CustomersWrite, CustomersReveal, CustomersMerge, CustomersExport, CustomersErase, CustomersSegments, CasesRead, CasesWrite, CasesManage,
            CasesSupervise, FeedbackRead, FeedbackCall, FeedbackManage, KnowledgeRead, KnowledgeWrite],
        // Supervisors reveal and merge for their branch; front-line staff serve with masked data and create on the fly.
        [Roles.Supervisor] = [OrganisationRead, QueueIssue, QueueServe, QueueBoard, CustomersRead, CustomersWrite, CustomersReveal, CustomersMerge, CasesRead, CasesWrite, CasesSupervise,
            FeedbackRead, FeedbackCall, KnowledgeRead, KnowledgeWrite],
        [Roles.Frontline] = [OrganisationRead, QueueIssue, QueueServe, CustomersRead, CustomersWrite, CasesRead, CasesWrite, FeedbackCall, KnowledgeRead],
        [Roles.BackOffice] = [OrganisationRead, CustomersRead, CustomersWrite, CasesRead, CasesWrite, FeedbackCall, KnowledgeRead],
        [Roles.QualityReviewer] = [OrganisationRead, CasesRead, FeedbackRead, KnowledgeRead],
        // Trainers keep staff knowledge current (专业知识更新).
        [Roles.Trainer] = [OrganisationRead, KnowledgeRead, KnowledgeWrite],
    };

    public static IReadOnlySet<string> ForRoles(IEnumerable<string> roles) =>
        roles.SelectMany(r => ByRole.GetValueOrDefault(r) ?? []).ToHashSet();
}
