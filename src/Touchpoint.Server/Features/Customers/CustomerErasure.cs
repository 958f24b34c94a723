using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Platform.Audit;
using Touchpoint.Server.Platform.Data;

namespace Touchpoint.Server.Features.Customers;

/// <summary>
/// Removes a customer's personal data everywhere it is kept, while the record, its id and every statistic (visits,
/// times, ratings, value, tier) stay, so reports still add up. "Gone" includes the database files: SQLite runs with
/// secure_delete (freed space is zeroed, see SqliteConnectionSettings) and the write-ahead log is checkpointed and truncated
/// afterwards; PostgreSQL vacuums the tables so the dead row versions are pruned.
/// </summary>
public sealed class CustomerErasure(CustomerHistory history, SegmentMembership segments, AuditLog audit, ILogger<CustomerErasure> log)
{
    public async Task EraseAsync(TouchpointDb db, Customer c, string status, string? reason, CancellationToken ct, bool scrub = true)
    {
        // The statistics are brought up to date once more, then kept as they are: an erased record is never rescored.
        await segments.RecomputeAsync(db, [c.Id], ct);
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var now = DateTime.UtcNow;
            await db.CustomerSegmentMemberships.Where(m => m.CustomerId == c.Id && m.Until == null)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Until, now), ct);
            c.Name = null;
            c.Notes = null;
            c.Tags = [];
            c.Needs = [];
            c.ConsentSurveys = false;
            c.ConsentMarketing = false;
            c.Status = status;
            c.ErasedAt = c.UpdatedAt = now;
            await db.CustomerContacts.Where(x => x.CustomerId == c.Id).ExecuteDeleteAsync(ct);
            await db.CustomerIdentifiers.Where(x => x.CustomerId == c.Id).ExecuteDeleteAsync(ct);
            await db.CustomerNameKeys.Where(x => x.CustomerId == c.Id).ExecuteDeleteAsync(ct);
            await history.EraseAsync(db, c.Id, ct);
            audit.Record(status == CustomerStatuses.Erased ? CustomerAuditActions.Erased : CustomerAuditActions.Anonymised,
                CustomerEndpoints.Target + c.Id, reason is null ? null : new { reason });
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        if (scrub) await ScrubFilesAsync(db, ct);
    }

    /// <summary>Best effort after the commit: the data is already unreachable; this takes the old bytes off the disk.</summary>
    public async Task ScrubFilesAsync(TouchpointDb db, CancellationToken ct)
    {
        try
        {
            if (db.IsPostgres)
            {
                // Table names come from the code (each source's ErasedTables), never from input.
                var tables = new[] { "Customers", "CustomerContacts", "CustomerIdentifiers", "CustomerNameKeys", "SearchEntries" }.Concat(history.ErasedTables);
#pragma warning disable EF1003
                await db.Database.ExecuteSqlRawAsync("VACUUM " + string.Join(", ", tables.Select(t => $"\"{t}\"")), ct);
#pragma warning restore EF1003
                return;
            }
            // A reader holding an old snapshot keeps the log from being reset; such reads take milliseconds.
            for (var attempt = 0; attempt < 20; attempt++)
            {
                // The first column is 1 when another connection kept the checkpoint from finishing.
                if (await db.ScalarAsync<int>("PRAGMA wal_checkpoint(TRUNCATE)", ct) == 0) return;
                await Task.Delay(50, ct);
            }
            log.LogWarning("The write-ahead log stayed busy after an erasure; the next checkpoint will overwrite it");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Scrubbing the database files after an erasure failed");
        }
    }
}
