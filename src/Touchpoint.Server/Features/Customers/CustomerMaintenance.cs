using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Settings;

namespace Touchpoint.Server.Features.Customers;

/// <summary>
/// Anonymises customers with no activity (in any module) and no change by staff for the configured retention period
/// (settings: customerRetentionDays). Anonymising is erasure with its own status: statistics stay.
/// </summary>
public sealed class CustomerRetention(IServiceScopeFactory scopes, TimeProvider clock, ILogger<CustomerRetention> log)
{
    private const int BatchSize = 200;

    public async Task<int> RunAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TouchpointDb>();
        var erasure = scope.ServiceProvider.GetRequiredService<CustomerErasure>();
        var activity = scope.ServiceProvider.GetRequiredService<CustomerHistory>().Activity(db);
        var settings = await SettingsStore.ReadAsync(db, ct);
        var cutoff = clock.GetUtcNow().UtcDateTime.AddDays(-settings.CustomerRetentionDays);
        var total = 0;
        while (true)
        {
            var batch = await db.Customers
                .Where(c => c.Status == CustomerStatuses.Active && c.UpdatedAt < cutoff && c.CreatedAt < cutoff
                    && !activity.Any(a => a.CustomerId == c.Id && a.At >= cutoff))
                .OrderBy(c => c.UpdatedAt).Take(BatchSize).ToListAsync(ct);
            foreach (var c in batch) await erasure.EraseAsync(db, c, CustomerStatuses.Anonymised, "retention", ct, scrub: false);
            total += batch.Count;
            db.ChangeTracker.Clear();
            if (batch.Count < BatchSize) break;
        }
        if (total > 0)
        {
            await erasure.ScrubFilesAsync(db, ct);
            log.LogInformation("Customer retention anonymised {Count} customers without activity for {Days} days", total, settings.CustomerRetentionDays);
        }
        return total;
    }
}

/// <summary>Hourly: segment memberships for everyone (recency changes with time alone), then retention.</summary>
public sealed class CustomerMaintenance(IServiceScopeFactory scopes, CustomerRetention retention, IdentifierVault vault, TimeProvider clock,
    IConfiguration config, ILogger<CustomerMaintenance> log) : BackgroundService
{
    public override async Task StartAsync(CancellationToken ct)
    {
        await vault.LoadKeyAsync(ct);
        await base.StartAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMinutes(config.GetValue("Customers:MaintenanceMinutes", 60));
        // Not at start: the first minute belongs to the requests of a node that just joined.
        var delay = TimeSpan.FromSeconds(config.GetValue("Customers:MaintenanceDelaySeconds", 60));
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(delay, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            if (stoppingToken.IsCancellationRequested) break;
            delay = interval;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<TouchpointDb>();
                await scope.ServiceProvider.GetRequiredService<SegmentMembership>().RecomputeAllAsync(db, stoppingToken);
                await retention.RunAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Customer maintenance failed; it runs again in {Interval}", interval);
            }
        }
    }
}
