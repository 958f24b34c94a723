using Microsoft.Playwright;
using Touchpoint.Tests.Infrastructure;

namespace Touchpoint.Tests.Browser;

/// <summary>
/// The self-service bot in the widget: a visitor's routine question is answered from a published demo article with its
/// help-centre link; asking for a person hands the chat to staff, who see the bot's lines and the reason in the console.
/// </summary>
public sealed class ChatBotBrowserTests
{
    [BrowserFact]
    public async Task TheBot_Answers_ThenHandsOverToStaff_WithTheTranscript()
    {
        await using var browser = await BrowserSession.StartAsync(demo: true);
        var staff = browser.Page;
        await browser.SignInAsync("lon.supervisor", TouchpointFactory.DemoPassword);
        await staff.GotoAsync("/chats");
        await Assertions.Expect(staff.GetByTestId("bot-summary")).ToBeVisibleAsync();

        await using var visitorContext = await staff.Context.Browser!.NewContextAsync(new()
        {
            Locale = "en-GB", ViewportSize = new() { Width = 1000, Height = 760 }, ReducedMotion = ReducedMotion.Reduce,
        });
        var visitor = await visitorContext.NewPageAsync();
        var server = browser.BaseAddress.ToString().TrimEnd('/');
        using var shop = new StaticPage($$"""
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Support</title></head>
            <body><h1>Customer support</h1><p>Questions? Chat with us at the bottom right.</p>
            <script src="{{server}}/chat/widget.js" data-branch="LON" data-language="en-US" async></script></body></html>
            """);
        await visitor.GotoAsync(shop.Url);
        var frame = visitor.FrameLocator("iframe[title='Chat']");
        await frame.GetByRole(AriaRole.Button, new() { Name = "Open chat" }).ClickAsync();
        await frame.GetByRole(AriaRole.Textbox, new() { Name = "Type your message…" }).FillAsync("How do I freeze a lost card?");
        await frame.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();

        // The answer: the demo article's title and summary, and a working link to its help-centre page.
        var answer = frame.Locator("[data-sender='bot']").First;
        await Assertions.Expect(answer).ToContainTextAsync("\"Lost or stolen card\"");
        await Assertions.Expect(answer).ToContainTextAsync("Freeze your card in the mobile app");
        var link = answer.Locator("a[href*='/help/LON/a/']");
        await Assertions.Expect(link).ToBeVisibleAsync();
        Assert.Equal("_blank", await link.GetAttributeAsync("target"));
        var dir = Path.Combine(TestEnvironment.RepositoryRoot, "test-results", "screenshots");
        await visitor.ScreenshotAsync(new() { Path = Path.Combine(dir, "chat-bot-answer-en.png") });

        await frame.GetByRole(AriaRole.Textbox).FillAsync("Thanks, but I want to talk to a person");
        await frame.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Assertions.Expect(frame.GetByText("Passing you to a member of staff…")).ToBeVisibleAsync();
        await visitor.ScreenshotAsync(new() { Path = Path.Combine(dir, "chat-bot-handover-en.png") });

        // Staff: the waiting chat, with the visitor's and the bot's lines and why it was handed over.
        var row = staff.GetByTestId("chat-row").Filter(new() { HasText = "Waiting" }).First;
        await Assertions.Expect(row).ToBeVisibleAsync();
        await row.ClickAsync();
        var lines = staff.GetByTestId("chat-message");
        await Assertions.Expect(lines.Filter(new() { HasText = "How do I freeze a lost card?" })).ToBeVisibleAsync();
        await Assertions.Expect(lines.Filter(new() { HasText = "Lost or stolen card" })).ToBeVisibleAsync();
        await Assertions.Expect(lines.Filter(new() { HasText = "Handed over by the bot: the visitor asked for a person" })).ToBeVisibleAsync();
        await Assertions.Expect(staff.GetByTestId("bot-summary")).ToContainTextAsync("Handed over");
        await browser.ScreenshotAsync("chat-bot-console-en");
    }
}
