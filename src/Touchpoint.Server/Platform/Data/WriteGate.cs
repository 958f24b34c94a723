using System.Collections.Concurrent;
using System.Data;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Touchpoint.Server.Platform.Data;

/// <summary>
/// The busiest writes (tickets issued, called and completed, cases opened, chat lines) run through this gate, each
/// section atomically. SQLite has one writer at a time, and a writer that finds the file busy sleeps in steps of
/// milliseconds; so on SQLite the sections run one after the other on a thread of their own, and sections that arrive
/// while others run share one commit (group commit): each runs in a savepoint of the writer's transaction, a failing
/// one rolls back alone, and nobody hears of success before the commit. Most of a small transaction's cost is writing
/// its pages to the log at commit (the table's and every index's last page, the search index's new segment), so ten
/// cases committed together cost little more than one. One node is the only writer of a SQLite file. On PostgreSQL
/// rows lock one by one and each section runs directly in a transaction of its own.
/// </summary>
public sealed class WriteGate : IDisposable
{
    // A batch stops growing after this many sections or this long, so that the first section's answer waits little.
    private const int MaxSectionsPerCommit = 32;
    private static readonly TimeSpan MaxBatchTime = TimeSpan.FromMilliseconds(4);
    private const string Savepoint = "section";

    private readonly BlockingCollection<Section>? queue;
    private readonly string? connectionString;
    private SqliteConnection? connection;

    /// <summary>A gate for a SQLite file (its connection string), or with null a pass-through for PostgreSQL.</summary>
    public WriteGate(string? sqliteConnectionString)
    {
        if (sqliteConnectionString is null) return;
        connectionString = sqliteConnectionString;
        queue = new();
        new Thread(Write) { IsBackground = true, Name = "Touchpoint SQLite writer", Priority = ThreadPriority.AboveNormal }.Start();
    }

    /// <summary>True on SQLite: this process is the database's only writer.</summary>
    public bool Serializes => queue is not null;

    /// <summary>
    /// Raised on the writer's thread for each section's context once the section is committed as part of a group: its
    /// context's own transaction events do not fire then (the group's transaction belongs to the gate).
    /// </summary>
    public event Action<DbContext>? Committed;

    /// <summary>
    /// Runs <paramref name="section"/> atomically and alone among the gated writes, with <paramref name="db"/> as its
    /// context; its result or exception comes back to the caller once it is committed. A section must not begin a
    /// transaction of its own, nor publish what it wrote (that is not committed until the section returns).
    /// </summary>
    public async Task<T> RunAsync<T>(TouchpointDb db, Func<Task<T>> section, CancellationToken ct)
    {
        var work = new Section<T>(db, section, ct);
        if (queue is null) await work.RunInOwnTransactionAsync();
        else
        {
            ct.ThrowIfCancellationRequested();
            queue.Add(work, ct);
        }
        return await work.Task;
    }

    public Task RunAsync(TouchpointDb db, Func<Task> section, CancellationToken ct) =>
        RunAsync(db, async () => { await section(); return true; }, ct);

    public void Dispose() => queue?.CompleteAdding();

    private void Write()
    {
        foreach (var taken in queue!.GetConsumingEnumerable())
        {
            var next = taken;
            while (next is not null)
            {
                if (next.HasOwnConnection)
                {
                    // The caller's context is already connected (it holds a transaction of its own): it cannot join the
                    // group, so it runs by itself, as every section did before groups.
                    next.RunInOwnTransactionAsync().GetAwaiter().GetResult();
                    next = null;
                }
                else next = RunGroup(next);
            }
        }
        connection?.Dispose();
    }

