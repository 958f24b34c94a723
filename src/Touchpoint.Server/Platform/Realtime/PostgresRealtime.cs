using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Npgsql;

namespace Touchpoint.Server.Platform.Realtime;

/// <summary>The envelope that travels between nodes through NOTIFY.</summary>
internal sealed record RealtimeEnvelope(RealtimeEvent Event, IReadOnlyList<string> Groups);

/// <summary>
/// Several nodes on PostgreSQL: an event is NOTIFYed on the shared database and every node (the sender included)
/// forwards it to its own connections from <see cref="PostgresRealtimeListener"/>. That keeps one delivery path and no
/// duplicates on the sending node.
/// </summary>
public sealed class PostgresRealtimePublisher(NpgsqlDataSource dataSource, ILogger<PostgresRealtimePublisher> log) : IRealtimePublisher
{
    public const string Channel = "touchpoint_events";
    // NOTIFY payloads must stay under 8000 bytes; events carry ids, not documents.
    private const int MaxPayloadBytes = 7900;
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task PublishAsync(RealtimeEvent evt, IReadOnlyList<string> groups, CancellationToken ct = default)
    {
        var payload = JsonSerializer.Serialize(new RealtimeEnvelope(evt, groups), Json);
        if (System.Text.Encoding.UTF8.GetByteCount(payload) > MaxPayloadBytes)
        {
            log.LogWarning("Realtime event {Type} is too large for NOTIFY; sending it without its data", evt.Type);
            payload = JsonSerializer.Serialize(new RealtimeEnvelope(evt with { Data = null }, groups), Json);
        }
        await using var cmd = dataSource.CreateCommand("SELECT pg_notify(@channel, @payload)");
        cmd.Parameters.AddWithValue("channel", Channel);
        cmd.Parameters.AddWithValue("payload", payload);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}

/// <summary>Holds one LISTEN connection per node and forwards notifications to this node's hub; reconnects on loss.</summary>
public sealed class PostgresRealtimeListener(NpgsqlDataSource dataSource, IHubContext<EventsHub> hub, ILogger<PostgresRealtimeListener> log)
    : BackgroundService
{
    private readonly TaskCompletionSource listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once LISTEN is in place, so a node answers /health only when it can receive events.</summary>
    public Task Listening => listening.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var conn = await dataSource.OpenConnectionAsync(stoppingToken);
                conn.Notification += (_, e) => Forward(e.Payload);
                await using (var cmd = new NpgsqlCommand($"LISTEN {PostgresRealtimePublisher.Channel}", conn))
                    await cmd.ExecuteNonQueryAsync(stoppingToken);
                listening.TrySetResult();
                while (!stoppingToken.IsCancellationRequested) await conn.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogWarning(e, "Realtime LISTEN connection lost; reconnecting");
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private void Forward(string payload)
    {
        try
        {
            var envelope = JsonSerializer.Deserialize<RealtimeEnvelope>(payload, PostgresRealtimePublisher.Json);
            if (envelope is null) return;
            _ = hub.Clients.Groups(envelope.Groups).SendAsync(EventsHub.ClientMethod, envelope.Event);
        }
        catch (JsonException e)
        {
            log.LogWarning(e, "Ignored a malformed realtime notification");
        }
    }
}
