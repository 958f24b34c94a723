using System.Net;
using System.Net.Http.Json;
using Touchpoint.Tests.Infrastructure;

namespace Touchpoint.Tests.Platform;

public sealed class RealtimeTests : IDisposable
{
    private readonly TouchpointFactory app = new();

    [Fact]
    public async Task BranchStaff_ReceiveTheirBranchEvents_AndNotOtherBranches()
    {
        await app.CreateBranchAsync("SH");
        await app.CreateBranchAsync("TPE");
        var cookie = await app.StaffCookieAsync("Supervisor", "SH");
        var ws = app.Server.CreateWebSocketClient();
        ws.ConfigureRequest = r => r.Headers.Cookie = cookie;
        await using var supervisor = await SignalRTestClient.ConnectAsync(ws, app.Server.BaseAddress);
        await Task.Delay(200); // let the hub put the connection into its groups

        var admin = await app.AdminAsync();
        await (await admin.PostAsJsonAsync("/api/branches/TPE/services", new { code = "OTHER", name = "Other", prefix = "O" })).ShouldBeAsync(HttpStatusCode.Created);
        await (await admin.PostAsJsonAsync("/api/branches/SH/services", new { code = "MINE", name = "Mine", prefix = "M" })).ShouldBeAsync(HttpStatusCode.Created);

        // Events arrive in order; the first organisation event this supervisor sees must be their own branch's.
        var evt = await supervisor.WaitForEventAsync("organisation.changed", TimeSpan.FromSeconds(10));
        Assert.Equal("SH", evt["branchCode"]!.GetValue<string>());
        Assert.Equal("MINE", evt["data"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnonymousPhone_FollowsItsTicket_ButReceivesNoBranchEvents()
    {
        await app.CreateBranchAsync("SH", "PERSONAL");
        var admin = await app.AdminAsync();
        await (await admin.PostAsJsonAsync("/api/branches/SH/counters", new { number = 1, services = new[] { "PERSONAL" } })).ShouldBeAsync(HttpStatusCode.Created);
        await (await admin.PostAsync("/api/branches/SH/counters/1/open", null)).ShouldBeAsync(HttpStatusCode.OK);
        var ticket = await (await app.CreateClient().PostAsJsonAsync("/api/branches/SH/tickets", new { service = "PERSONAL" })).JsonAsync(HttpStatusCode.Created);

        await using var phone = await SignalRTestClient.ConnectAsync(app.Server.CreateWebSocketClient(), app.Server.BaseAddress);
        await phone.InvokeAsync("FollowTicket", ticket["id"]!.GetValue<string>());
        await Task.Delay(200);
        await (await admin.PostAsJsonAsync("/api/branches/SH/services", new { code = "OTHER", name = "Other", prefix = "O" })).ShouldBeAsync(HttpStatusCode.Created);
        await (await admin.PostAsync("/api/branches/SH/counters/1/call-next", null)).ShouldBeAsync(HttpStatusCode.OK);

        var called = await phone.WaitForEventAsync("ticket.called", TimeSpan.FromSeconds(10));
        Assert.Equal("A001", called["data"]!["number"]!.GetValue<string>());
        Assert.Equal(1, called["data"]!["counter"]!.GetValue<int>());
        Assert.False(phone.Received("organisation.changed"));
    }

    public void Dispose() => app.Dispose();
}
