using Microsoft.Playwright;
using Touchpoint.Tests.Infrastructure;

namespace Touchpoint.Tests.Browser;

public sealed class SignInBrowserTests
{
    [BrowserFact]
    public async Task SignIn_ShowsTheHomePage_AndTheLoginPageIsAccessible()
    {
        await using var browser = await BrowserSession.StartAsync(demo: true);
        var page = browser.Page;
        await page.GotoAsync("/");
        await page.WaitForURLAsync("**/login**");
        await Assertions.Expect(page.GetByText("Demo!2345")).ToBeVisibleAsync();
        await browser.AssertAccessibleAsync();
        await browser.ScreenshotAsync("sign-in");

        await page.GetByLabel(LoginLabels.UserName).FillAsync("admin");
        await page.GetByLabel(LoginLabels.Password).FillAsync("wrong-password-1");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByText("The user name or password is not correct.")).ToBeVisibleAsync();

        await browser.SignInAsync("admin", TouchpointFactory.AdminPassword);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Administrator", Exact = false }).First).ToBeVisibleAsync();
        await browser.AssertAccessibleAsync();
        await browser.ScreenshotAsync("home-admin");
    }
}
