using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Touchpoint.Tests.Infrastructure;

namespace Touchpoint.Tests.Queue;

/// <summary>The window service through its API: issue, call, serve, transfer, park, complete, and every refusal.</summary>
public sealed class QueueFlowTests : IDisposable
{
    private readonly TouchpointFactory app = new();

    private async Task<HttpClient> CounterStaffAsync(params int[] counters)
    {
        await app.CreateBranchAsync("SH", "PERSONAL", "CORPORATE");
        var admin = await app.AdminAsync();
        foreach (var n in counters)
            await (await admin.PostAsJsonAsync("/api/branches/SH/counters", new { number = n, services = new[] { "PERSONAL", "CORPORATE" } })).ShouldBeAsync(HttpStatusCode.Created);
        var staff = await app.StaffAsync("Frontline", "SH");
        foreach (var n in counters) await (await staff.PostAsync($"/api/branches/SH/counters/{n}/open", null)).ShouldBeAsync(HttpStatusCode.OK);
        return staff;
    }

    private static async Task<JsonNode> IssueAsync(HttpClient client, string service = "PERSONAL", string? priority = null) =>
        await (await client.PostAsJsonAsync("/api/branches/SH/tickets", new { service, priority, language = "zh-CN" })).JsonAsync(HttpStatusCode.Created);

    [Fact]
    public async Task Tickets_AreNumberedPerServiceWithPrefix_AndShowPositionAndWait()
    {
        await CounterStaffAsync(1);
        var qr = app.CreateClient();
        var a1 = await IssueAsync(qr);
        var a2 = await IssueAsync(qr);
        var b1 = await IssueAsync(qr, "CORPORATE");
        Assert.Equal(["A001", "A002", "B001"], new[] { a1, a2, b1 }.Select(t => t!["number"]!.GetValue<string>()));
        Assert.Equal(2, a2["position"]!.GetValue<int>());
        Assert.Equal(5, a2["estimatedWaitMinutes"]!.GetValue<int>()); // one ahead × 5 min ÷ one open counter
        Assert.StartsWith("/t/", a1["statusUrl"]!.GetValue<string>());
        var status = await (await qr.GetAsync($"/api/tickets/{a1["id"]}")).JsonAsync();
        Assert.Equal("waiting", status["status"]!.GetValue<string>());
        Assert.Equal(1, status["position"]!.GetValue<int>());
    }

