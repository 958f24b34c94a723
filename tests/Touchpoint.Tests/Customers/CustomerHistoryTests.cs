using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Touchpoint.Tests.Infrastructure;
using static Touchpoint.Tests.Customers.CustomerTestData;

namespace Touchpoint.Tests.Customers;

/// <summary>The timeline across modules, branch scoping through the history, and merging duplicates.</summary>
public sealed class CustomerHistoryTests : IDisposable
{
    private readonly TouchpointFactory app = new();

    [Fact]
    public async Task LinkedTicket_TakesTheCustomersPriorityAndLanguage_AndTheTimelineShowsVisitAndRating()
    {
        var staff = await BranchWithCounterAsync(app);
        var admin = await app.AdminAsync();
        var device = await (await admin.PostAsJsonAsync("/api/branches/SH/devices", new { kind = "pad", name = "Pad", counterNumber = 1 })).JsonAsync(HttpStatusCode.Created);
        var paired = await (await app.CreateClient().PostAsJsonAsync("/api/devices/pair", new { code = device["pairingCode"] })).JsonAsync();
        var pad = app.CreateClient();
        pad.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", paired["token"]!.GetValue<string>());

        var customer = await CreateAsync(staff, new { name = "김민준", phones = new[] { "010-1234-5678" }, language = "ko-KR", needs = new[] { "elderly" } });
        var ticket = await ServeAsync(staff, customer.Id());
        Assert.Equal("elderly", ticket["priority"]!.GetValue<string>());
        Assert.Equal("ko-KR", ticket["language"]!.GetValue<string>());
        // An older customer hears the call twice and slowly, and the pad asks in large type, aloud; the need itself is not on the ticket.
        Assert.Equal(["repeat", "large"], ticket["care"]!.AsArray().Select(c => c!.GetValue<string>()));
        var padState = await (await pad.GetAsync("/api/device/pad")).JsonAsync();
        Assert.True(padState["prompt"]!["large"]!.GetValue<bool>());
        var prompt = padState["prompt"]!["id"]!.GetValue<string>();
        await (await pad.PostAsJsonAsync($"/api/evaluations/{prompt}", new { rating = "verySatisfied" })).ShouldBeAsync(HttpStatusCode.NoContent);

        var timeline = (await (await staff.GetAsync($"/api/customers/{customer.Id()}/timeline")).JsonAsync()).AsArray();
        Assert.Equal(["queue.rating", "queue.ticket", "customer.created"], timeline.Select(e => e!["type"]!.GetValue<string>()));
        var visit = timeline[1]!;
        Assert.Equal(ticket["number"]!.GetValue<string>(), visit["reference"]!.GetValue<string>());
        Assert.Equal("SH", visit["branchCode"]!.GetValue<string>());
        Assert.Equal("completed", visit["details"]!["status"]!.GetValue<string>());
        Assert.Equal("resolved", visit["details"]!["outcome"]!.GetValue<string>());
        Assert.Equal("verySatisfied", timeline[0]!["details"]!["rating"]!.GetValue<string>());

        // The visit counts at once: recency and frequency moved the customer out of "new".
        var profile = await (await staff.GetAsync($"/api/customers/{customer.Id()}")).JsonAsync();
        Assert.Equal(1, profile["visitsLastYear"]!.GetValue<int>());
        Assert.NotEqual("new", profile["tier"]!.GetValue<string>());

        // Kiosks and anonymous phones cannot attach a ticket to somebody.
        await (await app.CreateClient().PostAsJsonAsync("/api/branches/SH/tickets", new { service = "PERSONAL", customerId = customer.Id() }))
            .ProblemAsync(HttpStatusCode.Forbidden);
        var unknown = await (await staff.PostAsJsonAsync("/api/branches/SH/tickets", new { service = "PERSONAL", customerId = Guid.NewGuid() }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(unknown["errors"]!["customerId"]);
    }

    [Fact]
    public async Task BranchStaff_SeeCustomersOnlyThroughTheirBranch()
    {
        var shStaff = await BranchWithCounterAsync(app, "SH");
        var tpeStaff = await BranchWithCounterAsync(app, "TPE");
        var id = (await CreateAsync(shStaff, new { name = "王芳", phones = new[] { "13900001111" }, language = "zh-CN" })).Id();

        Assert.Single((await (await shStaff.GetAsync("/api/customers?q=13900001111")).JsonAsync()).AsArray());
        Assert.Empty((await (await tpeStaff.GetAsync("/api/customers?q=13900001111")).JsonAsync()).AsArray());
        Assert.Empty((await (await tpeStaff.GetAsync("/api/customers")).JsonAsync()).AsArray());
        await (await tpeStaff.GetAsync($"/api/customers/{id}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await tpeStaff.GetAsync($"/api/customers/{id}/timeline")).ProblemAsync(HttpStatusCode.NotFound);
        // Nor can they attach the customer to a ticket of theirs.
        (await (await tpeStaff.PostAsJsonAsync("/api/branches/TPE/tickets", new { service = "PERSONAL", customerId = id }))
            .ProblemAsync(HttpStatusCode.BadRequest))["errors"]!["customerId"]!.ToString();

        await ServeAsync(shStaff, id, "SH");
        // A manager spans branches: the customer visits Taipei and is served there.
        var manager = await app.StaffAsync("Manager");
        await (await manager.PostAsJsonAsync("/api/branches/TPE/tickets", new { service = "PERSONAL", customerId = id })).ShouldBeAsync(HttpStatusCode.Created);

        Assert.Single((await (await tpeStaff.GetAsync("/api/customers?q=王")).JsonAsync()).AsArray());
        var tpeTimeline = (await (await tpeStaff.GetAsync($"/api/customers/{id}/timeline")).JsonAsync()).AsArray();
        Assert.Equal(["TPE"], tpeTimeline.Where(e => e!["branchCode"] is not null).Select(e => e!["branchCode"]!.GetValue<string>()).Distinct());
        var managerTimeline = (await (await manager.GetAsync($"/api/customers/{id}/timeline")).JsonAsync()).AsArray();
        Assert.Equal(["SH", "TPE"], managerTimeline.Where(e => e!["branchCode"] is not null).Select(e => e!["branchCode"]!.GetValue<string>()).Distinct().Order());
    }

    [Fact]
    public async Task Merge_MovesHistoryContactsAndIdentifiers_AndExplainsItself()
    {
        var staff = await BranchWithCounterAsync(app);
        var supervisor = await app.StaffAsync("Supervisor", "SH");
        var survivor = await CreateAsync(staff, new { name = "陈静", phones = new[] { "13700002222" }, language = "zh-CN", tags = new[] { "pension" } });
        var duplicate = await CreateAsync(staff, new
        {
            name = "陈静", phones = new[] { "13700002222", "02161234567" }, emails = new[] { "chen.jing@example.cn" }, language = "zh-CN",
            needs = new[] { "hearing" }, identifiers = new[] { new { kind = "membership", value = "SH00112233" } },
        });
        await ServeAsync(staff, survivor.Id());
        await ServeAsync(staff, duplicate.Id());
        await ServeAsync(staff, duplicate.Id());

        await (await staff.PostAsJsonAsync($"/api/customers/{survivor.Id()}/merge", new { otherId = duplicate.Id() })).ProblemAsync(HttpStatusCode.Forbidden);
        var self = await (await supervisor.PostAsJsonAsync($"/api/customers/{survivor.Id()}/merge", new { otherId = survivor.Id() })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(self["errors"]!["otherId"]);
        var merged = await (await supervisor.PostAsJsonAsync($"/api/customers/{survivor.Id()}/merge",
            new { otherId = duplicate.Id(), reason = "Same person, second profile made at the kiosk" })).JsonAsync();

        Assert.Equal(3, merged["contacts"]!.AsArray().Count); // the shared phone once
        Assert.Single(merged["identifiers"]!.AsArray());
        Assert.Equal(["hearing"], merged["needs"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(3, merged["visitsLastYear"]!.GetValue<int>());
        Assert.Single((await (await staff.GetAsync("/api/customers?q=SH00112233")).JsonAsync()).AsArray());

        var old = await (await staff.GetAsync($"/api/customers/{duplicate.Id()}")).JsonAsync();
        Assert.Equal("merged", old["status"]!.GetValue<string>());
        Assert.Equal(survivor.Id(), old["mergedIntoId"]!.GetValue<string>());
        Assert.Empty(old["contacts"]!.AsArray());
        await (await supervisor.PostAsJsonAsync($"/api/customers/{survivor.Id()}/merge", new { otherId = duplicate.Id() })).ProblemAsync(HttpStatusCode.Conflict);

        var timeline = (await (await staff.GetAsync($"/api/customers/{survivor.Id()}/timeline")).JsonAsync()).AsArray();
        Assert.Equal(3, timeline.Count(e => e!["type"]!.GetValue<string>() == "queue.ticket"));
        var explanation = timeline.Single(e => e!["type"]!.GetValue<string>() == "customer.merged")!["details"]!;
        Assert.Equal(duplicate.Id(), explanation["merged"]!.GetValue<string>());
        Assert.Equal("Same person, second profile made at the kiosk", explanation["reason"]!.GetValue<string>());
        var moved = JsonNode.Parse(explanation["moved"]!.GetValue<string>())!;
        Assert.Equal(2, moved["tickets"]!.GetValue<int>());
        Assert.Equal(1, moved["identifiers"]!.GetValue<int>());
    }

    public void Dispose() => app.Dispose();
}
