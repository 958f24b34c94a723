using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Features.Organisation;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Http;
using Touchpoint.Server.Platform.Identity;
using Touchpoint.Server.Platform.Realtime;

namespace Touchpoint.Server.Features.Queue;

public sealed record TicketDto(
    Guid Id, string Number, string BranchCode, string Service, string ServiceName, string Priority, string Language, string Status,
    int? Position, int? PeopleAhead, int? EstimatedWaitMinutes, DateTime IssuedAt, DateTime? CalledAt, DateTime? StartedAt,
    DateTime? CompletedAt, int? Counter, string? StaffName, int RecallCount, int RecallLimit, string StatusUrl, IReadOnlyList<string> Care,
    string? SurveyUrl = null);

/// <summary>
/// What every queue operation shares, in one scoped service: the database, the cached branch set-up, wait estimates,
/// real-time publishing, the clock and the write gate; with the lookups, answers and events they have in common.
/// </summary>
public sealed class QueueContext(
    TouchpointDb db, BranchDirectory directory, WaitEstimate wait, WaitingCounts waitingCounts, IRealtimePublisher realtime, TimeProvider clock, WriteGate gate,
    Feedback.SurveyInvitations surveys)
{
    public const string TicketChangedEvent = "ticket.changed";
    /// <summary>A call or recall to announce on the lobby display.</summary>
    public const string TicketCalledEvent = "ticket.called";
    public const string CounterChangedEvent = "counter.changed";
    /// <summary>Created once: building serializer options per event costs more than serializing the event.</summary>
    internal static readonly System.Text.Json.JsonSerializerOptions EventJson = new(System.Text.Json.JsonSerializerDefaults.Web);

    public TouchpointDb Db => db;
    public WriteGate Gate => gate;
    public IRealtimePublisher Realtime => realtime;
    public WaitEstimate Wait => wait;
    public WaitingCounts WaitingCounts => waitingCounts;
    public DateTime Now => clock.GetUtcNow().UtcDateTime;
    public Feedback.SurveyInvitations Surveys => surveys;

    /// <summary>The branch's set-up if the principal may work there: 404 if unknown, 403 if out of scope.</summary>
    public async Task<(BranchLayout? Layout, ProblemHttpResult? Problem)> FindBranchAsync(string code, ClaimsPrincipal user, CancellationToken ct)
    {
        var layout = await directory.FindAsync(db, code, ct);
        if (layout is null) return (null, Problems.NotFound());
        return user.CanAccessBranch(layout.Branch.Code) ? (layout, null) : (null, Problems.Forbidden());
    }

    /// <summary>A branch's set-up by code, without an access check (public pages and anonymous issuing).</summary>
    public Task<BranchLayout?> FindBranchAsync(string code, CancellationToken ct) => directory.FindAsync(db, code, ct);

    public Task<BranchLayout?> FindBranchAsync(Guid id, CancellationToken ct) => directory.FindAsync(db, id, ct);

    /// <summary>A service of the branch; one missing from the cached copy may have just been created on another node.</summary>
    public async Task<(BranchLayout Layout, ServiceType? Service)> FindServiceAsync(BranchLayout layout, string code, CancellationToken ct)
    {
        if (layout.ServiceByCode(code) is { } service) return (layout, service);
        var fresh = await directory.FindAsync(db, layout.Branch.Code, ct, reload: true) ?? layout;
        return (fresh, fresh.ServiceByCode(code));
    }

    /// <summary>The counter's set-up, read from the cache; see <see cref="FindServiceAsync"/> for counters just created.</summary>
    public async Task<(BranchLayout? Layout, CounterLayout? Counter, ProblemHttpResult? Problem)> FindCounterLayoutAsync(
        string branchCode, int number, ClaimsPrincipal user, CancellationToken ct)
    {
        var (layout, problem) = await FindBranchAsync(branchCode, user, ct);
        if (layout is null) return (null, null, problem);
        if (layout.CounterByNumber(number) is null) layout = await directory.FindAsync(db, layout.Branch.Code, ct, reload: true) ?? layout;
        return layout.CounterByNumber(number) is { } counter ? (layout, counter, null) : (layout, null, Problems.NotFound());
    }

    /// <summary>The counter row itself (tracked), for changes to its state.</summary>
    public async Task<(Counter? Counter, BranchLayout? Layout, ProblemHttpResult? Problem)> FindCounterAsync(
        string branchCode, int number, ClaimsPrincipal user, CancellationToken ct)
    {
        var (layout, problem) = await FindBranchAsync(branchCode, user, ct);
        if (layout is null) return (null, null, problem);
        var counter = await db.Counters.Include(c => c.Services).FirstOrDefaultAsync(c => c.BranchId == layout.Branch.Id && c.Number == number, ct);
        return counter is null ? (null, layout, Problems.NotFound()) : (counter, layout, null);
    }

    // Tracked, for a change; compiled once (see CompiledQueries): on every completion and action.
    private static readonly Func<TouchpointDb, Guid, CancellationToken, Task<QueueTicket?>> TicketById =
        CompiledQueries.Compile((TouchpointDb db, Guid id, CancellationToken ct) => db.QueueTickets.FirstOrDefault(t => t.Id == id));

    /// <summary>The ticket as stored, untracked (to show, or to change with a statement of its own): a plain read, on every call and completion.</summary>
    public Task<QueueTicket?> ReadTicketAsync(Guid id, CancellationToken ct) => db.ReadPlainAsync<QueueTicket>(id, ct);

    /// <param name="tracked">False for an action that writes with a statement of its own (completing).</param>
    public async Task<(QueueTicket? Ticket, BranchLayout? Layout, ProblemHttpResult? Problem)> FindTicketAsync(Guid id, ClaimsPrincipal? user, CancellationToken ct,
        bool tracked = true)
    {
        var ticket = await (tracked ? TicketById(db, id, ct) : ReadTicketAsync(id, ct));
        if (ticket is null) return (null, null, Problems.NotFound());
        var layout = (await directory.FindAsync(db, ticket.BranchId, ct))!;
        return user is null || user.CanAccessBranch(layout.Branch.Code) ? (ticket, layout, null) : (null, null, Problems.Forbidden());
    }

    public static ProblemHttpResult Conflict(string detailKey, params object?[] args) =>
        Problems.Result(StatusCodes.Status409Conflict, "queue.conflictTitle", detailKey, args);

    public static ProblemHttpResult WrongState(QueueTicket ticket) => Conflict("queue.ticketState", ticket.Number, ticket.Status);

    /// <summary>
    /// The ticket as devices and people see it. Names come from the cached set-up and, for the staff member, from the
    /// caller's own claims when they serve the ticket themselves; only a waiting ticket costs a count (people ahead),
    /// and a ticket just issued not even that most of the time (see <see cref="Queue.WaitingCounts"/>).
    /// </summary>
    /// <param name="surveyInvitation">The completed ticket's invitation when the caller has just made it (not read back then).</param>
    public async Task<TicketDto> ToDtoAsync(QueueTicket t, BranchLayout layout, ClaimsPrincipal? user, CancellationToken ct, bool justIssued = false,
        Guid? surveyInvitation = null)
    {
        var service = layout.ServiceById(t.ServiceTypeId) ?? await db.Services.AsNoTracking().FirstAsync(s => s.Id == t.ServiceTypeId, ct);
        int? counter = t.CounterId is not { } cid ? null
            : layout.CounterById(cid)?.Number ?? await db.Counters.AsNoTracking().Where(c => c.Id == cid).Select(c => (int?)c.Number).FirstOrDefaultAsync(ct);
        var staff = t.StaffUserId is not { } sid ? null
            : sid == user?.UserId() ? user.FindFirstValue(TouchpointClaims.DisplayName)
            : await db.Users.AsNoTracking().Where(u => u.Id == sid).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        int? position = null, ahead = null, minutes = null;
        if (t.Status == TicketStatuses.Waiting)
        {
            ahead = justIssued ? waitingCounts.TakeAheadOfNew(t.ServiceTypeId) : null;
            if (ahead is null)
            {
                ahead = await db.QueueTickets.CountAsync(o => o.BranchId == t.BranchId && o.ServiceTypeId == t.ServiceTypeId
                    && o.Status == TicketStatuses.Waiting && o.IssuedAt < t.IssuedAt, ct);
                if (justIssued) waitingCounts.Counted(t.ServiceTypeId, ahead.Value + 1);
            }
            position = ahead + 1;
            minutes = await wait.MinutesAsync(db, layout.Branch, service, ahead.Value, ct);
        }
        return new TicketDto(t.Id, t.Number, layout.Branch.Code, service.Code, service.Name.Resolve(t.Language), t.Priority, t.Language, t.Status,
            position, ahead, minutes, t.IssuedAt, t.CalledAt, t.StartedAt, t.CompletedAt, counter, staff, t.RecallCount, layout.Branch.RecallLimit,
            $"/t/{t.Id}", t.Care, t.Status != TicketStatuses.Completed ? null
                : surveyInvitation is { } invitation ? await surveys.UrlAsync(invitation, ct) : await surveys.UrlForTicketAsync(db, t.Id, ct));
    }

    public async Task PublishAsync(BranchLayout layout, QueueTicket t, int? counterNumber, string type, CancellationToken ct)
    {
        var code = layout.Branch.Code;
        var data = System.Text.Json.JsonSerializer.SerializeToNode(
            new { id = t.Id, number = t.Number, status = t.Status, counter = counterNumber, language = t.Language, recall = t.RecallCount, care = t.Care }, EventJson);
        List<string> groups = [RealtimeGroups.Branch(code), RealtimeGroups.AllBranches, TicketGroup(t.Id)];
        if (counterNumber is { } n) groups.Add(RealtimeGroups.Counter(code, n));
        await realtime.PublishAsync(new RealtimeEvent(type, code, data), groups, ct);
    }

    /// <summary>The mobile status page of one ticket listens to this group only.</summary>
    public static string TicketGroup(Guid id) => RealtimeGroups.Ticket(id);
}
