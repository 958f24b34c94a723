using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Touchpoint.Tests.Infrastructure;

namespace Touchpoint.Tests.CaseWorkspace;

/// <summary>
/// The telephony webhook: a channel token posts call events, the answering staff member's browser is told at once
/// (caller matched by phone, masked for staff who may not reveal), and the ended call is a phone encounter on the
/// customer's timeline that staff complete.
/// </summary>
public sealed class TelephonyApiTests : IDisposable
{
    private readonly TouchpointFactory app = new();

    private async Task<HttpClient> PbxAsync()
    {
        var admin = await app.AdminAsync();
        var token = await (await admin.PostAsJsonAsync("/api/admin/api-tokens", new { name = "pbx", scopes = new[] { "channels.telephony" } }))
            .JsonAsync(HttpStatusCode.Created);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token["token"]!.GetValue<string>());
        return client;
    }

    private async Task<(Guid Id, HttpClient Client, string Cookie)> AgentAsync(string userName, string role, string branch = "SH")
    {
        var admin = await app.AdminAsync();
        var created = await (await admin.PostAsJsonAsync("/api/admin/users",
            new { userName, displayName = "Agent " + userName, password = "Staff-Pass-1", roles = new[] { role }, branches = new[] { branch }, language = "en-US" }))
            .JsonAsync(HttpStatusCode.Created);
        var login = await app.CreateDefaultClient().PostAsJsonAsync("/api/auth/login", new { userName, password = "Staff-Pass-1" });
        var cookie = string.Join("; ", login.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        return (created["id"]!.GetValue<Guid>(), await app.SignInAsync(userName, "Staff-Pass-1"), cookie);
    }

    [Fact]
    public async Task KnownCaller_PopsOnTheAgentsScreen_EndedCallIsAnEncounterStaffComplete()
    {
        await app.CreateBranchAsync("SH");
        var (agentId, agent, cookie) = await AgentAsync("agent01", "Frontline");
        var customer = await (await agent.PostAsJsonAsync("/api/customers", new { name = "李华", phones = new[] { "+86 139 1234 5678" }, language = "zh-CN", branch = "SH" }))
            .JsonAsync(HttpStatusCode.Created);
        var admin = await app.AdminAsync();
        await (await admin.PutAsJsonAsync("/api/phone-extensions/8001", new { extension = "8001", userId = agentId })).ShouldBeAsync(HttpStatusCode.OK);

        var ws = app.Server.CreateWebSocketClient();
        ws.ConfigureRequest = r => r.Headers.Cookie = cookie;
        await using var screen = await SignalRTestClient.ConnectAsync(ws, app.Server.BaseAddress);
        await Task.Delay(200);

        var pbx = await PbxAsync();
        var started = await (await pbx.PostAsJsonAsync("/api/channels/telephony/events",
            new { @event = "callStarted", callId = "c-1", callerNumber = "13912345678", calledNumber = "95555", extension = "8001", branch = "SH" })).JsonAsync();
        Assert.Equal("ringing", started["status"]!.GetValue<string>());
        // The telephony system hears the call id and status only: the customer is for the agent's screen.
        Assert.Equal("c-1", started["callId"]!.GetValue<string>());
        Assert.Null(started["customerId"]);
        Assert.Null(started["customerName"]);
        Assert.Null(started["callerNumber"]);
        var pop = await screen.WaitForEventAsync("phone.ringing", TimeSpan.FromSeconds(10));
        Assert.Equal(customer["id"]!.GetValue<Guid>(), pop["data"]!["customerId"]!.GetValue<Guid>());
        // Front-line staff may not reveal: the number and name arrive masked.
        Assert.Equal("139****5678", pop["data"]!["callerNumber"]!.GetValue<string>());
        Assert.Equal("李**", pop["data"]!["customerName"]!.GetValue<string>());

        await (await pbx.PostAsJsonAsync("/api/channels/telephony/events", new { @event = "callAnswered", callId = "c-1", extension = "8001", branch = "SH" }))
            .ShouldBeAsync(HttpStatusCode.OK);
        var ended = await (await pbx.PostAsJsonAsync("/api/channels/telephony/events", new { @event = "callEnded", callId = "c-1", branch = "SH" })).JsonAsync();
        Assert.Equal("ended", ended["status"]!.GetValue<string>());
        var endedEvent = await screen.WaitForEventAsync("phone.ended", TimeSpan.FromSeconds(10));
        var callId = endedEvent["data"]!["id"]!.GetValue<Guid>();
        Assert.NotNull(endedEvent["data"]!["encounterId"]);

        var problem = await (await agent.PostAsJsonAsync($"/api/phone-calls/{callId}/complete", new { summary = "", outcome = "maybe" })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["summary"]);
        Assert.NotNull(problem["errors"]!["outcome"]);
        await (await agent.PostAsJsonAsync($"/api/phone-calls/{callId}/complete", new { summary = "Asked about the card fee; explained it.", nature = "informational" }))
            .ShouldBeAsync(HttpStatusCode.OK);
        var encounters = (await (await agent.GetAsync("/api/encounters?channel=phone")).JsonAsync())["items"]!.AsArray();
        var encounter = Assert.Single(encounters)!;
        Assert.Equal("Asked about the card fee; explained it.", encounter["summary"]!.GetValue<string>());
        Assert.Equal(customer["id"]!.GetValue<Guid>(), encounter["customerId"]!.GetValue<Guid>());
        Assert.Equal(agentId, encounter["staffUserId"]!.GetValue<Guid>());

        // A supervisor may reveal: the same call reads in clear for them.
        var (_, supervisor, _) = await AgentAsync("super01", "Supervisor");
        Assert.Equal("13912345678", (await (await supervisor.GetAsync($"/api/phone-calls/{callId}")).JsonAsync())["callerNumber"]!.GetValue<string>());

        // Erasing the customer takes the number from the call record.
        await (await admin.PostAsJsonAsync($"/api/customers/{customer["id"]}/erase", new { reason = "Request by letter" })).ShouldBeAsync(HttpStatusCode.OK);
        Assert.Null((await (await supervisor.GetAsync($"/api/phone-calls/{callId}")).JsonAsync())["callerNumber"]);
    }

    [Fact]
    public async Task NewCaller_IsNotCreated_UnansweredCallLogsNoEncounter_AndBadEventsNameTheField()
    {
        await app.CreateBranchAsync("SH");
        var (_, agent, cookie) = await AgentAsync("agent02", "Frontline");
        var ws = app.Server.CreateWebSocketClient();
        ws.ConfigureRequest = r => r.Headers.Cookie = cookie;
        await using var screen = await SignalRTestClient.ConnectAsync(ws, app.Server.BaseAddress);
        await Task.Delay(200);
        var pbx = await PbxAsync();
        await (await pbx.PostAsJsonAsync("/api/channels/telephony/events",
            new { @event = "callStarted", callId = "c-2", callerNumber = "13800000000", staffUser = "agent02", branch = "SH" })).ShouldBeAsync(HttpStatusCode.OK);
        var pop = await screen.WaitForEventAsync("phone.ringing", TimeSpan.FromSeconds(10));
        Assert.Null(pop["data"]!["customerId"]);
        Assert.Equal(0, await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Customers)));
        await (await pbx.PostAsJsonAsync("/api/channels/telephony/events", new { @event = "callEnded", callId = "c-2", branch = "SH" })).ShouldBeAsync(HttpStatusCode.OK);
        Assert.Empty((await (await agent.GetAsync("/api/encounters?channel=phone")).JsonAsync())["items"]!.AsArray());

        var bad = await (await pbx.PostAsJsonAsync("/api/channels/telephony/events", new { @event = "ring", callId = "", branch = "SH" })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(bad["errors"]!["event"]);
        Assert.NotNull(bad["errors"]!["callId"]);
        var unknown = await (await pbx.PostAsJsonAsync("/api/channels/telephony/events", new { @event = "callEnded", callId = "nope", branch = "SH" })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(unknown["errors"]!["callId"]);
        var nobody = await (await pbx.PostAsJsonAsync("/api/channels/telephony/events", new { @event = "callStarted", callId = "c-3", extension = "9999", branch = "SH" }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(nobody["errors"]!["extension"]);

        // Staff cannot post call events; the webhook needs the channel token.
        await (await agent.PostAsJsonAsync("/api/channels/telephony/events", new { @event = "callStarted", callId = "c-4", branch = "SH" })).ShouldBeAsync(HttpStatusCode.Forbidden);
        await (await app.CreateClient().PostAsJsonAsync("/api/channels/telephony/events", new { @event = "callStarted", callId = "c-4" })).ShouldBeAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task StaffOfAnotherBranch_GetNoScreenPop()
    {
        await app.CreateBranchAsync("SH");
        await app.CreateBranchAsync("BJ");
        var (beijingId, _, _) = await AgentAsync("agent.bj", "Frontline", "BJ");
        var shanghai = (await AgentAsync("agent.sh", "Frontline")).Client;
        await shanghai.PostAsJsonAsync("/api/customers", new { name = "李华", phones = new[] { "+86 139 1234 5678" }, language = "zh-CN", branch = "SH" });
        var admin = await app.AdminAsync();
        await (await admin.PutAsJsonAsync("/api/phone-extensions/8002", new { extension = "8002", userId = beijingId })).ShouldBeAsync(HttpStatusCode.OK);
        var pbx = await PbxAsync();

        var byName = await (await pbx.PostAsJsonAsync("/api/channels/telephony/events",
            new { @event = "callStarted", callId = "c-9", callerNumber = "13912345678", staffUser = "agent.bj", branch = "SH" })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("SH", byName["errors"]!["staffUser"]![0]!.GetValue<string>());
        var byExtension = await (await pbx.PostAsJsonAsync("/api/channels/telephony/events",
            new { @event = "callStarted", callId = "c-9", callerNumber = "13912345678", extension = "8002", branch = "SH" })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(byExtension["errors"]!["extension"]);
        Assert.Equal(0, await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.PhoneCalls)));

        // The same staff member takes a call of their own branch.
        await (await pbx.PostAsJsonAsync("/api/channels/telephony/events",
            new { @event = "callStarted", callId = "c-10", callerNumber = "13912345678", extension = "8002", branch = "BJ" })).ShouldBeAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task SettingAndDeletingAnExtension_AreAudited()
    {
        await app.CreateBranchAsync("SH");
        var (firstId, _, _) = await AgentAsync("agent.a", "Frontline");
        var (secondId, _, _) = await AgentAsync("agent.b", "Frontline");
        var admin = await app.AdminAsync();
        await (await admin.PutAsJsonAsync("/api/phone-extensions/8003", new { extension = "8003", userId = firstId })).ShouldBeAsync(HttpStatusCode.OK);
        await (await admin.PutAsJsonAsync("/api/phone-extensions/8003", new { extension = "8003", userId = secondId })).ShouldBeAsync(HttpStatusCode.OK);
        await (await admin.DeleteAsync("/api/phone-extensions/8003")).ShouldBeAsync(HttpStatusCode.NoContent);
        await (await admin.DeleteAsync("/api/phone-extensions/8003")).ProblemAsync(HttpStatusCode.NotFound);

        var entries = (await (await admin.GetAsync("/api/audit?target=phone-extension:8003")).JsonAsync())["items"]!.AsArray();
        Assert.Equal(["phoneExtension.deleted", "phoneExtension.set", "phoneExtension.set"], entries.Select(e => e!["action"]!.GetValue<string>()));
        Assert.Contains(secondId.ToString(), entries[0]!["details"]!.GetValue<string>());
        Assert.Contains(firstId.ToString(), entries[1]!["details"]!.GetValue<string>());
        Assert.All(entries, e => Assert.Equal("admin", e!["actor"]!.GetValue<string>()));
    }

    public void Dispose() => app.Dispose();
}
