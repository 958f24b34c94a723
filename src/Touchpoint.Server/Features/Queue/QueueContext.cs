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
    DateTime? CompletedAt, int? Counter, string? StaffName, int RecallCount, int RecallLimit, string StatusUrl);

/// <summary>Lookups and event publishing every queue operation shares.</summary>
public static class QueueContext
{
    public const string TicketChangedEvent = "ticket.changed";
    /// <summary>A call or recall to announce on the lobby display.</summary>
    public const string TicketCalledEvent = "ticket.called";
    public const string CounterChangedEvent = "counter.changed";
    /// <summary>Created once: building serializer options per event costs more than serializing the event.</summary>
    internal static readonly System.Text.Json.JsonSerializerOptions EventJson = new(System.Text.Json.JsonSerializerDefaults.Web);

    public static async Task<(Counter? Counter, Branch? Branch, ProblemHttpResult? Problem)> FindCounterAsync(
        TouchpointDb db, string branchCode, int number, ClaimsPrincipal user, CancellationToken ct)
    {
        var (branch, problem) = await BranchAccess.FindAsync(db, branchCode, user, ct);
        if (branch is null) return (null, null, problem);
        var counter = await db.Counters.Include(c => c.Services).FirstOrDefaultAsync(c => c.BranchId == branch.Id && c.Number == number, ct);
        return counter is null ? (null, branch, Problems.NotFound()) : (counter, branch, null);
    }

    public static async Task<(QueueTicket? Ticket, Branch? Branch, ProblemHttpResult? Problem)> FindTicketAsync(
        TouchpointDb db, Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        var ticket = await db.QueueTickets.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (ticket is null) return (null, null, Problems.NotFound());
        var branch = await db.Branches.AsNoTracking().FirstAsync(b => b.Id == ticket.BranchId, ct);
        return user.CanAccessBranch(branch.Code) ? (ticket, branch, null) : (null, null, Problems.Forbidden());
    }

    public static ProblemHttpResult Conflict(string detailKey, params object?[] args) =>
        Problems.Result(StatusCodes.Status409Conflict, "queue.conflictTitle", detailKey, args);

    public static ProblemHttpResult WrongState(QueueTicket ticket) => Conflict("queue.ticketState", ticket.Number, ticket.Status);

    public static async Task<TicketDto> ToDtoAsync(TouchpointDb db, QueueTicket t, Branch branch, CancellationToken ct)
    {
        var service = await db.Services.AsNoTracking().FirstAsync(s => s.Id == t.ServiceTypeId, ct);
        var counter = t.CounterId is { } cid ? await db.Counters.AsNoTracking().Where(c => c.Id == cid).Select(c => (int?)c.Number).FirstOrDefaultAsync(ct) : null;
        var staff = t.StaffUserId is { } sid ? await db.Users.AsNoTracking().Where(u => u.Id == sid).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) : null;
        int? position = null, ahead = null, wait = null;
        if (t.Status == TicketStatuses.Waiting)
        {
            ahead = await db.QueueTickets.CountAsync(o => o.BranchId == t.BranchId && o.ServiceTypeId == t.ServiceTypeId
                && o.Status == TicketStatuses.Waiting && o.IssuedAt < t.IssuedAt, ct);
            position = ahead + 1;
            wait = await WaitEstimate.MinutesAsync(db, branch, service, ahead.Value, ct);
        }
        return new TicketDto(t.Id, t.Number, branch.Code, service.Code, service.Name.Resolve(t.Language), t.Priority, t.Language, t.Status,
            position, ahead, wait, t.IssuedAt, t.CalledAt, t.StartedAt, t.CompletedAt, counter, staff, t.RecallCount, branch.RecallLimit, $"/t/{t.Id}");
    }

    public static async Task PublishAsync(IRealtimePublisher realtime, Branch branch, QueueTicket t, int? counterNumber, string type, CancellationToken ct)
    {
        var data = System.Text.Json.JsonSerializer.SerializeToNode(
            new { id = t.Id, number = t.Number, status = t.Status, counter = counterNumber, language = t.Language, recall = t.RecallCount }, EventJson);
        var groups = new List<string> { RealtimeGroups.Branch(branch.Code), RealtimeGroups.AllBranches, TicketGroup(t.Id) };
        if (counterNumber is { } n) groups.Add(RealtimeGroups.Counter(branch.Code, n));
        await realtime.PublishAsync(new RealtimeEvent(type, branch.Code, data), groups, ct);
    }

    /// <summary>The mobile status page of one ticket listens to this group only.</summary>
    public static string TicketGroup(Guid id) => RealtimeGroups.Ticket(id);
}
