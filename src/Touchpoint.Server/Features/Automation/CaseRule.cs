using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Touchpoint.Server.Platform.Data;

namespace Touchpoint.Server.Features.Automation;

/// <summary>
/// A trigger or time-based automation: when <see cref="Event"/> happens to a case (of the branch, or any branch when
/// <see cref="BranchId"/> is null) and the conditions hold (all, or any), the actions run. Rules run in
/// <see cref="Position"/> order; each fires at most once per event, and once per case for creation and time-based
/// events (see <see cref="CaseRuleFiring"/>).
/// </summary>
public sealed class CaseRule
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid? BranchId { get; set; }
    public required string Name { get; set; }
    public required string Event { get; set; }
    /// <summary>For time-based rules: how many hours after the moment the event names.</summary>
    public int? Hours { get; set; }
    public int Position { get; set; }
    public bool IsEnabled { get; set; }
    public bool MatchAll { get; set; } = true;
    public List<RuleCondition> Conditions { get; set; } = [];
    public List<RuleAction> Actions { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>One test on the case: a field, an operator (is, isNot, contains, set, notSet) and a value.</summary>
public sealed class RuleCondition
{
    public string Field { get; set; } = "";
    public string Operator { get; set; } = RuleOperators.Is;
    public string? Value { get; set; }
}

/// <summary>One change: an action type and its value (a priority, a tag, a user id, a macro id, note text).</summary>
public sealed class RuleAction
{
    public string Type { get; set; } = "";
    public string? Value { get; set; }
}

/// <summary>
/// That a rule fired on a case where it may fire only once: at the case's creation ("caseCreated") or when its time
/// came ("timed"). The primary key makes the second attempt fail, on another node too. Change events leave no row.
/// </summary>
public sealed class CaseRuleFiring
{
    public Guid RuleId { get; set; }
    public Guid CaseId { get; set; }
    public required string EventKey { get; set; }
    public DateTime FiredAt { get; set; }
}

public static class RuleEvents
{
    public const string CaseCreated = "caseCreated";
    public const string CaseUpdated = "caseUpdated";
    public const string StatusChanged = "statusChanged";
    public const string CustomerMessage = "customerMessage";
    public const string HoursSinceCreated = "hoursSinceCreated";
    public const string HoursSinceUpdated = "hoursSinceUpdated";
    public const string HoursPending = "hoursPending";
    public const string HoursUntilSlaDue = "hoursUntilSlaDue";
    public static readonly IReadOnlyList<string> Immediate = [CaseCreated, CaseUpdated, StatusChanged, CustomerMessage];
    public static readonly IReadOnlyList<string> Timed = [HoursSinceCreated, HoursSinceUpdated, HoursPending, HoursUntilSlaDue];
    public static readonly IReadOnlyList<string> All = [.. Immediate, .. Timed];
}

public static class RuleFields
{
    public const string Status = "status", Priority = "priority", Category = "category", Channel = "channel", Tags = "tags",
        Language = "language", Segment = "segment", Assignee = "assignee", Team = "team", Subject = "subject", Description = "description";
    public static readonly IReadOnlyList<string> All = [Status, Priority, Category, Channel, Tags, Language, Segment, Assignee, Team, Subject, Description];
}

public static class RuleOperators
{
    public const string Is = "is", IsNot = "isNot", Contains = "contains", Set = "set", NotSet = "notSet";
    public static readonly IReadOnlyList<string> All = [Is, IsNot, Contains, Set, NotSet];
}

public static class RuleActionTypes
{
    public const string SetPriority = "setPriority", SetStatus = "setStatus", SetCategory = "setCategory", SetTeam = "setTeam",
        SetAssignee = "setAssignee", AddTag = "addTag", RemoveTag = "removeTag", AddNote = "addNote", SendMacro = "sendMacro",
        NotifySupervisors = "notifySupervisors";
    public static readonly IReadOnlyList<string> All =
        [SetPriority, SetStatus, SetCategory, SetTeam, SetAssignee, AddTag, RemoveTag, AddNote, SendMacro, NotifySupervisors];
}

internal sealed class CaseRuleConfiguration : IEntityTypeConfiguration<CaseRule>
{
    public void Configure(EntityTypeBuilder<CaseRule> b)
    {
        b.ToTable("CaseRules");
        b.HasIndex(x => x.Position);
        b.Property(x => x.Name).HasMaxLength(128);
        b.Property(x => x.Event).HasMaxLength(32);
        b.Property(x => x.Conditions).HasJsonConversion();
        b.Property(x => x.Actions).HasJsonConversion();
    }
}

internal sealed class CaseRuleFiringConfiguration : IEntityTypeConfiguration<CaseRuleFiring>
{
    public void Configure(EntityTypeBuilder<CaseRuleFiring> b)
    {
        b.ToTable("CaseRuleFirings");
        b.HasKey(x => new { x.RuleId, x.CaseId, x.EventKey });
        b.HasIndex(x => x.CaseId);
        b.Property(x => x.EventKey).HasMaxLength(64);
    }
}
