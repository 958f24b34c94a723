using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Touchpoint.Tests.Infrastructure;

namespace Touchpoint.Tests.Browser;

/// <summary>Working a case end to end in the browser, and logging an encounter, with screenshots in English and Chinese.</summary>
public sealed class CaseBrowserTests
{
    [BrowserFact]
    public async Task Staff_OpensACase_RepliesAddsANote_AndSolvesIt()
    {
        await using var browser = await BrowserSession.StartAsync(demo: true);
        var page = browser.Page;
        await browser.SignInAsync("lon.frontline", TouchpointFactory.DemoPassword);
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "Cases" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Cases" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-sla]").First).ToBeVisibleAsync();
        await browser.AssertAccessibleAsync();
        await browser.ScreenshotAsync("cases-list-en");

        await page.GetByRole(AriaRole.Button, new() { Name = "New case" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Subject").FillAsync("Standing order not paid");
        await dialog.GetByLabel("Customer name").FillAsync("Freya Clarke");
        await dialog.GetByLabel("Email").FillAsync("freya@example.co.uk");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("TP-\\d{6} · Standing order not paid") })).ToBeVisibleAsync();

        await page.GetByText("Internal note", new() { Exact = true }).ClickAsync();
        await page.GetByLabel("Message").FillAsync("Checked the payment run: the bank holiday moved it.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add note" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("case-message")).ToHaveCountAsync(1);
        await page.GetByText("Reply to customer", new() { Exact = true }).ClickAsync();
        await page.GetByLabel("Message").FillAsync("Dear Ms Clarke, the payment will go out tomorrow morning. We apologise for the delay.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send reply" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("case-message")).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByText("Open", new() { Exact = true }).First).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Assign to me" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Assign to me" })).ToHaveCountAsync(0);
        await browser.AssertAccessibleAsync();
        await browser.ScreenshotAsync("case-thread-en");

        // What the customer said on the phone makes it urgent and about payments: the details follow.
        await page.GetByRole(AriaRole.Button, new() { Name = "Edit details" }).ClickAsync();
        var details = page.GetByRole(AriaRole.Dialog);
        // Ant Design's selects are not tied to their labels: the dialog's first select is the priority, the second the tags.
        await details.Locator(".ant-select").Nth(0).ClickAsync();
        await page.GetByTitle("Urgent").ClickAsync();
        await details.GetByLabel("Category").FillAsync("payments");
        await details.GetByRole(AriaRole.Combobox).Nth(1).FillAsync("standing-order");
        await details.GetByRole(AriaRole.Combobox).Nth(1).PressAsync("Enter");
        await browser.ScreenshotAsync("case-edit-en");
        await details.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByText("standing-order", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Urgent", new() { Exact = true }).First).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Combobox, new() { Name = "Change status…" }).ClickAsync();
        await page.GetByTitle("Solved").ClickAsync();
        await Assertions.Expect(page.GetByText("Solved", new() { Exact = true }).First).ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task Staff_LogsAnEncounter_InChinese()
    {
        // sh.frontline works in Simplified Chinese: the app takes the user's language after signing in.
        await using var browser = await BrowserSession.StartAsync(demo: true);
        var page = browser.Page;
        await browser.SignInAsync("sh.frontline", TouchpointFactory.DemoPassword);
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN", new() { Timeout = 15_000 });
        await page.GotoAsync("/encounters");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "服务接触" })).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await page.Locator("#stage").GetByText("售后", new() { Exact = true }).ClickAsync();
        await page.Locator("#nature").GetByText("情感型", new() { Exact = true }).ClickAsync();
        await page.GetByLabel("客户姓名").FillAsync("周杰");
        await page.GetByLabel("摘要").FillAsync("客户来电反映转账未到账，已安抚并查询进度。");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存记录" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "客户来电反映转账未到账，已安抚并查询进度。" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".ant-btn-loading")).ToHaveCountAsync(0);
        await page.Mouse.MoveAsync(0, 0); // the pointer left on the button would show its lighter hover colour
        await browser.AssertAccessibleAsync();
        await browser.ScreenshotAsync("encounters-zh-CN");

        await page.GotoAsync("/cases");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "工单" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-sla]").First).ToBeVisibleAsync();
        await browser.ScreenshotAsync("cases-list-zh-CN");
    }
}
