using System.Collections.Concurrent;
using Touchpoint.Server.Features.Organisation;
using Touchpoint.Server.Platform.Data;

namespace Touchpoint.Server.Features.Queue;

/// <summary>
/// The head tickets of every queue a counter may call from, read in one statement. Only the head of a queue can win
/// (urgency grows with waiting time within a service), so per service it reads the oldest normal and oldest priority
/// tickets and the earliest due appointments, plus the oldest tickets transferred to this counter: a few of each (see
/// <see cref="Depth"/>), so a counter that loses a race on PostgreSQL has fallbacks at hand.
/// Each part matches one of the partial indexes of migration M0005 term for term (SQLite uses a partial index only
/// when the query repeats its conditions), so it reads a handful of index entries however long the queue is.
/// On PostgreSQL the heads are locked as they are read, skipping those another counter has locked: counters with the
/// same skills each get heads of their own instead of queueing on the same row's lock to find it taken (under 50
/// counters that wait was seconds at the 99th percentile). Read inside the call's transaction; its commit frees them.
/// A call never waits for a head's lock: a read that waits (FOR UPDATE without SKIP LOCKED) deadlocked under two nodes
/// and sixteen counters, because PostgreSQL keeps the lock on a row that no longer matched once locked (a ticket
/// another counter had just called), so the waiting reads and that ticket's completion waited on each other. When
/// every head is held, an unlocked read tells whether any waits at all (<see cref="Locking.None"/>), and the call
/// tries again after the holders commit (<see cref="CallNextTicket"/>), so a short queue is never reported empty.
/// </summary>
public static class QueueHeads
{
    public const int Depth = 4;
    private const string Columns = """ "Id", "ServiceTypeId", "Priority", "IssuedAt", "AppointmentAt", "TargetCounterId" """;
    private const string Waiting = """ "Status" = 'waiting' AND "TargetCounterId" IS NULL """;
    private static readonly ConcurrentDictionary<(int, bool, Locking), string> SqlCache = new();

    /// <summary>How the heads are read on PostgreSQL (SQLite's single writer needs no row locks).</summary>
    public enum Locking
    {
        /// <summary>Lock the heads read, leaving out those other calls hold: the heads to claim.</summary>
        SkipLocked,

        /// <summary>Lock nothing, leave nothing out: whether anything waits at all.</summary>
        None,
    }

    public static async Task<List<RoutingCandidate>> ReadAsync(TouchpointDb db, Guid branchId, CounterLayout counter, DateTime dueBy, Locking locking,
        CancellationToken ct)
    {
        var services = counter.Weights.Where(w => w.Value > 0).Select(w => w.Key).Order().ToList();
        object[] parameters = [branchId, counter.Id, dueBy, .. services.Cast<object>()];
        var rows = await db.QueryAsync(Sql(services.Count, sqlite: !db.IsPostgres, locking), Read, ct, parameters);
        return rows.DistinctBy(r => r.Id).ToList();
    }

    // Columns in the order of Columns below.
    private static RoutingCandidate Read(System.Data.Common.DbDataReader r) => new(r.GetGuid(0), r.GetGuid(1), r.GetString(2), AsUtc(r.GetDateTime(3)),
        r.IsDBNull(4) ? null : AsUtc(r.GetDateTime(4)), r.IsDBNull(5) ? null : r.GetGuid(5));

    /// <summary>Parameters: @p0 the branch, @p1 the counter, @p2 appointments due by, @p3 and on the services.</summary>
    public static string Sql(int serviceCount, bool sqlite, Locking locking = Locking.SkipLocked) =>
        SqlCache.GetOrAdd((serviceCount, sqlite, locking), key => BuildSql(key.Item1, key.Item2, key.Item3));

    /// <remarks>
    /// SQLite has no statistics on a young database and may take the general (branch, status, service, time) index
    /// instead, which filters priority row by row: with no priority ticket waiting that reads the whole queue. So on
    /// SQLite each part names its index; PostgreSQL's planner has statistics and chooses by itself.
    /// </remarks>
    private static string BuildSql(int serviceCount, bool sqlite, Locking locking)
    {
        string From(string index) => "SELECT " + Columns + " FROM \"QueueTickets\" " + (sqlite ? $"INDEXED BY \"{index}\" " : "") + "WHERE ";
        var parts = new List<string>
        {
            From("IX_QueueTickets_WaitingTransferred") + "\"TargetCounterId\" = @p1 AND \"Status\" = 'waiting' AND \"TargetCounterId\" IS NOT NULL ORDER BY \"IssuedAt\"",
        };
        for (var i = 0; i < serviceCount; i++)
        {
            var service = "\"BranchId\" = @p0 AND \"ServiceTypeId\" = @p" + (3 + i) + " AND " + Waiting;
            parts.Add(From("IX_QueueTickets_WaitingAppointments") + service + " AND \"AppointmentAt\" IS NOT NULL AND \"AppointmentAt\" <= @p2 ORDER BY \"AppointmentAt\"");
            parts.Add(From("IX_QueueTickets_WaitingNormal") + service + " AND \"Priority\" IN ('normal', 'appointment') ORDER BY \"IssuedAt\"");
            parts.Add(From("IX_QueueTickets_WaitingPriority") + service + " AND \"Priority\" NOT IN ('normal', 'appointment') ORDER BY \"IssuedAt\"");
        }
        // Each part is a subquery of its own: both databases allow ORDER BY and LIMIT per part only that way (and
        // PostgreSQL a locking clause: it allows none on a UNION itself).
        var lockClause = sqlite || locking == Locking.None ? "" : " FOR UPDATE SKIP LOCKED";
        return string.Join("\nUNION ALL\n", parts.Select((p, i) => $"SELECT * FROM ({p} LIMIT {Depth}{lockClause}) AS h{i}"));
    }

    private static DateTime AsUtc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
