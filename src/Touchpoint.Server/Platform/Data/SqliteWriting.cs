using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Touchpoint.Server.Platform.Data;

/// <summary>
/// Settings every SQLite connection needs, run when it opens (they belong to the connection, not the file).
/// busy_timeout: without it Microsoft.Data.Sqlite retries a busy database every 150 ms, which is where every long tail
/// of a writing request came from. synchronous=NORMAL: in WAL mode a commit is durable against a crash of the process
/// and loses at most the last transactions on a power cut, for a fraction of the fsyncs. mmap_size: a connection
/// drops its page cache whenever another one has written, which on a busy branch is every request; reading the file
/// through a memory map instead of copying each page in with a system call makes that nearly free. secure_delete:
/// deleted content is overwritten, so an erased customer is gone from the file itself, not only from the tables.
/// temp_store=MEMORY: statement journals and sorting b-trees stay in memory; as files, every case created made and
/// deleted one on the writer thread (6 % of its time in open, close and inode eviction under load).
/// </summary>
internal sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA busy_timeout=10000; PRAGMA synchronous=NORMAL; PRAGMA secure_delete=ON; PRAGMA temp_store=MEMORY;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken ct = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(ct);
    }
}

/// <summary>
/// SQLite has one writer at a time, and a writer that finds the file busy sleeps in steps of milliseconds. The busiest
/// writes (tickets issued, called and completed) run through this gate instead: on SQLite, one after the other on a
/// thread of their own, so they neither sleep on the file nor wait in the thread pool's queue behind every other
/// request for their turn (SQLite answers synchronously, so a section never waits inside). One node is the only writer
/// of a SQLite file. On PostgreSQL rows lock one by one and the gate runs the work directly.
/// </summary>
public sealed class WriteGate : IDisposable
{
    private readonly System.Collections.Concurrent.BlockingCollection<Action>? queue;

    public WriteGate(bool serialize)
    {
        if (!serialize) return;
        queue = new();
        new Thread(() =>
        {
            foreach (var section in queue.GetConsumingEnumerable()) section();
        }) { IsBackground = true, Name = "Touchpoint SQLite writer", Priority = ThreadPriority.AboveNormal }.Start();
    }

    /// <summary>True on SQLite: this process is the database's only writer.</summary>
    public bool Serializes => queue is not null;

    /// <summary>Runs <paramref name="section"/> alone among the gated writes; its result or exception comes back to the caller.</summary>
    public Task<T> RunAsync<T>(Func<Task<T>> section, CancellationToken ct)
    {
        if (queue is null) return section();
        ct.ThrowIfCancellationRequested();
        // The caller continues on the thread pool, never on the writer's thread.
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        queue.Add(() =>
        {
            try { done.SetResult(section().GetAwaiter().GetResult()); }
            catch (Exception e) { done.SetException(e); }
        }, ct);
        return done.Task;
    }

    public async Task RunAsync(Func<Task> section, CancellationToken ct) =>
        await RunAsync(async () => { await section(); return true; }, ct);

    public void Dispose() => queue?.CompleteAdding();
}
