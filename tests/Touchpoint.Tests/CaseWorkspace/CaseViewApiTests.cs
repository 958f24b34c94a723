using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Features.CaseWorkspace;
using Touchpoint.Tests.Infrastructure;

namespace Touchpoint.Tests.CaseWorkspace;

/// <summary>Saved case views: built-in views with counts, private and shared views, who may share and edit, filters and sorting.</summary>
public sealed class CaseViewApiTests : IDisposable
{
    private readonly TouchpointFactory app = new();

    private static object NewCase(string subject, string priority = "normal", string channel = "phone", string? category = null, string[]? tags = null) => new
    {
        subject, description = "d", channel, priority, category, tags,
        customer = new { name = "김민지", phone = "+82 10 1234 5678" },
    };

    private static async Task<Guid> OpenAsync(HttpClient staff, object body) =>
        (await (await staff.PostAsJsonAsync("/api/cases", body)).JsonAsync(HttpStatusCode.Created))["id"]!.GetValue<Guid>();

    [Fact]
    public async Task BuiltinViews_CountAndList_AndFiltersSelect()
    {
        await app.CreateBranchAsync("SH");
        var staff = await app.StaffAsync("Frontline", "SH");
        var me = (await (await staff.GetAsync("/api/me")).JsonAsync())["id"]!.GetValue<Guid>();
        var a = await OpenAsync(staff, NewCase("Card blocked", "urgent", category: "cards", tags: ["VIP", "信用卡"]));
        var b = await OpenAsync(staff, NewCase("Fee question", "low", channel: "email", tags: ["VIP-old"]));
        await OpenAsync(staff, NewCase("Address change", "high"));
        await (await staff.PostAsJsonAsync($"/api/cases/{a}/assign", new { assigneeId = me })).ShouldBeAsync(HttpStatusCode.OK);

        var views = (await (await staff.GetAsync("/api/case-views")).JsonAsync()).AsArray();
        int Count(string key) => views.First(v => v!["key"]!.GetValue<string>() == key)!["count"]!.GetValue<int>();
        Assert.Equal(1, Count("mine"));
        Assert.Equal(2, Count("unassigned"));
        Assert.Equal("My open cases", views[0]!["name"]!.GetValue<string>());

        var created = await (await staff.PostAsJsonAsync("/api/case-views", new
        {
            name = "VIP cards", filter = new { tags = new[] { "信用卡", "VIP" }, category = "cards", sort = "priority" },
        })).JsonAsync(HttpStatusCode.Created);
        Assert.Equal("private", created["scope"]!.GetValue<string>());
        Assert.Equal(1, created["count"]!.GetValue<int>());
        var page = await (await staff.GetAsync($"/api/case-views/{created["id"]}/cases")).JsonAsync();
        Assert.Equal(a, Assert.Single(page["items"]!.AsArray())!["id"]!.GetValue<Guid>());
        Assert.Equal("김**", page["items"]![0]!["customerName"]!.GetValue<string>());

        // "VIP" as a tag matches the tag, not "VIP-old"; sorting by priority puts urgent first.
        var vip = await (await staff.PostAsJsonAsync("/api/case-views", new { name = "VIP", filter = new { tags = new[] { "VIP" } } })).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(1, vip["count"]!.GetValue<int>());
        var byPriority = await (await staff.PostAsJsonAsync("/api/case-views", new { name = "All by priority", filter = new { sort = "priority" } }))
            .JsonAsync(HttpStatusCode.Created);
        var sorted = (await (await staff.GetAsync($"/api/case-views/{byPriority["id"]}/cases")).JsonAsync())["items"]!.AsArray();
        Assert.Equal(["urgent", "high", "low"], sorted.Select(c => c!["priority"]!.GetValue<string>()));
        var email = await (await staff.PostAsJsonAsync("/api/case-views", new { name = "Email", filter = new { channel = "email" } })).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(b, (await (await staff.GetAsync($"/api/case-views/{email["id"]}/cases")).JsonAsync())["items"]![0]!["id"]!.GetValue<Guid>());

        var renamed = await (await staff.PutAsJsonAsync($"/api/case-views/{vip["id"]}", new { name = "VIP only", filter = new { tags = new[] { "VIP" } } })).JsonAsync();
        Assert.Equal("VIP only", renamed["name"]!.GetValue<string>());
        await (await staff.DeleteAsync($"/api/case-views/{vip["id"]}")).ShouldBeAsync(HttpStatusCode.NoContent);
        await (await staff.GetAsync($"/api/case-views/{vip["id"]}/cases")).ShouldBeAsync(HttpStatusCode.NotFound);
    }

