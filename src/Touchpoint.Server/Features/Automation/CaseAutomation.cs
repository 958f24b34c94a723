using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Features.Cases;
using Touchpoint.Server.Features.Channels;
using Touchpoint.Server.Features.Teams;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Localization;
using Touchpoint.Server.Platform.Realtime;

namespace Touchpoint.Server.Features.Automation;

/// <summary>
/// Enabled rules change rarely and are read on every case written: each node keeps them for a few seconds, and a
/// change on this node empties the copy at once. Ordered as they run: by position, then age, then id.
/// </summary>
public sealed class CaseRuleCache(TimeProvider clock)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(10);
    private sealed record Snapshot(IReadOnlyList<CaseRule> Rules, IReadOnlySet<Guid> AutoAssignBranches, long LoadedAt);
    private volatile Snapshot? cached;

    public async Task<IReadOnlyList<CaseRule>> GetAsync(TouchpointDb db, CancellationToken ct) => (await LoadAsync(db, ct)).Rules;

    /// <summary>Branches with auto-assignment on: a case elsewhere skips the assigner (and its row lock) entirely.</summary>
    public async Task<IReadOnlySet<Guid>> AutoAssignBranchesAsync(TouchpointDb db, CancellationToken ct) => (await LoadAsync(db, ct)).AutoAssignBranches;

    private async Task<Snapshot> LoadAsync(TouchpointDb db, CancellationToken ct)
    {
        if (cached is { } c && clock.GetElapsedTime(c.LoadedAt) < MaxAge) return c;
        var loadedAt = clock.GetTimestamp();
        var rules = (await db.CaseRules.AsNoTracking().Where(r => r.IsEnabled).ToListAsync(ct))
            .OrderBy(r => r.Position).ThenBy(r => r.CreatedAt).ThenBy(r => r.Id).ToList();
        var pools = (await db.AutoAssignPools.AsNoTracking().Where(p => p.Enabled).Select(p => p.BranchId).ToListAsync(ct)).ToHashSet();
        var snapshot = new Snapshot(rules, pools, loadedAt);
        cached = snapshot;
        return snapshot;
    }

    public void Invalidate() => cached = null;
}

/// <summary>
/// Runs the rules on a case inside the write that changed it (the caller saves), so a rule's changes and its audit note
/// commit with the change or not at all. Loop protection needs no bookkeeping: rules react to the event a person or a
/// channel caused, a rule's own changes raise no event, and one event runs each rule at most once (the rules run in a
/// single pass, each seeing the changes of those before it). Firing rows exist only where "once per case" must hold
/// across writes and nodes: a case's creation and each time-based rule, whose row key refuses a second firing. What
/// any rule did is also in the thread's note.
/// </summary>
public sealed class CaseAutomation(CaseRuleCache rules, IRealtimePublisher realtime, EmailOutbox outbox)
{
    public const string RuleAlertEvent = "case.ruleAlert";

    /// <summary>Immediate events: the rules for it (a status change and a customer message are also updates), then auto-assignment on creation.</summary>
    public async Task CaseChangedAsync(CaseContext cases, SupportCase c, Organisation.Branch branch, string evt, CancellationToken ct)
    {
        var all = await rules.GetAsync(cases.Db, ct);
        if (all.Count > 0)
        {
            var now = cases.Now;
            // Only creation happens once per case; other events recur, and each occurrence runs the rules afresh.
            var onceKey = evt == RuleEvents.CaseCreated ? evt : null;
            var lines = new List<string>();
            var words = new CaseWords(c);
            foreach (var rule in all)
            {
                var applies = rule.Event == evt || (rule.Event == RuleEvents.CaseUpdated && evt is RuleEvents.StatusChanged or RuleEvents.CustomerMessage);
                if (!applies || (rule.BranchId is { } b && b != c.BranchId) || !RuleConditions.Match(rule, words)) continue;
                lines.Add(await ApplyAsync(cases, c, branch, rule, onceKey, ct));
            }
            // One note for all the rules this event ran, so the thread (and the write) grows by one row, not one per rule.
            if (lines.Count > 0) cases.Db.CaseMessages.Add(CommitmentEndpoints.SystemNote(c, now, string.Join("\n", lines)));
        }
        if (evt == RuleEvents.CaseCreated && c.AssigneeId is null && cases.Db.Database.CurrentTransaction is not null
            && (await rules.AutoAssignBranchesAsync(cases.Db, ct)).Contains(c.BranchId))
            await AutoAssigner.AssignAsync(cases.Db, c, branch.Code, cases.Now, ct);
    }

    /// <summary>Applies a time-based rule's actions to the tracked case and records the firing and its note (the caller saves).</summary>
    public async Task FireAsync(CaseContext cases, SupportCase c, Organisation.Branch branch, CaseRule rule, string onceKey, CancellationToken ct) =>
        cases.Db.CaseMessages.Add(CommitmentEndpoints.SystemNote(c, cases.Now, await ApplyAsync(cases, c, branch, rule, onceKey, ct)));

