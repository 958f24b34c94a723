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
/// </summary>
internal sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA busy_timeout=10000; PRAGMA synchronous=NORMAL; PRAGMA mmap_size=1073741824; PRAGMA secure_delete=ON;";

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
/// writes (tickets issued, called and completed) take this in-process gate first so they queue in memory instead: one
/// node is the only writer of a SQLite file. On PostgreSQL rows lock one by one and the gate lets everyone through.
/// </summary>
public sealed class WriteGate(bool serialize)
{
    private readonly SemaphoreSlim? gate = serialize ? new SemaphoreSlim(1, 1) : null;

    /// <summary>True on SQLite: this process is the database's only writer.</summary>
    public bool Serializes => gate is not null;

    public async ValueTask<Releaser> EnterAsync(CancellationToken ct)
    {
        if (gate is not null) await gate.WaitAsync(ct);
        return new Releaser(gate);
    }

    public readonly struct Releaser(SemaphoreSlim? gate) : IDisposable
    {
        public void Dispose() => gate?.Release();
    }
}
