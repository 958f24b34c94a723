using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Touchpoint.Server.Features.Automation;
using Touchpoint.Server.Platform.Data.Migrations;
using Touchpoint.Tests.Infrastructure;

namespace Touchpoint.Tests.Automation;

/// <summary>Auto-assignment through the API: presence, skills and capacity, round robin, catching up, and two cases at once.</summary>
public sealed class AutoAssignmentTests : IDisposable
{
    private readonly TouchpointFactory app = new();

    public static object Case(string subject = "Card blocked", string? category = null) => new
    {
        subject, channel = "phone", branch = "SH", category, customer = new { name = "Chen Jia", phone = "+86 139 0000 0002" },
    };

    /// <summary>A branch with auto-assignment on and staff present with the capacity given; returns their clients and ids.</summary>
    public static async Task<(HttpClient Manager, List<(HttpClient Client, Guid Id)> Staff)> PoolAsync(TouchpointFactory app, int people, int capacity)
    {
        await app.CreateBranchAsync("SH");
        var manager = await app.StaffAsync("Manager", "SH");
        var staff = new List<(HttpClient, Guid)>();
        for (var i = 0; i < people; i++)
        {
            var client = await app.StaffAsync("Frontline", "SH");
            var id = (await (await client.GetAsync("/api/me")).JsonAsync())["id"]!.GetValue<Guid>();
            await (await manager.PutAsJsonAsync($"/api/assignment/staff/{id}", new { skills = Array.Empty<string>(), capacity })).ShouldBeAsync(HttpStatusCode.OK);
            await (await client.PutAsJsonAsync("/api/assignment/me/presence", new { isAvailable = true })).ShouldBeAsync(HttpStatusCode.OK);
            staff.Add((client, id));
        }
        await (await manager.PutAsJsonAsync("/api/assignment/branches/SH", new { enabled = true })).ShouldBeAsync(HttpStatusCode.OK);
        return (manager, staff);
    }

    private static async Task<Guid?> AssigneeOfNewCaseAsync(HttpClient client, object body)
    {
        var id = (await (await client.PostAsJsonAsync("/api/cases", body)).JsonAsync(HttpStatusCode.Created))["id"]!.GetValue<string>();
        var detail = await (await client.GetAsync($"/api/cases/{id}")).JsonAsync();
        return detail["assigneeId"]?.GetValue<Guid>();
    }

    [Fact]
    public async Task NewCases_GoRoundRobin_UpToCapacity_AndWaitingOnesAreOfferedWhenSomeoneFreesUp()
    {
        var (manager, staff) = await PoolAsync(app, people: 2, capacity: 2);
        var (a, b) = (staff[0], staff[1]);
        var first = await AssigneeOfNewCaseAsync(manager, Case());
        var second = await AssigneeOfNewCaseAsync(manager, Case());
        Assert.NotNull(first);
        Assert.NotEqual(first, second);
        Assert.NotNull(await AssigneeOfNewCaseAsync(manager, Case()));
        Assert.NotNull(await AssigneeOfNewCaseAsync(manager, Case()));
        Assert.Null(await AssigneeOfNewCaseAsync(manager, Case())); // both at capacity

        var list = await (await manager.GetAsync("/api/assignment/staff?branch=SH")).JsonAsync();
        Assert.All(list.AsArray().Where(p => p!["isAvailable"]!.GetValue<bool>()), p => Assert.Equal(2, p!["load"]!.GetValue<int>()));
        var waiting = await app.WithDbAsync(db => db.Cases.Where(c => c.AssigneeId == null).Select(c => c.Id).SingleAsync());
        await (await manager.PostAsync($"/api/cases/{waiting}/auto-assign", null)).ProblemAsync(HttpStatusCode.Conflict);

        // A solves one; the monitor hands the waiting case to A.
        var aCase = await app.WithDbAsync(db => db.Cases.Where(c => c.AssigneeId == a.Id).Select(c => c.Id).FirstAsync());
        await (await a.Client.PostAsJsonAsync($"/api/cases/{aCase}/status", new { status = "solved" })).ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal((0, 1), await app.Services.GetRequiredService<AutomationMonitor>().CheckAsync(CancellationToken.None));
        Assert.Equal(a.Id, await app.WithDbAsync(db => db.Cases.Where(c => c.Id == waiting).Select(c => c.AssigneeId).SingleAsync()));

        // Away: B gets nothing more even with room.
        await (await b.Client.PutAsJsonAsync("/api/assignment/me/presence", new { isAvailable = false })).ShouldBeAsync(HttpStatusCode.OK);
        var bCase = await app.WithDbAsync(db => db.Cases.Where(c => c.AssigneeId == b.Id).Select(c => c.Id).FirstAsync());
        await (await b.Client.PostAsJsonAsync($"/api/cases/{bCase}/status", new { status = "solved" })).ShouldBeAsync(HttpStatusCode.OK);
        Assert.Null(await AssigneeOfNewCaseAsync(manager, Case()));
    }

