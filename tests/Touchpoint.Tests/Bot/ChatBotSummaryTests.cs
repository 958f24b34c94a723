using System.Net;
using System.Net.Http.Json;
using Touchpoint.Tests.Chat;
using Touchpoint.Tests.Infrastructure;

namespace Touchpoint.Tests.Bot;

/// <summary>Containment and hand-over rates, per branch and period, for supervisors only.</summary>
public sealed class ChatBotSummaryTests : IDisposable
{
    private readonly TouchpointFactory app = new();

    [Fact]
    public async Task TheSummary_CountsContainedAndHandedOverConversations_WithReasons()
    {
        await ChatBotTests.SeedAsync(app);
        await app.CreateBranchAsync("BJ");
        // Contained: answered, then the visitor ends the chat.
        var (answered, _) = await ChatWidgetTests.StartAsync(app, new { branch = "SH", language = "en-US", message = "How do I reset my online banking password?" });
        await (await answered.PostAsync("/api/chat/visitor/end", null)).ShouldBeAsync(HttpStatusCode.OK);
        // Handed over twice on request (words, and the widget's button), once still with the bot.
        await ChatWidgetTests.StartAsync(app, new { branch = "SH", language = "zh-CN", message = "转人工" });
        var (button, _) = await ChatWidgetTests.StartAsync(app, new { branch = "SH", language = "en-US", message = "What are the branch opening hours?" });
        await (await button.PostAsync("/api/chat/visitor/person", null)).ShouldBeAsync(HttpStatusCode.OK);
        await ChatWidgetTests.StartAsync(app, new { branch = "SH", language = "en-US", message = "How do I reset my online banking password?" });
        // Another branch's conversation is not counted in SH's figures.
        await ChatWidgetTests.StartAsync(app, new { branch = "BJ", language = "en-US", message = "I want to talk to a person" });

        var supervisor = await app.StaffAsync("Supervisor", "SH");
        var sh = await (await supervisor.GetAsync("/api/chat/bot/summary?branch=sh")).JsonAsync();
        Assert.Equal(4, sh["conversations"]!.GetValue<int>());
        Assert.Equal(1, sh["contained"]!.GetValue<int>());
        Assert.Equal(2, sh["handedOver"]!.GetValue<int>());
        Assert.Equal(1, sh["withBot"]!.GetValue<int>());
        Assert.Equal(0.3333, sh["containmentRate"]!.GetValue<double>());
        Assert.Equal(0.6667, sh["handOverRate"]!.GetValue<double>());
        var reasons = sh["reasons"]!.AsArray().ToDictionary(r => r!["reason"]!.GetValue<string>(), r => r!["count"]!.GetValue<int>());
        Assert.Equal(new Dictionary<string, int> { ["asked"] = 1, ["visitor asked for a person"] = 1 }, reasons);

        // Without a branch: every branch the reader may see (the supervisor sees SH only; a manager sees both).
        Assert.Equal(4, (await (await supervisor.GetAsync("/api/chat/bot/summary")).JsonAsync())["conversations"]!.GetValue<int>());
        var manager = await app.StaffAsync("Manager");
        Assert.Equal(5, (await (await manager.GetAsync("/api/chat/bot/summary")).JsonAsync())["conversations"]!.GetValue<int>());
        // A period before any conversation.
        var old = await (await manager.GetAsync("/api/chat/bot/summary?from=2020-01-01T00:00:00Z&to=2020-02-01T00:00:00Z")).JsonAsync();
        Assert.Equal(0, old["conversations"]!.GetValue<int>());
        Assert.Null(old["containmentRate"]);
    }

    [Fact]
    public async Task TheSummary_IsForSupervisorsOfTheBranch()
    {
        await app.CreateBranchAsync("SH");
        await app.CreateBranchAsync("BJ");
        await (await app.CreateClient().GetAsync("/api/chat/bot/summary")).ShouldBeAsync(HttpStatusCode.Unauthorized);
        var frontline = await app.StaffAsync("Frontline", "SH");
        await (await frontline.GetAsync("/api/chat/bot/summary?branch=SH")).ProblemAsync(HttpStatusCode.Forbidden);
        var beijing = await app.StaffAsync("Supervisor", "BJ");
        await (await beijing.GetAsync("/api/chat/bot/summary?branch=SH")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await beijing.GetAsync("/api/chat/bot/summary?branch=NOPE")).ProblemAsync(HttpStatusCode.NotFound);
        var bad = await (await beijing.GetAsync("/api/chat/bot/summary?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(bad["errors"]!["from"]);
    }

    public void Dispose() => app.Dispose();
}
