using Microsoft.Playwright;
using Touchpoint.Tests.Infrastructure;

namespace Touchpoint.Tests.Browser;

public sealed class LanguageBrowserTests
{
    [BrowserFact]
    public async Task SwitchingLanguage_TranslatesTheUi_AndIsRememberedForTheUser()
    {
        await using var browser = await BrowserSession.StartAsync(demo: true);
        var page = browser.Page;
        await browser.SignInAsync("lon.supervisor", TouchpointFactory.DemoPassword);
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en-US");

        foreach (var (language, endonym, home) in new[] { ("zh-CN", "简体中文", "首页"), ("zh-TW", "繁體中文", "首頁"), ("ko-KR", "한국어", "홈") })
        {
            await ChooseLanguageAsync(page, endonym);
            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = home }).First).ToBeVisibleAsync();
            await browser.AssertAccessibleAsync();
            await browser.ScreenshotAsync($"home-{language}");
        }

        // The preference was saved for the user: the API says so.
        var me = await (await (await browser.App.SignInAsync("lon.supervisor", TouchpointFactory.DemoPassword)).GetAsync("/api/me")).JsonAsync();
        Assert.Equal("ko-KR", me["language"]!.GetValue<string>());
    }

    /// <summary>
    /// Opens the menu and picks the language. On a busy machine the header can still be settling (the demo's live
    /// notices arrive just after sign-in) and close the menu under the pointer: then it is opened again, at most twice.
    /// </summary>
    private static async Task ChooseLanguageAsync(IPage page, string endonym)
    {
        for (var attempt = 0; ; attempt++)
        {
            await page.GetByTestId("language-switcher").ClickAsync();
            try
            {
                await page.GetByRole(AriaRole.Option, new() { Name = endonym }).ClickAsync(new() { Timeout = 5_000 });
                return;
            }
            catch (TimeoutException) when (attempt < 2)
            {
                await page.Keyboard.PressAsync("Escape");
            }
        }
    }
}
