using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Touchpoint.Tests.Infrastructure;

namespace Touchpoint.Tests.Browser;

/// <summary>An administrator sets up a branch, its service and counter, and pairs a kiosk, as a person would.</summary>
public sealed class AdminBrowserTests
{
    [BrowserFact]
    public async Task Administrator_CreatesBranchServiceAndCounter()
    {
        await using var browser = await BrowserSession.StartAsync();
        var page = browser.Page;
        await browser.SignInAsync("admin", TouchpointFactory.AdminPassword);

        await page.GetByRole(AriaRole.Link, new() { Name = "Branches" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "New branch" }).ClickAsync();
        var drawer = page.GetByRole(AriaRole.Dialog);
        await drawer.GetByLabel("Branch code").FillAsync("BJ01");
        await drawer.GetByLabel("Name · 简体中文").FillAsync("北京西单支行");
        await drawer.GetByLabel("Name · English").FillAsync("Beijing Xidan");
        await drawer.GetByLabel("Time zone").FillAsync("Asia/Shanghai");
        await drawer.GetByLabel("Address").FillAsync("北京市西城区西单北大街 100 号");
        await browser.ScreenshotAsync("branch-create");
        await drawer.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Beijing Xidan", Exact = true })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "BJ01" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "New service" }).ClickAsync();
        var serviceDialog = page.GetByRole(AriaRole.Dialog);
        await serviceDialog.GetByLabel("Service code").FillAsync("PERSONAL");
        await serviceDialog.GetByLabel("Name · English").FillAsync("Personal banking");
        await serviceDialog.GetByLabel("Name · 简体中文").FillAsync("个人业务");
        await serviceDialog.GetByLabel("Ticket prefix").FillAsync("A");
        await serviceDialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "PERSONAL", Exact = true })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Tab, new() { Name = "Counters" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "New counter" }).ClickAsync();
        var counterDialog = page.GetByRole(AriaRole.Dialog);
        await counterDialog.GetByLabel("Number").FillAsync("1");
        await ChooseOptionAsync(page, counterDialog.GetByLabel("Services handled"), "Personal banking");
        await counterDialog.GetByLabel("PERSONAL", new() { Exact = true }).FillAsync("4");
        await browser.ScreenshotAsync("counter-weights");
        await counterDialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { NameRegex = new Regex("Counter 1|^1$") }).First).ToBeVisibleAsync();
        await browser.AssertAccessibleAsync();
        await browser.ScreenshotAsync("branch-counters");

        // What the browser did is what the API holds.
        var admin = await browser.App.AdminAsync();
        var counters = await (await admin.GetAsync("/api/branches/BJ01/counters")).JsonAsync();
        Assert.Equal("PERSONAL", counters[0]!["services"]![0]!.GetValue<string>());
        Assert.Equal(4, counters[0]!["weights"]!["PERSONAL"]!.GetValue<int>());
    }

    [BrowserFact]
    public async Task Administrator_SetsQueueRules_AndTheBranchsOwnSpokenCall()
    {
        await using var browser = await BrowserSession.StartAsync(demo: true);
        var page = browser.Page;
        await browser.SignInAsync("admin", TouchpointFactory.AdminPassword);
        await page.GotoAsync("/admin/branches/LON");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Queue rules" }).ClickAsync();
        var ratio = page.GetByLabel("Priority calls in a row");
        await Assertions.Expect(ratio).ToHaveValueAsync("2");
        await ratio.FillAsync("3");
        await page.GetByLabel("简体中文").FillAsync("请 {number} 号客户到 {counter} 号窗口办理");
        await page.GetByLabel("English").FillAsync("Customer {number}, counter {counter} please");
        await browser.AssertAccessibleAsync();
        await browser.ScreenshotAsync("queue-rules");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Saved")).ToBeVisibleAsync();

        var rules = await (await (await browser.App.AdminAsync()).GetAsync("/api/branches/LON/queue-rules")).JsonAsync();
        Assert.Equal(3, rules["priorityRatio"]!.GetValue<int>());
        Assert.Equal("Customer {number}, counter {counter} please", rules["announcements"]!["en-US"]!.GetValue<string>());

        // A wording without its placeholders is refused on the field itself.
        await page.GetByLabel("English").FillAsync("Next customer please");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.GetByText("{number}, {counter}").First).ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task Administrator_AddsAKiosk_AndTheKioskPairsWithTheCode()
    {
        await using var browser = await BrowserSession.StartAsync(demo: true);
        var page = browser.Page;
        await browser.SignInAsync("admin", TouchpointFactory.AdminPassword);
        await page.GotoAsync("/admin/branches/LON");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Devices" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add device" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Device name").FillAsync("Entrance kiosk");
        await Assertions.Expect(dialog.GetByText("Ticket kiosk")).ToBeVisibleAsync(); // the default kind
        await dialog.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("Save|Create|Add") }).ClickAsync();

        var codeText = page.GetByTestId("pairing-code");
        await Assertions.Expect(codeText).ToBeVisibleAsync();
        var code = (await codeText.InnerTextAsync()).Trim();
        Assert.Matches("^[A-Z0-9 -]{8,10}$", code);
        await browser.ScreenshotAsync("device-pairing-code");

        // The kiosk: a fresh browser context without any session.
        var kiosk = await page.Context.Browser!.NewPageAsync(new() { BaseURL = browser.BaseAddress.ToString(), Locale = "en-GB" });
        await kiosk.GotoAsync("/pair");
        await kiosk.GetByLabel("Pairing code").FillAsync(code);
        await kiosk.GetByRole(AriaRole.Button, new() { Name = "Pair" }).ClickAsync();
        await Assertions.Expect(kiosk.GetByText(new Regex("Entrance kiosk.*LON|LON.*Entrance kiosk"))).ToBeVisibleAsync();
        Assert.StartsWith("tpd_", await kiosk.EvaluateAsync<string>("() => localStorage.getItem('touchpoint.deviceToken')"));
        await kiosk.ScreenshotAsync(new() { Path = Path.Combine(TestEnvironment.RepositoryRoot, "test-results", "screenshots", "device-paired.png") });

        // The admin's list turns to "Paired" by itself (real-time event, no reload).
        await Assertions.Expect(page.GetByText("Paired", new() { Exact = true }).First).ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task BranchManagers_SwitchTheChatBot_InTheBranchForm_InFourLanguages()
    {
        await using var browser = await BrowserSession.StartAsync(demo: true);
        // Each manager signs in in their own language (the demo stores it with them) and switches their branch's bot.
        var people = new (string User, string Branch, string Edit, string Label, string Off, string Save, string Saved, bool On)[]
        {
            ("sh.manager", "SH", "编辑网点", "智能助手", "关闭", "保存", "已保存", false),
            ("tpe.manager", "TPE", "編輯分行", "智慧助理", "關閉", "儲存", "已儲存", false),
            ("sel.manager", "SEL", "지점 수정", "셀프서비스 챗봇", "꺼짐", "저장", "저장되었습니다", false),
            ("lon.manager", "LON", "Edit branch", "Self-service bot", "Off", "Save", "Saved", true),
        };
        foreach (var p in people)
        {
            var page = p.User == "lon.manager" ? browser.Page : await browser.NewPersonAsync(p.User, TouchpointFactory.DemoPassword);
            if (page == browser.Page) await browser.SignInAsync(p.User, TouchpointFactory.DemoPassword);
            await page.GotoAsync($"/admin/branches/{p.Branch}");
            await page.GetByRole(AriaRole.Button, new() { Name = p.Edit }).ClickAsync();
            var drawer = page.GetByRole(AriaRole.Dialog);
            var toggle = drawer.GetByRole(AriaRole.Switch, new() { Name = p.Label });
            await Assertions.Expect(toggle).ToBeCheckedAsync();
            await toggle.ClickAsync();
            await Assertions.Expect(toggle).ToContainTextAsync(p.Off);
            if (p.On) await toggle.ClickAsync();
            await toggle.ScrollIntoViewIfNeededAsync();
            await BrowserSession.ScreenshotAsync(page, $"branch-chat-bot-{p.Branch}");
            if (page == browser.Page) await browser.AssertAccessibleAsync();
            await drawer.GetByRole(AriaRole.Button, new() { Name = p.Save }).ClickAsync();
            await Assertions.Expect(page.GetByText(p.Saved, new() { Exact = true })).ToBeVisibleAsync();
        }

        // What the forms saved is what the chats of each branch get.
        var admin = await browser.App.AdminAsync();
        foreach (var p in people)
            Assert.Equal(p.On, (await (await admin.GetAsync($"/api/branches/{p.Branch}")).JsonAsync())["chatBotEnabled"]!.GetValue<bool>());
        var (_, started) = await Chat.ChatWidgetTests.StartAsync(browser.App, new { branch = "SEL", language = "ko-KR", message = "카드를 잃어버렸어요" });
        Assert.Equal("waiting", started["conversation"]!["status"]!.GetValue<string>());
    }

    /// <summary>Ant Design lists a select's options twice (a hidden list for screen readers, a visible one): click the visible one.</summary>
    private static async Task ChooseOptionAsync(IPage page, ILocator select, string text)
    {
        await select.FocusAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Locator(".ant-select-item-option", new() { HasText = text }).First.ClickAsync();
    }
}
