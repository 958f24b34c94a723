using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Platform.Data;

namespace Touchpoint.Server.Features.CaseWorkspace;

/// <summary>
/// Deletes uploads that no reply or note carried within a day (the draft was abandoned), and their bytes when no other
/// attachment shares them. Each row is deleted only while still unsent, in one statement, so a message sent at the same
/// moment keeps its file; with several nodes, running twice deletes nothing twice.
/// </summary>
public sealed class UnsentUploadCleanup(IServiceScopeFactory scopes, IAttachmentStore store, TimeProvider clock, ILogger<UnsentUploadCleanup> logger)
    : BackgroundService
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromHours(24);
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);
    private const int Batch = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                var deleted = await CleanAsync(stoppingToken);
                if (deleted > 0) logger.LogInformation("Deleted {Count} unsent uploads older than {Hours} hours", deleted, MaxAge.TotalHours);
            }
            catch (Exception e) when (e is not OperationCanceledException) { logger.LogError(e, "Unsent upload cleanup failed"); }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass: returns how many upload rows were deleted.</summary>
    public async Task<int> CleanAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TouchpointDb>();
        var cutoff = clock.GetUtcNow().UtcDateTime - MaxAge;
        var total = 0;
        while (true)
        {
            var stale = await db.CaseAttachments.AsNoTracking().Where(a => a.CaseMessageId == null && a.CreatedAt < cutoff)
                .OrderBy(a => a.CreatedAt).Take(Batch).Select(a => new { a.Id, a.Sha256 }).ToListAsync(ct);
            if (stale.Count == 0) return total;
            var ids = stale.Select(a => a.Id).ToList();
            total += await db.CaseAttachments.Where(a => ids.Contains(a.Id) && a.CaseMessageId == null).ExecuteDeleteAsync(ct);
            foreach (var sha in stale.Select(a => a.Sha256).Distinct()) await store.DeleteIfUnusedAsync(db, sha, ct);
            if (stale.Count < Batch) return total;
        }
    }
}
