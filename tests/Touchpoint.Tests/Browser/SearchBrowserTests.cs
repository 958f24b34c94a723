using Microsoft.Playwright;
using Touchpoint.Tests.Infrastructure;

namespace Touchpoint.Tests.Browser;

/// <summary>The header's search box and the search page, on the demo data, in Chinese.</summary>
public sealed class SearchBrowserTests
{
    [BrowserFact]
    public async Task Manager_SearchesInSimplifiedChinese_AndFindsTraditionalText()
    {
        await using var browser = await BrowserSession.StartAsync(demo: true);
        var page = browser.Page;
        await browser.SignInAsync("sh.manager", TouchpointFactory.DemoPassword);
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN", new() { Timeout = 15_000 });

        var box = page.GetByRole(AriaRole.Searchbox, new() { Name = "搜索工单、服务接触和客户" }).First;
        await box.FillAsync("年费 扣款");
        await box.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "搜索", Exact = true })).ToBeVisibleAsync(new() { Timeout = 15_000 });
        // Taipei's case is written in traditional characters (信用卡年費重複扣款): the simplified query finds it.
        var cases = page.GetByLabel("工单", new() { Exact = true });
        await Assertions.Expect(cases.Locator("mark", new() { HasText = "年費" }).First).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(cases.GetByRole(AriaRole.Link).First).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^/cases/"));
        await Assertions.Expect(page.Locator(".ant-spin-spinning")).ToHaveCountAsync(0);
        await browser.AssertAccessibleAsync();
        await browser.ScreenshotAsync("search-zh-CN");

        await cases.GetByRole(AriaRole.Link).First.ClickAsync();
        // Lists on the way (search hits, linked cases) have headings with a reference too: the page's own title is level 1.
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/cases/[0-9a-f-]{36}$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, NameRegex = new System.Text.RegularExpressions.Regex("TP-\\d{6}") })).ToBeVisibleAsync();

        // The same search reaches the knowledge base: the article on the annual fee and its waiver, opened in the editor.
        await page.GotoAsync("/search?q=" + Uri.EscapeDataString("年费 减免"));
        var articles = page.GetByLabel("知识库文章", new() { Exact = true });
        var article = articles.GetByRole(AriaRole.Link, new() { Name = "信用卡年费与减免规则" });
        await Assertions.Expect(article).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(article).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^/knowledge/"));
        await browser.ScreenshotAsync("search-articles-zh-CN");
    }
}
