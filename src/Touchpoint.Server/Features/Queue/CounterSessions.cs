using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Features.Organisation;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Http;
using Touchpoint.Server.Platform.Identity;
using Touchpoint.Server.Platform.Realtime;

namespace Touchpoint.Server.Features.Queue;

public sealed record PauseCounterRequest(string? Reason);
public sealed record WalkUpRequest(string? Service, string? Language);
public sealed record CounterStateDto(int Number, string State, string? PauseReason, string? StaffName);

/// <summary>A staff member signs in at a counter (open), pauses it with a reason, or closes it; and serves walk-ups.</summary>
public static class CounterSessions
{
    public static readonly IReadOnlyList<string> PauseReasons = ["break", "backOffice", "training"];

    public static void MapCounterSessions(this RouteGroupBuilder counters)
    {
        counters.MapPost("/open", (string branch, int number, ClaimsPrincipal u, QueueContext q, CancellationToken ct) =>
            SetState(branch, number, u, q, ct, CounterStates.Open, null));
        counters.MapPost("/pause", (string branch, int number, PauseCounterRequest r, ClaimsPrincipal u, QueueContext q, CancellationToken ct) =>
            PauseReasons.Contains(r.Reason ?? "")
                ? SetState(branch, number, u, q, ct, CounterStates.Paused, r.Reason)
                : Task.FromResult<Results<Ok<CounterStateDto>, ValidationProblem, ProblemHttpResult>>(new Validation().Add("reason", "validation.pauseReason").Problem()));
        counters.MapPost("/close", (string branch, int number, ClaimsPrincipal u, QueueContext q, CancellationToken ct) =>
            SetState(branch, number, u, q, ct, CounterStates.Closed, null));
        counters.MapPost("/walk-up", WalkUp);
    }

    private static async Task<Results<Ok<CounterStateDto>, ValidationProblem, ProblemHttpResult>> SetState(
        string branchCode, int number, ClaimsPrincipal user, QueueContext q, CancellationToken ct, string state, string? reason)
    {
        var (counter, layout, problem) = await q.FindCounterAsync(branchCode, number, user, ct);
        if (counter is null) return problem!;
        var branch = layout!.Branch;
        counter.State = state;
        counter.PauseReason = reason;
        counter.StaffUserId = state == CounterStates.Closed ? null : user.UserId() ?? counter.StaffUserId;
        await q.Db.SaveChangesAsync(ct);
        q.Wait.CountersChanged();
        var staff = counter.StaffUserId is { } id ? await q.Db.Users.Where(u => u.Id == id).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) : null;
        await q.Realtime.PublishAsync(new RealtimeEvent(QueueContext.CounterChangedEvent, branch!.Code,
                System.Text.Json.Nodes.JsonNode.Parse($$"""{"number":{{counter.Number}},"state":"{{state}}"}""")),
            [RealtimeGroups.Branch(branch.Code), RealtimeGroups.AllBranches, RealtimeGroups.Counter(branch.Code, counter.Number)], ct);
        return TypedResults.Ok(new CounterStateDto(counter.Number, counter.State, counter.PauseReason, staff));
    }

    /// <summary>A customer at the counter without a ticket: numbered like any other, served at once, counted in reports.</summary>
    private static async Task<Results<Ok<TicketDto>, ValidationProblem, ProblemHttpResult>> WalkUp(
        string branch, int number, WalkUpRequest r, ClaimsPrincipal user, QueueContext q, CancellationToken ct)
    {
        var (layout, counter, problem) = await q.FindCounterLayoutAsync(branch, number, user, ct);
        if (counter is null) return problem!;
        if ((await CallNextTicket.ReadDeskAsync(q.Db, counter.Id, counter.Number, ct)).Problem is { } notReady) return notReady;
        var issued = await TicketIssuing.Issue(layout!.Branch.Code, new IssueTicketRequest(r.Service, null, r.Language, null, null), user, q, ct);
        if (issued.Result is not Created<TicketDto> created) return issued.Result switch
        {
            ValidationProblem v => v,
            ProblemHttpResult p => p,
            _ => Problems.Result(StatusCodes.Status500InternalServerError),
        };
        var now = q.Now;
        await q.Db.QueueTickets.Where(t => t.Id == created.Value!.Id).ExecuteUpdateAsync(s => s
            .SetProperty(t => t.Status, TicketStatuses.Serving).SetProperty(t => t.Source, TicketSources.WalkUp)
            .SetProperty(t => t.CounterId, counter.Id).SetProperty(t => t.StaffUserId, user.UserId())
            .SetProperty(t => t.CalledAt, now).SetProperty(t => t.StartedAt, now), ct);
        // The customer is already at the counter: the change is published, nothing is announced in the lobby.
        var ticket = await q.Db.QueueTickets.AsNoTracking().FirstAsync(t => t.Id == created.Value!.Id, ct);
        q.WaitingCounts.LeftQueue(ticket.ServiceTypeId);
        await q.PublishAsync(layout, ticket, counter.Number, QueueContext.TicketChangedEvent, ct);
        return TypedResults.Ok(await q.ToDtoAsync(ticket, layout, user, ct));
    }
}