    /// <summary>
    /// Counts are cached per view and branch for everyone who sees them: a case committed through the application
    /// shows at once, for the one who changed it and for a colleague; a change that bypasses the application's writes
    /// shows within the cache's age limit.
    /// </summary>
    [Fact]
    public async Task Counts_FollowEveryCommittedCase_AtOnce_ForEveryone()
    {
        await app.CreateBranchAsync("CC");
        var alice = await app.StaffAsync("Frontline", "CC");
        var bob = await app.StaffAsync("Frontline", "CC");
        async Task<int> Unassigned(HttpClient staff) => (await (await staff.GetAsync("/api/case-views")).JsonAsync()).AsArray()
            .First(v => v!["key"]!.GetValue<string>() == "unassigned")!["count"]!.GetValue<int>();

        Assert.Equal(0, await Unassigned(alice));
        var first = await OpenAsync(alice, NewCase("Lost card"));
        Assert.Equal(1, await Unassigned(bob));
        Assert.Equal(1, await Unassigned(alice));
        await OpenAsync(bob, NewCase("Wrong fee"));
        Assert.Equal(2, await Unassigned(alice));
        var me = (await (await alice.GetAsync("/api/me")).JsonAsync())["id"]!.GetValue<Guid>();
        await (await alice.PostAsJsonAsync($"/api/cases/{first}/assign", new { assigneeId = me })).ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal(1, await Unassigned(bob));

        // A bulk update outside the change tracker (an import, another node) is not seen by the cache until it ages out.
        await app.WithDbAsync(db => db.Cases.Where(c => c.Id == first).ExecuteUpdateAsync(u => u.SetProperty(c => c.AssigneeId, (Guid?)null)));
        var deadline = DateTime.UtcNow + CaseViewCounts.MaxAge + TimeSpan.FromSeconds(5);
        while (await Unassigned(bob) != 2)
        {
            Assert.True(DateTime.UtcNow < deadline, "the count did not follow a change made outside the application within the cache's age limit");
            await Task.Delay(250);
        }
    }

    [Fact]
    public async Task BadFilter_NamesTheField()
    {
        await app.CreateBranchAsync("SH");
        var staff = await app.StaffAsync("Frontline", "SH");
        var problem = await (await staff.PostAsJsonAsync("/api/case-views", new
        {
            name = "", filter = new { statuses = new[] { "open", "lost" }, sla = "late", sort = "random", assignee = "boss" },
        })).ProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsObject();
        foreach (var field in new[] { "name", "filter.statuses[1]", "filter.sla", "filter.sort", "filter.assignee" }) Assert.True(errors.ContainsKey(field), field);
    }

    [Fact]
    public async Task SharedViews_OnlySupervisorsShare_BranchStaffSeeThem_OwnersAndSupervisorsEdit()
    {
        await app.CreateBranchAsync("SH");
        await app.CreateBranchAsync("BJ");
        var frontline = await app.StaffAsync("Frontline", "SH");
        var problem = await (await frontline.PostAsJsonAsync("/api/case-views", new { name = "Team", scope = "branch", branch = "SH" }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["scope"]);

        var supervisor = await app.StaffAsync("Supervisor", "SH");
        var shared = await (await supervisor.PostAsJsonAsync("/api/case-views", new { name = "Urgent in SH", scope = "branch", branch = "SH", filter = new { priority = "urgent" } }))
            .JsonAsync(HttpStatusCode.Created);
        Assert.Equal("SH", shared["branchCode"]!.GetValue<string>());
        var mine = await (await frontline.PostAsJsonAsync("/api/case-views", new { name = "Mine only" })).JsonAsync(HttpStatusCode.Created);

        var seen = (await (await frontline.GetAsync("/api/case-views")).JsonAsync()).AsArray();
        var sharedSeen = seen.Single(v => v!["name"]!.GetValue<string>() == "Urgent in SH")!;
        Assert.False(sharedSeen["editable"]!.GetValue<bool>());
        await (await frontline.DeleteAsync($"/api/case-views/{shared["id"]}")).ShouldBeAsync(HttpStatusCode.Forbidden);
        // Another supervisor of the branch may edit it; a colleague's private view stays invisible.
        var otherSupervisor = await app.StaffAsync("Supervisor", "SH");
        await (await otherSupervisor.PutAsJsonAsync($"/api/case-views/{shared["id"]}", new { name = "Urgent", scope = "branch", branch = "SH" }))
            .ShouldBeAsync(HttpStatusCode.OK);
        await (await otherSupervisor.DeleteAsync($"/api/case-views/{mine["id"]}")).ShouldBeAsync(HttpStatusCode.NotFound);

        var beijing = await app.StaffAsync("Supervisor", "BJ");
        Assert.DoesNotContain((await (await beijing.GetAsync("/api/case-views")).JsonAsync()).AsArray(), v => v!["name"]!.GetValue<string>() == "Urgent");
        await (await beijing.GetAsync($"/api/case-views/{shared["id"]}/cases")).ShouldBeAsync(HttpStatusCode.NotFound);
        var wrongBranch = await (await beijing.PostAsJsonAsync("/api/case-views", new { name = "x", scope = "branch", branch = "SH" })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(wrongBranch["errors"]!["branch"]);
    }

    public void Dispose() => app.Dispose();
}
