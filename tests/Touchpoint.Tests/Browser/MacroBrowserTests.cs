using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Touchpoint.Tests.Infrastructure;

namespace Touchpoint.Tests.Browser;

/// <summary>A Taipei clerk answers a case with a reply template, filled in for the case; a manager keeps the templates.</summary>
public sealed class MacroBrowserTests
{
    [BrowserFact]
    public async Task Clerk_InsertsATemplateFilledForTheCase_ManagerSeesTheTemplates()
    {
        await using var browser = await BrowserSession.StartAsync(demo: true);
        var desk = await browser.App.SignInAsync("tpe.frontline", TouchpointFactory.DemoPassword, "zh-TW");
        var created = await (await desk.PostAsJsonAsync("/api/cases", new
        {
            subject = "信用卡年費", description = "想了解年費減免", channel = "phone", customer = new { name = "陳雅婷", phone = "0912345678" },
        })).JsonAsync(HttpStatusCode.Created);

        var page = browser.Page;
        await browser.SignInAsync("tpe.frontline", TouchpointFactory.DemoPassword);
        await page.GotoAsync($"/cases/{created["id"]}");
        await page.GetByTestId("macro-picker").ClickAsync();
        await page.Locator(".ant-select-item-option").Filter(new() { HasText = "確認收到" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("內容")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex($"陳雅婷，您好！.*{created["reference"]}"));
        await browser.AssertAccessibleAsync();
        await browser.ScreenshotAsync("cases-macro-inserted");

        // Another person at the same browser: nothing of the clerk's session or language stays.
        await page.Context.ClearCookiesAsync();
        await page.EvaluateAsync("localStorage.clear()");
        await browser.SignInAsync("tpe.manager", TouchpointFactory.DemoPassword);
        await page.GotoAsync("/cases/macros");
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "確認收到" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Row).Filter(new() { HasText = "確認收到" }).GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Dialog)).ToContainTextAsync("{{customer.name}}");
        await browser.ScreenshotAsync("cases-macro-edit");
    }
}
