using Microsoft.AspNetCore.SignalR;
using Touchpoint.Server.Platform.Identity;

namespace Touchpoint.Server.Platform.Realtime;

/// <summary>
/// Thin hub: it only puts connections into groups (user, branch, counter, ticket). Endpoints and services push events
/// through <see cref="IRealtimePublisher"/>; clients listen for the method "event". Anonymous connections are allowed
/// for one thing only: a customer's phone following its own ticket, whose events carry no personal data.
/// </summary>
public sealed class EventsHub : Hub
{
    public const string Path = "/hubs/events";
    public const string ClientMethod = "event";

    public override async Task OnConnectedAsync()
    {
        var user = Context.User!;
        if (user.Identity?.IsAuthenticated != true)
        {
            await base.OnConnectedAsync();
            return;
        }
        if (user.UserId() is { } userId) await Groups.AddToGroupAsync(Context.ConnectionId, RealtimeGroups.User(userId));
        if (user.SpansAllBranches()) await Groups.AddToGroupAsync(Context.ConnectionId, RealtimeGroups.AllBranches);
        foreach (var branch in user.BranchCodes())
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, RealtimeGroups.Branch(branch));
            if (user.Has(Permissions.QueueBoard)) await Groups.AddToGroupAsync(Context.ConnectionId, RealtimeGroups.Supervisors(branch));
            // A counter terminal or evaluation pad follows its own counter from the start.
            if (int.TryParse(user.FindFirst(TouchpointClaims.Counter)?.Value, out var counter))
                await Groups.AddToGroupAsync(Context.ConnectionId, RealtimeGroups.Counter(branch, counter));
        }
        if (user.SpansAllBranches() && user.Has(Permissions.QueueBoard))
            await Groups.AddToGroupAsync(Context.ConnectionId, RealtimeGroups.Supervisors("*"));
        await base.OnConnectedAsync();
    }

    /// <summary>The mobile status page follows its ticket (the id is the secret; the events hold no personal data).</summary>
    public Task FollowTicket(Guid ticketId) => Groups.AddToGroupAsync(Context.ConnectionId, RealtimeGroups.Ticket(ticketId));

    /// <summary>A counter terminal or a supervisor follows one counter's events.</summary>
    public async Task JoinCounter(string branchCode, int number)
    {
        if (Context.User?.Identity?.IsAuthenticated != true || !Context.User.CanAccessBranch(branchCode)) throw new HubException("Not allowed for this branch.");
        await Groups.AddToGroupAsync(Context.ConnectionId, RealtimeGroups.Counter(branchCode, number));
    }

    public Task LeaveCounter(string branchCode, int number) =>
        Groups.RemoveFromGroupAsync(Context.ConnectionId, RealtimeGroups.Counter(branchCode, number));
}

public static class RealtimeGroups
{
    /// <summary>Users whose role spans branches receive every branch's events through this one group.</summary>
    public const string AllBranches = "branch:*";
    public static string Branch(string code) => "branch:" + code.ToUpperInvariant();
    public static string Counter(string branchCode, int number) => $"counter:{branchCode.ToUpperInvariant()}:{number}";
    public static string User(Guid id) => "user:" + id;
    public static string Case(Guid id) => "case:" + id;
    public static string Ticket(Guid id) => "ticket:" + id;
    /// <summary>Those who watch a branch's queue (permission queue.board): alerts such as a dissatisfied rating.</summary>
    public static string Supervisors(string branchCode) => "supervisors:" + branchCode.ToUpperInvariant();
}
