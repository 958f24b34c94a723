using System.Diagnostics;
using System.Globalization;

namespace Touchpoint.Bench;

/// <summary>
/// CPU time used between two samples by the server, by its PostgreSQL backends (zero on SQLite, which runs inside the
/// server), by this load generator and by the whole machine.
/// </summary>
public sealed record CpuShares(TimeSpan Server, TimeSpan Database, TimeSpan Bench, TimeSpan Machine, TimeSpan Capacity)
{
    public double ServerPercent => Percent(Server);
    public double DatabasePercent => Percent(Database);
    public double BenchPercent => Percent(Bench);
    /// <summary>Whatever else ran: builds, tests, other benchmarks. High values make every figure of the row doubtful.</summary>
    public double OtherPercent => Math.Max(0, Percent(Machine - Server - Database - Bench));
    private double Percent(TimeSpan t) => Capacity > TimeSpan.Zero ? 100 * t / Capacity : double.NaN;
}

public sealed record CpuSample(TimeSpan Server, IReadOnlyDictionary<int, TimeSpan> Database, TimeSpan Bench, TimeSpan MachineBusy, long WallTicks)
{
    // /proc/stat counts in USER_HZ, which is 100 on every mainstream Linux build.
    private const double TicksPerSecond = 100;

    public static async Task<CpuSample> TakeAsync(ServerProcess server, PostgresDatabase? database, CancellationToken ct)
    {
        var backends = database is null ? new Dictionary<int, TimeSpan>() : await database.BackendCpuAsync(ct);
        return new(server.CpuTime(), backends, Process.GetCurrentProcess().TotalProcessorTime, ReadMachineBusy(), Stopwatch.GetTimestamp());
    }

    public static CpuShares operator -(CpuSample after, CpuSample before) => new(
        after.Server - before.Server,
        // Backends that started meanwhile count whole; one that ended meanwhile is lost (the pool keeps them, so rarely).
        after.Database.Aggregate(TimeSpan.Zero, (sum, b) => sum + b.Value - before.Database.GetValueOrDefault(b.Key)),
        after.Bench - before.Bench, after.MachineBusy - before.MachineBusy,
        Stopwatch.GetElapsedTime(before.WallTicks, after.WallTicks) * Environment.ProcessorCount);

    /// <summary>All CPU time but idle and I/O wait, summed over cores, from /proc/stat; steal counts, as time the VM did not get.</summary>
    private static TimeSpan ReadMachineBusy()
    {
        if (!File.Exists("/proc/stat")) return TimeSpan.Zero;
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Skip(1).Take(8).Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        var busy = fields.Sum() - fields[3] - fields[4]; // user nice system idle iowait irq softirq steal
        return TimeSpan.FromSeconds(busy / TicksPerSecond);
    }
}
