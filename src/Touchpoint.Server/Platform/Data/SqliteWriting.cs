using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Touchpoint.Server.Platform.Data;

/// <summary>
/// Settings every SQLite connection needs, run once per physical connection when it first opens (they belong to the
/// connection, not the file; a pooled connection keeps them, and running them on every logical open cost a parse of
/// four statements per request).
/// busy_timeout: without it Microsoft.Data.Sqlite retries a busy database every 150 ms, which is where every long tail
/// of a writing request came from. synchronous=NORMAL: in WAL mode a commit is durable against a crash of the process
/// and loses at most the last transactions on a power cut, for a fraction of the fsyncs. secure_delete: deleted content
/// is overwritten, so an erased customer is gone from the file itself, not only from the tables. temp_store=MEMORY:
/// statement journals and sorting b-trees stay in memory; as files, every case created made and deleted one on the
/// writer thread (6 % of its time in open, close and inode eviction under load). No mmap_size: mapping the file saved
/// the copying of pages but added map and unmap churn as the file grows (bench/README.md, session 2).
/// wal_autocheckpoint: high, because <see cref="SqliteCheckpointer"/> copies the log back on a thread of its own.
/// </summary>
internal sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    private static readonly string Pragmas = "PRAGMA busy_timeout=10000; PRAGMA synchronous=NORMAL; PRAGMA secure_delete=ON; PRAGMA temp_store=MEMORY; "
        + $"PRAGMA wal_autocheckpoint={SqliteCheckpointer.BackstopPages};";

    /// <summary>The physical connections (native handles) already set up; an entry goes with its handle.</summary>
    private static readonly ConditionalWeakTable<object, object> Applied = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken ct = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    /// <summary>Also for a connection opened outside EF (the write gate's). Pragmas do no I/O: running them synchronously is fine.</summary>
    public static void Apply(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle } && !Applied.TryAdd(handle, handle)) return;
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }
}

