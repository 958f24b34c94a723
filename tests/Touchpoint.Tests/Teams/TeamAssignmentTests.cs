using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Touchpoint.Server.Features.Automation;
using Touchpoint.Tests.Automation;
using Touchpoint.Tests.Infrastructure;

namespace Touchpoint.Tests.Teams;

/// <summary>Auto-assignment of a case with a team: among that team's members who are present and under capacity only.</summary>
public sealed class TeamAssignmentTests : IDisposable
{
    private readonly TouchpointFactory app = new();

    /// <summary>Three people present with room for two cases each, two of them in Cards; a rule gives card cases to Cards.</summary>
    public static async Task<(HttpClient Manager, List<(HttpClient Client, Guid Id)> Staff, Guid Cards)> CardsPoolAsync(TouchpointFactory app)
    {
        var (manager, staff) = await AutoAssignmentTests.PoolAsync(app, people: 3, capacity: 2);
        var cards = await app.CreateTeamAsync("SH", "Cards", staff[0].Id, staff[1].Id);
        await (await manager.PostAsJsonAsync("/api/case-rules", new
        {
            name = "Card cases to Cards", branch = "SH", @event = "caseCreated", isEnabled = true, matchAll = true,
            conditions = new[] { new { field = "category", @operator = "is", value = "cards" } },
            actions = new[] { new { type = "setTeam", value = "Cards" } },
        })).ShouldBeAsync(HttpStatusCode.Created);
        return (manager, staff, cards);
    }

    private static async Task<(Guid Id, Guid? Assignee, Guid? Team)> CreateAsync(TouchpointFactory app, HttpClient client, string? category)
    {
        var id = (await (await client.PostAsJsonAsync("/api/cases", AutoAssignmentTests.Case(category: category))).JsonAsync(HttpStatusCode.Created))["id"]!.GetValue<Guid>();
        var row = await app.WithDbAsync(db => db.Cases.Where(c => c.Id == id).Select(c => new { c.AssigneeId, c.TeamId }).SingleAsync());
        return (id, row.AssigneeId, row.TeamId);
    }

    [Fact]
    public async Task CaseWithATeam_GoesToItsMembersPresentAndUnderCapacity_AndWaitsForThem()
    {
        var (manager, staff, cards) = await CardsPoolAsync(app);
        var members = new[] { staff[0].Id, staff[1].Id };
        for (var i = 0; i < 4; i++)
        {
            var (_, assignee, team) = await CreateAsync(app, manager, "cards");
            Assert.Equal(cards, team);
            Assert.Contains(assignee!.Value, members);
        }
        // The team is full: the next card case waits, although the third person is free.
        var (waiting, nobody, _) = await CreateAsync(app, manager, "cards");
        Assert.Null(nobody);
        await (await manager.PostAsync($"/api/cases/{waiting}/auto-assign", null)).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(staff[2].Id, (await CreateAsync(app, manager, "loans")).Assignee);

        // A member away gets nothing; when the other frees a place the monitor gives them the waiting case.
        await (await staff[0].Client.PutAsJsonAsync("/api/assignment/me/presence", new { isAvailable = false })).ShouldBeAsync(HttpStatusCode.OK);
        var solved = await app.WithDbAsync(db => db.Cases.Where(c => c.AssigneeId == staff[0].Id).Select(c => c.Id).FirstAsync());
        await (await staff[0].Client.PostAsJsonAsync($"/api/cases/{solved}/status", new { status = "solved" })).ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal((0, 0), await app.Services.GetRequiredService<AutomationMonitor>().CheckAsync(CancellationToken.None));
        var freed = await app.WithDbAsync(db => db.Cases.Where(c => c.AssigneeId == staff[1].Id).Select(c => c.Id).FirstAsync());
        await (await staff[1].Client.PostAsJsonAsync($"/api/cases/{freed}/status", new { status = "solved" })).ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal((0, 1), await app.Services.GetRequiredService<AutomationMonitor>().CheckAsync(CancellationToken.None));
        Assert.Equal(staff[1].Id, await app.WithDbAsync(db => db.Cases.Where(c => c.Id == waiting).Select(c => c.AssigneeId).SingleAsync()));
    }

    [Fact]
    public async Task CaseMovedToATeam_IsOfferedToItsMembersOnly()
    {
        var (manager, staff, cards) = await CardsPoolAsync(app);
        foreach (var member in staff.Take(2))
            await (await member.Client.PutAsJsonAsync("/api/assignment/me/presence", new { isAvailable = false })).ShouldBeAsync(HttpStatusCode.OK);
        var (id, first, _) = await CreateAsync(app, manager, null);
        Assert.Equal(staff[2].Id, first); // the only one present

        await (await manager.PostAsJsonAsync($"/api/cases/{id}/assign", new { assigneeId = (Guid?)null, teamId = cards })).ShouldBeAsync(HttpStatusCode.OK);
        await (await manager.PostAsync($"/api/cases/{id}/auto-assign", null)).ProblemAsync(HttpStatusCode.Conflict);
        await (await staff[1].Client.PutAsJsonAsync("/api/assignment/me/presence", new { isAvailable = true })).ShouldBeAsync(HttpStatusCode.OK);
        var chosen = await (await manager.PostAsync($"/api/cases/{id}/auto-assign", null)).JsonAsync();
        Assert.Equal(staff[1].Id, chosen["assigneeId"]!.GetValue<Guid>());
    }

    [Fact]
    public Task CasesOfATeamWithNobodyAvailable_DoNotHoldBackTheOthersWaiting() => NoTeamHoldsBackOthersAsync(app);

    /// <summary>The monitor's catch-up batch skips cases no member of their team can take now (also run on PostgreSQL).</summary>
    internal static async Task NoTeamHoldsBackOthersAsync(TouchpointFactory app)
    {
        var (manager, staff, _) = await CardsPoolAsync(app);
        foreach (var person in staff)
            await (await person.Client.PutAsJsonAsync("/api/assignment/me/presence", new { isAvailable = false })).ShouldBeAsync(HttpStatusCode.OK);
        // More card cases than the monitor reads in one batch, all older than the one case it can place.
        for (var i = 0; i < 51; i++) Assert.Null((await CreateAsync(app, manager, "cards")).Assignee);
        var (other, _, _) = await CreateAsync(app, manager, null);
        await (await staff[2].Client.PutAsJsonAsync("/api/assignment/me/presence", new { isAvailable = true })).ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal((0, 1), await app.Services.GetRequiredService<AutomationMonitor>().CheckAsync(CancellationToken.None));
        Assert.Equal(staff[2].Id, await app.WithDbAsync(db => db.Cases.Where(c => c.Id == other).Select(c => c.AssigneeId).SingleAsync()));
    }

    public void Dispose() => app.Dispose();
}
