using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Settings;
using Touchpoint.Tests.Infrastructure;

namespace Touchpoint.Tests.Platform;

/// <summary>
/// The write gate on a real database: sections that queue up behind a busy writer commit together on SQLite, yet each
/// is atomic on its own (a failing one rolls back alone), and nobody hears of success before the row can be read.
/// </summary>
public sealed class WriteGateTests
{
    [Fact]
    public async Task QueuedSections_CommitBeforeTheyAnswer_AndAFailingOneRollsBackAlone_OnSqlite()
    {
        using var app = new TouchpointFactory();
        await SectionsAsync(app);
    }

    [PostgresFact]
    public async Task QueuedSections_CommitBeforeTheyAnswer_AndAFailingOneRollsBackAlone_OnPostgres()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        using var app = new TouchpointFactory(postgresConnectionString: database.ConnectionString);
        await SectionsAsync(app);
    }

    /// <summary>The connection settings are made once per physical connection: a pooled connection opened again keeps them.</summary>
    [Fact]
    public async Task EverySqliteConnection_HasItsSettings_WhenOpenedAgainFromThePool()
    {
        using var app = new TouchpointFactory();
        for (var open = 0; open < 3; open++)
        {
            var settings = await app.WithDbAsync(async db =>
            {
                await db.Database.OpenConnectionAsync();
                try
                {
                    var connection = db.Database.GetDbConnection();
                    async Task<long> Pragma(string name)
                    {
                        await using var command = connection.CreateCommand();
                        command.CommandText = $"PRAGMA {name}";
                        return Convert.ToInt64(await command.ExecuteScalarAsync());
                    }
                    return (Busy: await Pragma("busy_timeout"), Sync: await Pragma("synchronous"), Secure: await Pragma("secure_delete"), Temp: await Pragma("temp_store"),
                        Checkpoint: await Pragma("wal_autocheckpoint"));
                }
                finally
                {
                    await db.Database.CloseConnectionAsync();
                }
            });
            Assert.Equal((10_000L, 1L, 1L, 2L, (long)SqliteCheckpointer.BackstopPages), settings);
        }
    }

    /// <summary>
    /// A committing connection no longer copies the log back before a few thousand pages; the background checkpointer
    /// does, within moments: the database file alone (a copy without its log) already holds a small write. Without the
    /// checkpointer a new branch stays in the log until a thousand pages have been written after it.
    /// </summary>
    [Fact]
    public async Task TheDatabaseFileItself_HoldsACommittedWrite_WithinMoments()
    {
        using var app = new TouchpointFactory();
        await app.CreateBranchAsync("CKP");
        var copy = Path.Combine(app.DataDirectory, "copy-without-log.db");
        long found = 0;
        for (var attempt = 0; attempt < 40 && found == 0; attempt++)
        {
            await Task.Delay(SqliteCheckpointer.Interval);
            File.Copy(Path.Combine(app.DataDirectory, "touchpoint.db"), copy, overwrite: true);
            await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={copy};Pooling=False");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM \"Branches\" WHERE \"Code\" = 'CKP'";
            // Before any checkpoint the file does not even hold the tables ("no such table").
            try { found = Convert.ToInt64(await command.ExecuteScalarAsync()); }
            catch (Microsoft.Data.Sqlite.SqliteException) { found = 0; }
        }
        Assert.Equal(1, found);
    }

    private static async Task SectionsAsync(TouchpointFactory app)
    {
        var gate = app.Services.GetRequiredService<WriteGate>();
        var committed = new HashSet<string>();
        gate.Committed += db => { lock (committed) committed.UnionWith(Keys(db)); };

        // The first section holds the writer until every other section is queued behind it.
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holding = InsertAsync(app, gate, "gate-hold", async () => await release.Task);
        var sections = Enumerable.Range(0, 20).Select(i => InsertAsync(app, gate, $"gate-{i}", i == 7
            ? () => throw new InvalidOperationException("refused")
            : () => Task.CompletedTask)).ToList();
        release.SetResult();
        await holding;

        for (var i = 0; i < sections.Count; i++)
        {
            if (i == 7)
            {
                var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => sections[i]);
                Assert.Equal("refused", refused.Message);
            }
            else Assert.True(await sections[i], $"gate-{i} answered before another connection could read it");
        }
        var stored = await app.WithDbAsync(db => db.Settings.Where(s => s.Key.StartsWith("gate-")).Select(s => s.Key).ToListAsync());
        Assert.Equal(20, stored.Count);
        Assert.DoesNotContain("gate-7", stored);
        // On SQLite the gate reports each grouped section's commit (an email queued in one wakes the sender then).
        if (gate.Serializes) Assert.Equal(stored.Order(), committed.Where(k => k.StartsWith("gate-")).Order());
    }

    /// <summary>Adds a setting in a gated section of its own context; true when a fresh context reads it as soon as the gate answers.</summary>
    private static async Task<bool> InsertAsync(TouchpointFactory app, WriteGate gate, string key, Func<Task> thenWithinTheSection)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TouchpointDb>();
        await gate.RunAsync(db, async () =>
        {
            db.Settings.Add(new SystemSetting { Key = key, Value = "1" });
            await db.SaveChangesAsync();
            await thenWithinTheSection();
        }, CancellationToken.None);
        return await app.WithDbAsync(other => other.Settings.AnyAsync(s => s.Key == key));
    }

    private static IEnumerable<string> Keys(Microsoft.EntityFrameworkCore.DbContext db) =>
        db.ChangeTracker.Entries<SystemSetting>().Select(e => e.Entity.Key);
}
