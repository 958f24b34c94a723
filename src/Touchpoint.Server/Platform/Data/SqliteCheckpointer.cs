using Microsoft.Data.Sqlite;

namespace Touchpoint.Server.Platform.Data;

/// <summary>
/// Copies the write-ahead log back into the database file on a thread of its own, so that the writer never waits for
/// the disk. Left to SQLite, the connection whose commit takes the log past its threshold checkpoints there and then,
/// and a checkpoint syncs the log and the file: on a busy hall that was the writer blocked in fsync for a fifth of its
/// time, with every counter's request queued behind it (bench/README.md, session 9). A passive checkpoint runs beside
/// the writer (it never waits for readers or writers), and copying a few times a second writes each busy page (an
/// index's last page, the queue's heads) once per round rather than once per threshold's worth of commits.
/// Connections keep a high threshold (<see cref="BackstopPages"/>) in case this thread falls behind.
/// Under a sustained write load the log is never restarted by these passes: SQLite starts the log over only when a
/// checkpoint has copied all of it before the next write, and the writer keeps appending while a pass runs. So it is the
/// writer's own checkpoint at the threshold that restarts it, copying what arrived since the last pass and syncing twice
/// on the writer's thread: a stall of 30-80 ms for every counter. The threshold sets how often that happens (decision 0028).
/// </summary>
public sealed class SqliteCheckpointer(string connectionString, ILogger<SqliteCheckpointer> log) : BackgroundService
{
    /// <summary>How often the log is copied back. Short enough to keep the log small, long enough to batch busy pages.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// The log's length (pages) at which a committing connection checkpoints by itself after all (SQLite's default is
    /// 1,000): 512 MiB of log. A busy hall at the bench's rate (26,000 pages a second) reached 16,384 pages twice a
    /// second; at a branch's real load the passes above restart the log long before. The file keeps its largest size.
    /// </summary>
    public const int BackstopPages = 131_072;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        // fsync blocks: a thread of its own instead of one of the pool's.
        Task.Factory.StartNew(() => Run(stoppingToken), stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private void Run(CancellationToken stop)
    {
        SqliteConnection? connection = null;
        SqliteCommand? checkpoint = null;
        try
        {
            while (!stop.WaitHandle.WaitOne(Interval))
            {
                try
                {
                    if (connection is null)
                    {
                        // Not pooled: the connection lives as long as the service and must be gone when it stops.
                        connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
                        connection.Open();
                        SqliteConnectionSettings.Apply(connection);
                        checkpoint = connection.CreateCommand();
                        checkpoint.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
                    }
                    checkpoint!.ExecuteNonQuery();
                }
                catch (Exception e)
                {
                    // A checkpoint that cannot run now (the erasure's truncating one holds the lock, the disk is full) runs at
                    // the next tick, with a new connection; meanwhile the backstop threshold keeps the log bounded. Never
                    // let it end the service: a faulted background service stops the host.
                    log.LogDebug(e, "A background checkpoint did not run");
                    checkpoint?.Dispose();
                    connection?.Dispose();
                    (checkpoint, connection) = (null, null);
                }
            }
        }
        finally
        {
            checkpoint?.Dispose();
            connection?.Dispose();
        }
    }
}