    [Fact]
    public async Task Skills_ChooseWhoGetsACase_AndTheSettingsAreGuarded()
    {
        var (manager, staff) = await PoolAsync(app, people: 2, capacity: 5);
        await (await manager.PutAsJsonAsync($"/api/assignment/staff/{staff[0].Id}", new { skills = new[] { "loans" }, capacity = 5 })).ShouldBeAsync(HttpStatusCode.OK);
        await (await manager.PutAsJsonAsync($"/api/assignment/staff/{staff[1].Id}", new { skills = new[] { "cards" }, capacity = 5 })).ShouldBeAsync(HttpStatusCode.OK);
        for (var i = 0; i < 3; i++)
            Assert.Equal(staff[1].Id, await AssigneeOfNewCaseAsync(manager, Case(category: "cards")));

        var frontline = staff[0].Client;
        await (await frontline.PutAsJsonAsync($"/api/assignment/staff/{staff[1].Id}", new { capacity = 9 })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await frontline.PutAsJsonAsync("/api/assignment/branches/SH", new { enabled = false })).ProblemAsync(HttpStatusCode.Forbidden);
        var bad = await (await manager.PutAsJsonAsync($"/api/assignment/staff/{staff[1].Id}", new { skills = new[] { "cards" }, capacity = -1 })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(bad["errors"]!["capacity"]);
        var presence = await (await frontline.PutAsJsonAsync("/api/assignment/me/presence", new { })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(presence["errors"]!["isAvailable"]);
        await (await manager.PutAsJsonAsync($"/api/assignment/staff/{Guid.NewGuid()}", new { capacity = 1 })).ProblemAsync(HttpStatusCode.NotFound);
        await (await manager.PutAsJsonAsync("/api/assignment/branches/XX", new { enabled = true })).ProblemAsync(HttpStatusCode.NotFound);
        var me = await (await frontline.GetAsync("/api/assignment/me")).JsonAsync();
        Assert.True(me["isAvailable"]!.GetValue<bool>());
        Assert.Equal(["loans"], me["skills"]!.AsArray().Select(s => s!.GetValue<string>()));
    }

    [Fact]
    public async Task Choosing_ReadsEveryCandidateAtOnce_AndCountsLoadsFromTheAssigneeIndex()
    {
        var commands = new CommandLog();
        using var logged = new TouchpointFactory(services: s => s.AddSingleton<IInterceptor>(commands));
        var (_, staff) = await PoolAsync(logged, people: 5, capacity: 3);
        // Available with room, but in another branch: never a candidate for Shanghai's cases.
        await logged.CreateBranchAsync("BJ");
        var elsewhere = await logged.StaffAsync("Frontline", "BJ");
        await (await elsewhere.PutAsJsonAsync("/api/assignment/me/presence", new { isAvailable = true })).ShouldBeAsync(HttpStatusCode.OK);

        var (chosen, sql) = await logged.WithDbAsync(async db =>
        {
            var branchId = await db.Branches.Where(b => b.Code == "SH").Select(b => b.Id).SingleAsync();
            var c = new Touchpoint.Server.Features.Cases.SupportCase { Reference = "X", Subject = "Card blocked", Channel = "phone", CustomerName = "Chen Jia", BranchId = branchId };
            await using var tx = await db.Database.BeginTransactionAsync();
            commands.Start();
            var who = await AutoAssigner.AssignAsync(db, c, "SH", DateTime.UtcNow, CancellationToken.None);
            return (who, commands.Stop());
        });
        Assert.Contains(chosen, staff.Select(x => (Guid?)x.Id));
        // The pool's lock, the candidates with their roles and branches, their loads, the round-robin mark: never one per person.
        Assert.Equal(4, sql.Count);

        var loads = sql.Single(x => x.CommandText.Contains("GROUP BY"));
        var plan = await logged.WithDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "EXPLAIN QUERY PLAN " + loads.CommandText;
            foreach (var (name, value) in loads.Parameters) command.Parameters.Add(new SqliteParameter(name, value));
            var details = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) details.Add(reader.GetString(3));
            return details;
        });
        Assert.Contains(plan, d => d.Contains(M0021_CaseAssigneeLoads.IndexName + " "));
    }

    /// <summary>The commands a database context runs between <see cref="Start"/> and <see cref="Stop"/>, with their parameters.</summary>
    private sealed class CommandLog : DbCommandInterceptor
    {
        private List<(string CommandText, List<(string, object?)> Parameters)>? log;

        public void Start() => log = [];

        public List<(string CommandText, List<(string, object?)> Parameters)> Stop()
        {
            var done = log!;
            log = null;
            return done;
        }

        private void Record(DbCommand command) =>
            log?.Add((command.CommandText, command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, p.Value)).ToList()));

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return ValueTask.FromResult(result);
        }
    }

    [Fact]
    public async Task TwoCasesAtOnce_NeverFillAnyoneBeyondCapacity() => await ConcurrentCreation.CheckAsync(app);

    public void Dispose() => app.Dispose();
}

/// <summary>The concurrency check, shared by the SQLite and PostgreSQL runs.</summary>
public static class ConcurrentCreation
{
    public static async Task CheckAsync(TouchpointFactory app)
    {
        var (manager, staff) = await AutoAssignmentTests.PoolAsync(app, people: 3, capacity: 2);
        var clients = staff.Select(s => s.Client).Append(manager).ToList();
        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => clients[i % clients.Count].PostAsJsonAsync("/api/cases", AutoAssignmentTests.Case($"Case {i}"))));
        foreach (var r in responses) await r.ShouldBeAsync(HttpStatusCode.Created);
        var loads = await app.WithDbAsync(db => db.Cases.Where(c => c.AssigneeId != null).GroupBy(c => c.AssigneeId).Select(g => g.Count()).ToListAsync());
        Assert.Equal(3, loads.Count);
        Assert.All(loads, n => Assert.Equal(2, n));
        Assert.Equal(10, await app.WithDbAsync(db => db.Cases.CountAsync(c => c.AssigneeId == null)));
    }
}
