using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Features.Customers;
using Touchpoint.Server.Features.Organisation;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Http;
using Touchpoint.Server.Platform.Identity;
using Touchpoint.Server.Platform.Realtime;

namespace Touchpoint.Server.Features.Cases;

/// <summary>
/// SLA policies change rarely and are read on every case created or changed: each node keeps them for a few seconds,
/// and a change on this node empties the copy at once.
/// </summary>
public sealed class SlaPolicyCache(TimeProvider clock)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(10);
    private sealed record Snapshot(IReadOnlyList<SlaPolicy> Policies, long LoadedAt);
    private volatile Snapshot? cached;

    public async Task<IReadOnlyList<SlaPolicy>> GetAsync(TouchpointDb db, CancellationToken ct)
    {
        if (cached is { } c && clock.GetElapsedTime(c.LoadedAt) < MaxAge) return c.Policies;
        var loadedAt = clock.GetTimestamp();
        var policies = await db.SlaPolicies.AsNoTracking().ToListAsync(ct);
        cached = new Snapshot(policies, loadedAt);
        return policies;
    }

    public void Invalidate() => cached = null;
}

/// <summary>What every case operation shares: the database, branch set-up and calendars, SLA policies, clock, gate and events.</summary>
public sealed class CaseContext(
    TouchpointDb db, BranchDirectory directory, SlaPolicyCache policies, IRealtimePublisher realtime, TimeProvider clock, WriteGate gate,
    CustomerMatcher customers, Feedback.SurveyInvitations surveys, Features.Automation.CaseAutomation automation)
{
    public const string CaseChangedEvent = "case.changed";
    public const string SlaWarningEvent = "case.slaWarning";
    public const string SlaBreachedEvent = "case.slaBreached";

    public TouchpointDb Db => db;
    public WriteGate Gate => gate;
    public DateTime Now => clock.GetUtcNow().UtcDateTime;
    public SlaPolicyCache Policies => policies;
    public CustomerMatcher Customers => customers;
    public Feedback.SurveyInvitations Surveys => surveys;
    /// <summary>Rules and auto-assignment, run inside each case write (decision 0015).</summary>
    public Features.Automation.CaseAutomation Automation => automation;

    public Task<BranchLayout?> BranchAsync(Guid id, CancellationToken ct) => directory.FindAsync(db, id, ct);
    public Task<BranchLayout?> BranchAsync(string code, CancellationToken ct) => directory.FindAsync(db, code, ct);

    public async Task<SlaPolicy> PolicyForAsync(SupportCase c, CancellationToken ct) =>
        SlaPolicy.Choose(await policies.GetAsync(db, ct), c.BranchId, c.Priority, c.Category, c.CustomerSegment);

    /// <summary>The case (tracked) and its branch, if the principal may see it: 404 when unknown, 403 out of scope.</summary>
    public async Task<(SupportCase? Case, BranchLayout? Branch, ProblemHttpResult? Problem)> FindAsync(Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        var c = await db.Cases.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return (null, null, Problems.NotFound());
        var branch = await directory.FindAsync(db, c.BranchId, ct);
        if (branch is null) return (null, null, Problems.NotFound());
        return user.CanAccessBranch(branch.Branch.Code) ? (c, branch, null) : (null, null, Problems.Forbidden());
    }

    /// <summary>The branch a new case or encounter goes to: the one named, or the caller's only branch.</summary>
    public async Task<(BranchLayout? Branch, string? ErrorKey)> ChooseBranchAsync(string? code, ClaimsPrincipal user, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            var mine = user.BranchCodes();
            if (mine.Count != 1) return (null, "validation.required");
            code = mine[0];
        }
        var branch = await directory.FindAsync(db, code, ct);
        if (branch is null) return (null, "validation.unknownBranch");
        return user.CanAccessBranch(branch.Branch.Code) ? (branch, null) : (null, "problem.forbidden");
    }

    /// <summary>
    /// Takes the next case number in the caller's transaction: one statement that creates or increments the row and
    /// returns the new value, holding the row until commit (SQLite: one writer; PostgreSQL: a row lock).
    /// </summary>
    public Task<long> NextNumberAsync(CancellationToken ct) =>
        db.ScalarAsync<long>("""
            INSERT INTO "CaseSequences" ("Name", "LastNumber") VALUES ('case', 1)
            ON CONFLICT ("Name") DO UPDATE SET "LastNumber" = "CaseSequences"."LastNumber" + 1
            RETURNING "LastNumber"
            """, ct);

    public Task PublishAsync(string branchCode, SupportCase c, string type, CancellationToken ct) =>
        realtime.PublishAsync(new RealtimeEvent(type, branchCode.ToUpperInvariant(), System.Text.Json.JsonSerializer.SerializeToNode(
                new { id = c.Id, reference = c.Reference, status = c.Status, priority = c.Priority, assigneeId = c.AssigneeId, slaDueAt = c.SlaDueAt },
                Queue.QueueContext.EventJson)),
            [RealtimeGroups.Branch(branchCode), RealtimeGroups.AllBranches, RealtimeGroups.Case(c.Id)], ct);
}
