using System.Net;
using System.Net.Http.Json;
using Touchpoint.Tests.Infrastructure;

namespace Touchpoint.Tests.Queue;

/// <summary>Appointments booked at the desk and checked in on arrival: one ticket per booking, due at its time.</summary>
public sealed class AppointmentTests : IDisposable
{
    private readonly TouchpointFactory app = new(settings: new() { ["RateLimits:AnonymousPerMinute"] = "100000" });

    private async Task<HttpClient> DeskAsync()
    {
        await app.CreateBranchAsync("SH", "PERSONAL", "CORPORATE");
        return await app.StaffAsync("Frontline", "SH");
    }

    [Fact]
    public async Task Booking_CheckIn_GivesAnAppointmentTicket_DueAtItsTime_Once()
    {
        var desk = await DeskAsync();
        var at = DateTime.UtcNow.AddMinutes(20);
        var booked = await (await desk.PostAsJsonAsync("/api/branches/SH/appointments",
            new { service = "CORPORATE", at, language = "ko-KR", name = "김민준", phone = "+82 10 1234 5678" })).JsonAsync(HttpStatusCode.Created);
        var code = booked["code"]!.GetValue<string>();
        Assert.Matches("^[0-9]{6}$", code);
        Assert.Equal("김**", booked["contactName"]!.GetValue<string>());
        Assert.DoesNotContain("1234", booked["contactPhone"]!.GetValue<string>());

        // The day of the booking in the branch's time zone (near midnight in Shanghai it is not today).
        var day = TimeZoneInfo.ConvertTimeFromUtc(at, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).ToString("yyyy-MM-dd");
        var list = await (await desk.GetAsync($"/api/branches/SH/appointments?date={day}")).JsonAsync();
        Assert.Single(list.AsArray());

        // Two kiosks at once with the same code: one ticket.
        var kiosk = app.CreateClient();
        var answers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => kiosk.PostAsJsonAsync("/api/branches/SH/appointments/check-in", new { code })));
        var issued = answers.Where(a => a.StatusCode == HttpStatusCode.Created).ToList();
        Assert.Single(issued);
        Assert.All(answers.Except(issued), a => Assert.True(a.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.NotFound));
        var ticket = await issued[0].JsonAsync(HttpStatusCode.Created);
        Assert.Equal("appointment", ticket["priority"]!.GetValue<string>());
        Assert.StartsWith("B", ticket["number"]!.GetValue<string>());
        Assert.Equal("ko-KR", ticket["language"]!.GetValue<string>());

        list = await (await desk.GetAsync($"/api/branches/SH/appointments?date={day}")).JsonAsync();
        Assert.Equal("checkedIn", list[0]!["status"]!.GetValue<string>());
        Assert.Equal(ticket["id"]!.GetValue<string>(), list[0]!["ticketId"]!.GetValue<string>());
    }

    [Fact]
    public async Task CheckIn_TooEarly_TooLate_Cancelled_Unknown_AreRefusedWithTheReason()
    {
        var desk = await DeskAsync();
        async Task<string> BookAsync(DateTime at) =>
            (await (await desk.PostAsJsonAsync("/api/branches/SH/appointments", new { service = "PERSONAL", at })).JsonAsync(HttpStatusCode.Created))["code"]!.GetValue<string>();
        var kiosk = app.CreateClient();
        async Task<string> RefusedAsync(string code, HttpStatusCode status) =>
            (await (await kiosk.PostAsJsonAsync("/api/branches/SH/appointments/check-in", new { code })).ProblemAsync(status))["detail"]!.GetValue<string>();

        Assert.Contains("120", await RefusedAsync(await BookAsync(DateTime.UtcNow.AddHours(5)), HttpStatusCode.Conflict));
        var late = await (await desk.PostAsJsonAsync("/api/branches/SH/appointments", new { service = "PERSONAL", at = DateTime.UtcNow.AddMinutes(-3) })).JsonAsync(HttpStatusCode.Created);
        await app.WithDbAsync(async db =>
        {
            var row = await db.Appointments.FindAsync(Guid.Parse(late["id"]!.GetValue<string>()));
            row!.At = DateTime.UtcNow.AddMinutes(-45);
            return await db.SaveChangesAsync();
        });
        Assert.Contains("30", await RefusedAsync(late["code"]!.GetValue<string>(), HttpStatusCode.Conflict));

        var cancelled = await (await desk.PostAsJsonAsync("/api/branches/SH/appointments", new { service = "PERSONAL", at = DateTime.UtcNow.AddMinutes(10) })).JsonAsync(HttpStatusCode.Created);
        await (await desk.PostAsync($"/api/branches/SH/appointments/{cancelled["id"]}/cancel", null)).ShouldBeAsync(HttpStatusCode.OK);
        await RefusedAsync(cancelled["code"]!.GetValue<string>(), HttpStatusCode.NotFound);
        await RefusedAsync("000000x", HttpStatusCode.NotFound);

        var bad = await (await desk.PostAsJsonAsync("/api/branches/SH/appointments", new { service = "NOPE", at = DateTime.UtcNow.AddDays(200) })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(bad["errors"]!["service"]);
        Assert.NotNull(bad["errors"]!["at"]);
        // Booking needs staff; a customer's phone may only check in.
        await (await kiosk.PostAsJsonAsync("/api/branches/SH/appointments", new { service = "PERSONAL", at = DateTime.UtcNow })).ShouldBeAsync(HttpStatusCode.Unauthorized);
    }

    public void Dispose() => app.Dispose();
}
