using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Features.Chat;
using Touchpoint.Tests.Chat;
using Touchpoint.Tests.Infrastructure;

namespace Touchpoint.Tests.Bot;

/// <summary>
/// The bot switched per branch: a branch that turns it off sends its chats straight to staff, others keep it, the
/// installation's switch turned off wins over every branch, and who may flip it (audited).
/// </summary>
public sealed class BranchBotSwitchTests
{
    private const string Question = "How do I reset my online banking password?";

    /// <summary>Sets the branch's switch the way the branch form does: the whole branch, with the switch.</summary>
    internal static async Task<HttpResponseMessage> SwitchAsync(HttpClient client, string code, bool on)
    {
        var branch = (await (await client.GetAsync($"/api/branches/{code}")).JsonAsync()).AsObject();
        branch["chatBotEnabled"] = on;
        return await client.PutAsJsonAsync($"/api/branches/{code}", branch);
    }

    private static async Task<JsonNode> ChatAsync(TouchpointFactory app, string branch, string message = Question) =>
        (await ChatWidgetTests.StartAsync(app, new { branch, language = "en-US", message })).Started["conversation"]!;

    private static string Status(JsonNode c) => c["status"]!.GetValue<string>();

    private static List<string> Senders(JsonNode c) => c["messages"]!.AsArray().Select(m => m!["sender"]!.GetValue<string>()).ToList();

    [Fact]
    public async Task ABranchWithTheBotOff_GoesStraightToStaff_WhileABranchWithItOn_IsAnsweredByTheBot()
    {
        using var app = new TouchpointFactory();
        var ids = await ChatBotTests.SeedAsync(app);
        await app.CreateBranchAsync("LON");
        var manager = await app.StaffAsync("Manager", "SH");
        Assert.True((await (await manager.GetAsync("/api/branches/SH")).JsonAsync())["chatBotEnabled"]!.GetValue<bool>());
        var off = await (await SwitchAsync(manager, "SH", on: false)).JsonAsync();
        Assert.False(off["chatBotEnabled"]!.GetValue<bool>());

        var shanghai = await ChatAsync(app, "SH");
        Assert.Equal("waiting", Status(shanghai));
        Assert.Equal(["visitor"], Senders(shanghai));
        var staff = await app.StaffAsync("Frontline", "SH");
        var waiting = (await (await staff.GetAsync("/api/chats")).JsonAsync()).AsArray();
        Assert.Equal(shanghai["id"]!.GetValue<string>(), waiting.Single()!["id"]!.GetValue<string>());

        var london = await ChatAsync(app, "LON");
        Assert.Equal("bot", Status(london));
        Assert.Equal(["visitor", "bot"], Senders(london));
        Assert.Contains($"/help/LON/a/{ids["password-en"]}", london["messages"]![1]!["body"]!.GetValue<string>());

        // Back on: the next Shanghai chat starts with the bot again.
        await (await SwitchAsync(manager, "SH", on: true)).ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal("bot", Status(await ChatAsync(app, "SH")));
    }

