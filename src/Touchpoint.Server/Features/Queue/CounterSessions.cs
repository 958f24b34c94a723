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
        counters.MapPost("/open", (string branch, int number, ClaimsPrincipal u, TouchpointDb db, IRealtimePublisher rt, CancellationToken ct) =>
            SetState(branch, number, u, db, rt, ct, CounterStates.Open, null));
        counters.MapPost("/pause", (string branch, int number, PauseCounterRequest r, ClaimsPrincipal u, TouchpointDb db, IRealtimePublisher rt, CancellationToken ct) =>
            PauseReasons.Contains(r.Reason ?? "")
                ? SetState(branch, number, u, db, rt, ct, CounterStates.Paused, r.Reason)
                : Task.FromResult<Results<Ok<CounterStateDto>, ValidationProblem, ProblemHttpResult>>(new Validation().Add("reason", "validation.pauseReason").Problem()));
        counters.MapPost("/close", (string branch, int number, ClaimsPrincipal u, TouchpointDb db, IRealtimePublisher rt, CancellationToken ct) =>
            SetState(branch, number, u, db, rt, ct, CounterStates.Closed, null));
        counters.MapPost("/walk-up", WalkUp);
    }

    private static async Task<Results<Ok<CounterStateDto>, ValidationProblem, ProblemHttpResult>> SetState(
        string branchCode, int number, ClaimsPrincipal user, TouchpointDb db, IRealtimePublisher realtime, CancellationToken ct, string state, string? reason)
    {
        var (counter, branch, problem) = await QueueContext.FindCounterAsync(db, branchCode, number, user, ct);
        if (counter is null) return problem!;
        counter.State = state;
        counter.PauseReason = reason;
        counter.StaffUserId = state == CounterStates.Closed ? null : user.UserId() ?? counter.StaffUserId;
        await db.SaveChangesAsync(ct);
        var staff = counter.StaffUserId is { } id ? await db.Users.Where(u => u.Id == id).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) : null;
        await realtime.PublishAsync(new RealtimeEvent(QueueContext.CounterChangedEvent, branch!.Code,
                System.Text.Json.Nodes.JsonNode.Parse($$"""{"number":{{counter.Number}},"state":"{{state}}"}""")),
            [RealtimeGroups.Branch(branch.Code), RealtimeGroups.AllBranches, RealtimeGroups.Counter(branch.Code, counter.Number)], ct);
        return TypedResults.Ok(new CounterStateDto(counter.Number, counter.State, counter.PauseReason, staff));
    }

    /// <summary>A customer at the counter without a ticket: numbered like any other, served at once, counted in reports.</summary>
    private static async Task<Results<Ok<TicketDto>, ValidationProblem, ProblemHttpResult>> WalkUp(
        string branch, int number, WalkUpRequest r, ClaimsPrincipal user, TouchpointDb db, IRealtimePublisher realtime, TimeProvider clock, CancellationToken ct)
    {
        var (counter, b, problem) = await QueueContext.FindCounterAsync(db, branch, number, user, ct);
        if (counter is null) return problem!;
        if (await CallNextTicket.ReadyProblemAsync(db, counter, ct) is { } notReady) return notReady;
        var issued = await TicketIssuing.Issue(b!.Code, new IssueTicketRequest(r.Service, null, r.Language, null, null), user, db, realtime, clock, ct);
        if (issued.Result is not Created<TicketDto> created) return issued.Result switch
        {
            ValidationProblem v => v,
            ProblemHttpResult p => p,
            _ => Problems.Result(StatusCodes.Status500InternalServerError),
        };
        var now = clock.GetUtcNow().UtcDateTime;
        await db.QueueTickets.Where(t => t.Id == created.Value!.Id).ExecuteUpdateAsync(s => s
            .SetProperty(t => t.Status, TicketStatuses.Serving).SetProperty(t => t.Source, TicketSources.WalkUp)
            .SetProperty(t => t.CounterId, counter.Id).SetProperty(t => t.StaffUserId, user.UserId())
            .SetProperty(t => t.CalledAt, now).SetProperty(t => t.StartedAt, now), ct);
        // The customer is already at the counter: the change is published, nothing is announced in the lobby.
        var ticket = await db.QueueTickets.AsNoTracking().FirstAsync(t => t.Id == created.Value!.Id, ct);
        await QueueContext.PublishAsync(realtime, b, ticket, counter.Number, QueueContext.TicketChangedEvent, ct);
        return TypedResults.Ok(await QueueContext.ToDtoAsync(db, ticket, b, ct));
    }
}
