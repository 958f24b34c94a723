using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Touchpoint.Server.Features.Customers;
using Touchpoint.Tests.Infrastructure;
using static Touchpoint.Tests.Customers.CustomerTestData;

namespace Touchpoint.Tests.Customers;

/// <summary>Export, erasure down to the file bytes, and retention; statistics survive all of them.</summary>
public sealed class CustomerPrivacyTests : IDisposable
{
    private readonly TouchpointFactory app = new();

    internal static object Lee => new
    {
        name = "Eleanor Whitfield-Lee", phones = new[] { "07700 900456" }, emails = new[] { "eleanor.whitfield@example.co.uk" },
        messaging = new[] { "whatsapp:eleanor77" }, language = "en-US", notes = "Lost her card twice in Bayswater",
        identifiers = new[] { new { kind = "nationalId", value = "QQ123456C" } },
    };

    internal static readonly string[] LeeSecrets =
        ["Whitfield", "07700900456", "eleanor.whitfield@", "eleanor77", "Bayswater", "QQ123456C", "whitfield-lee"];

    [Fact]
    public async Task Export_GivesEverythingInClear_AndIsAudited()
    {
        var staff = await BranchWithCounterAsync(app);
        var manager = await app.StaffAsync("Manager");
        var id = (await CreateAsync(staff, Lee)).Id();
        await ServeAsync(staff, id);
        await (await staff.GetAsync($"/api/customers/{id}/export")).ProblemAsync(HttpStatusCode.Forbidden);

        var export = await (await manager.GetAsync($"/api/customers/{id}/export")).JsonAsync();
        Assert.Equal("Eleanor Whitfield-Lee", export["profile"]!["name"]!.GetValue<string>());
        Assert.Equal("Lost her card twice in Bayswater", export["profile"]!["notes"]!.GetValue<string>());
        Assert.Equal(["07700900456", "eleanor.whitfield@example.co.uk", "whatsapp:eleanor77"],
            export["contacts"]!.AsArray().Select(c => c!["value"]!.GetValue<string>()).Order());
        Assert.Equal("QQ123456C", export["identifiers"]![0]!["value"]!.GetValue<string>());
        Assert.Contains(export["timeline"]!.AsArray(), e => e!["type"]!.GetValue<string>() == "queue.ticket");
        Assert.Contains(export["audit"]!.AsArray(), e => e!["action"]!.GetValue<string>() == "customer.created");
        var audit = await (await (await app.AdminAsync()).GetAsync($"/api/audit?action=customer.exported&target=customer:{id}")).JsonAsync();
        Assert.Equal(1, audit["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Erase_RemovesPersonalDataFromTablesAndFiles_AndStatisticsStillAddUp()
    {
        var staff = await BranchWithCounterAsync(app);
        var manager = await app.StaffAsync("Manager");
        var id = (await CreateAsync(staff, Lee)).Id();
        await (await staff.PatchAsJsonAsync($"/api/customers/{id}", new { name = "Eleanor Whitfield-Lee", value = 250000.0 })).ShouldBeAsync(HttpStatusCode.OK);
        await ServeAsync(staff, id);
        // An SMS phone on a ticket is the customer's too.
        await (await staff.PostAsJsonAsync("/api/branches/SH/tickets", new { service = "PERSONAL", customerId = id, phone = "07700900456" })).ShouldBeAsync(HttpStatusCode.Created);
        Assert.NotEmpty(await TablesContainingAsync(app, LeeSecrets));
        Assert.NotEmpty(FilesContaining(app.DataDirectory, LeeSecrets)); // the check sees them while they are there
        var before = await app.WithDbAsync(async db => (await db.QueueTickets.CountAsync(), await db.Encounters.CountAsync(), await db.ServiceEvaluations.CountAsync()));

        await (await staff.PostAsync($"/api/customers/{id}/erase", null)).ProblemAsync(HttpStatusCode.Forbidden);
        var erased = await (await manager.PostAsJsonAsync($"/api/customers/{id}/erase", new { reason = "Request by letter 2026-11-20" })).JsonAsync();
        Assert.Equal("erased", erased["status"]!.GetValue<string>());
        Assert.Equal("", erased["name"]!.GetValue<string>());
        Assert.Empty(erased["contacts"]!.AsArray());

        Assert.Equal([], await TablesContainingAsync(app, LeeSecrets));
        Assert.Equal([], FilesContaining(app.DataDirectory, LeeSecrets));
        Assert.Empty((await (await manager.GetAsync("/api/customers?q=07700900456")).JsonAsync()).AsArray());

        // Visits, service times and ratings are still counted, against the same anonymous id.
        var after = await app.WithDbAsync(async db => (await db.QueueTickets.CountAsync(), await db.Encounters.CountAsync(), await db.ServiceEvaluations.CountAsync()));
        Assert.Equal(before, after);
        var profile = await (await manager.GetAsync($"/api/customers/{id}")).JsonAsync();
        Assert.Equal(2, profile["visitsLastYear"]!.GetValue<int>());
        Assert.Equal(250000.0, profile["value"]!.GetValue<double>());
        Assert.Equal(2, await app.WithDbAsync(db => db.QueueTickets.CountAsync(t => t.CustomerId == Guid.Parse(id))));
        await (await staff.PatchAsJsonAsync($"/api/customers/{id}", new { name = "Back again" })).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Retention_AnonymisesOnlyCustomersWithoutRecentActivity()
    {
        var staff = await BranchWithCounterAsync(app);
        var admin = await app.AdminAsync();
        await (await admin.PutAsJsonAsync("/api/admin/settings", new { auditRetentionDays = 365, customerRetentionDays = 10 })).ProblemAsync(HttpStatusCode.BadRequest);
        await (await admin.PutAsJsonAsync("/api/admin/settings", new { auditRetentionDays = 365, customerRetentionDays = 400 })).ShouldBeAsync(HttpStatusCode.OK);
        var dormant = Guid.Parse((await CreateAsync(staff, Lee)).Id());
        var visitedLately = Guid.Parse((await CreateAsync(staff, new { name = "Tom Ashdown", phones = new[] { "07700900789" }, language = "en-US" })).Id());
        var editedLately = Guid.Parse((await CreateAsync(staff, new { name = "Ann Pryce", phones = new[] { "07700900321" }, language = "en-US" })).Id());
        await ServeAsync(staff, visitedLately.ToString());
        // Two years ago for everyone; one of them came back last month, another had their profile changed by staff.
        await app.WithDbAsync(async db =>
        {
            var old = DateTime.UtcNow.AddYears(-2);
            await db.Customers.ExecuteUpdateAsync(s => s.SetProperty(c => c.CreatedAt, old).SetProperty(c => c.UpdatedAt, old));
            await db.Customers.Where(c => c.Id == editedLately).ExecuteUpdateAsync(s => s.SetProperty(c => c.UpdatedAt, DateTime.UtcNow.AddDays(-3)));
            return await db.QueueTickets.ExecuteUpdateAsync(s => s.SetProperty(t => t.IssuedAt, DateTime.UtcNow.AddDays(-30)));
        });

        var retention = app.Services.GetRequiredService<CustomerRetention>();
        Assert.Equal(1, await retention.RunAsync(CancellationToken.None));
        var statuses = await app.WithDbAsync(db => db.Customers.ToDictionaryAsync(c => c.Id, c => c.Status));
        Assert.Equal("anonymised", statuses[dormant]);
        Assert.Equal("active", statuses[visitedLately]);
        Assert.Equal("active", statuses[editedLately]);
        Assert.Equal([], await TablesContainingAsync(app, LeeSecrets));
        Assert.Equal(0, await retention.RunAsync(CancellationToken.None));
    }

    public void Dispose() => app.Dispose();
}
