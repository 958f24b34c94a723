using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Touchpoint.Tests.Infrastructure;

namespace Touchpoint.Tests.Browser;

/// <summary>
/// Two people on one case (live presence, typing, the collision warning, an attachment on the thread), saved views in
/// the side bar, and the phone screen pop when a telephony system reports a call.
/// </summary>
public sealed class CaseWorkspaceBrowserTests
{
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    [BrowserFact]
    public async Task TwoStaff_SeeEachOther_AndTheSecondReplyIsWarned()
    {
        await using var browser = await BrowserSession.StartAsync(demo: true);
        var api = await browser.App.SignInAsync("lon.frontline", TouchpointFactory.DemoPassword);
        var created = await (await api.PostAsJsonAsync("/api/cases", new
        {
            subject = "Card declined abroad", description = "My card was declined in Lisbon.", channel = "phone", branch = "LON",
            customer = new { name = "Oliver Hughes" },
        })).JsonAsync(HttpStatusCode.Created);
        var caseUrl = $"/cases/{created["id"]}";

        var alice = browser.Page;
        await browser.SignInAsync("lon.frontline", TouchpointFactory.DemoPassword);
        await alice.GotoAsync(caseUrl);
        var bob = await browser.NewPersonAsync("lon.backoffice", TouchpointFactory.DemoPassword);
        await bob.GotoAsync(caseUrl);
        // Each page announces itself once its realtime connection is up and the other echoes; the heartbeat is the
        // fallback when an announcement races the server joining the connection to its branch group.
        var withinAHeartbeat = new LocatorAssertionsToContainTextOptions { Timeout = 15_000 };
        await Assertions.Expect(alice.GetByTestId("case-presence")).ToContainTextAsync("is viewing", withinAHeartbeat);
        await Assertions.Expect(bob.GetByTestId("case-presence")).ToContainTextAsync("is viewing", withinAHeartbeat);

        await bob.GetByLabel("Message").FillAsync("Dear Mr Hughes, we have lifted the block for travel.");
        await Assertions.Expect(alice.GetByTestId("case-presence")).ToContainTextAsync("is typing a reply");
        await browser.AssertAccessibleAsync();
        await browser.ScreenshotAsync("case-presence-typing-en");

        // Alice answers first, with a screenshot attached.
        await alice.GetByTestId("attachment-input").SetInputFilesAsync(new FilePayload { Name = "block-lifted.png", MimeType = "image/png", Buffer = Png });
        await Assertions.Expect(alice.GetByText("block-lifted.png")).ToBeVisibleAsync();
        await alice.GetByLabel("Message").FillAsync("Dear Mr Hughes, the block is lifted; please try again.");
        await alice.GetByRole(AriaRole.Button, new() { Name = "Send reply" }).ClickAsync();
        await Assertions.Expect(alice.GetByTestId("message-attachments")).ToContainTextAsync("block-lifted.png");
        // Its size in the UI language's words: the unit from the locale file, the number through Intl.
        await Assertions.Expect(alice.GetByTestId("message-attachments")).ToContainTextAsync($"({Png.Length} B)");

        // Bob opened the case before that reply: sending is held with Alice's words shown.
        await bob.GetByRole(AriaRole.Button, new() { Name = "Send reply" }).ClickAsync();
        var warning = bob.GetByTestId("collision-warning");
        await Assertions.Expect(warning).ToContainTextAsync("the block is lifted");
        await BrowserSession.ScreenshotAsync(bob, "case-collision-warning-en");
        await bob.GetByRole(AriaRole.Button, new() { Name = "Send anyway" }).ClickAsync();
        await Assertions.Expect(bob.GetByTestId("case-message")).ToHaveCountAsync(2);
        await browser.ScreenshotAsync("case-thread-attachment-en");

        // Bob leaves for another page: the page's goodbye (sent as it is hidden, numbered after his last heartbeat so a
        // heartbeat still on its way cannot bring him back) empties Alice's bar without waiting for the expiry. Closing
        // the browser context instead would tear down its network with the goodbye possibly still in flight.
        await bob.GotoAsync("/cases");
        await bob.Context.CloseAsync();
        await Assertions.Expect(alice.GetByTestId("case-presence")).ToHaveCountAsync(0, new() { Timeout = 20_000 });
    }

