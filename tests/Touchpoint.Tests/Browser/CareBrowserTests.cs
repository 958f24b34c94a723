using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Touchpoint.Tests.Infrastructure;
using static Touchpoint.Tests.Browser.WindowServiceBrowserTests;

namespace Touchpoint.Tests.Browser;

/// <summary>
/// A customer who is hard of hearing and older: the lobby call is framed on screen and spoken twice, the counter is told
/// how to help, and the pad asks in large type.
/// </summary>
public sealed class CareBrowserTests
{
    [BrowserFact]
    public async Task CallAndPad_AdaptToTheCustomersNeeds()
    {
        await using var browser = await BrowserSession.StartAsync(demo: true);
        var admin = await browser.App.AdminAsync();
        var displayToken = await PairAsync(browser.App, admin, new { kind = "display", name = "Care display" });
        var padToken = await PairAsync(browser.App, admin, new { kind = "pad", name = "Care pad", counterNumber = 1 });
        var desk = await browser.App.SignInAsync("lon.frontline", TouchpointFactory.DemoPassword);
        var customer = await (await desk.PostAsJsonAsync("/api/customers",
            new { name = "Edith Crawley", phones = new[] { "07700900777" }, language = "en-US", needs = new[] { "hearing", "elderly" } })).JsonAsync(HttpStatusCode.Created);

        var display = await DevicePageAsync(browser, displayToken);
        await display.GotoAsync("/display/LON");
        await Assertions.Expect(display.GetByText("London City").First).ToBeVisibleAsync();

        var page = browser.Page;
        await browser.SignInAsync("lon.frontline", TouchpointFactory.DemoPassword);
        await page.GotoAsync("/counter/LON/1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Open", Exact = true }).ClickAsync();
        // The counter opens on the server's answer: wait for it before calling through the API (a busy machine is slow).
        await Assertions.Expect(page.GetByTestId("call-next")).ToBeEnabledAsync(new() { Timeout = 30_000 });
        // The demo queue may hold others: this customer's ticket is called out of order through the API, as a desk would.
        var ticket = await (await desk.PostAsJsonAsync("/api/branches/LON/tickets", new { service = "PERSONAL", customerId = customer["id"] })).JsonAsync(HttpStatusCode.Created);
        var number = ticket["number"]!.GetValue<string>();
        await (await desk.PostAsJsonAsync("/api/branches/LON/counters/1/call", new { ticketId = ticket["id"], reason = "Needs care" })).ShouldBeAsync(HttpStatusCode.OK);

        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("current-number")).ToHaveTextAsync(number);
        await Assertions.Expect(page.GetByTestId("ticket-care")).ToContainTextAsync("may not hear the call");
        await browser.ScreenshotAsync("care-counter");

        await Assertions.Expect(display.Locator(".tp-display__latest--visual")).ToContainTextAsync(number);
        var sameCall = await display.EvaluateAsync<int>("n => (window.__touchpointAnnouncements || []).filter(a => a.includes('counter 1')).length", number);
        Assert.Equal(2, sameCall);
        await display.ScreenshotAsync(new() { Path = Shot("care-display") });

        await (await desk.PostAsJsonAsync($"/api/tickets/{ticket["id"]}/complete", new { outcome = "resolved" })).ShouldBeAsync(HttpStatusCode.OK);
        var pad = await DevicePageAsync(browser, padToken);
        await pad.GotoAsync("/pad");
        await Assertions.Expect(pad.Locator(".tp-pad__prompt--large")).ToBeVisibleAsync();
        await pad.ScreenshotAsync(new() { Path = Shot("care-pad") });
    }
}