    [Fact]
    public async Task CounterWeights_AreSetByTheApi_AndCallNextPrefersTheStrongerSkill()
    {
        await app.CreateBranchAsync("SH", "PERSONAL", "CORPORATE");
        var admin = await app.AdminAsync();
        var bad = await (await admin.PostAsJsonAsync("/api/branches/SH/counters",
            new { number = 1, services = new[] { "PERSONAL" }, weights = new Dictionary<string, int> { ["PERSONAL"] = 11, ["CORPORATE"] = 2 } })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(bad["errors"]!["weights.PERSONAL"]);
        Assert.NotNull(bad["errors"]!["weights.CORPORATE"]);
        var counter = await (await admin.PostAsJsonAsync("/api/branches/SH/counters",
            new { number = 1, services = new[] { "PERSONAL", "CORPORATE" }, weights = new Dictionary<string, int> { ["CORPORATE"] = 5 } })).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(1, counter["weights"]!["PERSONAL"]!.GetValue<int>());
        Assert.Equal(5, counter["weights"]!["CORPORATE"]!.GetValue<int>());
        var staff = await app.StaffAsync("Frontline", "SH");
        await (await staff.PostAsync("/api/branches/SH/counters/1/open", null)).ShouldBeAsync(HttpStatusCode.OK);

        var personal = await IssueAsync(app.CreateClient());
        var corporate = await IssueAsync(app.CreateClient(), "CORPORATE");
        var called = await (await staff.PostAsync("/api/branches/SH/counters/1/call-next", null)).JsonAsync();
        Assert.Equal(corporate["number"]!.GetValue<string>(), called["number"]!.GetValue<string>());

        // Weights of services left out of an update are kept.
        var updated = await (await admin.PutAsJsonAsync("/api/branches/SH/counters/1", new { services = new[] { "PERSONAL", "CORPORATE" } })).JsonAsync();
        Assert.Equal(5, updated["weights"]!["CORPORATE"]!.GetValue<int>());
        Assert.NotNull(personal["id"]);
    }

    [Fact]
    public async Task ACounterGivenNewSkills_CallsByThemAtOnce()
    {
        await app.CreateBranchAsync("SH", "PERSONAL", "CORPORATE");
        var admin = await app.AdminAsync();
        await (await admin.PostAsJsonAsync("/api/branches/SH/counters", new { number = 1, services = new[] { "PERSONAL" } })).ShouldBeAsync(HttpStatusCode.Created);
        var staff = await app.StaffAsync("Frontline", "SH");
        await (await staff.PostAsync("/api/branches/SH/counters/1/open", null)).ShouldBeAsync(HttpStatusCode.OK);
        // The branch's set-up is cached from here on.
        await (await staff.PostAsync("/api/branches/SH/counters/1/call-next", null)).ShouldBeAsync(HttpStatusCode.NoContent);

        // A service added to the counter (a new row through the counter's collection) is called from at once.
        await (await admin.PutAsJsonAsync("/api/branches/SH/counters/1", new { services = new[] { "PERSONAL", "CORPORATE" } })).ShouldBeAsync(HttpStatusCode.OK);
        var corporate = await IssueAsync(app.CreateClient(), "CORPORATE");
        var called = await (await staff.PostAsync("/api/branches/SH/counters/1/call-next", null)).JsonAsync();
        Assert.Equal(corporate["id"]!.GetValue<string>(), called["id"]!.GetValue<string>());
        await (await staff.PostAsync($"/api/tickets/{corporate["id"]}/complete", null)).ShouldBeAsync(HttpStatusCode.OK);

        // A weight changed alone (only the counter's service row changes) turns the order at once.
        var personal = await IssueAsync(app.CreateClient());
        var corporateLater = await IssueAsync(app.CreateClient(), "CORPORATE");
        await (await admin.PutAsJsonAsync("/api/branches/SH/counters/1",
            new { services = new[] { "PERSONAL", "CORPORATE" }, weights = new Dictionary<string, int> { ["CORPORATE"] = 9 } })).ShouldBeAsync(HttpStatusCode.OK);
        called = await (await staff.PostAsync("/api/branches/SH/counters/1/call-next", null)).JsonAsync();
        Assert.Equal(corporateLater["id"]!.GetValue<string>(), called["id"]!.GetValue<string>());
        Assert.NotNull(personal["id"]);
    }

    [Fact]
    public async Task TwoScreensCompletingOneTicketAtOnce_OneSucceeds_OneEncounter()
    {
        var staff = await CounterStaffAsync(1);
        for (var round = 0; round < 5; round++)
        {
            var ticket = await IssueAsync(app.CreateClient());
            await (await staff.PostAsync("/api/branches/SH/counters/1/call-next", null)).ShouldBeAsync(HttpStatusCode.OK);
            var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => staff.PostAsync($"/api/tickets/{ticket["id"]}/complete", null)));
            Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
            Assert.Equal(3, answers.Count(a => a.StatusCode == HttpStatusCode.Conflict));
            var id = Guid.Parse(ticket["id"]!.GetValue<string>());
            Assert.Equal(1, await app.WithDbAsync(db => Task.FromResult(db.Encounters.Count(e => e.TicketId == id))));
        }
    }

    [Fact]
    public async Task FullFlow_CallStartComplete_RecordsAnEncounter()
    {
        var staff = await CounterStaffAsync(1);
        var ticket = await IssueAsync(app.CreateClient());
        var called = await (await staff.PostAsync("/api/branches/SH/counters/1/call-next", null)).JsonAsync();
        Assert.Equal(ticket["id"]!.GetValue<string>(), called["id"]!.GetValue<string>());
        Assert.Equal("called", called["status"]!.GetValue<string>());
        Assert.Equal(1, called["counter"]!.GetValue<int>());

        // The counter is busy until the ticket is done.
        await (await staff.PostAsync("/api/branches/SH/counters/1/call-next", null)).ProblemAsync(HttpStatusCode.Conflict);
        await (await staff.PostAsync($"/api/tickets/{ticket["id"]}/start", null)).ShouldBeAsync(HttpStatusCode.OK);
        await (await staff.PostAsync($"/api/tickets/{ticket["id"]}/start", null)).ProblemAsync(HttpStatusCode.Conflict);
        // An outcome the reports do not know is refused by name, and the ticket stays in service.
        var refused = await (await staff.PostAsJsonAsync($"/api/tickets/{ticket["id"]}/complete", new { outcome = "maybe" })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(refused["errors"]!["outcome"]);
        Assert.Equal("serving", (await (await staff.GetAsync($"/api/tickets/{ticket["id"]}")).JsonAsync())["status"]!.GetValue<string>());
        var done = await (await staff.PostAsJsonAsync($"/api/tickets/{ticket["id"]}/complete", new { outcome = "resolved" })).JsonAsync();
        Assert.Equal("completed", done["status"]!.GetValue<string>());
        Assert.NotNull(done["completedAt"]);

        var encounter = await app.WithDbAsync(db => Task.FromResult(db.Encounters.Single()));
        Assert.Equal("counter", encounter.Channel);
        Assert.Equal("faceToFace", encounter.Mode);
        Assert.Equal(Guid.Parse(ticket["id"]!.GetValue<string>()), encounter.TicketId);

        await (await staff.PostAsync("/api/branches/SH/counters/1/call-next", null)).ShouldBeAsync(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Recall_IsLimited_AndNoShowNeedsTheRecalls()
    {
        var staff = await CounterStaffAsync(1);
        var ticket = await IssueAsync(app.CreateClient());
        await (await staff.PostAsync("/api/branches/SH/counters/1/call-next", null)).ShouldBeAsync(HttpStatusCode.OK);
        var id = ticket["id"]!.GetValue<string>();
        var early = await (await staff.PostAsync($"/api/tickets/{id}/no-show", null)).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("2", early["detail"]!.GetValue<string>());
        await (await staff.PostAsync($"/api/tickets/{id}/recall", null)).ShouldBeAsync(HttpStatusCode.OK);
        await (await staff.PostAsync($"/api/tickets/{id}/recall", null)).ShouldBeAsync(HttpStatusCode.OK);
        await (await staff.PostAsync($"/api/tickets/{id}/recall", null)).ProblemAsync(HttpStatusCode.Conflict);
        var gone = await (await staff.PostAsync($"/api/tickets/{id}/no-show", null)).JsonAsync();
        Assert.Equal("noShow", gone["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Transfer_ToACounter_KeepsTheIssueTime_AndOnlyThatCounterCallsIt()
    {
        var staff = await CounterStaffAsync(1, 2);
        var ticket = await IssueAsync(app.CreateClient());
        var id = ticket["id"]!.GetValue<string>();
        await (await staff.PostAsync("/api/branches/SH/counters/1/call-next", null)).ShouldBeAsync(HttpStatusCode.OK);
        await (await staff.PostAsJsonAsync($"/api/tickets/{id}/transfer", new { service = "PERSONAL", counter = 2 })).ProblemAsync(HttpStatusCode.BadRequest);
        await (await staff.PostAsJsonAsync($"/api/tickets/{id}/transfer", new { counter = 9 })).ProblemAsync(HttpStatusCode.NotFound);
        var moved = await (await staff.PostAsJsonAsync($"/api/tickets/{id}/transfer", new { counter = 2 })).JsonAsync();
        Assert.Equal("waiting", moved["status"]!.GetValue<string>());
        Assert.Equal(ticket["issuedAt"]!.GetValue<DateTime>(), moved["issuedAt"]!.GetValue<DateTime>());

        await IssueAsync(app.CreateClient());
        var atOne = await (await staff.PostAsync("/api/branches/SH/counters/1/call-next", null)).JsonAsync();
        Assert.Equal("A002", atOne["number"]!.GetValue<string>());
        var atTwo = await (await staff.PostAsync("/api/branches/SH/counters/2/call-next", null)).JsonAsync();
        Assert.Equal("A001", atTwo["number"]!.GetValue<string>());
    }

    [Fact]
    public async Task ParkAndResume_FreeTheCounterMeanwhile()
    {
        var staff = await CounterStaffAsync(1);
        var first = await IssueAsync(app.CreateClient());
        await IssueAsync(app.CreateClient());
        await (await staff.PostAsync("/api/branches/SH/counters/1/call-next", null)).ShouldBeAsync(HttpStatusCode.OK);
        await (await staff.PostAsync($"/api/tickets/{first["id"]}/start", null)).ShouldBeAsync(HttpStatusCode.OK);
        await (await staff.PostAsync($"/api/tickets/{first["id"]}/park", null)).ShouldBeAsync(HttpStatusCode.OK);
        var second = await (await staff.PostAsync("/api/branches/SH/counters/1/call-next", null)).JsonAsync();
        await (await staff.PostAsync($"/api/tickets/{first["id"]}/resume", null)).ProblemAsync(HttpStatusCode.Conflict); // counter busy
        await (await staff.PostAsync($"/api/tickets/{second["id"]}/complete", null)).ShouldBeAsync(HttpStatusCode.OK);
        var resumed = await (await staff.PostAsync($"/api/tickets/{first["id"]}/resume", null)).JsonAsync();
        Assert.Equal("serving", resumed["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task CallOutOfOrder_NeedsAReason_AndIsAudited()
    {
        var staff = await CounterStaffAsync(1);
        await IssueAsync(app.CreateClient());
        var second = await IssueAsync(app.CreateClient());
        var problem = await (await staff.PostAsJsonAsync("/api/branches/SH/counters/1/call", new { ticketId = second["id"] })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["reason"]);
        var called = await (await staff.PostAsJsonAsync("/api/branches/SH/counters/1/call", new { ticketId = second["id"], reason = "Customer in a wheelchair" })).JsonAsync();
        Assert.Equal("A002", called["number"]!.GetValue<string>());
        var admin = await app.AdminAsync();
        var audit = await (await admin.GetAsync("/api/audit?action=queue.called_out_of_order")).JsonAsync();
        Assert.Contains("wheelchair", audit["items"]![0]!["details"]!.GetValue<string>());
    }

    [Fact]
    public async Task ClosedOrPausedCounter_CannotCall_AndUnknownThingsAre404()
    {
        var staff = await CounterStaffAsync(1);
        await (await staff.PostAsJsonAsync("/api/branches/SH/counters/1/pause", new { reason = "nap" })).ProblemAsync(HttpStatusCode.BadRequest);
        await (await staff.PostAsJsonAsync("/api/branches/SH/counters/1/pause", new { reason = "break" })).ShouldBeAsync(HttpStatusCode.OK);
        await (await staff.PostAsync("/api/branches/SH/counters/1/call-next", null)).ProblemAsync(HttpStatusCode.Conflict);
        await (await staff.PostAsync("/api/branches/SH/counters/7/call-next", null)).ProblemAsync(HttpStatusCode.NotFound);
        await (await staff.PostAsync("/api/branches/XX/counters/1/call-next", null)).ProblemAsync(HttpStatusCode.NotFound);
        await (await app.CreateClient().PostAsJsonAsync("/api/branches/SH/tickets", new { service = "NOPE" })).ProblemAsync(HttpStatusCode.NotFound);
        await (await app.CreateClient().PostAsJsonAsync("/api/branches/XX/tickets", new { service = "PERSONAL" })).ProblemAsync(HttpStatusCode.NotFound);
        await (await app.CreateClient().GetAsync($"/api/tickets/{Guid.NewGuid()}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task DailyCapAndIssuingHours_AreEnforced_WithAClearMessage()
    {
        await CounterStaffAsync(1);
        await app.WithDbAsync(async db =>
        {
            var personal = db.Services.Single(s => s.Code == "PERSONAL");
            personal.DailyCap = 1;
            var corporate = db.Services.Single(s => s.Code == "CORPORATE");
            corporate.IssuingStart = "00:00";
            corporate.IssuingEnd = "00:01";
            return await db.SaveChangesAsync();
        });
        var qr = app.CreateClient();
        await IssueAsync(qr);
        var full = await (await qr.PostAsJsonAsync("/api/branches/SH/tickets", new { service = "PERSONAL" })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("1", full["detail"]!.GetValue<string>());
        var closed = await (await qr.PostAsJsonAsync("/api/branches/SH/tickets", new { service = "CORPORATE" })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("00:01", closed["detail"]!.GetValue<string>());
    }

    /// <summary>The counter's streak of priority calls is kept between calls (default ratio 2): two priority, one normal, and so on.</summary>
    [Fact]
    public async Task CallNext_InterleavesPriorityAndNormalTickets_CallAfterCall()
    {
        var staff = await CounterStaffAsync(1);
        var normal = new[] { await IssueAsync(staff), await IssueAsync(staff) };
        var priority = new[] { await IssueAsync(staff, priority: "elderly"), await IssueAsync(staff, priority: "vip"), await IssueAsync(staff, priority: "pregnant") };
        var called = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var ticket = await (await staff.PostAsync("/api/branches/SH/counters/1/call-next", null)).JsonAsync();
            called.Add(ticket["number"]!.GetValue<string>());
            await (await staff.PostAsync($"/api/tickets/{ticket["id"]}/complete", null)).ShouldBeAsync(HttpStatusCode.OK);
        }
        string N(JsonNode t) => t["number"]!.GetValue<string>();
        Assert.Equal([N(priority[0]), N(priority[1]), N(normal[0]), N(priority[2]), N(normal[1])], called);
    }

    [Fact]
    public async Task CustomersOnTheirPhone_CannotClaimPriority_StaffCan()
    {
        var staff = await CounterStaffAsync(1);
        await (await app.CreateClient().PostAsJsonAsync("/api/branches/SH/tickets", new { service = "PERSONAL", priority = "vip" })).ProblemAsync(HttpStatusCode.BadRequest);
        var vip = await IssueAsync(staff, priority: "elderly");
        Assert.Equal("elderly", vip["priority"]!.GetValue<string>());
    }

    [Fact]
    public async Task Board_ShowsCallsWaitingAndCounters()
    {
        var staff = await CounterStaffAsync(1, 2);
        await IssueAsync(app.CreateClient());
        await IssueAsync(app.CreateClient());
        await IssueAsync(app.CreateClient(), "CORPORATE");
        await (await staff.PostAsync("/api/branches/SH/counters/2/call-next", null)).ShouldBeAsync(HttpStatusCode.OK);
        var supervisor = await app.StaffAsync("Supervisor", "SH");
        var board = await (await supervisor.GetAsync("/api/branches/SH/board")).JsonAsync();
        Assert.Equal(2, board["latestCalls"]![0]!["counter"]!.GetValue<int>());
        var personal = board["services"]!.AsArray().Single(s => s!["code"]!.GetValue<string>() == "PERSONAL")!;
        Assert.Equal(1, personal["waiting"]!.GetValue<int>());
        Assert.Equal("A001", board["counters"]![1]!["currentTicket"]!.GetValue<string>());
        var erlang = await (await supervisor.GetAsync("/api/queue/erlang-c?arrivalsPerHour=120&serviceMinutes=1&counters=3&targetSeconds=30")).JsonAsync();
        Assert.Equal(4.0 / 9, erlang["probabilityOfWaiting"]!.GetValue<double>(), 9);
        await (await supervisor.GetAsync("/api/queue/erlang-c?arrivalsPerHour=-1&serviceMinutes=0&counters=0")).ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task KioskInfo_IsPublic_AndTheWaitingListHidesWhoIsWaiting()
    {
        var staff = await CounterStaffAsync(1);
        await (await app.CreateClient().PostAsJsonAsync("/api/branches/SH/tickets", new { service = "PERSONAL", phone = "+86 138 0013 8000" })).ShouldBeAsync(HttpStatusCode.Created);
        var kiosk = await (await app.CreateClient().GetAsync("/api/public/branches/sh/kiosk")).JsonAsync();
        var personal = kiosk["services"]!.AsArray().Single(x => x!["code"]!.GetValue<string>() == "PERSONAL")!;
        Assert.Equal(1, personal["waiting"]!.GetValue<int>());
        Assert.True(personal["issuing"]!.GetValue<bool>());

        await (await app.CreateClient().GetAsync("/api/branches/SH/queue")).ProblemAsync(HttpStatusCode.Unauthorized);
        var lists = await (await staff.GetAsync("/api/branches/SH/queue")).Content.ReadAsStringAsync();
        Assert.Contains("A001", lists);
        Assert.DoesNotContain("138", lists);
    }

    [Fact]
    public async Task CompletingStraightAfterTheCall_KeepsTheBoardWorking_AndTheDeskShowsTheCurrentTicket()
    {
        var staff = await CounterStaffAsync(1);
        await IssueAsync(app.CreateClient());
        var ticket = await IssueAsync(app.CreateClient());
        var first = await (await staff.PostAsync("/api/branches/SH/counters/1/call-next", null)).JsonAsync();
        var desk = await (await staff.GetAsync("/api/branches/SH/counters/1")).JsonAsync();
        Assert.Equal(first["id"]!.GetValue<string>(), desk["current"]!["id"]!.GetValue<string>());
        Assert.Equal(2, desk["current"]!["recallLimit"]!.GetValue<int>());
        await (await staff.PostAsync($"/api/tickets/{first["id"]}/complete", null)).ShouldBeAsync(HttpStatusCode.OK);
        // A zero-length service must not turn into a zero service time for the staffing advice.
        var board = await (await staff.GetAsync("/api/branches/SH/board")).JsonAsync();
        var personal = board["services"]!.AsArray().Single(x => x!["code"]!.GetValue<string>() == "PERSONAL")!;
        Assert.True(personal["countersNeededNextHour"]!.GetValue<int>() >= 1);
        Assert.Equal(1, (await (await staff.GetAsync($"/api/tickets/{ticket["id"]}")).JsonAsync())["position"]!.GetValue<int>());
        Assert.Null((await (await staff.GetAsync("/api/branches/SH/counters/1")).JsonAsync())["current"]);
    }

    public void Dispose() => app.Dispose();
}
