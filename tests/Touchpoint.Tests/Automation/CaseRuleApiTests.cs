using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Touchpoint.Server.Features.Automation;
using Touchpoint.Tests.Infrastructure;
using Touchpoint.Tests.Teams;

namespace Touchpoint.Tests.Automation;

/// <summary>Triggers and time-based automations: who writes them, what they check, what they do, in what order, and that each fires once.</summary>
public sealed class CaseRuleApiTests : IDisposable
{
    private readonly TouchpointFactory app = new();

    private static object Rule(string name, string evt, object[] conditions, object[] actions, bool enabled = true, int? position = null, int? hours = null,
        string? branch = "SH", bool matchAll = true) =>
        new { name, branch, @event = evt, hours, position, isEnabled = enabled, matchAll, conditions, actions };

    private static object Case(string subject, string channel = "phone", string? email = null) => new
    {
        subject, description = "", channel, branch = "SH", customer = new { name = "Lee Min-jun", phone = "+82 10 1234 5678", email },
    };

    private async Task<(HttpClient Manager, HttpClient Staff)> SetUpAsync()
    {
        await app.CreateBranchAsync("SH");
        return (await app.StaffAsync("Manager", "SH"), await app.StaffAsync("Frontline", "SH"));
    }

    private static async Task<JsonNode> OpenAsync(HttpClient staff, object body)
    {
        var id = (await (await staff.PostAsJsonAsync("/api/cases", body)).JsonAsync(HttpStatusCode.Created))["id"]!.GetValue<string>();
        return await (await staff.GetAsync($"/api/cases/{id}")).JsonAsync();
    }

    private static List<string> Tags(JsonNode c) => c["tags"]!.AsArray().Select(t => t!.GetValue<string>()).ToList();

