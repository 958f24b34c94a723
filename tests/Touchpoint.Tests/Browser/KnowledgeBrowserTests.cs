using Microsoft.Playwright;
using Touchpoint.Tests.Infrastructure;

namespace Touchpoint.Tests.Browser;

/// <summary>
/// The help centre on a phone-sized screen in Chinese and Korean (browse, search, read, vote), and staff writing an
/// article: preview, pick its owner by name, save, compare versions.
/// </summary>
public sealed class KnowledgeBrowserTests
{
    private static ILocator SearchBox(IPage page) => page.Locator("input[data-testid=help-search], [data-testid=help-search] input").First;

    [BrowserFact]
    public async Task Customer_SearchesReadsAndVotes_OnAPhone_InChineseAndKorean()
    {
        await using var browser = await BrowserSession.StartAsync(demo: true, locale: "zh-CN", width: 390, height: 844);
        var page = browser.Page;
        await page.GotoAsync("/help/SH");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "有什么可以帮您？" })).ToBeVisibleAsync();
        // The branch's own article is listed with the organisation's; internal ones are not.
        await Assertions.Expect(page.GetByText("陆家嘴支行停车与无障碍通道")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("柜面安抚情绪激动客户的话术")).ToHaveCountAsync(0);
        await browser.AssertAccessibleAsync();
        await browser.ScreenshotAsync("help-home-zh-CN");

        await SearchBox(page).FillAsync("挂失");
        await page.Keyboard.PressAsync("Enter");
        var results = page.GetByTestId("help-results");
        await Assertions.Expect(results.GetByRole(AriaRole.Link).First).ToContainTextAsync("银行卡丢失或被盗怎么办");
        await Assertions.Expect(results.Locator("mark").First).ToHaveTextAsync("挂失");
        await browser.ScreenshotAsync("help-search-zh-CN");

        await results.GetByRole(AriaRole.Link).First.ClickAsync();
        var article = page.GetByTestId("help-article");
        await Assertions.Expect(article.GetByRole(AriaRole.Heading, new() { Name = "第一步：立即挂失" })).ToBeVisibleAsync();
        await Assertions.Expect(article.Locator("strong", new() { HasText = "本人有效身份证件" })).ToBeVisibleAsync();
        var yes = page.GetByTestId("help-yes");
        var box = await yes.BoundingBoxAsync();
        Assert.True(box!.Height >= 44, $"touch target {box.Width}x{box.Height}");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the article scrolls sideways on a phone");
        await browser.AssertAccessibleAsync();
        await browser.ScreenshotAsync("help-article-zh-CN");
        await yes.ClickAsync();
        await Assertions.Expect(page.GetByTestId("help-thanks")).ToHaveTextAsync("感谢您的反馈！");

        // The same article in Korean after switching language; the vote was counted once.
        await page.GetByTestId("language-switcher").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "한국어" }).ClickAsync();
        await Assertions.Expect(article.GetByRole(AriaRole.Heading, new() { Name = "카드를 잃어버렸거나 도난당했을 때" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "이 문서가 도움이 되었나요?" })).ToBeVisibleAsync();
        await browser.ScreenshotAsync("help-article-ko-KR");

        await page.GetByTestId("help-home").ClickAsync();
        await SearchBox(page).FillAsync("분실");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(results.GetByRole(AriaRole.Link).First).ToContainTextAsync("카드를 잃어버렸거나 도난당했을 때");
        await browser.AssertAccessibleAsync();
        await browser.ScreenshotAsync("help-search-ko-KR");
        await results.GetByRole(AriaRole.Link).First.ClickAsync();
        await page.GetByTestId("help-no").ClickAsync();
        await Assertions.Expect(page.GetByTestId("help-thanks")).ToHaveTextAsync("의견을 주셔서 감사합니다.");

        var counts = await browser.App.WithDbAsync(async db =>
        {
            var rows = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
                db.KnowledgeArticles.Where(a => a.Title == "银行卡丢失或被盗怎么办" || a.Title == "카드를 잃어버렸거나 도난당했을 때"));
            return rows.ToDictionary(a => a.Language, a => (a.HelpfulYes, a.HelpfulNo));
        });
        Assert.Equal((96, 7), counts["zh-CN"]);
        Assert.Equal((31, 3), counts["ko-KR"]);
    }

    [BrowserFact]
    public async Task Staff_EditWithPreview_PickAnOwnerByName_SeeDueArticles_AndCompareVersions()
    {
        await using var browser = await BrowserSession.StartAsync(demo: true);
        await browser.SignInAsync("lon.trainer", TouchpointFactory.DemoPassword);
        var page = browser.Page;
        await page.GotoAsync("/knowledge");
        await page.GetByTestId("due-filter").GetByText("Due for review").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Lost or stolen card" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Opening hours and bank holidays" })).ToHaveCountAsync(0);
        await browser.AssertAccessibleAsync();
        await browser.ScreenshotAsync("knowledge-due-en-US");

        await page.GetByRole(AriaRole.Link, new() { Name = "Lost or stolen card" }).ClickAsync();
        var body = page.GetByTestId("article-body");
        await Assertions.Expect(body).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("Step 1"));
        await body.FillAsync((await body.InputValueAsync()).Replace("A replacement is free", "A replacement is free of charge") +
                             "\n\n<script>alert('x')</script> **Tip:** keep the [help centre](/help) to hand.");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Preview" }).ClickAsync();
        var preview = page.GetByTestId("article-preview");
        await Assertions.Expect(preview.GetByRole(AriaRole.Heading, new() { Name = "Step 1: stop the card now" })).ToBeVisibleAsync();
        // Markup typed into an article is text, never a live element.
        await Assertions.Expect(preview.GetByText("<script>alert('x')</script>", new() { Exact = false })).ToBeVisibleAsync();
        Assert.Equal(0, await preview.Locator("script").CountAsync());
        await Assertions.Expect(preview.GetByRole(AriaRole.Link, new() { Name = "help centre" })).ToHaveAttributeAsync("href", "/help");
        await browser.ScreenshotAsync("knowledge-editor-preview-en-US");

        // The owner is picked by name among those who may own the article: London's knowledge writers (Oliver Taylor,
        // a quality reviewer, writes none).
        var owner = page.GetByTestId("article-owner");
        await Assertions.Expect(owner).ToContainTextAsync("Isla Wilson");
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Owner" }).PressSequentiallyAsync("oli");
        var olivia = page.Locator(".ant-select-item-option", new() { HasText = "Olivia Smith" });
        await Assertions.Expect(olivia).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".ant-select-item-option", new() { HasText = "Oliver Taylor" })).ToHaveCountAsync(0);
        await browser.ScreenshotAsync("knowledge-owner-picker-en-US");
        await olivia.ClickAsync();
        await Assertions.Expect(owner).ToContainTextAsync("Olivia Smith");
        await page.GetByTestId("save-article").ClickAsync();
        await Assertions.Expect(page.GetByText("Saved as version 2.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Olivia Smith").First).ToBeVisibleAsync();

        // History: tick both versions, compare, and see the changed line.
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Version 1" }).CheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Version 2" }).CheckAsync();
        await page.GetByTestId("compare-versions").ClickAsync();
        var diff = page.GetByTestId("article-diff");
        await Assertions.Expect(diff.Locator("[data-op=added]").First).ToContainTextAsync("free of charge");
        await Assertions.Expect(diff.Locator("[data-op=removed]").First).ToContainTextAsync("A replacement is free and usually");
        await browser.ScreenshotAsync("knowledge-diff-en-US");
        await page.Keyboard.PressAsync("Escape");
        // The dialog's mask fades out; axe would read the page through it.
        await Assertions.Expect(diff).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".ant-modal-mask")).ToHaveCountAsync(0);

        // Translations: every language exists for this article; the Korean one opens from the panel.
        await Assertions.Expect(page.GetByTestId("translations-panel").GetByRole(AriaRole.Link)).ToHaveCountAsync(3);
        await browser.AssertAccessibleAsync();
        await browser.ScreenshotAsync("knowledge-editor-en-US");

        // The list names the owner; a new article starts as its writer's.
        await page.GotoAsync("/knowledge?due=true");
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Lost or stolen card" })).ToContainTextAsync("Olivia Smith");
        await browser.ScreenshotAsync("knowledge-due-owner-en-US");
        await page.GetByRole(AriaRole.Button, new() { Name = "New article" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("article-owner")).ToContainTextAsync("Isla Wilson");
    }
}
