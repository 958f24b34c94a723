using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Settings;

namespace Touchpoint.Server.Platform.Search;

/// <summary>
/// Keeps the index current in the same transaction as the write: before every SaveChanges, each source names the
/// entities the pending changes touch, and their entries are added, changed or removed as tracked entities of that
/// same SaveChanges. Nothing to forget at a new write path, and no outbox to drain: a write and its index entry commit
/// or roll back together (changes made with ExecuteUpdate/ExecuteDelete bypass the tracker and need a rebuild or a
/// tracked write).
/// </summary>
public sealed class SearchIndexing : SaveChangesInterceptor
{
    public const string VersionSetting = "search.indexVersion";
    private const int RebuildBatch = 2000;
    private readonly IReadOnlyList<ISearchSource> sources;

    public SearchIndexing(IEnumerable<ISearchSource> sources)
    {
        this.sources = [.. sources];
        if (this.sources.DistinctBy(s => s.TermPrefix).Count() != this.sources.Count || this.sources.DistinctBy(s => s.Kind).Count() != this.sources.Count)
            throw new InvalidOperationException("Search sources need distinct kinds and term prefixes.");
    }

    public IReadOnlyList<ISearchSource> Sources => sources;

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken ct = default)
    {
        if (eventData.Context is TouchpointDb db) await StageAsync(db, ct);
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is TouchpointDb db) StageAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    private async Task StageAsync(TouchpointDb db, CancellationToken ct)
    {
        var tracker = db.ChangeTracker;
        tracker.DetectChanges();
        var autoDetect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var source in sources)
            {
                var changed = source.Changed(tracker).GroupBy(c => c.Id).Select(g => (Id: g.Key, IsNew: g.All(c => c.IsNew))).ToList();
                if (changed.Count == 0) continue;
                var docs = await source.LoadAsync(db, changed.Select(c => c.Id).ToList(), ct);
                var existingIds = changed.Where(c => !c.IsNew).Select(c => c.Id).ToList();
                await StageEntriesAsync(db, source, changed.Select(c => c.Id).ToList(), existingIds, docs, ct);
            }
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = autoDetect;
        }
        // Entries changed while staging are marked by SaveChanges' own pass, which runs after the interceptors, unless
        // the context turned it off (bulk seeding).
        if (!autoDetect) tracker.DetectChanges();
    }

    /// <summary>Adds, updates or removes the tracked entries of <paramref name="ids"/> to match <paramref name="docs"/>.</summary>
    private static async Task StageEntriesAsync(TouchpointDb db, ISearchSource source, List<Guid> ids, List<Guid> existingIds,
        IReadOnlyList<SearchDocument> docs, CancellationToken ct)
    {
        var kind = source.Kind;
        var entries = new Dictionary<Guid, SearchEntry>();
        foreach (var e in db.ChangeTracker.Entries<SearchEntry>())
            if (e.Entity.Kind == kind && ids.Contains(e.Entity.EntityId) && e.State != EntityState.Deleted) entries[e.Entity.EntityId] = e.Entity;
        var toLoad = existingIds.Where(id => !entries.ContainsKey(id)).ToList();
        if (toLoad.Count > 0)
            foreach (var e in await db.SearchEntries.Where(e => e.Kind == kind && toLoad.Contains(e.EntityId)).ToListAsync(ct))
                entries[e.EntityId] = e;
        var byId = docs.ToDictionary(d => d.EntityId);
        foreach (var id in ids)
        {
            entries.TryGetValue(id, out var entry);
            if (!byId.TryGetValue(id, out var doc))
            {
                if (entry is not null) db.SearchEntries.Remove(entry);
                continue;
            }
            var terms = SearchTokenizer.IndexText(doc.IndexedText, source.TermPrefix);
            if (entry is null) db.SearchEntries.Add(new SearchEntry { Kind = kind, EntityId = id, BranchId = doc.BranchId, Terms = terms, At = doc.At });
            else if (entry.Terms != terms || entry.BranchId != doc.BranchId || entry.At != doc.At)
            {
                entry.Terms = terms;
                entry.BranchId = doc.BranchId;
                entry.At = doc.At;
            }
        }
    }

    /// <summary>
    /// Drops and rewrites every entry, source by source, in batches (each its own transaction). For administrators after a
    /// change outside the tracker, and at start when the tokenizer's rules changed (<see cref="SearchTokenizer.Version"/>).
    /// </summary>
    public async Task<SearchRebuildResult> RebuildAsync(TouchpointDb db, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var counts = new Dictionary<string, int>();
        db.ChangeTracker.Clear();
        foreach (var source in sources)
        {
            await db.SearchEntries.Where(e => e.Kind == source.Kind).ExecuteDeleteAsync(ct);
            var count = 0;
            // A million ids are 16 MB: read them at once rather than page through a table that other writers change.
            var all = await source.AllIds(db).ToListAsync(ct);
            foreach (var ids in all.Chunk(RebuildBatch))
            {
                var docs = await source.LoadAsync(db, ids, ct);
                foreach (var doc in docs)
                    db.SearchEntries.Add(new SearchEntry
                    {
                        Kind = source.Kind, EntityId = doc.EntityId, BranchId = doc.BranchId, At = doc.At,
                        Terms = SearchTokenizer.IndexText(doc.IndexedText, source.TermPrefix),
                    });
                count += docs.Count;
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
            counts[source.Kind] = count;
        }
        await SetVersionAsync(db, ct);
        // PostgreSQL: the old entries are dead rows and the new ones not yet known to be visible to all; a vacuum now
        // spares the first searches (and autovacuum, in the middle of the day) that work, and empties the GIN pending list.
        if (db.IsPostgres) await db.Database.ExecuteSqlRawAsync("""VACUUM (ANALYZE) "SearchEntries" """, ct);
        else await db.Database.ExecuteSqlRawAsync("""INSERT INTO "SearchIndex"("SearchIndex") VALUES ('optimize')""", ct);
        return new SearchRebuildResult(counts, Math.Round(clock.Elapsed.TotalSeconds, 2));
    }

    /// <summary>At start: an index written by other tokenizer rules (or none at all, after an upgrade) is rebuilt.</summary>
    public async Task EnsureCurrentAsync(TouchpointDb db, ILogger log, CancellationToken ct)
    {
        var stored = await db.Settings.AsNoTracking().Where(s => s.Key == VersionSetting).Select(s => s.Value).FirstOrDefaultAsync(ct);
        if (stored == SearchTokenizer.Version.ToString()) return;
        var result = await RebuildAsync(db, ct);
        log.LogInformation("Search index rebuilt for tokenizer version {Version}: {Counts} in {Seconds} s", SearchTokenizer.Version,
            string.Join(", ", result.Documents.Select(c => $"{c.Key} {c.Value}")), result.Seconds);
    }

    private static async Task SetVersionAsync(TouchpointDb db, CancellationToken ct)
    {
        var setting = await db.Settings.FirstOrDefaultAsync(s => s.Key == VersionSetting, ct);
        if (setting is null) db.Settings.Add(new SystemSetting { Key = VersionSetting, Value = SearchTokenizer.Version.ToString() });
        else setting.Value = SearchTokenizer.Version.ToString();
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }
}

public sealed record SearchRebuildResult(IReadOnlyDictionary<string, int> Documents, double Seconds);
