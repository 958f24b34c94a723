using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Touchpoint.Tests.Infrastructure;

namespace Touchpoint.Tests.Browser;

/// <summary>Assist in the case screen: the badge on a customer's words, a correction by a click, and the reply check's warning.</summary>
public sealed class AssistBrowserTests
{
    [BrowserFact]
    public async Task CaseScreen_ShowsTheAnalysis_TakesACorrection_AndWarnsAboutAReply()
    {
        await using var browser = await BrowserSession.StartAsync(demo: true);
        var page = browser.Page;
        await browser.SignInAsync("lon.frontline", TouchpointFactory.DemoPassword);
        await page.GotoAsync("/cases");
        await page.GetByRole(AriaRole.Button, new() { Name = "New case" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Subject").FillAsync("Waited for hours");
        await dialog.GetByLabel("Description").FillAsync("This is outrageous! I am furious, I waited two hours and your staff were rude!!!");
        await dialog.GetByLabel("Customer name").FillAsync("Freya Clarke");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("TP-\\d{6} · Waited for hours") })).ToBeVisibleAsync();

        // The analysis arrives a moment later; anger raised the priority one step.
        var badge = page.GetByTestId("analysis-badge");
        await Assertions.Expect(badge).ToHaveAttributeAsync("data-sentiment", "negative", new() { Timeout = 20_000 });
        await Assertions.Expect(page.GetByText("High", new() { Exact = true }).First).ToBeVisibleAsync(new() { Timeout = 20_000 });

        // The reply check warns while the reply is written, and says what to write instead.
        await page.GetByLabel("Message").FillAsync("We can't see you on Monday or Tuesday, you should have booked earlier.");
        var check = page.GetByTestId("reply-check");
        await Assertions.Expect(check).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Assertions.Expect(check.Locator("[data-kind=negativeWording]")).ToContainTextAsync("We can arrange it on Wednesday");
        await Assertions.Expect(check.Locator("[data-kind=blaming]")).ToBeVisibleAsync();
        await Assertions.Expect(check.Locator("[data-kind=missingEmpathy]")).ToBeVisibleAsync();
        await browser.AssertAccessibleAsync();
        await browser.ScreenshotAsync("assist-reply-check-en");

        await page.GetByLabel("Message").FillAsync("I'm sorry for the wait. We can see you on Wednesday at 10:00. Does that work for you?");
        await Assertions.Expect(check).ToHaveCountAsync(0, new() { Timeout = 10_000 });

        // A click on the badge opens the details; staff correct the intent there.
        await badge.ClickAsync();
        var details = page.GetByTestId("analysis-details");
        await Assertions.Expect(details).ToBeVisibleAsync();
        // The second select corrects the intent (antd draws its own box over the search input, so click the box).
        await details.Locator(".ant-select").Nth(1).ClickAsync();
        // The model reads a long wait; staff file it as the complaint about rudeness it also is.
        await page.GetByTitle("Complaint", new() { Exact = true }).ClickAsync();
        await Assertions.Expect(badge).ToContainTextAsync("Complaint");
        await Assertions.Expect(details).ToContainTextAsync("corrected by staff");
        await browser.ScreenshotAsync("assist-correction-en");
    }

    [BrowserFact]
    public async Task ReplyCheck_WarnsInChinese()
    {
        await using var browser = await BrowserSession.StartAsync(demo: true);
        var page = browser.Page;
        await browser.SignInAsync("sh.frontline", TouchpointFactory.DemoPassword);
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN", new() { Timeout = 15_000 });
        await page.GotoAsync("/cases");
        await page.Locator("table a").First.ClickAsync();
        await page.GetByLabel("内容").FillAsync("周一周二我们不能安排，这不是我们的问题。");
        var check = page.GetByTestId("reply-check");
        await Assertions.Expect(check.Locator("[data-kind=negativeWording]")).ToContainTextAsync("我们可以在周三为您安排", new() { Timeout = 10_000 });
        await Assertions.Expect(page.GetByTestId("analysis-badge").First).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await browser.ScreenshotAsync("assist-reply-check-zh-CN");
    }

    [BrowserFact]
    public async Task Manager_RoutesAnIntentToATeam()
    {
        await using var browser = await BrowserSession.StartAsync(demo: true);
        var page = browser.Page;
        await browser.SignInAsync("admin", TouchpointFactory.AdminPassword);
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "Assist" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Intents and routing" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Ready", new() { Exact = true })).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Edit Lost card" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        // The team is named (each branch's team of that name takes the cases); a name no team has yet is allowed, with a warning.
        await dialog.GetByLabel("Team").FillAsync("Card");
        await Assertions.Expect(page.Locator(".ant-select-dropdown:visible .ant-select-item-option", new() { HasText = "Cards and payments" }))
            .ToContainTextAsync("LON");
        await dialog.GetByLabel("Team").FillAsync("Card services");
        await Assertions.Expect(dialog.GetByTestId("team-name-warning")).ToHaveTextAsync("No active team called Card services in your branches yet.");
        await browser.ScreenshotAsync("assist-intent-team-en");
        await dialog.GetByLabel("Category").FillAsync("cards");
        await dialog.GetByLabel("Examples").FillAsync("My debit card is missing\n我的借记卡找不到了");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row, new() { NameRegex = new Regex("lost_card.*Team: Card services.*2 own") })).ToBeVisibleAsync();
        await page.Mouse.MoveAsync(0, 0);
        await browser.AssertAccessibleAsync();
        await browser.ScreenshotAsync("assist-intents-en");
    }
}
