using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Touchpoint.Tests.Infrastructure;

namespace Touchpoint.Tests.Browser;

/// <summary>
/// One customer through the window service, each screen in its own browser page as in a branch (London, whose staff work in English): the kiosk prints a
/// ticket, the counter calls it, the lobby display announces it, service completes, and the pad asks by itself.
/// </summary>
public sealed class WindowServiceBrowserTests
{
    /// <summary>
    /// Four pages with live connections share one busy machine here; the test waits for what each page shows, so it
    /// need not wait for every last resource's load event too (that timed out at 15 s in a crowded full run).
    /// </summary>
    private static readonly PageGotoOptions Loaded = new() { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = 30_000 };

    [BrowserFact]
    public async Task Kiosk_Counter_Display_And_Pad_ServeOneCustomer()
    {
        await using var browser = await BrowserSession.StartAsync(demo: true);
        var admin = await browser.App.AdminAsync();
        var kioskToken = await PairAsync(browser.App, admin, new { kind = "kiosk", name = "Test kiosk" });
        var displayToken = await PairAsync(browser.App, admin, new { kind = "display", name = "Test display" });
        var padToken = await PairAsync(browser.App, admin, new { kind = "pad", name = "Test pad", counterNumber = 1 });

        // Kiosk: choose a service, take the ticket.
        var kiosk = await DevicePageAsync(browser, kioskToken);
        await kiosk.GotoAsync("/kiosk/LON?print=off&lang=en-US", Loaded);
        await kiosk.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("Personal banking") }).ClickAsync();
        await kiosk.GetByRole(AriaRole.Button, new() { Name = "Take ticket" }).ClickAsync();
        var number = (await kiosk.GetByTestId("issued-number").InnerTextAsync()).Trim();
        Assert.Matches("^A\\d{3}$", number);
        await kiosk.ScreenshotAsync(new() { Path = Shot("queue-e2e-kiosk-ticket") });

        // Lobby display, listening before the call.
        var display = await DevicePageAsync(browser, displayToken);
        await display.GotoAsync("/display/LON", Loaded);
        await Assertions.Expect(display.GetByText("London City").First).ToBeVisibleAsync();

        // Counter: a frontline staff member opens counter 1 and calls next.
        var page = browser.Page;
        await browser.SignInAsync("lon.frontline", TouchpointFactory.DemoPassword);
        await page.GotoAsync("/counter/LON/1", Loaded);
        await page.GetByRole(AriaRole.Button, new() { Name = "Open", Exact = true }).ClickAsync();
        // The counter opens on the server's answer: wait for it before calling (a busy machine can take a while).
        await Assertions.Expect(page.GetByTestId("call-next")).ToBeEnabledAsync(new() { Timeout = 30_000 });
        await page.GetByTestId("call-next").ClickAsync();
        await Assertions.Expect(page.GetByTestId("current-number")).ToHaveTextAsync(number);
        await browser.AssertAccessibleAsync();
        await browser.ScreenshotAsync("queue-e2e-counter-called");

        // The display announced it (queued for speech; headless Chromium has no voices to finish speaking).
        await display.WaitForFunctionAsync("n => (window.__touchpointAnnouncements || []).some(a => JSON.stringify(a).includes('counter 1'))",
            number, new() { Timeout = 15_000 });
        await Assertions.Expect(display.GetByTestId("latest-call")).ToContainTextAsync(number);
        await display.ScreenshotAsync(new() { Path = Shot("queue-e2e-display") });

        await page.GetByRole(AriaRole.Button, new() { Name = "Start service" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Complete", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("current-ticket")).ToHaveCountAsync(0);

        // The pad prompts by itself and takes one rating.
        var pad = await DevicePageAsync(browser, padToken);
        await pad.GotoAsync("/pad", Loaded);
        await Assertions.Expect(pad.GetByTestId("pad-prompt")).ToBeVisibleAsync();
        await pad.ScreenshotAsync(new() { Path = Shot("queue-e2e-pad-prompt") });
        await pad.GetByRole(AriaRole.Button, new() { Name = "Very satisfied" }).ClickAsync();
        await Assertions.Expect(pad.GetByTestId("pad-thanks")).ToBeVisibleAsync();

        var rated = await browser.App.WithDbAsync(db => Task.FromResult(db.ServiceEvaluations.Count(e => e.Rating == "verySatisfied" && e.RatedAt > DateTime.UtcNow.AddMinutes(-5))));
        Assert.Equal(1, rated);
    }

    internal static async Task<string> PairAsync(TouchpointFactory app, HttpClient admin, object device)
    {
        var created = await (await admin.PostAsJsonAsync("/api/branches/LON/devices", device)).JsonAsync(HttpStatusCode.Created);
        var paired = await (await app.CreateClient().PostAsJsonAsync("/api/devices/pair", new { code = created["pairingCode"] })).JsonAsync();
        return paired["token"]!.GetValue<string>();
    }

    /// <summary>A page of its own (own storage), holding a device token as a paired device does.</summary>
    internal static async Task<IPage> DevicePageAsync(BrowserSession browser, string token)
    {
        var context = await browser.Page.Context.Browser!.NewContextAsync(new()
        {
            BaseURL = browser.BaseAddress.ToString(), Locale = "en-US", ReducedMotion = ReducedMotion.Reduce,
            ViewportSize = new() { Width = 1280, Height = 800 },
        });
        await context.AddInitScriptAsync($"localStorage.setItem('touchpoint.deviceToken', '{token}')");
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    internal static string Shot(string name)
    {
        var dir = Path.Combine(TestEnvironment.RepositoryRoot, "test-results", "screenshots");
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, name + ".png");
    }
}
