using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Tests.Customers;
using Touchpoint.Tests.Infrastructure;
using static Touchpoint.Tests.Search.SearchScenarios;

namespace Touchpoint.Tests.Search;

/// <summary>GET /api/search on SQLite (FTS5); the same scenarios run on PostgreSQL in <see cref="PostgresSearchTests"/>.</summary>
public sealed class SearchApiTests : IDisposable
{
    private readonly TouchpointFactory app = new();

    [Fact]
    public Task Search_FindsWordsInsidePhrases_RanksScopesAndFollowsUpdates() => FindsRanksScopesAndFollowsUpdatesAsync(app);

    [Fact]
    public Task Search_MasksCustomers_AndForgetsErasedOnes() => MasksCustomersAndForgetsErasedOnesAsync(app);

    [Fact]
    public Task Search_Pages_Filters_AndValidates() => PagesFiltersAndValidatesAsync(app);

    [Fact]
    public Task Candidates_UnderACap_AreTheNewestMatches() => CapKeepsTheNewestMatchesAsync(app);

    [Fact]
    public Task Candidates_AreTheNewestMatches_AcrossTheIndexHistory() => NewestMatchesAcrossTheIndexHistoryAsync(app);

    [Fact]
    public async Task Erasure_TakesTheNameOffTheFullTextIndexPages()
    {
        var staff = await CustomerTestData.BranchWithCounterAsync(app);
        var manager = await app.StaffAsync("Manager");
        var id = (await CustomerTestData.CreateAsync(staff, new { name = "Zebedee Quillfeather", language = "en-US" })).Id();
        Assert.NotEmpty(CustomerTestData.FilesContaining(app.DataDirectory, "quillfeather"));
        await (await manager.PostAsJsonAsync($"/api/customers/{id}/erase", new { reason = "Request" })).ShouldBeAsync(HttpStatusCode.OK);
        var inIndex = await app.WithDbAsync(db => db.Database.SqlQueryRaw<int>(
            """SELECT count(*) AS "Value" FROM "SearchIndex" WHERE "SearchIndex" MATCH 'pquillfeather'""").SingleAsync());
        Assert.Equal(0, inIndex);
        Assert.Equal([], CustomerTestData.FilesContaining(app.DataDirectory, "quillfeather"));
    }

    [Fact]
    public async Task Rebuild_RewritesTheIndex_ForAdministratorsOnly()
    {
        await app.CreateBranchAsync("SH");
        var staff = await app.StaffAsync("Frontline", "SH");
        var encounter = await EncounterAsync(staff, "SH", "客户咨询外汇兑换");
        // A change made outside the application (an import, a repair by SQL) is not seen until a rebuild.
        await app.WithDbAsync(db => db.Encounters.ExecuteUpdateAsync(s => s.SetProperty(e => e.Summary, "客户咨询理财产品")));
        Assert.Single(Items(await SearchAsync(staff, "外汇")));

        await (await staff.PostAsync("/api/search/rebuild", null)).ProblemAsync(HttpStatusCode.Forbidden);
        var admin = await app.AdminAsync();
        var result = await (await admin.PostAsync("/api/search/rebuild", null)).JsonAsync();
        Assert.Equal(1, result["documents"]!["encounter"]!.GetValue<int>());
        Assert.Empty(Items(await SearchAsync(staff, "外汇")));
        Assert.Equal([encounter.Id()], Ids(await SearchAsync(staff, "理财")));
    }

    [Fact]
    public async Task DemoData_IsIndexedAtStart()
    {
        using var demo = new TouchpointFactory(demo: true);
        var manager = await demo.SignInAsync("sh.manager", TouchpointFactory.DemoPassword);
        var results = await SearchAsync(manager, "卡");
        Assert.NotEmpty(Items(results));
        var entries = await demo.WithDbAsync(db => db.SearchEntries.GroupBy(e => e.Kind).ToDictionaryAsync(g => g.Key, g => g.Count()));
        Assert.True(entries.GetValueOrDefault("case") > 0 && entries.GetValueOrDefault("customer") > 0, string.Join(", ", entries));
    }

    public void Dispose() => app.Dispose();
}
