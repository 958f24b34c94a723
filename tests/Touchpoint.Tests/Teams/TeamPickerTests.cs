using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Touchpoint.Server.Platform.Identity;
using Touchpoint.Tests.Automation;
using Touchpoint.Tests.Infrastructure;

namespace Touchpoint.Tests.Teams;

/// <summary>
/// Picking teams instead of typing them: a new case opened in a team (checked as moving a case to one is, then assigned
/// among its members), and the team names rule and intent editors choose from, within the caller's branches.
/// </summary>
public sealed class TeamPickerTests : IDisposable
{
    private readonly TouchpointFactory app = new();

    [Fact]
    public Task NewCase_WithATeam_StartsInIt_AndGoesToItsMembers_OtherTeamsRefused() => NewCaseWithATeamAsync(app);

    /// <summary>Also run on PostgreSQL.</summary>
    internal static async Task NewCaseWithATeamAsync(TouchpointFactory app)
    {
        // Three people present in Shanghai with auto-assignment on; only the third is in Loans.
        var (manager, staff) = await AutoAssignmentTests.PoolAsync(app, people: 3, capacity: 2);
        await app.CreateBranchAsync("TPE");
        var loans = await app.CreateTeamAsync("SH", "Loans", staff[2].Id);
        var taipeiLoans = await app.CreateTeamAsync("TPE", "Loans");
        var retired = await app.CreateTeamAsync("SH", "Old desk", staff[2].Id);
        await (await manager.PostAsync($"/api/branches/SH/teams/{retired}/retire", null)).ShouldBeAsync(HttpStatusCode.OK);
        // A rule on the team: it sees the case already in it.
        await (await manager.PostAsJsonAsync("/api/case-rules", new
        {
            name = "Tag loan cases", branch = "SH", @event = "caseCreated", isEnabled = true, matchAll = true,
            conditions = new[] { new { field = "team", @operator = "is", value = "loans" } },
            actions = new[] { new { type = "addTag", value = "loan-desk" } },
        })).ShouldBeAsync(HttpStatusCode.Created);

        foreach (var teamId in new[] { taipeiLoans, retired, Guid.NewGuid() })
        {
            var problem = await (await staff[0].Client.PostAsJsonAsync("/api/cases", WithTeam("Refused", teamId))).ProblemAsync(HttpStatusCode.BadRequest);
            Assert.Equal(["teamId"], problem["errors"]!.AsObject().Select(e => e.Key));
        }
        Assert.Equal(0, await app.WithDbAsync(db => db.Cases.CountAsync()));

        // Opened by someone outside the team, it still goes to the team's member, as a case moved there would.
        var created = await (await staff[0].Client.PostAsJsonAsync("/api/cases", WithTeam("Mortgage rate question", loans))).JsonAsync(HttpStatusCode.Created);
        var detail = await (await staff[0].Client.GetAsync($"/api/cases/{created["id"]}")).JsonAsync();
        Assert.Equal(loans, detail["teamId"]!.GetValue<Guid>());
        Assert.Equal("Loans", detail["team"]!.GetValue<string>());
        Assert.Equal(staff[2].Id, detail["assigneeId"]!.GetValue<Guid>());
        Assert.Contains("loan-desk", detail["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        // Without a team it is anyone's and carries none.
        var plain = await (await staff[0].Client.PostAsJsonAsync("/api/cases", AutoAssignmentTests.Case("Address change"))).JsonAsync(HttpStatusCode.Created);
        Assert.Null(await app.WithDbAsync(db => db.Cases.Where(c => c.Id == plain["id"]!.GetValue<Guid>()).Select(c => c.TeamId).SingleAsync()));
    }

    private static object WithTeam(string subject, Guid teamId) => new
    {
        subject, channel = "phone", branch = "SH", customer = new { name = "Chen Jia", phone = "+86 139 0000 0002" }, teamId,
    };

    [Fact]
    public async Task TeamNames_OfActiveTeams_OncePerNameIgnoringCase_ForThoseWhoWriteRules()
    {
        await app.CreateBranchAsync("SH");
        await app.CreateBranchAsync("TPE");
        await app.CreateBranchAsync("SEL");
        await app.CreateTeamAsync("SH", "Cards");
        await app.CreateTeamAsync("TPE", "cards");
        await app.CreateTeamAsync("TPE", "Loans");
        await app.CreateTeamAsync("SEL", "카드팀");
        var admin = await app.AdminAsync();
        var old = await app.CreateTeamAsync("SH", "Old desk");
        await (await admin.PostAsync($"/api/branches/SH/teams/{old}/retire", null)).ShouldBeAsync(HttpStatusCode.OK);

        static async Task<Dictionary<string, List<string>>> NamesAsync(HttpClient who, string query = "") =>
            (await (await who.GetAsync("/api/teams/names" + query)).JsonAsync()).AsArray()
                .ToDictionary(n => n!["name"]!.GetValue<string>(), n => n!["branches"]!.AsArray().Select(b => b!.GetValue<string>()).ToList());

        var manager = await app.StaffAsync("Manager", "SH");
        var all = await NamesAsync(manager);
        Assert.Equal(["Cards", "Loans", "카드팀"], all.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["SH", "TPE"], all["Cards"]);
        Assert.Equal(new Dictionary<string, List<string>> { ["cards"] = ["TPE"], ["Loans"] = ["TPE"] }, await NamesAsync(manager, "?branch=tpe"));
        await (await manager.GetAsync("/api/teams/names?branch=XX")).ProblemAsync(HttpStatusCode.NotFound);

        // Only those who write rules and intents (cases.manage) ask; staff pick teams by id from their branch's list.
        foreach (var role in new[] { "Supervisor", "Frontline", "QualityReviewer" })
            await (await (await app.StaffAsync(role, "SH")).GetAsync("/api/teams/names")).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task TeamNames_ForACallerWithoutAllBranches_CoverTheirOwnBranchesOnly()
    {
        // No role holds cases.manage without branches.all today (and tokens keep their creator's reach), but the
        // endpoint must not rely on that: a token named "regional" is narrowed here as such a role would be.
        using var regional = new TouchpointFactory(services: s => s.AddTransient<IClaimsTransformation, RegionalToken>());
        await regional.CreateBranchAsync("SH");
        await regional.CreateBranchAsync("TPE");
        await regional.CreateTeamAsync("SH", "Cards");
        await regional.CreateTeamAsync("TPE", "Loans");
        var shanghaiAdmin = await regional.StaffAsync("Administrator", "SH");
        var token = Bearer(regional, await TokenAsync(shanghaiAdmin, "regional", "organisation.read", "cases.manage"));
        Assert.Equal(["Cards"], (await (await token.GetAsync("/api/teams/names")).JsonAsync()).AsArray().Select(n => n!["name"]!.GetValue<string>()));
        await (await token.GetAsync("/api/teams/names?branch=TPE")).ProblemAsync(HttpStatusCode.Forbidden);
        // The same creator's token keeps all branches; without organisation.read (as for the teams list) it reads nothing.
        var wide = Bearer(regional, await TokenAsync(shanghaiAdmin, "rules-sync", "organisation.read", "cases.manage"));
        Assert.Equal(2, (await (await wide.GetAsync("/api/teams/names")).JsonAsync()).AsArray().Count);
        await (await Bearer(regional, await TokenAsync(shanghaiAdmin, "rules-only", "cases.manage")).GetAsync("/api/teams/names"))
            .ProblemAsync(HttpStatusCode.Forbidden);
    }

    private sealed class RegionalToken : IClaimsTransformation
    {
        public Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
        {
            if (principal.Identity?.Name != "token:regional") return Task.FromResult(principal);
            var claims = principal.Claims.Where(c => !(c.Type == TouchpointClaims.Permission && c.Value == Permissions.BranchesAll));
            var identity = principal.Identity as ClaimsIdentity;
            return Task.FromResult(new ClaimsPrincipal(new ClaimsIdentity(claims, identity!.AuthenticationType, identity.NameClaimType, identity.RoleClaimType)));
        }
    }

    private static async Task<string> TokenAsync(HttpClient creator, string name, params string[] scopes) =>
        (await (await creator.PostAsJsonAsync("/api/admin/api-tokens", new { name, scopes })).JsonAsync(HttpStatusCode.Created))["token"]!
            .GetValue<string>();

    private static HttpClient Bearer(TouchpointFactory app, string token)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public void Dispose() => app.Dispose();
}
