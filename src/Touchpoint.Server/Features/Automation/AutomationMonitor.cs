using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Features.Cases;
using Touchpoint.Server.Platform.Data;

namespace Touchpoint.Server.Features.Automation;

/// <summary>
/// Time-based automations and catch-up assignment. Each pass finds, for every enabled time-based rule, the cases the
/// time has come for and runs the rule on each once (its firing row, keyed "timed", is unique per rule and case, so
/// a second node or a later pass never runs it again). Then cases left unassigned in branches with auto-assignment
/// on (opened while nobody was available, or unassigned by a rule) are offered round robin again.
/// </summary>
public sealed class AutomationMonitor(IServiceScopeFactory scopes, TimeProvider clock, ILogger<AutomationMonitor> logger) : BackgroundService
{
    public const string TimedKey = "timed";

    /// <summary>How many cases a rule fires on per pass, and how many candidates are read per page.</summary>
    public const int BatchSize = 200;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(SlaMonitor.Interval, clock);
        do
        {
            try { await CheckAsync(stoppingToken); }
            catch (Exception e) when (e is not OperationCanceledException) { logger.LogError(e, "Automation check failed"); }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass: returns how many rule firings and assignments it made.</summary>
    public async Task<(int Fired, int Assigned)> CheckAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var cases = scope.ServiceProvider.GetRequiredService<CaseContext>();
        var automation = scope.ServiceProvider.GetRequiredService<CaseAutomation>();
        var db = cases.Db;
        var now = cases.Now;
        var fired = 0;
        foreach (var rule in (await scope.ServiceProvider.GetRequiredService<CaseRuleCache>().GetAsync(db, ct)).Where(r => RuleEvents.Timed.Contains(r.Event)))
        {
            var hours = TimeSpan.FromHours(rule.Hours ?? 0);
            var q = db.Cases.AsNoTracking().Where(c => c.Status != CaseStatuses.Solved && c.Status != CaseStatuses.Closed);
            if (rule.BranchId is { } b) q = q.Where(c => c.BranchId == b);
            var before = now - hours;
            q = rule.Event switch
            {
                RuleEvents.HoursSinceCreated => q.Where(c => c.CreatedAt <= before),
                RuleEvents.HoursSinceUpdated => q.Where(c => c.UpdatedAt <= before),
                RuleEvents.HoursPending => q.Where(c => c.Status == CaseStatuses.PendingCustomer && c.SlaPausedAt != null && c.SlaPausedAt <= before),
                _ => q.Where(c => c.SlaDueAt != null && c.SlaDueAt <= now + hours),
            };
            var ruleId = rule.Id;
            q = q.Where(c => !db.CaseRuleFirings.Any(f => f.RuleId == ruleId && f.CaseId == c.Id && f.EventKey == TimedKey));
            foreach (var id in await MatchingAsync(q, rule, ct))
                if (await FireOnceAsync(cases, automation, rule, id, ct)) fired++;
        }
        return (fired, await AssignWaitingAsync(cases, ct));
    }

    /// <summary>
    /// Up to a batch of due cases that meet the rule's conditions, oldest first. The conditions are checked here, on
    /// untracked pages read in CreatedAt order, so that old cases that never match neither hide newer ones behind them
    /// nor cost a gated transaction on every pass.
    /// </summary>
    private static async Task<List<Guid>> MatchingAsync(IQueryable<SupportCase> due, CaseRule rule, CancellationToken ct)
    {
        var matching = new List<Guid>();
        DateTime? after = null;
        List<Guid> seenAtAfter = []; // cases created at exactly `after` that an earlier page already read
        while (matching.Count < BatchSize)
        {
            var q = due;
            if (after is { } a)
            {
                var seen = seenAtAfter;
                q = q.Where(c => c.CreatedAt > a || (c.CreatedAt == a && !seen.Contains(c.Id)));
            }
            var page = await q.OrderBy(c => c.CreatedAt).Take(BatchSize).ToListAsync(ct);
            matching.AddRange(page.Where(c => RuleConditions.Match(rule, c)).Select(c => c.Id).Take(BatchSize - matching.Count));
            if (page.Count < BatchSize) break;
            var last = page[^1].CreatedAt;
            seenAtAfter = last == after ? [.. seenAtAfter, .. page.Select(c => c.Id)] : page.Where(c => c.CreatedAt == last).Select(c => c.Id).ToList();
            after = last;
        }
        return matching;
    }

    private static async Task<bool> FireOnceAsync(CaseContext cases, CaseAutomation automation, CaseRule rule, Guid caseId, CancellationToken ct)
    {
        var db = cases.Db;
        try
        {
            SupportCase? fired = null;
            Organisation.BranchLayout? branch = null;
            await cases.Gate.RunAsync(db, async () =>
            {
                var c = await db.Cases.FirstAsync(x => x.Id == caseId, ct);
                branch = await cases.BranchAsync(c.BranchId, ct);
                if (branch is null || !RuleConditions.Match(rule, c)) return;
                await automation.FireAsync(cases, c, branch.Branch, rule, TimedKey, ct);
                await db.SaveChangesAsync(ct);
                fired = c;
            }, ct);
            // Told once committed: a page that reloads on the event must find the change.
            if (fired is not null) await cases.PublishAsync(branch!.Branch.Code, fired, CaseContext.CaseChangedEvent, ct);
            return fired is not null;
        }
        catch (DbUpdateException)
        {
            // Another node fired it first: the firing's key refused the second.
            db.ChangeTracker.Clear();
            return false;
        }
        finally { db.ChangeTracker.Clear(); }
    }

    private static async Task<int> AssignWaitingAsync(CaseContext cases, CancellationToken ct)
    {
        var db = cases.Db;
        var assigned = 0;
        foreach (var branchId in await db.AutoAssignPools.AsNoTracking().Where(p => p.Enabled).Select(p => p.BranchId).ToListAsync(ct))
        {
            var branch = await cases.BranchAsync(branchId, ct);
            if (branch is null) continue;
            // A case whose team has nobody available cannot be placed: leave it out, or a team without members (teams
            // migrated from free text start that way) would fill the batch and hold back every case behind it.
            var waiting = await db.Cases.AsNoTracking().Where(c => c.BranchId == branchId && c.AssigneeId == null
                    && c.Status != CaseStatuses.Solved && c.Status != CaseStatuses.Closed
                    && (c.TeamId == null || db.TeamMembers.Any(m => m.TeamId == c.TeamId
                        && db.StaffAvailability.Any(a => a.UserId == m.UserId && a.IsAvailable))))
                .OrderBy(c => c.CreatedAt).Select(c => c.Id).Take(50).ToListAsync(ct);
            foreach (var id in waiting)
            {
                var assignedCase = await cases.Gate.RunAsync(db, async () =>
                {
                    var c = await db.Cases.FirstAsync(x => x.Id == id, ct);
                    if (c.AssigneeId is not null) return (SupportCase?)null;
                    var chosen = await AutoAssigner.AssignAsync(db, c, branch.Branch.Code, cases.Now, ct);
                    if (chosen is null) return null;
                    c.UpdatedAt = cases.Now;
                    await db.SaveChangesAsync(ct);
                    return c;
                }, ct);
                db.ChangeTracker.Clear();
                if (assignedCase is null) continue; // nobody free with the skills for this one
                await cases.PublishAsync(branch.Branch.Code, assignedCase, CaseContext.CaseChangedEvent, ct);
                assigned++;
            }
        }
        return assigned;
    }
}
