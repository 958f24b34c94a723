using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Features.Organisation;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Localization;
using Touchpoint.Server.Platform.Realtime;

namespace Touchpoint.Server.Features.Cases;

/// <summary>
/// Reminds the person keeping a promise before it is due, and marks a promise missed once its due time has passed,
/// telling the branch's supervisors. Like the SLA monitor, each step is claimed with a conditional update so that
/// with several nodes only one announces it.
/// </summary>
public sealed class CommitmentMonitor(IServiceScopeFactory scopes, BranchDirectory directory, IRealtimePublisher realtime, TimeProvider clock,
    ILogger<CommitmentMonitor> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(SlaMonitor.Interval, clock);
        do
        {
            try { await CheckAsync(stoppingToken); }
            catch (Exception e) when (e is not OperationCanceledException) { logger.LogError(e, "Commitment check failed"); }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass: returns the reminders sent and the commitments marked missed.</summary>
    public async Task<(int Reminded, int Missed)> CheckAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TouchpointDb>();
        var now = clock.GetUtcNow().UtcDateTime;
        var missed = 0;
        var reminded = 0;
        var overdue = await db.Commitments.AsNoTracking().Where(x => x.Status == CommitmentStatuses.Open && x.DueAt <= now)
            .OrderBy(x => x.DueAt).Take(500).ToListAsync(ct);
        foreach (var x in overdue)
        {
            var claimed = await db.Commitments.Where(y => y.Id == x.Id && y.Status == CommitmentStatuses.Open)
                .ExecuteUpdateAsync(s => s.SetProperty(y => y.Status, CommitmentStatuses.Missed).SetProperty(y => y.MissedAt, now), ct);
            if (claimed == 0) continue;
            missed++;
            await AnnounceAsync(db, x, CommitmentEndpoints.MissedEvent, now, ct);
        }
        var due = await db.Commitments.AsNoTracking().Where(x => x.Status == CommitmentStatuses.Open && x.RemindedAt == null && x.RemindAt <= now)
            .OrderBy(x => x.RemindAt).Take(500).ToListAsync(ct);
        foreach (var x in due)
        {
            var claimed = await db.Commitments.Where(y => y.Id == x.Id && y.RemindedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(y => y.RemindedAt, now), ct);
            if (claimed == 0) continue;
            reminded++;
            await AnnounceAsync(db, x, CommitmentEndpoints.ReminderEvent, now, ct);
        }
        return (reminded, missed);
    }

    private async Task AnnounceAsync(TouchpointDb db, Commitment x, string type, DateTime now, CancellationToken ct)
    {
        var branch = await directory.FindAsync(db, x.BranchId, ct);
        var c = await db.Cases.AsNoTracking().Where(c => c.Id == x.CaseId).Select(c => new { c.Id, c.Reference, c.Subject, c.Language }).FirstOrDefaultAsync(ct);
        if (branch is null || c is null) return;
        var code = branch.Branch.Code;
        var zone = CommitmentEndpoints.ZoneOf(branch.Branch);
        if (type == CommitmentEndpoints.MissedEvent)
        {
            // The thread says so too, so whoever opens the case next sees the promise was broken.
            db.CaseMessages.Add(CommitmentEndpoints.SystemNote(c.Id, now,
                Messages.GetIn(c.Language, "commitments.note.missed", CommitmentEndpoints.Local(x.DueAt, zone))));
            await db.SaveChangesAsync(ct);
        }
        var data = System.Text.Json.JsonSerializer.SerializeToNode(new
        {
            id = x.Id, caseId = c.Id, reference = c.Reference, subject = c.Subject, promise = x.Promise, dueAt = x.DueAt,
            dueLocal = CommitmentEndpoints.Local(x.DueAt, zone), responsibleId = x.ResponsibleId,
        }, Queue.QueueContext.EventJson);
        List<string> groups = [RealtimeGroups.User(x.ResponsibleId), RealtimeGroups.Case(c.Id)];
        if (type == CommitmentEndpoints.MissedEvent) groups.AddRange([RealtimeGroups.Supervisors(code), RealtimeGroups.Supervisors("*")]);
        await realtime.PublishAsync(new RealtimeEvent(type, code, data), groups, ct);
    }
}