    [Fact]
    public async Task SwitchingOff_HandsAConversationWithTheBot_ToStaff_AtTheVisitorsNextMessage()
    {
        using var app = new TouchpointFactory();
        await ChatBotTests.SeedAsync(app);
        var (visitor, started) = await ChatWidgetTests.StartAsync(app, new { branch = "SH", language = "en-US", message = Question });
        Assert.Equal("bot", Status(started["conversation"]!));
        await (await SwitchAsync(await app.AdminAsync(), "SH", on: false)).ShouldBeAsync(HttpStatusCode.OK);

        await (await visitor.PostAsJsonAsync("/api/chat/visitor/messages", new { body = "And my card PIN?" })).ShouldBeAsync(HttpStatusCode.Created);
        var c = await (await visitor.GetAsync("/api/chat/visitor/conversation")).JsonAsync();
        Assert.Equal("waiting", Status(c));
        Assert.Equal(["visitor", "bot", "visitor", "system"], Senders(c));
        Assert.Equal(HandOverReasons.Line(HandOverReasons.NoBot), c["messages"]![3]!["body"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheInstallationsSwitchOff_OverridesABranchThatKeepsTheBotOn()
    {
        using var app = new TouchpointFactory(settings: ChatWidgetTests.NoBot());
        await ChatBotTests.SeedAsync(app);
        var admin = await app.AdminAsync();
        await (await SwitchAsync(admin, "SH", on: true)).ShouldBeAsync(HttpStatusCode.OK);
        Assert.True((await (await admin.GetAsync("/api/branches/SH")).JsonAsync())["chatBotEnabled"]!.GetValue<bool>());
        var c = await ChatAsync(app, "SH");
        Assert.Equal("waiting", Status(c));
        Assert.Equal(["visitor"], Senders(c));
    }

    [Fact]
    public async Task MessagingConversations_FollowTheirBranchsSwitch()
    {
        using var app = new TouchpointFactory();
        await ChatBotTests.SeedAsync(app);
        var admin = await app.AdminAsync();
        var channel = await (await admin.PostAsJsonAsync("/api/admin/messaging-channels",
            new { key = "line-sh", name = "LINE Shanghai", app = "line", branch = "SH", callbackUrl = "http://127.0.0.1:9/never" })).JsonAsync(HttpStatusCode.Created);
        await (await SwitchAsync(admin, "SH", on: false)).ShouldBeAsync(HttpStatusCode.OK);
        var message = new JsonObject { ["messageId"] = "m-1", ["from"] = new JsonObject { ["id"] = "U42" }, ["text"] = Question, ["language"] = "en-US" };
        var accepted = await (await app.CreateClient().SendAsync(MessagingChannelTests.Signed("line-sh", channel["secret"]!.GetValue<string>(),
            message.ToJsonString()))).JsonAsync();
        var id = Guid.Parse(accepted["conversationId"]!.GetValue<string>());
        Assert.Equal(ChatStatuses.Waiting, await app.WithDbAsync(db => db.ChatConversations.Where(c => c.Id == id).Select(c => c.Status).SingleAsync()));
    }

    [Fact]
    public async Task OnlyAdministratorsAndManagers_FlipIt_AndEveryChangeIsAudited()
    {
        using var app = new TouchpointFactory();
        await app.CreateBranchAsync("SH");
        await app.CreateBranchAsync("TPE");
        foreach (var role in new[] { "Supervisor", "Frontline" })
            await (await SwitchAsync(await app.StaffAsync(role, "SH"), "SH", on: false)).ProblemAsync(HttpStatusCode.Forbidden);
        var manager = await app.StaffAsync("Manager", "SH");
        await (await SwitchAsync(manager, "SH", on: false)).ShouldBeAsync(HttpStatusCode.OK);
        // Saving the branch again with the same value, or without the field, changes nothing and records no switch.
        await (await SwitchAsync(manager, "SH", on: false)).ShouldBeAsync(HttpStatusCode.OK);
        var kept = await (await manager.PutAsJsonAsync("/api/branches/SH", new { name = new Dictionary<string, string> { ["en-US"] = "Branch SH" }, timeZone = "Asia/Shanghai" }))
            .JsonAsync();
        Assert.False(kept["chatBotEnabled"]!.GetValue<bool>());
        await (await SwitchAsync(await app.AdminAsync(), "SH", on: true)).ShouldBeAsync(HttpStatusCode.OK);

        var switches = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "branch.chat_bot_changed").OrderBy(a => a.At).ToListAsync());
        Assert.Equal(["branch:SH", "branch:SH"], switches.Select(a => a.Target));
        Assert.Equal([(true, false), (false, true)], switches.Select(a => JsonDocument.Parse(a.Details!).RootElement)
            .Select(d => (d.GetProperty("from").GetBoolean(), d.GetProperty("to").GetBoolean())));
        Assert.StartsWith("manager", switches[0].Actor);
        Assert.Equal("admin", switches[1].Actor);
        Assert.True((await (await manager.GetAsync("/api/branches/TPE")).JsonAsync())["chatBotEnabled"]!.GetValue<bool>());
    }
}
