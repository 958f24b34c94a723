namespace Touchpoint.Server.Platform.Hosting;

/// <summary>
/// Installation settings read once from configuration (environment variables included): TOUCHPOINT_DATA,
/// TOUCHPOINT_DEMO, TOUCHPOINT_ADMIN_PASSWORD, Database__Provider and ConnectionStrings__Postgres.
/// </summary>
public sealed class TouchpointOptions
{
    public required string DataDirectory { get; init; }
    public bool DemoData { get; init; }
    /// <summary>Days of simulated counter history in demo data (TOUCHPOINT_DEMO_HISTORY_DAYS, default 90).</summary>
    public int DemoHistoryDays { get; init; } = 90;
    public string? AdminPassword { get; init; }
    public bool UsePostgres { get; init; }
    public string? PostgresConnectionString { get; init; }

    public static TouchpointOptions From(IConfiguration config)
    {
        var provider = config["Database:Provider"] ?? "Sqlite";
        var usePostgres = provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase)
            || provider.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase);
        var postgres = config.GetConnectionString("Postgres");
        if (usePostgres && string.IsNullOrWhiteSpace(postgres))
            throw new InvalidOperationException("Database__Provider=Postgres needs ConnectionStrings__Postgres.");
        return new TouchpointOptions
        {
            DataDirectory = Path.GetFullPath(config["TOUCHPOINT_DATA"] is { Length: > 0 } d ? d : "data"),
            DemoData = !string.Equals(config["TOUCHPOINT_DEMO"], "false", StringComparison.OrdinalIgnoreCase),
            DemoHistoryDays = int.TryParse(config["TOUCHPOINT_DEMO_HISTORY_DAYS"], out var days) ? Math.Clamp(days, 0, 365) : 90,
            AdminPassword = config["TOUCHPOINT_ADMIN_PASSWORD"] is { Length: > 0 } p ? p : null,
            UsePostgres = usePostgres,
            PostgresConnectionString = postgres,
        };
    }
}
