using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Touchpoint.Server.Features.Customers;
using Touchpoint.Tests.Infrastructure;
using static Touchpoint.Tests.Customers.CustomerTestData;

namespace Touchpoint.Tests.Customers;

/// <summary>
/// Customers on PostgreSQL, where collation (name prefixes), set operations over modules' activity, VACUUM after
/// erasure and timestamps behave differently from SQLite.
/// </summary>
public sealed class PostgresCustomerTests
{
    [PostgresFact]
    public async Task FindRevealMergeEraseAndRetention_WorkOnPostgres()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        using var app = new TouchpointFactory(postgresConnectionString: database.ConnectionString);
        var staff = await BranchWithCounterAsync(app, "SEL");
        var other = await BranchWithCounterAsync(app, "LON");
        var manager = await app.StaffAsync("Manager");

        var kim = await CreateAsync(staff, new { name = "김민준", phones = new[] { "010-2222-3333" }, language = "ko-KR", identifiers = new[] { new { kind = "membership", value = "SEL-0001" } } });
        var lee = await CreateAsync(staff, CustomerPrivacyTests.Lee);
        var duplicate = await CreateAsync(staff, new { name = "김민준", emails = new[] { "minjun.kim@example.kr" }, language = "ko-KR" });
        await ServeAsync(staff, duplicate.Id(), "SEL");

        // Prefixes of Hangul names are byte ranges under the "C" collation, whatever the database's locale.
        Assert.Equal(2, (await (await staff.GetAsync("/api/customers?q=김민")).JsonAsync()).AsArray().Count);
        Assert.Equal(2, (await (await staff.GetAsync("/api/customers?q=민준")).JsonAsync()).AsArray().Count);
        Assert.Single((await (await staff.GetAsync("/api/customers?q=sel0001")).JsonAsync()).AsArray());
        Assert.Empty((await (await other.GetAsync("/api/customers?q=김민")).JsonAsync()).AsArray());

        var revealed = await (await manager.PostAsJsonAsync($"/api/customers/{kim.Id()}/reveal", new { field = "phone", reason = "Confirm callback number" })).JsonAsync();
        Assert.Equal("01022223333", revealed["values"]![0]!.GetValue<string>());

        var merged = await (await manager.PostAsJsonAsync($"/api/customers/{kim.Id()}/merge", new { otherId = duplicate.Id(), reason = "duplicate" })).JsonAsync();
        Assert.Equal(2, merged["contacts"]!.AsArray().Count);
        Assert.Equal(1, merged["visitsLastYear"]!.GetValue<int>());

        await (await manager.PostAsync($"/api/customers/{lee.Id()}/erase", null)).ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal([], await TablesContainingAsync(app, CustomerPrivacyTests.LeeSecrets));
        Assert.Single((await (await staff.GetAsync($"/api/customers/{kim.Id()}/timeline")).JsonAsync()).AsArray(),
            e => e!["type"]!.GetValue<string>() == "queue.ticket");

        // Retention: the merged survivor visited lately and stays; a customer untouched for years is anonymised.
        var old = Guid.Parse((await CreateAsync(staff, new { name = "박지훈", phones = new[] { "010-9999-0000" }, language = "ko-KR" })).Id());
        await app.WithDbAsync(db => db.Customers.ExecuteUpdateAsync(s => s.SetProperty(c => c.CreatedAt, DateTime.UtcNow.AddYears(-5))
            .SetProperty(c => c.UpdatedAt, DateTime.UtcNow.AddYears(-5))));
        Assert.Equal(1, await app.Services.GetRequiredService<CustomerRetention>().RunAsync(CancellationToken.None));
        var statuses = await app.WithDbAsync(db => db.Customers.ToDictionaryAsync(c => c.Id, c => c.Status));
        Assert.Equal("anonymised", statuses[old]);
        Assert.Equal("active", statuses[Guid.Parse(kim.Id())]);
    }
}
