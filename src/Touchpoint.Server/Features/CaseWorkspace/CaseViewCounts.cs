using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Touchpoint.Server.Features.Cases;
using Touchpoint.Server.Platform.Data;

namespace Touchpoint.Server.Features.CaseWorkspace;

/// <summary>
/// The side bar's view counts, shared by everyone who sees the same view over the same branches. Every change of a case
/// makes every open workspace of the branch ask again, so a contact centre of a hundred agents asked a hundred times
/// for the same few counts; now the first asks the database and the others wait for its answer.
/// A count is dropped when a case is committed on this node (any case: a count does not know which cases it covers)
/// and after <see cref="MaxAge"/> at most, which bounds what it cannot see: writes on other nodes, bulk updates that
/// bypass the change tracker, and "due soon" turning with the clock alone.
/// </summary>
public sealed class CaseViewCounts(WriteGate gate, TimeProvider clock) : AfterCommit(gate)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);
    /// <summary>Per-user views ("mine") make a key per user; beyond this many the cache starts over rather than grow.</summary>
    private const int MaxEntries = 20_000;

    private readonly ConcurrentDictionary<string, Entry> entries = new();
    private long version;

    private sealed record Entry(long Version, DateTime At, Task<int> Count);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } db && TrackedChanges.Writes<SupportCase>(db.ChangeTracker)) Expect(db);
        return result;
    }

    protected override void OnCommitted() => Interlocked.Increment(ref version);

    /// <summary>
    /// The count of each key: current ones from the cache (or from a request counting them right now), the rest
    /// counted together by <paramref name="count"/>, which gets their indexes in <paramref name="keys"/>.
    /// </summary>
    public async Task<int[]> GetAsync(IReadOnlyList<string> keys, Func<IReadOnlyList<int>, Task<int[]>> count)
    {
        // Read before counting: a commit during the count makes what it stores stale at once.
        var current = Interlocked.Read(ref version);
        var now = clock.GetUtcNow().UtcDateTime;
        if (entries.Count > MaxEntries) entries.Clear();
        var results = new int[keys.Count];
        var shared = new List<(int Index, Task<int> Count)>();
        var mine = new List<(int Index, TaskCompletionSource<int> Source, Entry Entry)>();
        for (var i = 0; i < keys.Count; i++)
        {
            var source = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
            var fresh = new Entry(current, now, source.Task);
            var stored = entries.AddOrUpdate(keys[i], fresh, (_, old) => IsCurrent(old, current, now) ? old : fresh);
            if (stored == fresh) mine.Add((i, source, fresh));
            else shared.Add((i, stored.Count));
        }
        if (mine.Count > 0)
        {
            try
            {
                var counted = await count([.. mine.Select(m => m.Index)]);
                for (var j = 0; j < mine.Count; j++)
                {
                    results[mine[j].Index] = counted[j];
                    mine[j].Source.SetResult(counted[j]);
                }
            }
            catch (Exception e)
            {
                foreach (var m in mine)
                {
                    entries.TryRemove(new KeyValuePair<string, Entry>(keys[m.Index], m.Entry));
                    m.Source.SetException(e);
                }
                throw;
            }
        }
        var failed = new List<int>();
        foreach (var (index, task) in shared)
        {
            try { results[index] = await task; }
            catch (Exception) { failed.Add(index); } // the request that was counting gave up (cancelled): count here
        }
        if (failed.Count > 0)
        {
            var counted = await count(failed);
            for (var j = 0; j < failed.Count; j++) results[failed[j]] = counted[j];
        }
        return results;
    }

    private static bool IsCurrent(Entry e, long version, DateTime now) => e.Version == version && now - e.At < MaxAge;
}