    /// <summary>Runs <paramref name="first"/> and whatever else is waiting in one transaction; returns a section taken that could not join.</summary>
    private Section? RunGroup(Section first)
    {
        SqliteTransaction transaction;
        try
        {
            connection ??= Open();
            transaction = connection.BeginTransaction(deferred: false);
        }
        catch (Exception e)
        {
            DropConnection();
            first.Fail(e);
            return null;
        }
        var done = new List<Section>();
        Section? current = first, leftOver = null;
        var started = Stopwatch.GetTimestamp();
        try
        {
            while (current is not null)
            {
                if (RunInSavepoint(current, transaction)) done.Add(current);
                current = null;
                if (done.Count >= MaxSectionsPerCommit || Stopwatch.GetElapsedTime(started) > MaxBatchTime || !queue!.TryTake(out var more)) break;
                if (more.HasOwnConnection) leftOver = more;
                else current = more;
            }
            transaction.Commit();
        }
        catch (Exception e)
        {
            // The transaction failed as a whole (the disk, the file lock): nothing of the group is written.
            current?.Fail(e);
            foreach (var section in done) section.Fail(e);
            transaction.Dispose();
            DropConnection();
            return leftOver;
        }
        transaction.Dispose();
        foreach (var section in done)
        {
            // Before the caller hears: once it has, its context may already be back in the pool serving someone else.
            Committed?.Invoke(section.Db);
            section.Succeed();
        }
        return leftOver;
    }

    /// <summary>True when the section succeeded; a section that threw is rolled back and told at once.</summary>
    private bool RunInSavepoint(Section section, SqliteTransaction transaction)
    {
        var database = section.Db.Database;
        var ownConnectionString = database.GetConnectionString();
        database.SetDbConnection(connection, contextOwnsConnection: false);
        database.UseTransaction(transaction);
        // The savepoint below already makes the section atomic; EF's own per-save savepoints would only add statements.
        database.AutoSavepointsEnabled = false;
        transaction.Save(Savepoint);
        try
        {
            section.RunAsync().GetAwaiter().GetResult();
            transaction.Release(Savepoint);
            return true;
        }
        catch (Exception e)
        {
            // If the rollback itself fails the transaction is gone: that propagates and fails the whole group.
            transaction.Rollback(Savepoint);
            transaction.Release(Savepoint);
            section.Fail(e);
            return false;
        }
        finally
        {
            database.AutoSavepointsEnabled = true;
            database.UseTransaction(null);
            database.SetDbConnection(null, contextOwnsConnection: true);
            database.SetConnectionString(ownConnectionString);
        }
    }

    private SqliteConnection Open()
    {
        var opened = new SqliteConnection(connectionString);
        opened.Open();
        SqliteConnectionSettings.Apply(opened);
        return opened;
    }

    private void DropConnection()
    {
        connection?.Dispose();
        connection = null;
    }

    private abstract class Section(TouchpointDb db)
    {
        public TouchpointDb Db => db;

        public bool HasOwnConnection => db.Database.CurrentTransaction is not null || db.Database.GetDbConnection().State != ConnectionState.Closed;

        public abstract Task RunAsync();

        public abstract void Succeed();

        public abstract void Fail(Exception e);

        /// <summary>PostgreSQL's way, and SQLite's for a context that is already connected.</summary>
        public async Task RunInOwnTransactionAsync()
        {
            try
            {
                if (db.Database.CurrentTransaction is not null) await RunAsync();
                else
                {
                    await using var transaction = await db.Database.BeginTransactionAsync();
                    await RunAsync();
                    await transaction.CommitAsync();
                }
                Succeed();
            }
            catch (Exception e) { Fail(e); }
        }
    }

    private sealed class Section<T>(TouchpointDb db, Func<Task<T>> body, CancellationToken ct) : Section(db)
    {
        // The caller continues on the thread pool, never on the writer's thread.
        private readonly TaskCompletionSource<T> done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T result = default!;

        public Task<T> Task => done.Task;

        public override async Task RunAsync()
        {
            ct.ThrowIfCancellationRequested();
            result = await body();
        }

        public override void Succeed() => done.TrySetResult(result);

        public override void Fail(Exception e) => done.TrySetException(e);
    }
}
