using Touchpoint.Tests.Infrastructure;
using static Touchpoint.Tests.Search.SearchScenarios;

namespace Touchpoint.Tests.Search;

/// <summary>The search scenarios on PostgreSQL: tsvector over the same terms, GIN index, ts_rank.</summary>
public sealed class PostgresSearchTests
{
    [PostgresFact]
    public async Task Candidates_UnderACap_AreTheNewestMatches_OnPostgres()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        using var app = new TouchpointFactory(postgresConnectionString: database.ConnectionString);
        await CapKeepsTheNewestMatchesAsync(app);
    }

    [PostgresFact]
    public async Task Candidates_AreTheNewestMatches_AcrossTheIndexHistory_OnPostgres()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        using var app = new TouchpointFactory(postgresConnectionString: database.ConnectionString);
        await NewestMatchesAcrossTheIndexHistoryAsync(app);
    }

    [PostgresFact]
    public async Task Search_FindsWordsInsidePhrases_RanksScopesAndFollowsUpdates_OnPostgres()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        using var app = new TouchpointFactory(postgresConnectionString: database.ConnectionString);
        await FindsRanksScopesAndFollowsUpdatesAsync(app);
    }

    [PostgresFact]
    public async Task Search_MasksCustomers_AndForgetsErasedOnes_OnPostgres()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        using var app = new TouchpointFactory(postgresConnectionString: database.ConnectionString);
        await MasksCustomersAndForgetsErasedOnesAsync(app);
    }

    [PostgresFact]
    public async Task Search_Pages_Filters_AndValidates_OnPostgres()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        using var app = new TouchpointFactory(postgresConnectionString: database.ConnectionString);
        await PagesFiltersAndValidatesAsync(app);
    }
}
