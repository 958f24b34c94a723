using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Features.Queue;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Data.Migrations;
using Touchpoint.Tests.Infrastructure;

namespace Touchpoint.Tests.Queue;

/// <summary>
/// Call-next stays fast with thousands waiting only if SQLite answers every head lookup from a partial index, and it
/// uses a partial index only when the query repeats the index's conditions exactly: an edit to either side that
/// breaks the match would turn each call into a scan of the whole queue, so the plan itself is checked.
/// </summary>
public sealed class QueueIndexTests
{
    [Fact]
    public async Task Sqlite_EveryHeadLookup_ReadsAPartialIndex()
    {
        using var app = new TouchpointFactory();
        // Two services: the transferred part, then three parts per service.
        var plan = await app.WithDbAsync(db => PlanAsync(db, QueueHeads.Sql(2, sqlite: true)));

        var reads = plan.Where(d => d.Contains("QueueTickets")).ToList();
        Assert.Equal(7, reads.Count);
        Assert.All(reads, d => Assert.Contains("USING INDEX IX_QueueTickets_Waiting", d));
        foreach (var (name, _, _) in M0005_QueueIndexes.WaitingHeads.Where(h => h.Name.Contains("Waiting")))
            Assert.Contains(reads, d => d.Contains(name + " "));
        Assert.DoesNotContain(plan, d => d.Contains("TEMP B-TREE"));
    }

    /// <summary>Both reads of a counter's current ticket (the call's desk, the counter screen) use the partial index of M0025.</summary>
    [Fact]
    public async Task Sqlite_CounterCurrentTicket_ReadsThePartialIndex()
    {
        using var app = new TouchpointFactory();
        var plans = await app.WithDbAsync(async db =>
            new[] { await PlanAsync(db, CallNextTicket.DeskSql), await PlanAsync(db, SqlOf(QueueListEndpoints.CurrentAt(db, Guid.NewGuid()))) });

        Assert.All(plans, plan => Assert.Contains(plan, d => d.Contains("QueueTickets") && d.Contains($"USING INDEX {M0025_CounterIndexes.CounterCurrentIndex} ")));
    }

    /// <summary>The pad's prompt is found through the branch's recent prompts, newest first, without sorting.</summary>
    [Fact]
    public async Task Sqlite_PadPrompt_ReadsTheBranchIndex()
    {
        using var app = new TouchpointFactory();
        var branch = new Touchpoint.Server.Features.Organisation.Branch { Code = "B", Name = new(), TimeZone = "UTC" };
        var plan = await app.WithDbAsync(db => PlanAsync(db, SqlOf(EvaluationEndpoints.OpenPromptsAt(db, branch, Guid.NewGuid(), DateTime.UtcNow))));

        Assert.Contains(plan, d => d.Contains("USING INDEX IX_ServiceEvaluations_BranchId_PromptedAt "));
        Assert.DoesNotContain(plan, d => d.Contains("TEMP B-TREE"));
    }

    /// <summary>EF's text of a query declares its parameters in lines of their own; the plan needs only their names.</summary>
    private static string SqlOf<T>(IQueryable<T> query) =>
        string.Join('\n', query.ToQueryString().Split('\n').Where(l => !l.StartsWith(".param")));

    /// <summary>SQLite's plan of <paramref name="sql"/>, with some value bound to each parameter (the indexes' conditions name no parameter).</summary>
    private static async Task<List<string>> PlanAsync(TouchpointDb db, string sql)
    {
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (System.Text.RegularExpressions.Match name in System.Text.RegularExpressions.Regex.Matches(sql, @"@\w+"))
            if (!command.Parameters.Contains(name.Value)) command.Parameters.Add(new SqliteParameter(name.Value, Guid.NewGuid()));
        var details = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) details.Add(reader.GetString(3));
        return details;
    }
}
