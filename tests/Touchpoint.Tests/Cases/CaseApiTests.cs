using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Touchpoint.Server.Features.Cases;
using Touchpoint.Tests.Infrastructure;
using Touchpoint.Tests.Teams;

namespace Touchpoint.Tests.Cases;

/// <summary>Cases through the API: open, list, read, reply, note, move along the status table, assign, link and merge.</summary>
public sealed class CaseApiTests : IDisposable
{
    private readonly TouchpointFactory app = new();

    private static object NewCase(string subject = "Card was swallowed by the ATM", string? priority = null, string? branch = null) => new
    {
        subject, description = "The machine at the main entrance kept my card.", channel = "phone",
        customer = new { name = "王小明", phone = "+86 138 0000 0000", email = "xiaoming@example.com" }, priority, category = "cards", branch,
    };

    private async Task<HttpClient> StaffAsync(string role = "Frontline")
    {
        await app.CreateBranchAsync("SH");
        return await app.StaffAsync(role, "SH");
    }

    [Fact]
    public async Task Create_ReturnsReferenceAndSlaDue_AndTheCaseReadsBack()
    {
        var staff = await StaffAsync();
        var created = await (await staff.PostAsJsonAsync("/api/cases", NewCase(priority: "high"))).JsonAsync(HttpStatusCode.Created);
        Assert.Equal("TP-000001", created["reference"]!.GetValue<string>());
        Assert.NotNull(created["slaDueAt"]);
        var second = await (await staff.PostAsJsonAsync("/api/cases", NewCase())).JsonAsync(HttpStatusCode.Created);
        Assert.Equal("TP-000002", second["reference"]!.GetValue<string>());

        var detail = await (await staff.GetAsync($"/api/cases/{created["id"]}")).JsonAsync();
        Assert.Equal("new", detail["status"]!.GetValue<string>());
        Assert.Equal("high", detail["priority"]!.GetValue<string>());
        Assert.Equal("SH", detail["branchCode"]!.GetValue<string>());
        Assert.Equal("王小明", detail["customer"]!["name"]!.GetValue<string>());
        Assert.Equal("firstResponse", detail["sla"]!["target"]!.GetValue<string>());
        Assert.Contains("open", detail["nextStatuses"]!.AsArray().Select(s => s!.GetValue<string>()));
    }

