using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR;

namespace Touchpoint.Server.Platform.Realtime;

/// <summary>What clients receive: a type ("organisation.changed"), the branch it concerns, and a small payload.</summary>
public sealed record RealtimeEvent(string Type, string? BranchCode, JsonNode? Data);

public interface IRealtimePublisher
{
    /// <summary>Sends to the given groups on every node. Call after the change is saved.</summary>
    Task PublishAsync(RealtimeEvent evt, IReadOnlyList<string> groups, CancellationToken ct = default);
}

public static class RealtimePublisherExtensions
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>An event about a branch: its staff, and everyone whose role spans branches, receive it.</summary>
    public static Task PublishToBranchAsync(this IRealtimePublisher publisher, string branchCode, string type, object? data = null, CancellationToken ct = default) =>
        publisher.PublishAsync(new RealtimeEvent(type, branchCode.ToUpperInvariant(), data is null ? null : JsonSerializer.SerializeToNode(data, Json)),
            [RealtimeGroups.Branch(branchCode), RealtimeGroups.AllBranches], ct);
}

/// <summary>One node (SQLite): events go straight to this process's connections.</summary>
public sealed class LocalRealtimePublisher(IHubContext<EventsHub> hub) : IRealtimePublisher
{
    public Task PublishAsync(RealtimeEvent evt, IReadOnlyList<string> groups, CancellationToken ct = default) =>
        hub.Clients.Groups(groups).SendAsync(EventsHub.ClientMethod, evt, ct);
}
