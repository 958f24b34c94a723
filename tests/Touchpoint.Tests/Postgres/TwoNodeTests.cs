using System.Net;
using System.Net.Http.Json;
using Touchpoint.Tests.Infrastructure;

namespace Touchpoint.Tests.Postgres;

/// <summary>Two server processes on one PostgreSQL database behave as one Touchpoint.</summary>
public sealed class TwoNodeTests
{
    [PostgresFact]
    public async Task EventOnOneNode_ReachesClientsOfTheOther_AndSessionsWorkOnBoth()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        var environment = new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__Postgres"] = database.ConnectionString,
            ["TOUCHPOINT_DEMO"] = "false",
            ["TOUCHPOINT_ADMIN_PASSWORD"] = TouchpointFactory.AdminPassword,
        };
        using var nodeA = await ServerProcess.StartAsync(environment);
        using var nodeB = await ServerProcess.StartAsync(environment);

        var cookies = new CookieContainer();
        var handler = new XsrfHeaderHandler(cookies) { InnerHandler = new HttpClientHandler { CookieContainer = cookies } };
        using var onA = new HttpClient(handler) { BaseAddress = nodeA.BaseAddress };
        await (await onA.PostAsJsonAsync("/api/auth/login", new { userName = "admin", password = TouchpointFactory.AdminPassword })).ShouldBeAsync(HttpStatusCode.OK);
        await (await onA.PostAsJsonAsync("/api/branches", new { code = "SH", name = "Shanghai", timeZone = "Asia/Shanghai" })).ShouldBeAsync(HttpStatusCode.Created);

        // The cookie issued by node A is accepted by node B: both read the key ring from the database.
        var cookieHeader = cookies.GetCookieHeader(nodeA.BaseAddress);
        await using var listenerOnB = await SignalRTestClient.ConnectAsync(nodeB.BaseAddress, cookieHeader);
        await Task.Delay(300);

        await (await onA.PostAsJsonAsync("/api/branches/SH/services", new { code = "PERSONAL", name = "Personal", prefix = "A" })).ShouldBeAsync(HttpStatusCode.Created);

        var evt = await listenerOnB.WaitForEventAsync("organisation.changed", TimeSpan.FromSeconds(15));
        Assert.Equal("SH", evt["branchCode"]!.GetValue<string>());
        Assert.Equal("PERSONAL", evt["data"]!["code"]!.GetValue<string>());

        // And the other way round: a change through node B reaches a client of node A.
        await using var listenerOnA = await SignalRTestClient.ConnectAsync(nodeA.BaseAddress, cookieHeader);
        await Task.Delay(300);
        using var onB = new HttpClient(new XsrfHeaderHandler(cookies) { InnerHandler = new HttpClientHandler { CookieContainer = cookies } }) { BaseAddress = nodeB.BaseAddress };
        cookies.SetCookies(nodeB.BaseAddress, string.Join(",", cookies.GetCookies(nodeA.BaseAddress).Select(c => $"{c.Name}={c.Value}")));
        await (await onB.PostAsJsonAsync("/api/branches/SH/counters", new { number = 1, services = new[] { "PERSONAL" } })).ShouldBeAsync(HttpStatusCode.Created);
        var counterEvent = await listenerOnA.WaitForEventAsync("organisation.changed", TimeSpan.FromSeconds(15));
        Assert.Equal(1, counterEvent["data"]!["number"]!.GetValue<int>());
    }
}
