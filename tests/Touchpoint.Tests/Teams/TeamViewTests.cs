using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Tests.Infrastructure;

namespace Touchpoint.Tests.Teams;

/// <summary>Views shared with a team: in the side bar of its members only, shared by members or supervisors, audited.</summary>
public sealed class TeamViewTests : IDisposable
{
    private readonly TouchpointFactory app = new();

    private static async Task<JsonArray> ViewsAsync(HttpClient who) => (await (await who.GetAsync("/api/case-views")).JsonAsync()).AsArray();

    private static JsonNode? Find(JsonArray views, string name) => views.FirstOrDefault(v => v!["name"]!.GetValue<string>() == name);

    [Fact]
    public async Task TeamView_ShowsToItsMembersOnly_AndOnlyMembersOrSupervisorsShareIt()
    {
        await app.CreateBranchAsync("SH");
        await app.CreateBranchAsync("BJ");
        var (alice, bob, carol) = (await app.StaffAsync("Frontline", "SH"), await app.StaffAsync("BackOffice", "SH"), await app.StaffAsync("Frontline", "SH"));
        var supervisor = await app.StaffAsync("Supervisor", "SH");
        var cards = await app.CreateTeamAsync("SH", "Cards", await alice.IdAsync(), await bob.IdAsync());
        var loans = await app.CreateTeamAsync("SH", "Loans", await carol.IdAsync());
        var beijing = await app.CreateTeamAsync("BJ", "Cards");
        foreach (var (subject, team) in new[] { ("Card blocked", cards), ("Card stolen", cards), ("Mortgage rate", loans) })
        {
            var id = await TeamApiTests.OpenAsync(alice, TeamApiTests.NewCase(subject));
            await (await alice.PostAsJsonAsync($"/api/cases/{id}/assign", new { teamId = team })).ShouldBeAsync(HttpStatusCode.OK);
        }

        var view = await (await alice.PostAsJsonAsync("/api/case-views", new { name = "Our cards", scope = "team", teamId = cards, filter = new { team = "mine" } }))
            .JsonAsync(HttpStatusCode.Created);
        Assert.Equal("team", view["scope"]!.GetValue<string>());
        Assert.Equal("Cards", view["teamName"]!.GetValue<string>());
        Assert.Equal("SH", view["branchCode"]!.GetValue<string>());
        Assert.Equal(2, view["count"]!.GetValue<int>());

        // Bob, a member, has it with its count and may read its cases but not change it; Carol and the supervisor do not see it.
        var bobs = Find(await ViewsAsync(bob), "Our cards")!;
        Assert.Equal(2, bobs["count"]!.GetValue<int>());
        Assert.False(bobs["editable"]!.GetValue<bool>());
        Assert.Equal(2, (await (await bob.GetAsync($"/api/case-views/{view["id"]}/cases")).JsonAsync())["total"]!.GetValue<int>());
        await (await bob.DeleteAsync($"/api/case-views/{view["id"]}")).ProblemAsync(HttpStatusCode.Forbidden);
        foreach (var outsider in new[] { carol, supervisor })
        {
            Assert.Null(Find(await ViewsAsync(outsider), "Our cards"));
            await (await outsider.GetAsync($"/api/case-views/{view["id"]}/cases")).ProblemAsync(HttpStatusCode.NotFound);
            await (await outsider.PutAsJsonAsync($"/api/case-views/{view["id"]}", new { name = "x" })).ProblemAsync(HttpStatusCode.NotFound);
        }

        // Carol is no member of Cards; a supervisor may share with any team of the branch, and Loans' members then see it.
        var refused = await (await carol.PostAsJsonAsync("/api/case-views", new { name = "Theirs", scope = "team", teamId = cards })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Cards", refused["errors"]!["teamId"]![0]!.GetValue<string>());
        foreach (var teamId in new[] { beijing, Guid.NewGuid() })
            Assert.NotNull((await (await supervisor.PostAsJsonAsync("/api/case-views", new { name = "x", scope = "team", teamId })).ProblemAsync(HttpStatusCode.BadRequest))["errors"]!["teamId"]);
        Assert.NotNull((await (await supervisor.PostAsJsonAsync("/api/case-views", new { name = "x", filter = new { team = beijing.ToString() } }))
            .ProblemAsync(HttpStatusCode.BadRequest))["errors"]!["filter.team"]);
        await (await supervisor.PostAsJsonAsync("/api/case-views", new { name = "Loans desk", scope = "team", teamId = loans, filter = new { team = loans.ToString() } }))
            .ShouldBeAsync(HttpStatusCode.Created);
        Assert.Equal(1, Find(await ViewsAsync(carol), "Loans desk")!["count"]!.GetValue<int>());
        Assert.Null(Find(await ViewsAsync(alice), "Loans desk"));

        // A private view shared with the team later is audited as sharing, as every team share is.
        var later = await (await bob.PostAsJsonAsync("/api/case-views", new { name = "Bob's" })).JsonAsync(HttpStatusCode.Created);
        await (await bob.PutAsJsonAsync($"/api/case-views/{later["id"]}", new { name = "Bob's", scope = "team", teamId = cards })).ShouldBeAsync(HttpStatusCode.OK);
        Assert.NotNull(Find(await ViewsAsync(alice), "Bob's"));
        var shares = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "caseView.shared").Select(a => a.Details!).ToListAsync());
        Assert.Equal(3, shares.Count(d => d.Contains("\"scope\":\"team\"")));

