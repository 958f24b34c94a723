using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Touchpoint.Tests.Infrastructure;
using static Touchpoint.Tests.Browser.WindowServiceBrowserTests;

namespace Touchpoint.Tests.Browser;

/// <summary>A customer with a booking checks in at the kiosk, in Korean, and gets an appointment ticket.</summary>
public sealed class AppointmentBrowserTests
{
    [BrowserFact]
    public async Task Kiosk_ChecksInABooking_WithItsCode()
    {
        await using var browser = await BrowserSession.StartAsync(demo: true);
        var admin = await browser.App.AdminAsync();
        var booked = await (await admin.PostAsJsonAsync("/api/branches/LON/appointments",
            new { service = "PERSONAL", at = DateTime.UtcNow.AddMinutes(10), language = "ko-KR" })).JsonAsync(HttpStatusCode.Created);
        var code = booked["code"]!.GetValue<string>();
        var kiosk = await DevicePageAsync(browser, await PairAsync(browser.App, admin, new { kind = "kiosk", name = "Check-in kiosk" }));

        await kiosk.GotoAsync("/kiosk/LON?print=off&lang=ko-KR");
        await kiosk.GetByRole(AriaRole.Button, new() { Name = "예약했어요" }).ClickAsync();
        var checkIn = kiosk.GetByRole(AriaRole.Button, new() { Name = "체크인하고 번호표 받기" });
        await Assertions.Expect(checkIn).ToBeDisabledAsync();
        foreach (var digit in code) await kiosk.GetByRole(AriaRole.Group).GetByRole(AriaRole.Button, new() { Name = digit.ToString(), Exact = true }).ClickAsync();
        await kiosk.ScreenshotAsync(new() { Path = Shot("queue-appointment-check-in-ko") });
        await checkIn.ClickAsync();

        var number = (await kiosk.GetByTestId("issued-number").InnerTextAsync()).Trim();
        Assert.StartsWith("A", number);
        await kiosk.ScreenshotAsync(new() { Path = Shot("queue-appointment-ticket-ko") });
        var ticket = await browser.App.WithDbAsync(db => Task.FromResult(db.QueueTickets.Single(t => t.Number == number && t.Priority == "appointment")));
        Assert.NotNull(ticket.AppointmentAt);
    }
}
