using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Tests.Automation;
using Touchpoint.Tests.Infrastructure;

namespace Touchpoint.Tests.Teams;

/// <summary>
/// Teams on PostgreSQL: the rename rewriting cases in one transaction, "my teams" as a subquery in lists and in the
/// side bar's union of counts, team-limited auto-assignment when cases arrive at once under the pool's row lock, and
/// the monitor's catch-up that skips cases no member can take, and a new case opened in a team.
/// </summary>
public sealed class PostgresTeamTests
{
    [PostgresFact]
    public async Task TeamsOfCases_Views_AndFiltering_WorkOnPostgres()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        using var app = new TouchpointFactory(postgresConnectionString: database.ConnectionString);
        await app.CreateBranchAsync("SEL");
        await app.CreateBranchAsync("SH");
        var staff = await app.StaffAsync("Frontline", "SEL");
        var card = await app.CreateTeamAsync("SEL", "카드팀", await staff.IdAsync());
        var foreign = await app.CreateTeamAsync("SH", "Cards");
        var caseId = await TeamApiTests.OpenAsync(staff, TeamApiTests.NewCase("카드 분실", "SEL"));
        await TeamApiTests.OpenAsync(staff, TeamApiTests.NewCase("주소 변경", "SEL"));
        Assert.NotNull((await (await staff.PostAsJsonAsync($"/api/cases/{caseId}/assign", new { teamId = foreign })).ProblemAsync(HttpStatusCode.BadRequest))["errors"]!["teamId"]);
        await (await staff.PostAsJsonAsync($"/api/cases/{caseId}/assign", new { teamId = card })).ShouldBeAsync(HttpStatusCode.OK);

        var mine = (await (await staff.GetAsync("/api/cases?team=mine")).JsonAsync())["items"]!.AsArray();
        Assert.Equal(caseId, Assert.Single(mine)!["id"]!.GetValue<Guid>());
        var view = await (await staff.PostAsJsonAsync("/api/case-views", new { name = "우리 팀", scope = "team", teamId = card, filter = new { team = "mine" } }))
            .JsonAsync(HttpStatusCode.Created);
        Assert.Equal(1, view["count"]!.GetValue<int>());
        var side = (await (await staff.GetAsync("/api/case-views")).JsonAsync()).AsArray();
        Assert.Equal(1, side.Single(v => v!["name"]!.GetValue<string>() == "우리 팀")!["count"]!.GetValue<int>());

        var admin = await app.AdminAsync();
        await (await admin.PutAsJsonAsync($"/api/branches/SEL/teams/{card}", new { name = "카드·결제팀", memberIds = new[] { await staff.IdAsync() } }))
            .ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal("카드·결제팀", await app.WithDbAsync(db => db.Cases.Where(c => c.Id == caseId).Select(c => c.Team).SingleAsync()));
    }

    [PostgresFact]
    public async Task ConcurrentCardCases_GoToTheTeamsMembersOnly_WithinCapacity_OnPostgres()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        using var app = new TouchpointFactory(postgresConnectionString: database.ConnectionString);
        var (manager, staff, cards) = await TeamAssignmentTests.CardsPoolAsync(app);
        var clients = staff.Select(s => s.Client).Append(manager).ToList();
        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            clients[i % clients.Count].PostAsJsonAsync("/api/cases", AutoAssignmentTests.Case($"Card {i}", category: "cards"))));
        foreach (var r in responses) await r.ShouldBeAsync(HttpStatusCode.Created);
        var loads = await app.WithDbAsync(db => db.Cases.Where(c => c.AssigneeId != null).GroupBy(c => c.AssigneeId!.Value)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count));
        Assert.Equal(new Dictionary<Guid, int> { [staff[0].Id] = 2, [staff[1].Id] = 2 }, loads);
        Assert.Equal(10, await app.WithDbAsync(db => db.Cases.CountAsync(c => c.TeamId == cards)));
    }

    [PostgresFact]
    public async Task NewCaseWithATeam_StartsInIt_AndGoesToItsMembers_OnPostgres()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        using var app = new TouchpointFactory(postgresConnectionString: database.ConnectionString);
        await TeamPickerTests.NewCaseWithATeamAsync(app);
    }

    [PostgresFact]
    public async Task CasesOfATeamWithNobodyAvailable_DoNotHoldBackTheOthersWaiting_OnPostgres()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        using var app = new TouchpointFactory(postgresConnectionString: database.ConnectionString);
        await TeamAssignmentTests.NoTeamHoldsBackOthersAsync(app);
    }
}