        // Leaving the team (or the team retiring) takes its views out of a member's side bar.
        var manager = await app.AdminAsync();
        await (await manager.PutAsJsonAsync($"/api/branches/SH/teams/{cards}", new { name = "Cards", memberIds = new[] { await alice.IdAsync() } }))
            .ShouldBeAsync(HttpStatusCode.OK);
        Assert.Null(Find(await ViewsAsync(bob), "Our cards"));
        Assert.NotNull(Find(await ViewsAsync(bob), "Bob's")); // his own
        await (await manager.PostAsync($"/api/branches/SH/teams/{cards}/retire", null)).ShouldBeAsync(HttpStatusCode.OK);
        Assert.Null(Find(await ViewsAsync(alice), "Bob's"));
    }

    [Fact]
    public async Task ViewsSavedWithATeamName_BeforeTeamsWereRecords_StillSelectByName()
    {
        await app.CreateBranchAsync("SH");
        var staff = await app.StaffAsync("Frontline", "SH");
        var cards = await app.CreateTeamAsync("SH", "Cards");
        var id = await TeamApiTests.OpenAsync(staff, TeamApiTests.NewCase("Card blocked"));
        await TeamApiTests.OpenAsync(staff, TeamApiTests.NewCase("Address change"));
        await (await staff.PostAsJsonAsync($"/api/cases/{id}/assign", new { teamId = cards })).ShouldBeAsync(HttpStatusCode.OK);
        var me = await staff.IdAsync();
        var viewId = Guid.NewGuid();
        await app.WithDbAsync(async db =>
        {
            db.CaseViews.Add(new Touchpoint.Server.Features.CaseWorkspace.CaseView
            {
                Id = viewId, OwnerId = me, Name = "Old cards", Scope = "private", Filter = """{"team":"Cards"}""", CreatedAt = DateTime.UtcNow,
                UpdatedAt = DateTime.UtcNow,
            });
            return await db.SaveChangesAsync();
        });
        Assert.Equal(1, Find(await ViewsAsync(staff), "Old cards")!["count"]!.GetValue<int>());
        var items = (await (await staff.GetAsync($"/api/case-views/{viewId}/cases")).JsonAsync())["items"]!.AsArray();
        Assert.Equal(id, Assert.Single(items)!["id"]!.GetValue<Guid>());
    }

    public void Dispose() => app.Dispose();
}