    [Fact]
    public async Task Create_WithBadFields_NamesEachField()
    {
        var staff = await StaffAsync();
        var problem = await (await staff.PostAsJsonAsync("/api/cases", new
        {
            subject = "", channel = "pigeon", customer = new { name = "", email = "not-an-address" }, priority = "whenever",
        })).ProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsObject();
        foreach (var field in new[] { "subject", "channel", "customer.name", "customer.email", "priority" })
            Assert.True(errors.ContainsKey(field), field);
        var noCustomer = await (await staff.PostAsJsonAsync("/api/cases", new { subject = "x", channel = "phone" })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(noCustomer["errors"]!["customer"]);
    }

    [Fact]
    public async Task UnknownCase_Is404_AndOtherBranchesAreOutOfReach()
    {
        var staff = await StaffAsync();
        await (await staff.GetAsync($"/api/cases/{Guid.NewGuid()}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await staff.PostAsJsonAsync($"/api/cases/{Guid.NewGuid()}/messages", new { body = "hi", visibility = "public" })).ProblemAsync(HttpStatusCode.NotFound);

        await app.CreateBranchAsync("TPE");
        var taipei = await app.StaffAsync("Frontline", "TPE");
        var created = await (await staff.PostAsJsonAsync("/api/cases", NewCase())).JsonAsync(HttpStatusCode.Created);
        await (await taipei.GetAsync($"/api/cases/{created["id"]}")).ProblemAsync(HttpStatusCode.Forbidden);
        var list = await (await taipei.GetAsync("/api/cases")).JsonAsync();
        Assert.Empty(list["items"]!.AsArray());
        var trainer = await app.StaffAsync("Trainer", "SH");
        await (await trainer.GetAsync("/api/cases")).ShouldBeAsync(HttpStatusCode.Forbidden);
        var reviewer = await app.StaffAsync("QualityReviewer", "SH");
        await (await reviewer.PostAsJsonAsync("/api/cases", NewCase())).ShouldBeAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Thread_PublicReplyOpensTheCaseAndMeetsFirstResponse_InternalNoteDoesNot()
    {
        var staff = await StaffAsync();
        var id = (await (await staff.PostAsJsonAsync("/api/cases", NewCase())).JsonAsync(HttpStatusCode.Created))["id"]!.GetValue<Guid>();
        await (await staff.PostAsJsonAsync($"/api/cases/{id}/messages", new { body = "Customer sounded upset; check CCTV.", visibility = "internal" }))
            .ShouldBeAsync(HttpStatusCode.Created);
        var afterNote = await (await staff.GetAsync($"/api/cases/{id}")).JsonAsync();
        Assert.Equal("new", afterNote["status"]!.GetValue<string>());
        Assert.Null(afterNote["sla"]!["firstRespondedAt"]);

        await (await staff.PostAsJsonAsync($"/api/cases/{id}/messages", new { body = "您好，我们已联系网点取回您的卡。", visibility = "public" }))
            .ShouldBeAsync(HttpStatusCode.Created);
        var detail = await (await staff.GetAsync($"/api/cases/{id}")).JsonAsync();
        Assert.Equal("open", detail["status"]!.GetValue<string>());
        Assert.NotNull(detail["sla"]!["firstRespondedAt"]);
        var messages = detail["messages"]!.AsArray();
        Assert.Equal(["internal", "public"], messages.Select(m => m!["visibility"]!.GetValue<string>()));
        Assert.Equal(["note", "outbound"], messages.Select(m => m!["direction"]!.GetValue<string>()));

        var bad = await (await staff.PostAsJsonAsync($"/api/cases/{id}/messages", new { body = "", visibility = "shout" })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(bad["errors"]!["body"]);
        Assert.NotNull(bad["errors"]!["visibility"]);
    }

    [Fact]
    public async Task Status_FollowsTheTransitionTable_PendingPausesTheClock_ClosedIsFinal()
    {
        var staff = await StaffAsync();
        var id = (await (await staff.PostAsJsonAsync("/api/cases", NewCase())).JsonAsync(HttpStatusCode.Created))["id"]!.GetValue<Guid>();
        var pending = await (await staff.PostAsJsonAsync($"/api/cases/{id}/status", new { status = "pendingCustomer" })).JsonAsync();
        Assert.NotNull(pending["sla"]!["pausedAt"]);
        Assert.Null(pending["sla"]!["dueAt"]);
        var open = await (await staff.PostAsJsonAsync($"/api/cases/{id}/status", new { status = "open" })).JsonAsync();
        Assert.Null(open["sla"]!["pausedAt"]);
        Assert.NotNull(open["sla"]!["dueAt"]);
        await (await staff.PostAsJsonAsync($"/api/cases/{id}/status", new { status = "solved" })).ShouldBeAsync(HttpStatusCode.OK);
        var conflict = await (await staff.PostAsJsonAsync($"/api/cases/{id}/status", new { status = "pendingCustomer" })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("solved", conflict["detail"]!.GetValue<string>());
        await (await staff.PostAsJsonAsync($"/api/cases/{id}/status", new { status = "closed" })).ShouldBeAsync(HttpStatusCode.OK);
        await (await staff.PostAsJsonAsync($"/api/cases/{id}/status", new { status = "open" })).ProblemAsync(HttpStatusCode.Conflict);
        await (await staff.PostAsJsonAsync($"/api/cases/{id}/messages", new { body = "hello?", visibility = "public" })).ProblemAsync(HttpStatusCode.Conflict);
        var bad = await (await staff.PostAsJsonAsync($"/api/cases/{id}/status", new { status = "done" })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(bad["errors"]!["status"]);
    }

    [Fact]
    public async Task Assign_ToStaffOfTheBranch_AndListFiltersByAssigneeStatusPriorityAndSubject()
    {
        var staff = await StaffAsync();
        var me = await (await staff.GetAsync("/api/me")).JsonAsync();
        var myId = me["id"]!.GetValue<Guid>();
        var a = (await (await staff.PostAsJsonAsync("/api/cases", NewCase("ATM kept my card", "urgent"))).JsonAsync(HttpStatusCode.Created))["id"]!.GetValue<Guid>();
        await (await staff.PostAsJsonAsync("/api/cases", NewCase("网银无法登录"))).ShouldBeAsync(HttpStatusCode.Created);
        // A team by name (as integrations written before teams were records send it) is found in the case's branch.
        var cards = await app.CreateTeamAsync("SH", "Cards");
        var assigned = await (await staff.PostAsJsonAsync($"/api/cases/{a}/assign", new { assigneeId = myId, team = "cards" })).JsonAsync();
        Assert.Equal(myId, assigned["assigneeId"]!.GetValue<Guid>());
        Assert.Equal("Cards", assigned["team"]!.GetValue<string>());
        Assert.Equal(cards, assigned["teamId"]!.GetValue<Guid>());
        var stranger = await (await staff.PostAsJsonAsync($"/api/cases/{a}/assign", new { assigneeId = Guid.NewGuid() })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(stranger["errors"]!["assigneeId"]);

        async Task<List<string>> Subjects(string query) => (await (await staff.GetAsync("/api/cases" + query)).JsonAsync())["items"]!.AsArray()
            .Select(i => i!["subject"]!.GetValue<string>()).ToList();
        Assert.Equal(["ATM kept my card"], await Subjects("?assignee=me"));
        Assert.Equal(["网银无法登录"], await Subjects("?assignee=none"));
        Assert.Equal(["ATM kept my card"], await Subjects("?priority=urgent"));
        Assert.Equal(["网银无法登录"], await Subjects("?q=网银"));
        Assert.Equal(["网银无法登录", "ATM kept my card"], await Subjects("?status=new&branch=SH"));
        var item = (await (await staff.GetAsync("/api/cases")).JsonAsync())["items"]![0]!;
        Assert.Equal("王**", item["customerName"]!.GetValue<string>());
        var bad = await (await staff.GetAsync("/api/cases?status=lost&limit=0&after=zzz")).ProblemAsync(HttpStatusCode.BadRequest);
        foreach (var field in new[] { "status", "limit", "after" }) Assert.NotNull(bad["errors"]![field]);
    }

    [Fact]
    public async Task List_PagesWithAKeysetCursor_WithoutRepeatsOrGaps()
    {
        var staff = await StaffAsync();
        for (var i = 0; i < 7; i++) await (await staff.PostAsJsonAsync("/api/cases", NewCase($"case {i}"))).ShouldBeAsync(HttpStatusCode.Created);
        var seen = new List<string>();
        string? next = null;
        do
        {
            var page = await (await staff.GetAsync("/api/cases?limit=3" + (next is null ? "" : "&after=" + next))).JsonAsync();
            seen.AddRange(page["items"]!.AsArray().Select(i => i!["reference"]!.GetValue<string>()));
            next = page["next"]?.GetValue<string>();
        } while (next is not null);
        Assert.Equal(Enumerable.Range(1, 7).Reverse().Select(n => $"TP-{n:D6}"), seen);
    }

    [Fact]
    public async Task Merge_ClosesTheSourceAndLinksBoth()
    {
        var staff = await StaffAsync();
        var a = (await (await staff.PostAsJsonAsync("/api/cases", NewCase("first"))).JsonAsync(HttpStatusCode.Created))["id"]!.GetValue<Guid>();
        var b = (await (await staff.PostAsJsonAsync("/api/cases", NewCase("duplicate"))).JsonAsync(HttpStatusCode.Created))["id"]!.GetValue<Guid>();
        var merged = await (await staff.PostAsJsonAsync($"/api/cases/{b}/merge", new { caseId = a })).JsonAsync();
        Assert.Equal("closed", merged["status"]!.GetValue<string>());
        Assert.Equal(a, merged["mergedIntoId"]!.GetValue<Guid>());
        var survivor = await (await staff.GetAsync($"/api/cases/{a}")).JsonAsync();
        Assert.Equal("merged", survivor["links"]![0]!["kind"]!.GetValue<string>());
        Assert.Contains("duplicate", survivor["messages"]![0]!["body"]!.GetValue<string>());
        await (await staff.PostAsJsonAsync($"/api/cases/{b}/merge", new { caseId = a })).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task ConcurrentCreates_GetUniqueNumbers()
    {
        var staff = await StaffAsync();
        var tasks = Enumerable.Range(0, 40).Select(i => staff.PostAsJsonAsync("/api/cases", NewCase($"c{i}")));
        var responses = await Task.WhenAll(tasks);
        var references = new List<string>();
        foreach (var r in responses) references.Add((await r.JsonAsync(HttpStatusCode.Created))["reference"]!.GetValue<string>());
        Assert.Equal(40, references.Distinct().Count());
    }

    [Fact]
    public async Task SlaMonitor_WarnsOnceAndEscalatesABreachToSupervisors()
    {
        var staff = await StaffAsync();
        var id = (await (await staff.PostAsJsonAsync("/api/cases", NewCase())).JsonAsync(HttpStatusCode.Created))["id"]!.GetValue<Guid>();
        // Move the clock of this case instead of the server's: due a minute ago.
        await app.WithDbAsync(db => db.Cases.Where(c => c.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.SlaDueAt, DateTime.UtcNow.AddMinutes(-1)).SetProperty(c => c.SlaWarnAt, DateTime.UtcNow.AddMinutes(-5))));
        var monitor = app.Services.GetRequiredService<SlaMonitor>();
        var (warned, breached) = await monitor.CheckAsync(CancellationToken.None);
        Assert.Equal(1, breached);
        Assert.Equal(0, warned); // a breach supersedes its warning
        Assert.Equal((0, 0), await monitor.CheckAsync(CancellationToken.None));
        var detail = await (await staff.GetAsync($"/api/cases/{id}")).JsonAsync();
        Assert.True(detail["sla"]!["breached"]!.GetValue<bool>());
    }

    [Fact]
    public async Task SlaPolicies_AreReplacedByManagers_AndApplyToNewCases()
    {
        var staff = await StaffAsync();
        var admin = await app.AdminAsync();
        await (await staff.PutAsJsonAsync("/api/sla-policies", Array.Empty<object>())).ShouldBeAsync(HttpStatusCode.Forbidden);
        var bad = await (await admin.PutAsJsonAsync("/api/sla-policies", new[] { new { priority = "normal", firstResponseMinutes = 0, nextResponseMinutes = 1, resolutionMinutes = 1, warnAtPercent = 75 } }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(bad["errors"]!["[0].firstResponseMinutes"]);
        var list = await (await admin.PutAsJsonAsync("/api/sla-policies", new[]
        {
            new { priority = "normal", category = "cards", firstResponseMinutes = 7, nextResponseMinutes = 60, resolutionMinutes = 600, warnAtPercent = 50 },
        })).JsonAsync();
        Assert.Contains(list.AsArray(), p => p!["category"]?.GetValue<string>() == "cards");
        // The test branch has no opening hours: it works around the clock, so 7 minutes are 7 minutes.
        var before = DateTime.UtcNow;
        var created = await (await staff.PostAsJsonAsync("/api/cases", NewCase())).JsonAsync(HttpStatusCode.Created);
        var due = created["slaDueAt"]!.GetValue<DateTime>().ToUniversalTime();
        Assert.InRange(due, before.AddMinutes(7).AddSeconds(-1), DateTime.UtcNow.AddMinutes(7).AddSeconds(1));
    }

    [Fact]
    public async Task Edit_CorrectsPriorityCategoryAndTags_MovesTheClocks_AndIsAudited()
    {
        var staff = await StaffAsync();
        var admin = await app.AdminAsync();
        await (await admin.PutAsJsonAsync("/api/sla-policies", new[]
        {
            new { priority = "normal", firstResponseMinutes = 240, nextResponseMinutes = 480, resolutionMinutes = 2880, warnAtPercent = 75 },
            new { priority = "urgent", firstResponseMinutes = 30, nextResponseMinutes = 60, resolutionMinutes = 240, warnAtPercent = 75 },
        })).ShouldBeAsync(HttpStatusCode.OK);
        var created = await (await staff.PostAsJsonAsync("/api/cases", NewCase())).JsonAsync(HttpStatusCode.Created);
        var id = created["id"]!.GetValue<Guid>();
        var firstDue = created["slaDueAt"]!.GetValue<DateTime>().ToUniversalTime();

        var edited = await (await staff.PatchAsJsonAsync($"/api/cases/{id}",
            new { priority = "urgent", category = "", tags = new[] { "vip", " atm ", "VIP" }, subject = "Card kept by the ATM at the entrance" })).JsonAsync();
        Assert.Equal("urgent", edited["priority"]!.GetValue<string>());
        Assert.Null(edited["category"]);
        Assert.Equal(["vip", "atm"], edited["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal("Card kept by the ATM at the entrance", edited["subject"]!.GetValue<string>());
        // The clock keeps the minute or so already spent and takes the urgent target: 30 minutes, not 240.
        var due = edited["sla"]!["firstResponseDueAt"]!.GetValue<DateTime>().ToUniversalTime();
        Assert.InRange(due, firstDue.AddMinutes(-210).AddSeconds(-5), firstDue.AddMinutes(-210).AddSeconds(5));

        // A field left out stays as it was; nothing changed is no change (and no audit entry).
        var same = await (await staff.PatchAsJsonAsync($"/api/cases/{id}", new { tags = new[] { "vip", "atm" } })).JsonAsync();
        Assert.Equal("urgent", same["priority"]!.GetValue<string>());
        var audit = await (await admin.GetAsync("/api/audit?action=case.edited")).JsonAsync();
        var entry = Assert.Single(audit["items"]!.AsArray());
        Assert.DoesNotContain("entrance", entry!.ToJsonString());

        var bad = await (await staff.PatchAsJsonAsync($"/api/cases/{id}", new { priority = "whenever", subject = " ", tags = Enumerable.Repeat("x", 21).Select((x, i) => x + i) }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        foreach (var field in new[] { "priority", "subject", "tags" }) Assert.NotNull(bad["errors"]![field]);
        await (await staff.PatchAsJsonAsync($"/api/cases/{Guid.NewGuid()}", new { priority = "low" })).ProblemAsync(HttpStatusCode.NotFound);

        await (await staff.PostAsJsonAsync($"/api/cases/{id}/status", new { status = "solved" })).ShouldBeAsync(HttpStatusCode.OK);
        await (await staff.PostAsJsonAsync($"/api/cases/{id}/status", new { status = "closed" })).ShouldBeAsync(HttpStatusCode.OK);
        await (await staff.PatchAsJsonAsync($"/api/cases/{id}", new { priority = "low" })).ProblemAsync(HttpStatusCode.Conflict);
        await app.CreateBranchAsync("BJ");
        var other = await app.StaffAsync("Frontline", "BJ");
        await (await other.PatchAsJsonAsync($"/api/cases/{id}", new { priority = "low" })).ProblemAsync(HttpStatusCode.Forbidden);
    }

    public void Dispose() => app.Dispose();
}
