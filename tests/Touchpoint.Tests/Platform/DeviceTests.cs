using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Touchpoint.Tests.Infrastructure;

namespace Touchpoint.Tests.Platform;

public sealed class DeviceTests : IDisposable
{
    private readonly TouchpointFactory app = new();

    [Fact]
    public async Task Pairing_ExchangesTheCodeOnceForATokenThatGrantsOnlyTheDevice()
    {
        await app.CreateBranchAsync("SH", "PERSONAL");
        var admin = await app.AdminAsync();
        var device = await (await admin.PostAsJsonAsync("/api/branches/SH/devices", new { kind = "kiosk", name = "Lobby kiosk" })).JsonAsync(HttpStatusCode.Created);
        var code = device["pairingCode"]!.GetValue<string>();
        Assert.Equal(8, code.Length);
        Assert.Equal("pending", device["status"]!.GetValue<string>());

        var anonymous = app.CreateClient();
        var paired = await (await anonymous.PostAsJsonAsync("/api/devices/pair", new { code = code.ToLowerInvariant() })).JsonAsync();
        var token = paired["token"]!.GetValue<string>();
        Assert.StartsWith("tpd_", token);
        Assert.Equal("SH", paired["branchCode"]!.GetValue<string>());

        // The code is single-use.
        await (await anonymous.PostAsJsonAsync("/api/devices/pair", new { code })).ProblemAsync(HttpStatusCode.NotFound);

        var kiosk = app.CreateClient();
        kiosk.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var self = await (await kiosk.GetAsync("/api/device/me")).JsonAsync();
        Assert.Equal("kiosk", self["kind"]!.GetValue<string>());
        // A device is not a staff member: it cannot read branches, users or the audit log.
        await (await kiosk.GetAsync("/api/branches")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await kiosk.GetAsync("/api/me")).ProblemAsync(HttpStatusCode.Forbidden);

        var list = await (await admin.GetAsync("/api/branches/SH/devices")).JsonAsync();
        Assert.Equal("paired", list[0]!["status"]!.GetValue<string>());

        await (await admin.DeleteAsync($"/api/devices/{paired["deviceId"]}")).ShouldBeAsync(HttpStatusCode.NoContent);
        await (await kiosk.GetAsync("/api/device/me")).ProblemAsync(HttpStatusCode.Unauthorized);

        var audit = await (await admin.GetAsync("/api/audit?action=device.")).JsonAsync();
        Assert.Equal(["device.revoked", "device.paired", "device.created"], audit["items"]!.AsArray().Select(i => i!["action"]!.GetValue<string>()));
    }

    [Fact]
    public async Task CounterDevices_NeedAnExistingCounter()
    {
        await app.CreateBranchAsync("SH", "PERSONAL");
        var admin = await app.AdminAsync();
        var problem = await (await admin.PostAsJsonAsync("/api/branches/SH/devices", new { kind = "pad", name = "Pad" })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["counterNumber"]);
        problem = await (await admin.PostAsJsonAsync("/api/branches/SH/devices", new { kind = "pad", name = "Pad", counterNumber = 7 })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("7", problem["errors"]!["counterNumber"]![0]!.GetValue<string>());
        problem = await (await admin.PostAsJsonAsync("/api/branches/SH/devices", new { kind = "toaster", name = "T" })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["kind"]);

        await (await admin.PostAsJsonAsync("/api/branches/SH/counters", new { number = 7, services = new[] { "PERSONAL" } })).ShouldBeAsync(HttpStatusCode.Created);
        var pad = await (await admin.PostAsJsonAsync("/api/branches/SH/devices", new { kind = "pad", name = "Pad", counterNumber = 7 })).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(7, pad["counterNumber"]!.GetValue<int>());
    }

    [Fact]
    public async Task UnknownPairingCode_IsAClear404_AndGuessingIsRateLimited()
    {
        var anonymous = app.CreateClient();
        var problem = await (await anonymous.PostAsJsonAsync("/api/devices/pair", new { code = "ZZZZZZZZ" })).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("pairing", problem["detail"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        HttpResponseMessage last = null!;
        for (var i = 0; i < 12; i++) last = await anonymous.PostAsJsonAsync("/api/devices/pair", new { code = "ZZZZZZZZ" });
        await last.ProblemAsync(HttpStatusCode.TooManyRequests);
    }

    public void Dispose() => app.Dispose();
}
