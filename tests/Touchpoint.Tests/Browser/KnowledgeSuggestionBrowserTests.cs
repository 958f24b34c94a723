using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Touchpoint.Tests.Infrastructure;

namespace Touchpoint.Tests.Browser;

/// <summary>A Shanghai clerk answers a case from the suggestions: the branch's own article with its branch's link, and a macro filled in full.</summary>
public sealed class KnowledgeSuggestionBrowserTests
{
    [BrowserFact]
    public async Task Clerk_InsertsTheBranchsArticle_WithItsHelpCentreLink_AndAMacroWithEveryPlaceholderFilled()
    {
        await using var browser = await BrowserSession.StartAsync(demo: true);
        var manager = await browser.App.SignInAsync("sh.manager", TouchpointFactory.DemoPassword, "zh-CN");
        await (await manager.PostAsJsonAsync("/api/macros", new
        {
            title = new Dictionary<string, string> { ["zh-CN"] = "停车与无障碍指引" },
            body = new Dictionary<string, string>
            {
                ["zh-CN"] = "{{customer.name}}您好！关于{{ case.subject }}（{{case.reference}}）：{{branch.name}}地下车库可免费停车一小时。——{{agent.name}}",
            },
            branch = (string?)null,
        })).ShouldBeAsync(HttpStatusCode.Created);
        var desk = await browser.App.SignInAsync("sh.frontline", TouchpointFactory.DemoPassword, "zh-CN");
        var created = await (await desk.PostAsJsonAsync("/api/cases", new
        {
            subject = "停车咨询", description = "客户问陆家嘴支行地下车库停车是否免费，无障碍坡道在哪里", channel = "phone", customer = new { name = "李娜" },
        })).JsonAsync(HttpStatusCode.Created);

        var page = browser.Page;
        await browser.SignInAsync("sh.frontline", TouchpointFactory.DemoPassword);
        await page.GotoAsync($"/cases/{created["id"]}");
        var suggestions = page.GetByTestId("knowledge-suggestions");
        var article = suggestions.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "陆家嘴支行停车与无障碍通道" });
        var macro = suggestions.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "停车与无障碍指引" });
        await Assertions.Expect(article).ToBeVisibleAsync();
        await Assertions.Expect(macro).ToBeVisibleAsync();
        await browser.AssertAccessibleAsync();
        await browser.ScreenshotAsync("case-suggestions-zh-CN");

        var reply = page.GetByLabel("内容", new() { Exact = true });
        // The Shanghai branch's own article is only in the Shanghai help centre: its link says so.
        await article.GetByTestId("insert-suggestion").ClickAsync();
        await Assertions.Expect(reply).ToHaveValueAsync(new Regex("/help/SH/a/[0-9a-f-]{36}"));
        await reply.FillAsync("");
        await macro.GetByTestId("insert-suggestion").ClickAsync();
        var text = await reply.InputValueAsync();
        Assert.StartsWith($"李娜您好！关于停车咨询（{created["reference"]}）：", text);
        Assert.DoesNotContain("{{", text);
        await browser.ScreenshotAsync("case-suggestion-macro-inserted-zh-CN");
    }
}
