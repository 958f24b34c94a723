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

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    /// <summary>For a connection opened outside EF (the write gate's).</summary>
    public static void Apply(DbConnection connection)
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

