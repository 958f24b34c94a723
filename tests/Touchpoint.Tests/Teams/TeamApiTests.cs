using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Tests.Infrastructure;

namespace Touchpoint.Tests.Teams;

/// <summary>
/// Teams of a branch: who manages them, who may be a member, renaming and retiring; a case's team checked against its
/// branch; lists filtered by team and by "my teams".
/// </summary>
public sealed class TeamApiTests : IDisposable
{
    private readonly TouchpointFactory app = new();

    public static object NewCase(string subject, string branch = "SH") => new
    {
        subject, description = "d", channel = "phone", branch, customer = new { name = "王小明", phone = "+86 139 0000 0001" },
    };

    public static async Task<Guid> OpenAsync(HttpClient staff, object body) =>
        (await (await staff.PostAsJsonAsync("/api/cases", body)).JsonAsync(HttpStatusCode.Created))["id"]!.GetValue<Guid>();

    private static List<string> Names(JsonNode teams) => teams.AsArray().Select(t => t!["name"]!.GetValue<string>()).ToList();

    [Fact]
    public async Task AdministratorsAndManagersManageTeams_OfBranchStaff_AndEveryChangeIsAudited()
    {
        await app.CreateBranchAsync("SH");
        await app.CreateBranchAsync("TPE");
        var manager = await app.StaffAsync("Manager", "SH");
        var supervisor = await app.StaffAsync("Supervisor", "SH");
        var frontline = await app.StaffAsync("Frontline", "SH");
        var backOffice = await app.StaffAsync("BackOffice", "SH");
        var trainer = await app.StaffAsync("Trainer", "SH");
        var taipei = await app.StaffAsync("Frontline", "TPE");
        var (frontlineId, backOfficeId) = (await frontline.IdAsync(), await backOffice.IdAsync());

        var created = await (await manager.PostAsJsonAsync("/api/branches/sh/teams", new { name = " 银行卡小组 ", memberIds = new[] { frontlineId, backOfficeId } }))
            .JsonAsync(HttpStatusCode.Created);
        var id = created["id"]!.GetValue<Guid>();
        Assert.Equal("银行卡小组", created["name"]!.GetValue<string>());
        Assert.Equal("SH", created["branchCode"]!.GetValue<string>());
        Assert.Equal(2, created["members"]!.AsArray().Count);

        // Supervisors and front-line staff read their branch's teams (the case page picks from them) but change nothing.
        Assert.Equal(["银行卡小组"], Names(await (await frontline.GetAsync("/api/branches/SH/teams")).JsonAsync()));
        await (await supervisor.PostAsJsonAsync("/api/branches/SH/teams", new { name = "Mine" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await supervisor.PutAsJsonAsync($"/api/branches/SH/teams/{id}", new { name = "Renamed" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await frontline.PostAsync($"/api/branches/SH/teams/{id}/retire", null)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await frontline.GetAsync("/api/branches/SH/teams/candidates")).ProblemAsync(HttpStatusCode.Forbidden);
        // Another branch's staff do not even read them; a team is found only under its own branch.
        await (await taipei.GetAsync("/api/branches/SH/teams")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await manager.PutAsJsonAsync($"/api/branches/TPE/teams/{id}", new { name = "x" })).ProblemAsync(HttpStatusCode.NotFound);
        await (await manager.PostAsync($"/api/branches/SH/teams/{Guid.NewGuid()}/retire", null)).ProblemAsync(HttpStatusCode.NotFound);

        // Members work the branch's cases: not a trainer, not Taipei's staff, not a stranger; names are unique ignoring case.
        var bad = await (await manager.PostAsJsonAsync("/api/branches/SH/teams", new
        {
            name = "银行卡小组", memberIds = new[] { await trainer.IdAsync(), await taipei.IdAsync(), Guid.NewGuid() },
        })).ProblemAsync(HttpStatusCode.BadRequest);
        foreach (var field in new[] { "name", "memberIds[0]", "memberIds[1]", "memberIds[2]" })
            Assert.True(bad["errors"]!.AsObject().ContainsKey(field), field);
        Assert.Contains("TPE", (await (await manager.PostAsJsonAsync("/api/branches/TPE/teams", new { name = "Cards", memberIds = new[] { frontlineId } }))
            .ProblemAsync(HttpStatusCode.BadRequest))["errors"]!["memberIds[0]"]![0]!.GetValue<string>());
        var candidates = (await (await manager.GetAsync("/api/branches/SH/teams/candidates")).JsonAsync()).AsArray()
            .Select(c => c!["userId"]!.GetValue<Guid>()).ToList();
        Assert.Contains(frontlineId, candidates);
        Assert.DoesNotContain(await trainer.IdAsync(), candidates);

        // A rename reaches the team's cases; members are replaced as a whole.
        var caseId = await OpenAsync(frontline, NewCase("卡片被吞"));
        await (await frontline.PostAsJsonAsync($"/api/cases/{caseId}/assign", new { teamId = id })).ShouldBeAsync(HttpStatusCode.OK);
        var renamed = await (await manager.PutAsJsonAsync($"/api/branches/SH/teams/{id}", new { name = "Cards and payments", memberIds = new[] { backOfficeId } }))
            .JsonAsync();
        Assert.Equal(backOfficeId, Assert.Single(renamed["members"]!.AsArray())!["userId"]!.GetValue<Guid>());
        Assert.Equal(1, renamed["openCases"]!.GetValue<int>());
        Assert.Equal("Cards and payments", (await (await frontline.GetAsync($"/api/cases/{caseId}")).JsonAsync())["team"]!.GetValue<string>());

        // Retired: hidden from the picker, kept on the case, not editable; reinstated while its name is free.
        await (await manager.PostAsync($"/api/branches/SH/teams/{id}/retire", null)).ShouldBeAsync(HttpStatusCode.OK);
        await (await manager.PostAsync($"/api/branches/SH/teams/{id}/retire", null)).ProblemAsync(HttpStatusCode.Conflict);
        await (await manager.PutAsJsonAsync($"/api/branches/SH/teams/{id}", new { name = "x" })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Empty(Names(await (await frontline.GetAsync("/api/branches/SH/teams")).JsonAsync()));
        Assert.Equal(["Cards and payments"], Names(await (await frontline.GetAsync("/api/branches/SH/teams?includeRetired=true")).JsonAsync()));
        Assert.Equal(id, (await (await frontline.GetAsync($"/api/cases/{caseId}")).JsonAsync())["teamId"]!.GetValue<Guid>());
        // Taking the case keeps its retired team; giving a case to a retired team is refused.
        var kept = await (await frontline.PostAsJsonAsync($"/api/cases/{caseId}/assign", new { assigneeId = frontlineId, teamId = id })).JsonAsync();
        Assert.Equal(id, kept["teamId"]!.GetValue<Guid>());
        var other = await OpenAsync(frontline, NewCase("另一件"));
        await (await frontline.PostAsJsonAsync($"/api/cases/{other}/assign", new { teamId = id })).ProblemAsync(HttpStatusCode.BadRequest);
        var successor = await app.CreateTeamAsync("SH", "cards AND payments");
        var taken = await (await manager.PostAsync($"/api/branches/SH/teams/{id}/reinstate", null)).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("Cards and payments", taken["detail"]!.GetValue<string>());
        await (await manager.PostAsync($"/api/branches/SH/teams/{successor}/retire", null)).ShouldBeAsync(HttpStatusCode.OK);
        await (await manager.PostAsync($"/api/branches/SH/teams/{id}/reinstate", null)).ShouldBeAsync(HttpStatusCode.OK);
        await (await manager.PostAsync($"/api/branches/SH/teams/{id}/reinstate", null)).ProblemAsync(HttpStatusCode.Conflict);

        var audited = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "team.changed" && a.Target == $"team:SH/{id}")
            .Select(a => a.Details!).ToListAsync());
        foreach (var change in new[] { "created", "updated", "retired", "reinstated" }) Assert.Contains(audited, d => d.Contains($"\"change\":\"{change}\""));
    }

    [Fact]
    public async Task CaseTeam_IsAnActiveTeamOfTheCasesBranch_NamedByTheFieldWhenNot()
    {
        await app.CreateBranchAsync("SH");
        await app.CreateBranchAsync("TPE");
        var staff = await app.StaffAsync("Frontline", "SH");
        var cards = await app.CreateTeamAsync("SH", "Cards");
        var taipeiCards = await app.CreateTeamAsync("TPE", "Cards");
        var retired = await app.CreateTeamAsync("SH", "Old desk");
        await (await (await app.AdminAsync()).PostAsync($"/api/branches/SH/teams/{retired}/retire", null)).ShouldBeAsync(HttpStatusCode.OK);
        var caseId = await OpenAsync(staff, NewCase("ATM kept my card"));

        foreach (var teamId in new[] { taipeiCards, retired, Guid.NewGuid() })
        {
            var problem = await (await staff.PostAsJsonAsync($"/api/cases/{caseId}/assign", new { teamId })).ProblemAsync(HttpStatusCode.BadRequest);
            Assert.NotNull(problem["errors"]!["teamId"]);
        }
        var byName = await (await staff.PostAsJsonAsync($"/api/cases/{caseId}/assign", new { team = "Loans" })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Loans", byName["errors"]!["team"]![0]!.GetValue<string>());
        // In the reader's language.
        var chinese = await app.SignInAsync("admin", TouchpointFactory.AdminPassword, "zh-CN");
        var zh = await (await chinese.PostAsJsonAsync($"/api/cases/{caseId}/assign", new { teamId = taipeiCards })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("小组", zh["errors"]!["teamId"]![0]!.GetValue<string>());

        var assigned = await (await staff.PostAsJsonAsync($"/api/cases/{caseId}/assign", new { teamId = cards })).JsonAsync();
        Assert.Equal(cards, assigned["teamId"]!.GetValue<Guid>());
        Assert.Equal("Cards", assigned["team"]!.GetValue<string>());
        Assert.Null(assigned["assigneeId"]);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "case.assigned" && a.Details!.Contains(cards.ToString()))));
        var cleared = await (await staff.PostAsJsonAsync($"/api/cases/{caseId}/assign", new { teamId = (Guid?)null })).JsonAsync();
        Assert.Null(cleared["teamId"]);
        Assert.Null(cleared["team"]);
    }

    [Fact]
    public async Task Lists_FilterByTeam_NoTeam_AndMyTeams()
    {
        await app.CreateBranchAsync("SH");
        await app.CreateBranchAsync("TPE");
        var me = await app.StaffAsync("Frontline", "SH");
        var colleague = await app.StaffAsync("BackOffice", "SH");
        var cards = await app.CreateTeamAsync("SH", "Cards", await me.IdAsync());
        var loans = await app.CreateTeamAsync("SH", "Loans", await colleague.IdAsync());
        var taipei = await app.CreateTeamAsync("TPE", "Cards");
        foreach (var (subject, team) in new[] { ("Card blocked", (Guid?)cards), ("Mortgage rate", loans), ("Address change", null) })
        {
            var id = await OpenAsync(me, NewCase(subject));
            await (await me.PostAsJsonAsync($"/api/cases/{id}/assign", new { teamId = team })).ShouldBeAsync(HttpStatusCode.OK);
        }

        async Task<List<string>> Subjects(HttpClient who, string team) => (await (await who.GetAsync($"/api/cases?team={team}")).JsonAsync())["items"]!
            .AsArray().Select(i => i!["subject"]!.GetValue<string>()).ToList();
        Assert.Equal(["Card blocked"], await Subjects(me, "mine"));
        Assert.Equal(["Mortgage rate"], await Subjects(colleague, "mine"));
        Assert.Equal(["Mortgage rate"], await Subjects(me, loans.ToString()));
        Assert.Equal(["Address change"], await Subjects(me, "none"));
        var item = (await (await me.GetAsync($"/api/cases?team={cards}")).JsonAsync())["items"]![0]!;
        Assert.Equal("Cards", item["team"]!.GetValue<string>());
        Assert.Equal(cards, item["teamId"]!.GetValue<Guid>());
        foreach (var bad in new[] { "Cards", taipei.ToString(), Guid.NewGuid().ToString() })
            Assert.NotNull((await (await me.GetAsync($"/api/cases?team={bad}")).ProblemAsync(HttpStatusCode.BadRequest))["errors"]!["team"]);

        var mine = (await (await me.GetAsync("/api/teams/mine")).JsonAsync()).AsArray();
        Assert.Equal(cards, Assert.Single(mine)!["id"]!.GetValue<Guid>());
    }

    public void Dispose() => app.Dispose();
}
