using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Touchpoint.Server.Features.Chat;
using Touchpoint.Tests.Infrastructure;

namespace Touchpoint.Tests.Chat;

/// <summary>The seam the assist module's bot plugs into: it answers first, and hands over to staff with the transcript.</summary>
public sealed class ChatBotSeamTests
{
    private sealed class OpeningHoursBot : IChatBot
    {
        public Task<ChatBotTurn> RespondAsync(ChatBotRequest request, CancellationToken ct) => Task.FromResult(
            request.Message.Contains("hours", StringComparison.OrdinalIgnoreCase) ? ChatBotTurn.Answer("We are open 9:00 to 17:00.")
            : ChatBotTurn.ToPerson("not sure", "Let me find a colleague for you."));
    }

    [Fact]
    public async Task ABot_AnswersFirst_ThenHandsOverToTheWaitingList_WithTheTranscript()
    {
        using var app = new TouchpointFactory(services: s => s.AddSingleton<IChatBot, OpeningHoursBot>());
        await app.CreateBranchAsync("LON");
        var (visitor, started) = await ChatWidgetTests.StartAsync(app, new { branch = "LON", message = "What are your opening hours?" });
        var conversation = started["conversation"]!;
        Assert.Equal("bot", conversation["status"]!.GetValue<string>());
        Assert.Equal("We are open 9:00 to 17:00.", conversation["messages"]![1]!["body"]!.GetValue<string>());
        var staff = await app.StaffAsync("Frontline", "LON");
        Assert.Empty((await (await staff.GetAsync("/api/chats")).JsonAsync()).AsArray());

        await (await visitor.PostAsJsonAsync("/api/chat/visitor/messages", new { body = "I want to dispute a charge" })).ShouldBeAsync(HttpStatusCode.Created);
        var view = await (await visitor.GetAsync("/api/chat/visitor/conversation")).JsonAsync();
        Assert.Equal("waiting", view["status"]!.GetValue<string>());
        var id = view["id"]!.GetValue<string>();
        var detail = await (await staff.GetAsync($"/api/chats/{id}")).JsonAsync();
        var senders = detail["messages"]!.AsArray().Select(m => m!["sender"]!.GetValue<string>()).ToList();
        Assert.Equal(["visitor", "bot", "visitor", "bot", "system"], senders);
        await (await staff.PostAsync($"/api/chats/{id}/accept", null)).ShouldBeAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task TheVisitor_CanAskForAPerson()
    {
        using var app = new TouchpointFactory(services: s => s.AddSingleton<IChatBot, OpeningHoursBot>());
        await app.CreateBranchAsync("LON");
        var (visitor, _) = await ChatWidgetTests.StartAsync(app, new { branch = "LON", message = "hours?" });
        var view = await (await visitor.PostAsync("/api/chat/visitor/person", null)).JsonAsync();
        Assert.Equal("waiting", view["status"]!.GetValue<string>());
    }
}
