using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Touchpoint.Tests.Infrastructure;

namespace Touchpoint.Tests.Queue;

/// <summary>Many counters calling at the same moment: every ticket is called exactly once, none is lost.</summary>
public sealed class ConcurrentCallTests
{
    private const int Counters = 16;
    private const int Tickets = 240;

    [Fact]
    public async Task Sqlite_ManyCountersCallingAtOnce_ServeEveryTicketExactlyOnce()
    {
        using var app = new TouchpointFactory(settings: new() { ["RateLimits:AnonymousPerMinute"] = "100000" });
        var staff = await PrepareAsync(app.AdminAsync, app.CreateClient(), () => app.StaffAsync("Frontline", "SH"));
        await DrainAndCheckAsync(Enumerable.Repeat(staff, Counters).ToList());
    }

    [PostgresFact]
    public async Task Postgres_TwoNodes_ManyCountersCallingAtOnce_ServeEveryTicketExactlyOnce()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        var environment = new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres", ["ConnectionStrings__Postgres"] = database.ConnectionString,
            ["TOUCHPOINT_DEMO"] = "false", ["TOUCHPOINT_ADMIN_PASSWORD"] = TouchpointFactory.AdminPassword,
            ["RateLimits__AnonymousPerMinute"] = "100000",
        };
        using var nodeA = await ServerProcess.StartAsync(environment);
        using var nodeB = await ServerProcess.StartAsync(environment);
        var onA = await SignInAsync(nodeA.BaseAddress, "admin", TouchpointFactory.AdminPassword);
        await PrepareAsync(() => Task.FromResult(onA), new HttpClient { BaseAddress = nodeA.BaseAddress }, () => Task.FromResult(onA));
        var onB = await SignInAsync(nodeB.BaseAddress, "admin", TouchpointFactory.AdminPassword);
        // Half the counters work through node A, half through node B.
        try
        {
            await DrainAndCheckAsync(Enumerable.Range(0, Counters).Select(i => i % 2 == 0 ? onA : onB).ToList());
        }
        catch (Exception e)
        {
            // A 500 on one node says nothing by itself: its log has the exception.
            throw new Exception($"{e.Message}\n--- node A:\n{nodeA.Output}\n--- node B:\n{nodeB.Output}", e);
        }
    }

    private static async Task<HttpClient> PrepareAsync(Func<Task<HttpClient>> admin, HttpClient kiosk, Func<Task<HttpClient>> staff)
    {
        var a = await admin();
        await (await a.PostAsJsonAsync("/api/branches", new { code = "SH", name = "SH", timeZone = "Asia/Shanghai" })).ShouldBeAsync(HttpStatusCode.Created);
        foreach (var (code, prefix) in new[] { ("PERSONAL", "A"), ("CORPORATE", "B") })
            await (await a.PostAsJsonAsync("/api/branches/SH/services", new { code, name = code, prefix })).ShouldBeAsync(HttpStatusCode.Created);
        for (var n = 1; n <= Counters; n++)
            await (await a.PostAsJsonAsync("/api/branches/SH/counters", new { number = n, services = new[] { "PERSONAL", "CORPORATE" } })).ShouldBeAsync(HttpStatusCode.Created);
        // Tickets are issued concurrently too: numbers must stay unique per service.
        var issued = await Task.WhenAll(Enumerable.Range(0, Tickets).Select(async i =>
            await (await kiosk.PostAsJsonAsync("/api/branches/SH/tickets", new { service = i % 3 == 0 ? "CORPORATE" : "PERSONAL" })).JsonAsync(HttpStatusCode.Created)));
        Assert.Equal(Tickets, issued.Select(t => t["number"]!.GetValue<string>()).Distinct().Count());
        var s = await staff();
        for (var n = 1; n <= Counters; n++) await (await s.PostAsync($"/api/branches/SH/counters/{n}/open", null)).ShouldBeAsync(HttpStatusCode.OK);
        return s;
    }

    private static async Task DrainAndCheckAsync(IReadOnlyList<HttpClient> counterClients)
    {
        var served = new ConcurrentBag<string>();
        await Task.WhenAll(counterClients.Select((client, i) => Task.Run(async () =>
        {
            var number = i + 1;
            while (true)
            {
                var response = await client.PostAsync($"/api/branches/SH/counters/{number}/call-next", null);
                if (response.StatusCode == HttpStatusCode.NoContent) return;
                var ticket = await response.JsonAsync();
                served.Add(ticket["id"]!.GetValue<string>());
                await (await client.PostAsync($"/api/tickets/{ticket["id"]}/complete", null)).ShouldBeAsync(HttpStatusCode.OK);
            }
        })));
        Assert.Equal(Tickets, served.Count);
        Assert.Equal(Tickets, served.Distinct().Count());
    }

    private static async Task<HttpClient> SignInAsync(Uri node, string user, string password)
    {
        var cookies = new CookieContainer();
        var client = new HttpClient(new XsrfHeaderHandler(cookies) { InnerHandler = new HttpClientHandler { CookieContainer = cookies } }) { BaseAddress = node };
        await (await client.PostAsJsonAsync("/api/auth/login", new { userName = user, password })).ShouldBeAsync(HttpStatusCode.OK);
        return client;
    }
}