    /// <summary>
    /// Applies a rule's actions; with <paramref name="onceKey"/> also records the firing under that key, whose primary
    /// key refuses the same rule on the same case again. Returns the line for the audit note.
    /// </summary>
    private async Task<string> ApplyAsync(CaseContext cases, SupportCase c, Organisation.Branch branch, CaseRule rule, string? onceKey, CancellationToken ct)
    {
        var db = cases.Db;
        var now = cases.Now;
        var (priority, category) = (c.Priority, c.Category);
        var policyBefore = await cases.PolicyForAsync(c, ct);
        var done = new List<string>();
        foreach (var action in rule.Actions)
        {
            var value = action.Value?.Trim();
            switch (action.Type)
            {
                case RuleActionTypes.SetPriority when value is not null && CasePriorities.All.Contains(value):
                    c.Priority = value; break;
                case RuleActionTypes.SetStatus when value is not null && CaseStatuses.CanMove(c.Status, value):
                    await CaseWork.MoveAsync(cases, c, branch, value, ct); break;
                case RuleActionTypes.SetStatus:
                    continue;
                case RuleActionTypes.SetCategory:
                    c.Category = string.IsNullOrEmpty(value) ? null : value; break;
                case RuleActionTypes.SetTeam when string.IsNullOrEmpty(value):
                    c.SetTeam(null); break;
                case RuleActionTypes.SetTeam:
                    // The team of that name in the case's branch; a branch without one keeps the case's team.
                    if (await TeamLookup.ByNameAsync(db, c.BranchId, value, ct) is not { } team) continue;
                    c.SetTeam(team);
                    break;
                case RuleActionTypes.SetAssignee when value == "auto":
                    // Round robin needs the write's transaction (its lock); without one the monitor assigns it shortly.
                    c.AssigneeId = null;
                    if (db.Database.CurrentTransaction is not null) await AutoAssigner.AssignAsync(db, c, branch.Code, now, ct);
                    break;
                case RuleActionTypes.SetAssignee:
                    c.AssigneeId = Guid.TryParse(value, out var user) ? user : null; break;
                case RuleActionTypes.AddTag when !string.IsNullOrEmpty(value) && !c.Tags.Contains(value, StringComparer.OrdinalIgnoreCase):
                    c.Tags = [.. c.Tags, value]; break;
                case RuleActionTypes.RemoveTag when !string.IsNullOrEmpty(value):
                    c.Tags = c.Tags.Where(t => !string.Equals(t, value, StringComparison.OrdinalIgnoreCase)).ToList(); break;
                case RuleActionTypes.AddNote when !string.IsNullOrEmpty(value):
                    db.CaseMessages.Add(CommitmentEndpoints.SystemNote(c, now, value)); break;
                case RuleActionTypes.SendMacro when Guid.TryParse(value, out var macroId):
                    if (!await SendMacroAsync(cases, c, branch, macroId, now, ct)) continue;
                    break;
                case RuleActionTypes.NotifySupervisors:
                    await realtime.PublishAsync(new RealtimeEvent(RuleAlertEvent, branch.Code, System.Text.Json.JsonSerializer.SerializeToNode(
                            new { id = c.Id, reference = c.Reference, subject = c.Subject, priority = c.Priority, rule = rule.Name, message = value },
                            Queue.QueueContext.EventJson)),
                        [RealtimeGroups.Supervisors(branch.Code), RealtimeGroups.Supervisors("*"), RealtimeGroups.Case(c.Id)], ct);
                    break;
                default:
                    continue;
            }
            done.Add(Messages.GetIn(c.Language, "automation.action." + action.Type, value ?? ""));
        }
        // A new priority or category may bring another policy: a new case starts its clocks under it, a running one
        // keeps the working time spent and takes the new targets.
        if (c.Priority != priority || c.Category != category)
        {
            var policy = await cases.PolicyForAsync(c, ct);
            if (onceKey == RuleEvents.CaseCreated) SlaClock.Start(c, policy, CaseCreation.CalendarOf(branch), c.CreatedAt);
            else SlaClock.PolicyChanged(c, policyBefore, policy, CaseCreation.CalendarOf(branch), now);
        }
        c.UpdatedAt = now;
        if (onceKey is not null) db.CaseRuleFirings.Add(new CaseRuleFiring { RuleId = rule.Id, CaseId = c.Id, EventKey = onceKey, FiredAt = now });
        return Messages.GetIn(c.Language, "automation.note", rule.Name, done.Count == 0 ? "—" : string.Join("; ", done));
    }

    /// <summary>A public reply from a macro in the case's language, placeholders filled; by email when the case came that way.</summary>
    private async Task<bool> SendMacroAsync(CaseContext cases, SupportCase c, Organisation.Branch branch, Guid macroId, DateTime now, CancellationToken ct)
    {
        if (c.Status == CaseStatuses.Closed) return false;
        var macro = await cases.Db.Macros.AsNoTracking().FirstOrDefaultAsync(m => m.Id == macroId && m.IsActive, ct);
        if (macro is null) return false;
        var agent = c.AssigneeId is { } a ? await cases.Db.Users.Where(u => u.Id == a).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) : null;
        var branchName = branch.Name.Resolve(c.Language);
        var body = MacroPlaceholders.Fill(macro.Body.Resolve(c.Language), new Dictionary<string, string>
        {
            ["customer.name"] = c.CustomerName, ["case.reference"] = c.Reference, ["case.subject"] = c.Subject,
            ["agent.name"] = agent ?? branchName, ["branch.name"] = branchName,
        });
        var message = new CaseMessage
        {
            CaseId = c.Id, Visibility = CaseMessageVisibility.Public, Direction = CaseMessageDirections.Outbound, CreatedAt = now,
            AuthorName = branchName, Body = body,
        };
        cases.Db.CaseMessages.Add(message);
        if (c.Channel is (CaseChannels.Email or CaseChannels.WebChat) && c.CustomerEmail is not null)
            await outbox.EnqueueReplyAsync(cases.Db, c, message, ct);
        return true;
    }
}
