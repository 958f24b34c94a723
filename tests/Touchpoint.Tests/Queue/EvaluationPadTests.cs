using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Tests.Infrastructure;

namespace Touchpoint.Tests.Queue;

public sealed class EvaluationPadTests : IDisposable
{
    private readonly TouchpointFactory app = new();

    private async Task<(HttpClient Staff, HttpClient Pad)> SetUpAsync()
    {
        await app.CreateBranchAsync("SH", "PERSONAL");
        var admin = await app.AdminAsync();
        foreach (var n in new[] { 1, 2 })
            await (await admin.PostAsJsonAsync("/api/branches/SH/counters", new { number = n, services = new[] { "PERSONAL" } })).ShouldBeAsync(HttpStatusCode.Created);
        var device = await (await admin.PostAsJsonAsync("/api/branches/SH/devices", new { kind = "pad", name = "Pad 1", counterNumber = 1 })).JsonAsync(HttpStatusCode.Created);
        var paired = await (await app.CreateClient().PostAsJsonAsync("/api/devices/pair", new { code = device["pairingCode"] })).JsonAsync();
        var pad = app.CreateClient();
        pad.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", paired["token"]!.GetValue<string>());
        var staff = await app.StaffAsync("Frontline", "SH");
        await (await staff.PostAsync("/api/branches/SH/counters/1/open", null)).ShouldBeAsync(HttpStatusCode.OK);
        return (staff, pad);
    }

    private async Task<string> ServeOneAsync(HttpClient staff)
    {
        await (await app.CreateClient().PostAsJsonAsync("/api/branches/SH/tickets", new { service = "PERSONAL", language = "ko-KR" })).ShouldBeAsync(HttpStatusCode.Created);
        var ticket = await (await staff.PostAsync("/api/branches/SH/counters/1/call-next", null)).JsonAsync();
        await (await staff.PostAsync($"/api/tickets/{ticket["id"]}/complete", null)).ShouldBeAsync(HttpStatusCode.OK);
        return ticket["number"]!.GetValue<string>();
    }

    [Fact]
    public async Task CompletingService_PromptsThePadByItself_AndItRatesOnce()
    {
        var (staff, pad) = await SetUpAsync();
        var idle = await (await pad.GetAsync("/api/device/pad")).JsonAsync();
        Assert.Null(idle["prompt"]);
        Assert.NotNull(idle["staff"]); // the staff member who opened the counter is shown

        var number = await ServeOneAsync(staff);
        var state = await (await pad.GetAsync("/api/device/pad")).JsonAsync();
        Assert.Equal(number, state["prompt"]!["ticketNumber"]!.GetValue<string>());
        Assert.Equal("ko-KR", state["prompt"]!["language"]!.GetValue<string>());
        var id = state["prompt"]!["id"]!.GetValue<string>();

        await (await pad.PostAsJsonAsync($"/api/evaluations/{id}", new { rating = "meh" })).ProblemAsync(HttpStatusCode.BadRequest);
        await (await pad.PostAsJsonAsync($"/api/evaluations/{id}", new { rating = "verySatisfied" })).ShouldBeAsync(HttpStatusCode.NoContent);
        await (await pad.PostAsJsonAsync($"/api/evaluations/{id}", new { rating = "dissatisfied" })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Null((await (await pad.GetAsync("/api/device/pad")).JsonAsync())["prompt"]);
    }

    [Fact]
    public async Task StaffCannotRate_AndAPadOfAnotherCounterCannotEither()
    {
        var (staff, pad) = await SetUpAsync();
        await ServeOneAsync(staff);
        var id = (await (await pad.GetAsync("/api/device/pad")).JsonAsync())["prompt"]!["id"]!.GetValue<string>();
        await (await staff.PostAsJsonAsync($"/api/evaluations/{id}", new { rating = "verySatisfied" })).ProblemAsync(HttpStatusCode.Forbidden);

        var admin = await app.AdminAsync();
        var other = await (await admin.PostAsJsonAsync("/api/branches/SH/devices", new { kind = "pad", name = "Pad 2", counterNumber = 2 })).JsonAsync(HttpStatusCode.Created);
        var paired = await (await app.CreateClient().PostAsJsonAsync("/api/devices/pair", new { code = other["pairingCode"] })).JsonAsync();
        var pad2 = app.CreateClient();
        pad2.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", paired["token"]!.GetValue<string>());
        await (await pad2.PostAsJsonAsync($"/api/evaluations/{id}", new { rating = "verySatisfied" })).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Dissatisfied_AlertsSupervisors_AndUnratedIsCountedPerStaffMember()
    {
        var (staff, pad) = await SetUpAsync();
        var supervisorCookie = await app.StaffCookieAsync("Supervisor", "SH");
        var ws = app.Server.CreateWebSocketClient();
        ws.ConfigureRequest = r => r.Headers.Cookie = supervisorCookie;
        await using var supervisor = await SignalRTestClient.ConnectAsync(ws, app.Server.BaseAddress);
        await Task.Delay(200);

        await ServeOneAsync(staff);
        var id = (await (await pad.GetAsync("/api/device/pad")).JsonAsync())["prompt"]!["id"]!.GetValue<string>();
        await (await pad.PostAsJsonAsync($"/api/evaluations/{id}", new { rating = "dissatisfied", reasons = new[] { "waitTooLong", "attitude" } })).ShouldBeAsync(HttpStatusCode.NoContent);
        var alert = await supervisor.WaitForEventAsync("evaluation.dissatisfied", TimeSpan.FromSeconds(10));
        Assert.Equal(1, alert["data"]!["counter"]!.GetValue<int>());
        Assert.Equal(2, alert["data"]!["reasons"]!.AsArray().Count);

        // A second customer leaves without rating: once the window closes, that is an unrated transaction.
        await ServeOneAsync(staff);
        await app.WithDbAsync(db => db.ServiceEvaluations.Where(e => e.Rating == null)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ExpiresAt, DateTime.UtcNow.AddSeconds(-1))));
        var late = await app.WithDbAsync(db => db.ServiceEvaluations.SingleAsync(e => e.Rating == null));
        await (await pad.PostAsJsonAsync($"/api/evaluations/{late.Id}", new { rating = "satisfied" })).ProblemAsync(HttpStatusCode.Conflict);

        var summary = await (await (await app.SignInAsync("admin", TouchpointFactory.AdminPassword)).GetAsync("/api/branches/SH/evaluations/summary")).JsonAsync();
        var row = summary[0]!;
        Assert.Equal(2, row["transactions"]!.GetValue<int>());
        Assert.Equal(1, row["dissatisfied"]!.GetValue<int>());
        Assert.Equal(1, row["unrated"]!.GetValue<int>());
        Assert.Equal(0.5, row["unratedShare"]!.GetValue<double>());
    }

    public void Dispose() => app.Dispose();
}
