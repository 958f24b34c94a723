using Npgsql;

namespace Touchpoint.Tests.Infrastructure;

/// <summary>A fresh database on the test PostgreSQL server, dropped afterwards: no state shared between tests.</summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    private readonly string adminConnectionString;
    public string Name { get; }
    public string ConnectionString { get; }

    private PostgresDatabase(string admin, string name)
    {
        adminConnectionString = admin;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }

    public static async Task<PostgresDatabase> CreateAsync()
    {
        var admin = TestEnvironment.PostgresConnectionString
            ?? throw new InvalidOperationException("CI=true but TOUCHPOINT_TEST_POSTGRES is not set: .ci/run starts PostgreSQL and sets it.");
        var name = "tp_" + Guid.NewGuid().ToString("N")[..16];
        await using var conn = new NpgsqlConnection(admin);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", conn);
        await cmd.ExecuteNonQueryAsync();
        return new PostgresDatabase(admin, name);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var conn = new NpgsqlConnection(adminConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