    [BrowserFact]
    public async Task SavedViews_InTheSideBar_WithCounts()
    {
        await using var browser = await BrowserSession.StartAsync(demo: true);
        var page = browser.Page;
        var desk = await browser.App.SignInAsync("lon.frontline", TouchpointFactory.DemoPassword);
        await (await desk.PostAsJsonAsync("/api/cases", new
        {
            subject = "Fraud alert on a business account", description = "Card used in two countries within an hour.", channel = "phone",
            branch = "LON", priority = "urgent", customer = new { name = "Harry Patel" },
        })).ShouldBeAsync(HttpStatusCode.Created);
        await browser.SignInAsync("lon.supervisor", TouchpointFactory.DemoPassword);
        await page.GotoAsync("/cases");
        var views = page.GetByTestId("case-views");
        await Assertions.Expect(views).ToContainTextAsync("Breaching soon");
        await views.GetByRole(AriaRole.Button, new() { Name = "Save a view" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Name").FillAsync("Urgent for the team");
        await dialog.GetByText("Everyone in", new() { Exact = false }).ClickAsync();
        // The case filter form behind the dialog uses the same field ids, so the select is found by its place: statuses, then priority.
        await dialog.GetByRole(AriaRole.Combobox).Nth(1).ClickAsync();
        await page.GetByTitle("Urgent").ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(views).ToContainTextAsync("Urgent for the team");
        await Assertions.Expect(page.GetByText(new Regex("^[1-9]\\d* cases$"))).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Fraud alert on a business account")).ToBeVisibleAsync();

        // With a view selected only the view's list is fetched: a case change refreshes it, not the plain list behind it.
        var plainListRequests = 0;
        page.Request += (_, r) => { if (new Uri(r.Url).AbsolutePath == "/api/cases") plainListRequests++; };
        await (await desk.PostAsJsonAsync("/api/cases", new
        {
            subject = "Second urgent: cash machine kept a card", description = "Card retained at the branch ATM.", channel = "phone",
            branch = "LON", priority = "urgent", customer = new { name = "Amelia Clarke" },
        })).ShouldBeAsync(HttpStatusCode.Created);
        await Assertions.Expect(page.GetByText("Second urgent: cash machine kept a card")).ToBeVisibleAsync();
        Assert.Equal(0, plainListRequests);
        await browser.AssertAccessibleAsync();
        await browser.ScreenshotAsync("case-views-en");
    }

    [BrowserFact]
    public async Task IncomingCall_PopsTheCallersProfile_AndAsksForTheSummary()
    {
        await using var browser = await BrowserSession.StartAsync(demo: true);
        var page = browser.Page;
        var staff = await browser.App.SignInAsync("lon.frontline", TouchpointFactory.DemoPassword);
        var customer = await (await staff.PostAsJsonAsync("/api/customers",
            new { name = "Amelia Wright", phones = new[] { "+44 7700 900123" }, language = "en-US", branch = "LON" })).JsonAsync(HttpStatusCode.Created);
        var admin = await browser.App.AdminAsync();
        var token = await (await admin.PostAsJsonAsync("/api/admin/api-tokens", new { name = "pbx", scopes = new[] { "channels.telephony" } }))
            .JsonAsync(HttpStatusCode.Created);
        var pbx = browser.App.CreateClient();
        pbx.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token["token"]!.GetValue<string>());

        await browser.SignInAsync("lon.frontline", TouchpointFactory.DemoPassword);
        await page.GotoAsync("/cases");
        await Assertions.Expect(page.GetByTestId("case-views")).ToBeVisibleAsync();
        // The pop reaches only a page whose realtime connection is up (its groups are joined right after the handshake).
        await Assertions.Expect(page.GetByTestId("realtime-status")).ToHaveTextAsync("Live", new() { Timeout = 15_000 });
        await page.WaitForTimeoutAsync(300);
        async Task Post(string evt) => await (await pbx.PostAsJsonAsync("/api/channels/telephony/events",
            new { @event = evt, callId = "lon-77", callerNumber = "+44 7700 900123", staffUser = "lon.frontline", branch = "LON" })).ShouldBeAsync(HttpStatusCode.OK);

        await Post("callStarted");
        await page.WaitForURLAsync(url => url.Contains($"/customers/{customer["id"]}"));
        await Assertions.Expect(page.GetByTestId("phone-pop")).ToContainTextAsync("A**");
        await Assertions.Expect(page.GetByText("Tier and service policy")).ToBeVisibleAsync();
        await browser.ScreenshotAsync("phone-pop-en");
        await Post("callAnswered");
        await Post("callEnded");
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Call ended: what was it about?" });
        await dialog.GetByLabel("Summary").FillAsync("Asked when the new card arrives; told her within five working days.");
        await browser.ScreenshotAsync("phone-call-summary-en");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        var encounters = (await (await staff.GetAsync("/api/encounters?channel=phone&limit=5")).JsonAsync())["items"]!.AsArray();
        Assert.Contains(encounters, e => e!["summary"]?.GetValue<string>()?.StartsWith("Asked when the new card") == true);
    }
}