    [Fact]
    public async Task OnlyCaseManagersWriteRules_AndBadRulesAreNamedByField()
    {
        var (manager, staff) = await SetUpAsync();
        var good = Rule("x", "caseCreated", [], [new { type = "addTag", value = "x" }]);
        await (await staff.PostAsJsonAsync("/api/case-rules", good)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await staff.GetAsync("/api/case-rules")).ProblemAsync(HttpStatusCode.Forbidden);
        var bad = await (await manager.PostAsJsonAsync("/api/case-rules", Rule("", "hoursSinceUpdated",
            [new { field = "mood", @operator = "is", value = "x" }, new { field = "subject", @operator = "contains", value = "" }],
            [new { type = "setPriority", value = "whenever" }, new { type = "explode", value = "x" }, new { type = "sendMacro", value = Guid.NewGuid().ToString() }],
            branch: "XX"))).ProblemAsync(HttpStatusCode.BadRequest);
        foreach (var field in new[] { "name", "hours", "conditions[0].field", "conditions[1].value", "actions[0].value", "actions[1].type", "actions[2].value", "branch" })
            Assert.True(bad["errors"]!.AsObject().ContainsKey(field), field);
        var noActions = await (await manager.PostAsJsonAsync("/api/case-rules", Rule("x", "sometime", [], []))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(noActions["errors"]!["event"]);
        Assert.NotNull(noActions["errors"]!["actions"]);
        await (await manager.PutAsJsonAsync($"/api/case-rules/{Guid.NewGuid()}", good)).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task CreatedTrigger_FindsChineseAndKoreanWordsInsidePhrases_ChangesTheCaseAndLeavesANote()
    {
        var (manager, staff) = await SetUpAsync();
        // "billing" names the team of that name in the case's branch.
        var billing = await app.CreateTeamAsync("SH", "Billing");
        var rule = await (await manager.PostAsJsonAsync("/api/case-rules", Rule("Refunds first", "caseCreated",
            [new { field = "subject", @operator = "contains", value = "退款, 환불, refund" }],
            [new { type = "setPriority", value = "high" }, new { type = "addTag", value = "refund" }, new { type = "setTeam", value = "billing" }])))
            .JsonAsync(HttpStatusCode.Created);
        await (await manager.PostAsJsonAsync("/api/case-rules", Rule("Switched off", "caseCreated", [], [new { type = "addTag", value = "never" }], enabled: false)))
            .ShouldBeAsync(HttpStatusCode.Created);

        var chinese = await OpenAsync(staff, Case("我想申请退款因为商品坏了"));
        Assert.Equal("high", chinese["priority"]!.GetValue<string>());
        Assert.Equal(["refund"], Tags(chinese));
        Assert.Equal("Billing", chinese["team"]!.GetValue<string>());
        Assert.Equal(billing, chinese["teamId"]!.GetValue<Guid>());
        Assert.Contains(chinese["messages"]!.AsArray(), m => m!["visibility"]!.GetValue<string>() == "internal"
            && m["body"]!.GetValue<string>().Contains("Refunds first"));
        var korean = await OpenAsync(staff, Case("환불받고싶어요"));
        Assert.Equal("high", korean["priority"]!.GetValue<string>());
        var other = await OpenAsync(staff, Case("地址变更"));
        Assert.Equal("normal", other["priority"]!.GetValue<string>());
        Assert.Empty(Tags(other));

        var firings = await (await staff.GetAsync($"/api/cases/{chinese["id"]}/rule-firings")).JsonAsync();
        var firing = Assert.Single(firings.AsArray())!;
        Assert.Equal(rule["id"]!.GetValue<string>(), firing["ruleId"]!.GetValue<string>());
        Assert.Equal("caseCreated", firing["eventKey"]!.GetValue<string>());

        // Disabled: the same case shape no longer changes.
        await (await manager.PutAsJsonAsync($"/api/case-rules/{rule["id"]}", Rule("Refunds first", "caseCreated",
            [new { field = "subject", @operator = "contains", value = "退款" }], [new { type = "setPriority", value = "high" }], enabled: false)))
            .ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal("normal", (await OpenAsync(staff, Case("退款")))["priority"]!.GetValue<string>());
    }

    [Fact]
    public async Task UpdateTriggers_RunInPositionOrder_OncePerEvent_AndDoNotTriggerEachOther()
    {
        var (manager, staff) = await SetUpAsync();
        // Listed out of order: position decides. The second sees the first one's tag; neither re-runs from the other's change.
        await (await manager.PostAsJsonAsync("/api/case-rules", Rule("Second", "caseUpdated",
            [new { field = "tags", @operator = "is", value = "waiting" }], [new { type = "addNote", value = "Remind the customer in two days." }], position: 20)))
            .ShouldBeAsync(HttpStatusCode.Created);
        await (await manager.PostAsJsonAsync("/api/case-rules", Rule("First", "statusChanged",
            [new { field = "status", @operator = "is", value = "pendingCustomer" }], [new { type = "addTag", value = "waiting" }], position: 10)))
            .ShouldBeAsync(HttpStatusCode.Created);
        var list = await (await manager.GetAsync("/api/case-rules")).JsonAsync();
        Assert.Equal(["First", "Second"], list.AsArray().Select(r => r!["name"]!.GetValue<string>()));

        var c = await OpenAsync(staff, Case("Card replacement"));
        await (await staff.PostAsJsonAsync($"/api/cases/{c["id"]}/status", new { status = "pendingCustomer" })).ShouldBeAsync(HttpStatusCode.OK);
        var after = await (await staff.GetAsync($"/api/cases/{c["id"]}")).JsonAsync();
        Assert.Equal(["waiting"], Tags(after));
        Assert.Single(after["messages"]!.AsArray(), m => m!["body"]!.GetValue<string>() == "Remind the customer in two days.");
        // One note for the event names both rules in order; a change event leaves no firing row (it recurs by nature).
        var note = Assert.Single(after["messages"]!.AsArray(), m => m!["body"]!.GetValue<string>().Contains("First"))!["body"]!.GetValue<string>();
        Assert.True(note.IndexOf("First", StringComparison.Ordinal) < note.IndexOf("Second", StringComparison.Ordinal));
        Assert.Empty((await (await staff.GetAsync($"/api/cases/{c["id"]}/rule-firings")).JsonAsync()).AsArray());

        // Every later change runs them again: the tag stays, so the second rule notes each of the two changes.
        await (await staff.PostAsJsonAsync($"/api/cases/{c["id"]}/status", new { status = "open" })).ShouldBeAsync(HttpStatusCode.OK);
        await (await staff.PostAsJsonAsync($"/api/cases/{c["id"]}/status", new { status = "pendingCustomer" })).ShouldBeAsync(HttpStatusCode.OK);
        after = await (await staff.GetAsync($"/api/cases/{c["id"]}")).JsonAsync();
        Assert.Equal(3, after["messages"]!.AsArray().Count(m => m!["body"]!.GetValue<string>() == "Remind the customer in two days."));
        Assert.Equal(0, await app.WithDbAsync(db => db.CaseRuleFirings.CountAsync()));
    }

    [Fact]
    public async Task PriorityChangedByARule_MovesTheRunningClocksToTheNewPolicy()
    {
        var (manager, staff) = await SetUpAsync();
        await (await manager.PostAsJsonAsync("/api/case-rules", Rule("Assigned means urgent", "caseUpdated",
            [new { field = "assignee", @operator = "set" }], [new { type = "setPriority", value = "urgent" }])))
            .ShouldBeAsync(HttpStatusCode.Created);
        var c = await OpenAsync(staff, Case("Card blocked abroad"));
        static DateTime At(JsonNode c, string field) => c["sla"]![field]!.GetValue<DateTime>();
        var (firstBefore, resolutionBefore) = (At(c, "firstResponseDueAt"), At(c, "resolutionDueAt"));

        var me = (await (await staff.GetAsync("/api/me")).JsonAsync())["id"]!.GetValue<Guid>();
        await (await staff.PostAsJsonAsync($"/api/cases/{c["id"]}/assign", new { assigneeId = me })).ShouldBeAsync(HttpStatusCode.OK);
        var after = await (await staff.GetAsync($"/api/cases/{c["id"]}")).JsonAsync();
        Assert.Equal("urgent", after["priority"]!.GetValue<string>());
        // The branch works around the clock: the time spent so far stays spent, the targets shrink to urgent's (4 h -> 30 min, 24 h -> 4 h).
        Assert.Equal(firstBefore - TimeSpan.FromMinutes(210), At(after, "firstResponseDueAt"));
        Assert.Equal(resolutionBefore - TimeSpan.FromHours(20), At(after, "resolutionDueAt"));
        Assert.Equal(At(after, "firstResponseDueAt"), after["sla"]!["dueAt"]!.GetValue<DateTime>());
    }

    [Fact]
    public async Task CustomerWritingInTheChatOfACase_RunsTheCustomerWroteRules_AsAnEmailReplyDoes()
    {
        using var chat = new TouchpointFactory(settings: Chat.ChatWidgetTests.NoBot());
        await chat.CreateBranchAsync("SH");
        var manager = await chat.StaffAsync("Manager", "SH");
        var staff = await chat.StaffAsync("Frontline", "SH");
        await (await manager.PostAsJsonAsync("/api/case-rules", Rule("Customer wrote", "customerMessage", [], [new { type = "addTag", value = "customer-wrote" }])))
            .ShouldBeAsync(HttpStatusCode.Created);
        var (visitor, started) = await Chat.ChatWidgetTests.StartAsync(chat, new { branch = "SH", name = "王小明", message = "我的卡被锁了" });
        var chatId = started["conversation"]!["id"]!.GetValue<string>();
        await (await staff.PostAsync($"/api/chats/{chatId}/accept", null)).ShouldBeAsync(HttpStatusCode.OK);
        var caseId = (await (await staff.PostAsJsonAsync($"/api/chats/{chatId}/case", new { subject = "卡被锁" })).JsonAsync(HttpStatusCode.Created))["caseId"]!.GetValue<Guid>();
        await (await staff.PostAsJsonAsync($"/api/cases/{caseId}/status", new { status = "pendingCustomer" })).ShouldBeAsync(HttpStatusCode.OK);
        await (await staff.PostAsJsonAsync($"/api/chats/{chatId}/messages", new { body = "请问是哪张卡？" })).ShouldBeAsync(HttpStatusCode.Created);
        Assert.Empty(Tags(await (await staff.GetAsync($"/api/cases/{caseId}")).JsonAsync())); // staff lines are not the customer

        await (await visitor.PostAsJsonAsync("/api/chat/visitor/messages", new { body = "尾号 4821 的那张" })).ShouldBeAsync(HttpStatusCode.Created);
        var after = await (await staff.GetAsync($"/api/cases/{caseId}")).JsonAsync();
        Assert.Equal(["customer-wrote"], Tags(after));
        Assert.Equal("open", after["status"]!.GetValue<string>()); // waiting on the customer no more
        Assert.Contains(after["messages"]!.AsArray(), m => m!["body"]!.GetValue<string>().Contains("Customer wrote"));
    }

    [Fact]
    public async Task RulesThatUndoEachOther_RunOncePerEvent_AndNeverLoop()
    {
        var (manager, staff) = await SetUpAsync();
        // Each rule's change is the other's condition, and each reacts to the very kind of change it makes.
        await (await manager.PostAsJsonAsync("/api/case-rules", Rule("Back to open", "statusChanged",
            [new { field = "status", @operator = "is", value = "pendingCustomer" }], [new { type = "setStatus", value = "open" }], position: 10)))
            .ShouldBeAsync(HttpStatusCode.Created);
        await (await manager.PostAsJsonAsync("/api/case-rules", Rule("Back to pending", "caseUpdated",
            [new { field = "status", @operator = "is", value = "open" }], [new { type = "setStatus", value = "pendingCustomer" }, new { type = "setPriority", value = "high" }], position: 20)))
            .ShouldBeAsync(HttpStatusCode.Created);

        var c = await OpenAsync(staff, Case("Card replacement"));
        var moved = await (await staff.PostAsJsonAsync($"/api/cases/{c["id"]}/status", new { status = "pendingCustomer" })).JsonAsync();
        // The first put it back to open, the second (seeing that) back to pending: each once, and nothing ran again.
        Assert.Equal("pendingCustomer", moved["status"]!.GetValue<string>());
        Assert.Equal("high", moved["priority"]!.GetValue<string>());
        var notes = moved["messages"]!.AsArray().Select(m => m!["body"]!.GetValue<string>()).Where(b => b.Contains("Back to")).ToList();
        var note = Assert.Single(notes);
        Assert.Equal(2, note.Split('\n').Length);
    }

    [Fact]
    public async Task TimeBasedRule_FiresOncePerCase_AndAlertsSupervisors()
    {
        var (manager, staff) = await SetUpAsync();
        await (await manager.PostAsJsonAsync("/api/case-rules", Rule("Quiet for a day", "hoursSinceUpdated",
            [new { field = "assignee", @operator = "notSet" }, new { field = "priority", @operator = "is", value = "urgent" }],
            [new { type = "addTag", value = "stale" }, new { type = "notifySupervisors", value = "Nobody has this case" }], hours: 24, matchAll: false)))
            .ShouldBeAsync(HttpStatusCode.Created);
        var cookie = await app.StaffCookieAsync("Supervisor", "SH");
        var ws = app.Server.CreateWebSocketClient();
        ws.ConfigureRequest = r => r.Headers.Cookie = cookie;
        await using var supervisor = await SignalRTestClient.ConnectAsync(ws, app.Server.BaseAddress);
        await Task.Delay(200);

        var old = await OpenAsync(staff, Case("Statement missing"));
        var fresh = await OpenAsync(staff, Case("Statement missing too"));
        var oldId = old["id"]!.GetValue<Guid>();
        await app.WithDbAsync(db => db.Cases.Where(c => c.Id == oldId).ExecuteUpdateAsync(s => s.SetProperty(c => c.UpdatedAt, DateTime.UtcNow.AddHours(-25))));
        var monitor = app.Services.GetRequiredService<AutomationMonitor>();
        Assert.Equal((1, 0), await monitor.CheckAsync(CancellationToken.None));
        await app.WithDbAsync(db => db.Cases.Where(c => c.Id == oldId).ExecuteUpdateAsync(s => s.SetProperty(c => c.UpdatedAt, DateTime.UtcNow.AddHours(-25))));
        Assert.Equal((0, 0), await monitor.CheckAsync(CancellationToken.None));
        var alert = await supervisor.WaitForEventAsync(CaseAutomation.RuleAlertEvent, TimeSpan.FromSeconds(10));
        Assert.Equal("Nobody has this case", alert["data"]!["message"]!.GetValue<string>());
        Assert.Equal(["stale"], Tags(await (await staff.GetAsync($"/api/cases/{oldId}")).JsonAsync()));
        Assert.Empty(Tags(await (await staff.GetAsync($"/api/cases/{fresh["id"]}")).JsonAsync()));
    }

    [Fact]
    public async Task TimeBasedRule_ReachesAMatchingCase_BehindMoreThanABatchOfOlderCasesThatDoNotMatch()
    {
        var (manager, staff) = await SetUpAsync();
        await (await manager.PostAsJsonAsync("/api/case-rules", Rule("Urgent for a day", "hoursSinceCreated",
            [new { field = "priority", @operator = "is", value = "urgent" }], [new { type = "addTag", value = "overdue" }], hours: 24)))
            .ShouldBeAsync(HttpStatusCode.Created);
        var matching = (await OpenAsync(staff, Case("Card still blocked")))["id"]!.GetValue<Guid>();
        var old = DateTime.UtcNow.AddHours(-72);
        await app.WithDbAsync(async db =>
        {
            var branchId = await db.Branches.Where(b => b.Code == "SH").Select(b => b.Id).SingleAsync();
            // Older than the matching case and due by time, but not urgent: more of them than one pass takes.
            for (var i = 0; i < AutomationMonitor.BatchSize + 5; i++)
                db.Cases.Add(new Touchpoint.Server.Features.Cases.SupportCase
                {
                    Number = 900_000 + i, Reference = $"OLD-{i}", BranchId = branchId, Subject = "Old question", Channel = "phone",
                    CustomerName = "Lee Min-jun", CreatedAt = old.AddSeconds(i), UpdatedAt = old.AddSeconds(i),
                });
            await db.SaveChangesAsync();
            return await db.Cases.Where(c => c.Id == matching).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.Priority, "urgent").SetProperty(c => c.CreatedAt, DateTime.UtcNow.AddHours(-30)));
        });
        var monitor = app.Services.GetRequiredService<AutomationMonitor>();
        Assert.Equal((1, 0), await monitor.CheckAsync(CancellationToken.None));
        Assert.Equal(["overdue"], Tags(await (await staff.GetAsync($"/api/cases/{matching}")).JsonAsync()));
        // Only the case that matched left a firing row; the old ones cost nothing but a read.
        Assert.Equal(1, await app.WithDbAsync(db => db.CaseRuleFirings.CountAsync(f => f.EventKey == AutomationMonitor.TimedKey)));
        Assert.Equal((0, 0), await monitor.CheckAsync(CancellationToken.None));
    }

