using System.Net;
using System.Net.Http.Json;
using Touchpoint.Tests.Infrastructure;

namespace Touchpoint.Tests.Cases;

/// <summary>Encounters logged by staff, classified as the seeds classify them, and listed with filters and paging.</summary>
public sealed class EncounterApiTests : IDisposable
{
    private readonly TouchpointFactory app = new();

    [Fact]
    public async Task Log_DerivesTheModeFromTheChannel_AndLinksTheCase()
    {
        await app.CreateBranchAsync("SH");
        var staff = await app.StaffAsync("Frontline", "SH");
        var caseId = (await (await staff.PostAsJsonAsync("/api/cases", new { subject = "Loan question", channel = "phone", customer = new { name = "이민준" } }))
            .JsonAsync(HttpStatusCode.Created))["id"]!.GetValue<Guid>();
        var logged = await (await staff.PostAsJsonAsync("/api/encounters", new
        {
            channel = "phone", stage = "preSale", nature = "informational", outcome = "followUp", summary = "Asked about mortgage rates",
            customerName = "이민준", caseId, startedAt = DateTime.UtcNow.AddMinutes(-6), endedAt = DateTime.UtcNow,
        })).JsonAsync(HttpStatusCode.Created);
        Assert.Equal("phone", logged["mode"]!.GetValue<string>());
        Assert.Equal("TP-000001", logged["caseReference"]!.GetValue<string>());
        await (await staff.PostAsJsonAsync("/api/encounters", new { channel = "webChat", nature = "emotional" })).ShouldBeAsync(HttpStatusCode.Created);

        var phone = await (await staff.GetAsync("/api/encounters?channel=phone")).JsonAsync();
        var item = Assert.Single(phone["items"]!.AsArray())!;
        Assert.Equal("이**", item["customerName"]!.GetValue<string>());
        Assert.Equal("preSale", item["stage"]!.GetValue<string>());
        var online = await (await staff.GetAsync("/api/encounters?limit=1")).JsonAsync();
        Assert.Equal("online", online["items"]![0]!["mode"]!.GetValue<string>());
        var next = online["next"]!.GetValue<string>();
        var second = await (await staff.GetAsync($"/api/encounters?limit=1&after={next}")).JsonAsync();
        Assert.Equal("phone", second["items"]![0]!["channel"]!.GetValue<string>());
        Assert.Null(second["next"]);
    }

    [Fact]
    public async Task Log_WithBadFields_NamesThem_AndUnknownCaseIs404()
    {
        await app.CreateBranchAsync("SH");
        var staff = await app.StaffAsync("Frontline", "SH");
        var problem = await (await staff.PostAsJsonAsync("/api/encounters", new
        {
            channel = "fax", stage = "postMortem", nature = "angry", outcome = "maybe", startedAt = DateTime.UtcNow, endedAt = DateTime.UtcNow.AddHours(-1),
        })).ProblemAsync(HttpStatusCode.BadRequest);
        foreach (var field in new[] { "channel", "stage", "nature", "outcome", "startedAt" }) Assert.NotNull(problem["errors"]![field]);
        await (await staff.PostAsJsonAsync("/api/encounters", new { channel = "phone", caseId = Guid.NewGuid() })).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task CompletedCounterTicket_AppearsInTheEncounterLog()
    {
        await app.CreateBranchAsync("SH", "PERSONAL");
        var admin = await app.AdminAsync();
        await (await admin.PostAsJsonAsync("/api/branches/SH/counters", new { number = 1, services = new[] { "PERSONAL" } })).ShouldBeAsync(HttpStatusCode.Created);
        var staff = await app.StaffAsync("Frontline", "SH");
        await (await staff.PostAsync("/api/branches/SH/counters/1/open", null)).ShouldBeAsync(HttpStatusCode.OK);
        await (await app.CreateClient().PostAsJsonAsync("/api/branches/SH/tickets", new { service = "PERSONAL" })).ShouldBeAsync(HttpStatusCode.Created);
        var called = await (await staff.PostAsync("/api/branches/SH/counters/1/call-next", null)).JsonAsync();
        await (await staff.PostAsync($"/api/tickets/{called["id"]}/complete", null)).ShouldBeAsync(HttpStatusCode.OK);
        var log = await (await staff.GetAsync("/api/encounters?channel=counter")).JsonAsync();
        var e = Assert.Single(log["items"]!.AsArray())!;
        Assert.Equal("faceToFace", e["mode"]!.GetValue<string>());
        Assert.Equal(called["id"]!.GetValue<Guid>(), e["ticketId"]!.GetValue<Guid>());
    }

    public void Dispose() => app.Dispose();
}
