using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Features.Organisation;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Realtime;

namespace Touchpoint.Server.Features.Cases;

/// <summary>
/// Watches SLA clocks: a case whose warning time has passed is announced once to its branch's supervisors, and one
/// whose due time has passed is marked breached and escalated to them. Each announcement is claimed with a
/// conditional update, so with several nodes only one sends it.
/// </summary>
public sealed class SlaMonitor(IServiceScopeFactory scopes, BranchDirectory directory, IRealtimePublisher realtime, TimeProvider clock,
    ILogger<SlaMonitor> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try { await CheckAsync(stoppingToken); }
            catch (Exception e) when (e is not OperationCanceledException) { logger.LogError(e, "SLA check failed"); }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass: returns the warnings and breaches it announced.</summary>
    public async Task<(int Warned, int Breached)> CheckAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TouchpointDb>();
        var now = clock.GetUtcNow().UtcDateTime;
        var breached = 0;
        var warned = 0;
        var overdue = await db.Cases.AsNoTracking().Where(c => c.SlaDueAt <= now && (c.SlaBreachedDueAt == null || c.SlaBreachedDueAt != c.SlaDueAt))
            .OrderBy(c => c.SlaDueAt).Take(500).ToListAsync(ct);
        foreach (var c in overdue)
        {
            var claimed = await db.Cases.Where(x => x.Id == c.Id && x.SlaDueAt == c.SlaDueAt && (x.SlaBreachedDueAt == null || x.SlaBreachedDueAt != c.SlaDueAt))
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.SlaBreachedDueAt, c.SlaDueAt).SetProperty(x => x.SlaBreached, true)
                    .SetProperty(x => x.SlaWarnedDueAt, c.SlaDueAt), ct);
            if (claimed == 0) continue;
            breached++;
            await AnnounceAsync(db, c, CaseContext.SlaBreachedEvent, ct);
        }
        var warning = await db.Cases.AsNoTracking().Where(c => c.SlaWarnAt <= now && c.SlaDueAt > now && (c.SlaWarnedDueAt == null || c.SlaWarnedDueAt != c.SlaDueAt))
            .OrderBy(c => c.SlaDueAt).Take(500).ToListAsync(ct);
        foreach (var c in warning)
        {
            var claimed = await db.Cases.Where(x => x.Id == c.Id && x.SlaDueAt == c.SlaDueAt && (x.SlaWarnedDueAt == null || x.SlaWarnedDueAt != c.SlaDueAt))
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.SlaWarnedDueAt, c.SlaDueAt), ct);
            if (claimed == 0) continue;
            warned++;
            await AnnounceAsync(db, c, CaseContext.SlaWarningEvent, ct);
        }
        return (warned, breached);
    }

    private async Task AnnounceAsync(TouchpointDb db, SupportCase c, string type, CancellationToken ct)
    {
        var branch = await directory.FindAsync(db, c.BranchId, ct);
        if (branch is null) return;
        var code = branch.Branch.Code;
        var data = System.Text.Json.JsonSerializer.SerializeToNode(new
        {
            id = c.Id, reference = c.Reference, subject = c.Subject, priority = c.Priority, target = c.SlaTarget, dueAt = c.SlaDueAt,
            assigneeId = c.AssigneeId,
        }, Queue.QueueContext.EventJson);
        List<string> groups = [RealtimeGroups.Supervisors(code), RealtimeGroups.Supervisors("*"), RealtimeGroups.Case(c.Id)];
        if (c.AssigneeId is { } assignee) groups.Add(RealtimeGroups.User(assignee));
        await realtime.PublishAsync(new RealtimeEvent(type, code, data), groups, ct);
    }
}
