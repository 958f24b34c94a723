using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Touchpoint.Server.Features.Cases;
using Touchpoint.Tests.Infrastructure;

namespace Touchpoint.Tests.Automation;

/// <summary>Promises to customers: recorded in the branch's time, on the case, the thread and the customer's timeline; reminded, kept, missed and reported.</summary>
public sealed class CommitmentApiTests : IDisposable
{
    private readonly TouchpointFactory app = new();

    private static object NewCase(string branch = "SH") => new
    {
        subject = "请周三回电", description = "客户想确认退款进度。", channel = "phone", branch,
        customer = new { name = "王小明", phone = "+86 138 0000 0001" },
    };

    private static async Task<(Guid Id, JsonNode Me)> CaseAsync(HttpClient staff)
    {
        var id = (await (await staff.PostAsJsonAsync("/api/cases", NewCase())).JsonAsync(HttpStatusCode.Created))["id"]!.GetValue<Guid>();
        return (id, await (await staff.GetAsync("/api/me")).JsonAsync());
    }

    [Fact]
    public async Task Commitment_IsReadInTheBranchTimeZone_ListedAndKeptOnce()
    {
        await app.CreateBranchAsync("SH");
        var staff = await app.StaffAsync("Frontline", "SH");
        var (id, me) = await CaseAsync(staff);
        // Wall-clock time at the Shanghai branch (UTC+8), two days ahead.
        var local = DateTime.UtcNow.AddHours(8).AddDays(2).Date.AddHours(15);
        var created = await (await staff.PostAsJsonAsync($"/api/cases/{id}/commitments",
            new { promise = "周三下午三点回电告知退款进度", dueAt = local.ToString("yyyy-MM-ddTHH:mm") })).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(local.AddHours(-8), created["dueAt"]!.GetValue<DateTime>().ToUniversalTime());
        Assert.Equal(local.ToString("yyyy-MM-dd HH:mm"), created["dueLocal"]!.GetValue<string>());
        Assert.Equal(me["id"]!.GetValue<string>(), created["responsibleId"]!.GetValue<string>());
        Assert.Equal("open", created["status"]!.GetValue<string>());

        var mine = await (await staff.GetAsync("/api/commitments/mine")).JsonAsync();
        Assert.Single(mine.AsArray());
        Assert.Equal("SH", mine[0]!["branchCode"]!.GetValue<string>());
        var thread = await (await staff.GetAsync($"/api/cases/{id}")).JsonAsync();
        // The thread notes the commitment and its due time, not what was promised (that may name the customer).
        Assert.Contains(thread["messages"]!.AsArray(), m => m!["body"]!.GetValue<string>().Contains(local.ToString("yyyy-MM-dd HH:mm")));
        Assert.DoesNotContain(thread["messages"]!.AsArray(), m => m!["body"]!.GetValue<string>().Contains("周三下午三点回电"));

        var kept = await (await staff.PostAsJsonAsync($"/api/commitments/{created["id"]}/kept", new { })).JsonAsync();
        Assert.Equal("kept", kept["status"]!.GetValue<string>());
        Assert.NotNull(kept["keptAt"]);
        await (await staff.PostAsJsonAsync($"/api/commitments/{created["id"]}/kept", new { })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Empty((await (await staff.GetAsync("/api/commitments/mine")).JsonAsync()).AsArray());
        Assert.Single((await (await staff.GetAsync("/api/commitments/mine?status=kept")).JsonAsync()).AsArray());
    }

    [Fact]
    public async Task BadInput_IsNamedByField_AndScopeIsChecked()
    {
        await app.CreateBranchAsync("SH");
        await app.CreateBranchAsync("TPE");
        var staff = await app.StaffAsync("Frontline", "SH");
        var taipei = await app.StaffAsync("Frontline", "TPE");
        var taipeiId = (await (await taipei.GetAsync("/api/me")).JsonAsync())["id"]!.GetValue<string>();
        var (id, _) = await CaseAsync(staff);

        var bad = await (await staff.PostAsJsonAsync($"/api/cases/{id}/commitments", new { promise = "", dueAt = "next wednesday", responsibleId = taipeiId }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        foreach (var field in new[] { "promise", "dueAt", "responsibleId" }) Assert.NotNull(bad["errors"]![field]);
        var past = await (await staff.PostAsJsonAsync($"/api/cases/{id}/commitments", new { promise = "回电", dueAt = DateTime.UtcNow.AddHours(-1).ToString("O") }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(past["errors"]!["dueAt"]);
        await (await taipei.PostAsJsonAsync($"/api/cases/{id}/commitments", new { promise = "回电", dueAt = DateTime.UtcNow.AddDays(1).ToString("O") }))
            .ProblemAsync(HttpStatusCode.Forbidden);
        await (await staff.PostAsJsonAsync($"/api/cases/{Guid.NewGuid()}/commitments", new { promise = "回电", dueAt = DateTime.UtcNow.AddDays(1).ToString("O") }))
            .ProblemAsync(HttpStatusCode.NotFound);
        await (await staff.PostAsJsonAsync($"/api/commitments/{Guid.NewGuid()}/kept", new { })).ProblemAsync(HttpStatusCode.NotFound);
        await (await staff.GetAsync("/api/commitments/missed")).ProblemAsync(HttpStatusCode.Forbidden);
        var status = await (await staff.GetAsync("/api/commitments/mine?status=whenever")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(status["errors"]!["status"]);
    }

    [Fact]
    public async Task Monitor_RemindsTheResponsible_ThenReportsTheMissedOneToSupervisors_OnTheTimelines()
    {
        await app.CreateBranchAsync("SH");
        var staff = await app.StaffAsync("Frontline", "SH");
        var supervisor = await app.StaffAsync("Supervisor", "SH");
        var (id, _) = await CaseAsync(staff);
        var cookie = await app.StaffCookieAsync("Supervisor", "SH");
        var ws = app.Server.CreateWebSocketClient();
        ws.ConfigureRequest = r => r.Headers.Cookie = cookie;
        await using var watcher = await SignalRTestClient.ConnectAsync(ws, app.Server.BaseAddress);
        await Task.Delay(200);

        var created = await (await staff.PostAsJsonAsync($"/api/cases/{id}/commitments",
            new { promise = "明天上午寄出新卡", dueAt = DateTime.UtcNow.AddDays(1).ToString("O") })).JsonAsync(HttpStatusCode.Created);
        var commitmentId = created["id"]!.GetValue<Guid>();
        var monitor = app.Services.GetRequiredService<CommitmentMonitor>();
        Assert.Equal((0, 0), await monitor.CheckAsync(CancellationToken.None));

        // Move this promise's clock instead of the server's: the reminder is due, then the promise itself.
        await app.WithDbAsync(db => db.Commitments.Where(x => x.Id == commitmentId).ExecuteUpdateAsync(s => s.SetProperty(x => x.RemindAt, DateTime.UtcNow.AddMinutes(-1))));
        Assert.Equal((1, 0), await monitor.CheckAsync(CancellationToken.None));
        Assert.Equal((0, 0), await monitor.CheckAsync(CancellationToken.None));
        await app.WithDbAsync(db => db.Commitments.Where(x => x.Id == commitmentId).ExecuteUpdateAsync(s => s.SetProperty(x => x.DueAt, DateTime.UtcNow.AddMinutes(-1))));
        Assert.Equal((0, 1), await monitor.CheckAsync(CancellationToken.None));
        var alert = await watcher.WaitForEventAsync(CommitmentEndpoints.MissedEvent, TimeSpan.FromSeconds(10));
        Assert.Equal("明天上午寄出新卡", alert["data"]!["promise"]!.GetValue<string>());

        var report = await (await supervisor.GetAsync($"/api/commitments/missed?branch=SH&from={Uri.EscapeDataString(DateTime.UtcNow.AddDays(-1).ToString("O"))}")).JsonAsync();
        Assert.Equal(commitmentId, Assert.Single(report.AsArray())!["id"]!.GetValue<Guid>());
        Assert.Empty((await (await supervisor.GetAsync($"/api/commitments/missed?branch=SH&to={Uri.EscapeDataString(DateTime.UtcNow.AddDays(-1).ToString("O"))}")).JsonAsync()).AsArray());
        var detail = await (await staff.GetAsync($"/api/cases/{id}")).JsonAsync();
        Assert.Contains(detail["messages"]!.AsArray(), m => m!["body"]!.GetValue<string>().StartsWith("承诺未按时兑现") || m!["body"]!.GetValue<string>().StartsWith("Commitment missed"));

        // Kept late still counts as kept, with the time it was.
        var late = await (await staff.PostAsJsonAsync($"/api/commitments/{commitmentId}/kept", new { })).JsonAsync();
        Assert.Equal("kept", late["status"]!.GetValue<string>());
        Assert.NotNull(late["missedAt"]);

        var customerId = detail["customer"]!["id"]!.GetValue<Guid>();
        var timeline = await (await supervisor.GetAsync($"/api/customers/{customerId}/timeline")).JsonAsync();
        var entries = timeline.AsArray();
        var entry = Assert.Single(entries, e => e!["type"]!.GetValue<string>() == "commitment")!;
        Assert.Equal("明天上午寄出新卡", entry["details"]!["promise"]!.GetValue<string>());
    }

    [Fact]
    public async Task Erasure_RemovesWhatWasPromised_KeepsTheFacts()
    {
        await app.CreateBranchAsync("SH");
        var staff = await app.StaffAsync("Frontline", "SH");
        var manager = await app.StaffAsync("Manager", "SH");
        var (id, _) = await CaseAsync(staff);
        await (await staff.PostAsJsonAsync($"/api/cases/{id}/commitments", new { promise = "把王小明的新卡寄到家里", dueAt = DateTime.UtcNow.AddDays(1).ToString("O") }))
            .ShouldBeAsync(HttpStatusCode.Created);
        var customerId = (await (await staff.GetAsync($"/api/cases/{id}")).JsonAsync())["customer"]!["id"]!.GetValue<Guid>();
        await (await manager.PostAsJsonAsync($"/api/customers/{customerId}/erase", new { reason = "Request by letter" })).ShouldBeAsync(HttpStatusCode.OK);
        var row = await app.WithDbAsync(db => db.Commitments.SingleAsync(x => x.CaseId == id));
        Assert.Equal("", row.Promise);
        Assert.Equal(CommitmentStatuses.Open, row.Status);
        // The thread's notes about the commitment never carried the promise, so nothing of it is left there.
        Assert.NotEmpty(await app.WithDbAsync(db => db.CaseMessages.Where(m => m.CaseId == id).ToListAsync()));
        Assert.False(await app.WithDbAsync(db => db.CaseMessages.AnyAsync(m => m.Body.Contains("王小明的新卡"))));
    }

    public void Dispose() => app.Dispose();
}
