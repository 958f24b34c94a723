using System.Globalization;
using System.Security.Cryptography;
using Npgsql;

namespace Touchpoint.Bench;

/// <summary>
/// A fresh PostgreSQL database for one run (--database postgres), created on the server --postgres points to and
/// dropped when disposed, also after a failure or Ctrl+C. It also finds the CPU time of the backends serving it: they
/// are processes of their own, which would otherwise count as "other" in the CPU line.
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    private readonly string adminConnectionString;

    public string Name { get; }
    /// <summary>For the server: the --postgres connection string with the database replaced by this run's.</summary>
    public string ConnectionString { get; }
    /// <summary>Version and the durability settings that change write costs, for the report.</summary>
    public string Description { get; private set; } = "";
    /// <summary>Set by --keep-database: disposing leaves the database for a look at its plans.</summary>
    public bool Keep { get; init; }

    private PostgresDatabase(string adminConnectionString, string name)
    {
        this.adminConnectionString = adminConnectionString;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name }.ConnectionString;
    }

    public static async Task<PostgresDatabase> CreateAsync(string adminConnectionString, bool keep, CancellationToken ct)
    {
        var database = new PostgresDatabase(adminConnectionString, "touchpoint_bench_" + RandomNumberGenerator.GetHexString(12, lowercase: true)) { Keep = keep };
        await using var connection = await database.OpenAdminAsync(ct);
        // The name is ours (letters, digits, underscore): no quoting issue.
        await using (var create = new NpgsqlCommand($"CREATE DATABASE \"{database.Name}\"", connection))
            await create.ExecuteNonQueryAsync(ct);
        var settings = new List<string>();
        foreach (var setting in new[] { "server_version", "fsync", "synchronous_commit", "shared_buffers" })
        {
            await using var show = new NpgsqlCommand($"SHOW {setting}", connection);
            settings.Add($"{setting} {await show.ExecuteScalarAsync(ct)}");
        }
        database.Description = "PostgreSQL " + string.Join(", ", settings).Replace("server_version ", "", StringComparison.Ordinal);
        return database;
    }

    private async Task<NpgsqlConnection> OpenAdminAsync(CancellationToken ct)
    {
        // No pooling: the bench opens a handful of short connections, and a pooled one would keep its backend around.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(adminConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(ct);
        return connection;
    }

    /// <summary>CPU time (user + system) of every backend connected to this run's database now, by process id.</summary>
    public async Task<IReadOnlyDictionary<int, TimeSpan>> BackendCpuAsync(CancellationToken ct)
    {
        await using var connection = await OpenAdminAsync(ct);
        await using var query = new NpgsqlCommand("SELECT pid FROM pg_stat_activity WHERE datname = @name", connection);
        query.Parameters.AddWithValue("name", Name);
        var pids = new List<int>();
        await using (var reader = await query.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) pids.Add(reader.GetInt32(0));
        var cpu = new Dictionary<int, TimeSpan>();
        foreach (var pid in pids)
            if (ProcessCpu(pid) is { } t) cpu[pid] = t;
        return cpu;
    }

    /// <summary>utime + stime from /proc/&lt;pid&gt;/stat (fields 14 and 15, in USER_HZ = 100 per second); null if gone or elsewhere.</summary>
    private static TimeSpan? ProcessCpu(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name may hold spaces and parentheses: count fields after the last ')'.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return TimeSpan.FromSeconds(ticks / 100.0);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException) { return null; }
    }

    public async ValueTask DisposeAsync()
    {
        if (Keep)
        {
            Console.WriteLine($"Kept the bench database {Name}.");
            return;
        }
        // The server is stopped by now; FORCE (PostgreSQL 13+) ends any connection left over all the same.
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await using var connection = await OpenAdminAsync(limit.Token);
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync(limit.Token);
        }
        catch (Exception e) when (e is NpgsqlException or OperationCanceledException or InvalidOperationException)
        {
            Console.Error.WriteLine($"Could not drop the bench database {Name}: {e.Message}");
        }
    }
}
