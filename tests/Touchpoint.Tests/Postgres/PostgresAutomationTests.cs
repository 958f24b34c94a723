using Touchpoint.Tests.Automation;
using Touchpoint.Tests.Infrastructure;

namespace Touchpoint.Tests.Postgres;

/// <summary>Auto-assignment on PostgreSQL, where writers do run at once: the branch's pool row lock keeps capacity.</summary>
public sealed class PostgresAutomationTests
{
    [PostgresFact]
    public async Task ConcurrentCases_RespectCapacity_OnPostgres()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        using var app = new TouchpointFactory(postgresConnectionString: database.ConnectionString);
        await ConcurrentCreation.CheckAsync(app);
    }
}