    [Fact]
    public async Task MacroAction_RepliesInTheCaseLanguage_WithPlaceholdersFilled()
    {
        var (manager, staff) = await SetUpAsync();
        var macro = await (await manager.PostAsJsonAsync("/api/macros", new
        {
            title = new Dictionary<string, string> { ["en-US"] = "Received" },
            body = new Dictionary<string, string> { ["en-US"] = "Dear {{customer.name}}, we have your request {{ case.reference }} and will reply within a day." },
            branch = "SH",
        })).JsonAsync(HttpStatusCode.Created);
        await (await manager.PostAsJsonAsync("/api/case-rules", Rule("Acknowledge email", "caseCreated",
            [new { field = "channel", @operator = "is", value = "email" }], [new { type = "sendMacro", value = macro["id"]!.GetValue<string>() }])))
            .ShouldBeAsync(HttpStatusCode.Created);
        var c = await OpenAsync(staff, Case("Where is my parcel", channel: "email", email: "lee@example.com"));
        var reply = Assert.Single(c["messages"]!.AsArray(), m => m!["visibility"]!.GetValue<string>() == "public")!;
        Assert.Equal($"Dear Lee Min-jun, we have your request {c["reference"]} and will reply within a day.", reply["body"]!.GetValue<string>());
        Assert.Equal(1, await app.WithDbAsync(db => db.OutboundMails.CountAsync()));
    }

    public void Dispose() => app.Dispose();
}
