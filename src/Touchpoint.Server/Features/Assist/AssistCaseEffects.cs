using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Features.Cases;
using Touchpoint.Server.Features.Teams;
using Touchpoint.Server.Platform.Audit;
using Touchpoint.Server.Platform.Realtime;

namespace Touchpoint.Server.Features.Assist;

/// <summary>
/// What the analysis of a customer's text does to its case: a new case whose intent has a route goes to that team and
/// category (when staff have not set them), and anger raises the priority one step and alerts the branch's
/// supervisors, as an SLA breach does. Changes are made on the caller's context and saved with the analyses; events
/// go out after the save (<see cref="PublishAsync"/>).
/// </summary>
public sealed class AssistCaseEffects(CaseContext cases, AuditLog audit, IRealtimePublisher realtime)
{
    public const string EscalatedEvent = "case.escalated";
    public const string Actor = "assist";
    /// <summary>
    /// A route moves work between teams: only a confident intent does it. The built-in models are small, and a wrong
    /// team costs more than no team.
    /// </summary>
    public const float RouteMinConfidence = 0.3f;
    private readonly List<Func<CancellationToken, Task>> afterSave = [];

    public async Task ApplyAsync(IReadOnlyList<TextAnalysis> analysed, CancellationToken ct)
    {
        var db = cases.Db;
        var intents = await db.AssistIntents.AsNoTracking().ToDictionaryAsync(i => i.Key, ct);
        bool MayRoute(TextAnalysis a) => a.Intent is not null && a.IntentConfidence >= RouteMinConfidence
            && intents.TryGetValue(a.Intent, out var i) && (i.RouteTeam is not null || i.RouteCategory is not null);
        // Most texts change nothing: only the cases something may happen to are read (this runs for every new case).
        var byCase = analysed.Where(a => a.CaseId is not null && a.Sentiment is not null && a.OwnerKind != AssistOwners.Encounter)
            .GroupBy(a => a.CaseId!.Value).Where(g => g.Any(a => MayRoute(a) || AssistEscalation.MayEscalate(a))).ToList();
        if (byCase.Count == 0) return;
        var ids = byCase.Select(g => g.Key).ToList();
        var caseRows = await db.Cases.Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        foreach (var group in byCase)
        {
            if (!caseRows.TryGetValue(group.Key, out var c)) continue;
            var ordered = group.OrderBy(a => a.CreatedAt).ToList();
            var first = ordered[0];
            // The customer's text just before this batch, already analysed: the start of "two angry messages in a row".
            // A case's own description is its first text: nothing comes before it.
            var previous = first.OwnerKind == AssistOwners.Case ? null : await db.AssistAnalyses.AsNoTracking()
                .Where(a => a.CaseId == c.Id && a.AnalysedAt != null && a.OwnerKind != AssistOwners.Encounter && a.CreatedAt <= first.CreatedAt
                            && a.OwnerId != first.OwnerId)
                .OrderByDescending(a => a.CreatedAt).FirstOrDefaultAsync(ct);
            var changed = false;
            foreach (var a in ordered)
            {
                changed |= await RouteAsync(c, a, intents, ct);
                if (AssistEscalation.Decide(a, previous) is { } reason && await RaiseAsync(c, a, reason, ct)) changed = true;
                previous = a;
            }
            if (changed)
            {
                c.UpdatedAt = cases.Now;
                var code = (await cases.BranchAsync(c.BranchId, ct))?.Branch.Code;
                if (code is not null) afterSave.Add(token => cases.PublishAsync(code, c, CaseContext.CaseChangedEvent, token));
            }
        }
    }

    public async Task PublishAsync(CancellationToken ct)
    {
        foreach (var publish in afterSave) await publish(ct);
        afterSave.Clear();
    }

    /// <summary>
    /// A case still new goes where its intent's route says, for what staff have left open. The route names a team: the
    /// team of that name in the case's branch (a branch without one routes the category only).
    /// </summary>
    private async Task<bool> RouteAsync(SupportCase c, TextAnalysis a, Dictionary<string, AssistIntent> intents, CancellationToken ct)
    {
        if (c.Status != CaseStatuses.New || a.Intent is null || a.IntentConfidence < RouteMinConfidence
            || !intents.TryGetValue(a.Intent, out var intent)) return false;
        var team = c.TeamId is null && intent.RouteTeam is not null ? await TeamLookup.ByNameAsync(cases.Db, c.BranchId, intent.RouteTeam, ct) : null;
        var category = c.Category is null && intent.RouteCategory is not null ? intent.RouteCategory : null;
        if (team is null && category is null) return false;
        if (team is not null) c.SetTeam(team);
        c.Category ??= category;
        audit.Record(AuditActions.CaseRouted, $"case:{c.Reference}", new { intent = intent.Key, team = team?.Name, teamId = team?.Id, category }, actorOverride: Actor);
        return true;
    }

    private async Task<bool> RaiseAsync(SupportCase c, TextAnalysis a, string reason, CancellationToken ct)
    {
        var next = AssistEscalation.NextPriority(c.Priority);
        if (next is null || !CaseStatuses.IsActive(c.Status)) return false;
        var from = c.Priority;
        var policyBefore = await cases.PolicyForAsync(c, ct);
        c.Priority = next;
        a.Escalated = true;
        a.EscalationReason = reason;
        var branch = await cases.BranchAsync(c.BranchId, ct);
        if (branch is not null)
            SlaClock.PolicyChanged(c, policyBefore, await cases.PolicyForAsync(c, ct), CaseCreation.CalendarOf(branch.Branch), cases.Now);
        var anger = a.Emotions.GetValueOrDefault("anger");
        audit.Record(AuditActions.CasePriorityRaised, $"case:{c.Reference}",
            new { from, to = next, reason, anger, sentiment = a.Sentiment, text = $"{a.OwnerKind}:{a.OwnerId}" }, actorOverride: Actor);
        if (branch is null) return true;
        var code = branch.Branch.Code;
        var data = System.Text.Json.JsonSerializer.SerializeToNode(new
        {
            id = c.Id, reference = c.Reference, subject = c.Subject, from, priority = next, reason, anger, assigneeId = c.AssigneeId,
        }, Queue.QueueContext.EventJson);
        List<string> groups = [RealtimeGroups.Supervisors(code), RealtimeGroups.Supervisors("*"), RealtimeGroups.Case(c.Id)];
        if (c.AssigneeId is { } assignee) groups.Add(RealtimeGroups.User(assignee));
        afterSave.Add(token => realtime.PublishAsync(new RealtimeEvent(EscalatedEvent, code, data), groups, token));
        return true;
    }
}
