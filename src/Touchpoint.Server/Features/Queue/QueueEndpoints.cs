using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Http;
using Touchpoint.Server.Platform.Identity;

namespace Touchpoint.Server.Features.Queue;

public static class QueueEndpoints
{
    public static IServiceCollection AddQueue(this IServiceCollection services) => services
        .AddSingleton<WaitEstimate>()
        .AddSingleton<WaitingCounts>()
        .AddScoped<QueueContext>()
        .AddSingleton<QueueAlerts>()
        .AddHostedService(sp => sp.GetRequiredService<QueueAlerts>());

    public static void MapQueueApi(this IEndpointRouteBuilder app)
    {
        // Kiosks (device token), customers' phones (anonymous, by the branch QR code) and staff issue tickets.
        app.MapPost("/api/branches/{branch}/tickets", TicketIssuing.Issue).AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicies.Anonymous).WithTags("Queue");
        // The mobile status page reads its ticket without signing in; the id is unguessable and nothing personal is shown.
        app.MapGet("/api/tickets/{id:guid}", GetTicket).AllowAnonymous().RequireRateLimiting(RateLimitPolicies.Anonymous).WithTags("Queue");
        app.MapGet("/api/public/branches/{branch}/kiosk", QueueListEndpoints.Kiosk).AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicies.Anonymous).WithTags("Queue");
        app.MapGet("/api/branches/{branch}/queue", QueueListEndpoints.Lists).RequireAuthorization(Permissions.QueueServe).WithTags("Queue");
        app.MapGet("/api/branches/{branch}/board", QueueBoard.Get).RequireAuthorization().WithTags("Queue");
        app.MapGet("/api/queue/erlang-c", QueueBoard.ErlangCCalculator).RequireAuthorization().WithTags("Queue");

        var counters = app.MapGroup("/api/branches/{branch}/counters/{number:int}").RequireAuthorization(Permissions.QueueServe).WithTags("Queue");
        counters.MapGet("", QueueListEndpoints.Desk);
        counters.MapPost("/call-next", CallNextTicket.CallNext);
        counters.MapPost("/call", CallNextTicket.CallSpecific);
        counters.MapCounterSessions();

        app.MapGroup("/api/tickets").RequireAuthorization(Permissions.QueueServe).WithTags("Queue").MapTicketActions();
        app.MapEvaluationApi();
        app.MapQueueRules();
        app.MapAppointments();
    }

    private static async Task<Results<Ok<TicketDto>, ProblemHttpResult>> GetTicket(Guid id, QueueContext q, CancellationToken ct)
    {
        var (ticket, layout, problem) = await q.FindTicketAsync(id, null, ct);
        return ticket is null ? problem! : TypedResults.Ok(await q.ToDtoAsync(ticket, layout!, null, ct));
    }
}
