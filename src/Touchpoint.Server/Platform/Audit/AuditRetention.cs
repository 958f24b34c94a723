using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Settings;

namespace Touchpoint.Server.Platform.Audit;

/// <summary>Deletes audit entries older than the configured retention, once at start and then every few hours.</summary>
public sealed class AuditRetention(IServiceScopeFactory scopes, TimeProvider clock, ILogger<AuditRetention> log) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(6);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PurgeAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Audit retention run failed; it will run again in {Interval}", Interval);
            }
            await Task.Delay(Interval, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    public async Task<int> PurgeAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TouchpointDb>();
        var settings = await SettingsStore.ReadAsync(db, ct);
        var cutoff = clock.GetUtcNow().UtcDateTime.AddDays(-settings.AuditRetentionDays);
        var deleted = await db.AuditEntries.Where(e => e.At < cutoff).ExecuteDeleteAsync(ct);
        if (deleted > 0) log.LogInformation("Audit retention removed {Count} entries older than {Days} days", deleted, settings.AuditRetentionDays);
        return deleted;
    }
}
