using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using Touchpoint.Server.Platform.Hosting;

namespace Touchpoint.Server.Platform.Data;

public static class DatabaseSetup
{
    public static IServiceCollection AddTouchpointDatabase(this IServiceCollection services, TouchpointOptions options)
    {
        if (options.UsePostgres)
        {
            services.AddSingleton(_ => PostgresDataSource(options.PostgresConnectionString));
            services.AddSingleton(_ => new WriteGate(null));
            services.AddDbContextPool<TouchpointDb>((sp, o) => Configure(o.UseNpgsql(sp.GetRequiredService<NpgsqlDataSource>()), sp));
        }
        else
        {
            Directory.CreateDirectory(options.DataDirectory);
            SqliteProcessSettings.Apply();
            var connectionString = new SqliteConnectionStringBuilder
            {
                DataSource = Path.Combine(options.DataDirectory, "touchpoint.db"),
                // Writers wait for each other instead of failing at once with "database is locked".
                DefaultTimeout = 30,
            }.ToString();
            services.AddSingleton(_ => new WriteGate(connectionString));
            services.AddSingleton<IInterceptor, SqliteConnectionSettings>();
            services.AddHostedService(sp => new SqliteCheckpointer(connectionString, sp.GetRequiredService<ILogger<SqliteCheckpointer>>()));
            services.AddDbContextPool<TouchpointDb>((sp, o) => Configure(o.UseSqlite(connectionString), sp));
        }
        return services;
    }

    /// <summary>
    /// Sessions run without PostgreSQL's JIT compiler (decision 0025): every statement here is a short one, and JIT
    /// starts compiling when a plan's estimate passes a fixed cost, which a search over a million entries does while
    /// reading a few thousand rows: compiling took longer than the search. Options the connection string sets itself
    /// come after ours and win.
    /// </summary>
    private static NpgsqlDataSource PostgresDataSource(string? connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.ConnectionStringBuilder.Options = $"-c jit=off {builder.ConnectionStringBuilder.Options}".TrimEnd();
        return builder.Build();
    }

    /// <summary>
    /// Features add their interceptors to the container as <see cref="IInterceptor"/> (singletons: contexts are pooled,
    /// so one set of options serves every request instead of being built per request).
    /// </summary>
    private static void Configure(DbContextOptionsBuilder o, IServiceProvider services) =>
        // The model has no snapshot (migrations are hand-written), so EF cannot compare them; tests prove they agree.
        o.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning))
            .AddInterceptors(services.GetServices<IInterceptor>());

    /// <summary>Applies pending migrations (EF takes a lock, so several nodes may start at once).</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TouchpointDb>();
        if (!db.IsPostgres)
        {
            // WAL lets the lobby display and reports read while counters write; it is a property of the file.
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            await db.Database.CloseConnectionAsync();
        }
        await db.Database.MigrateAsync(ct);
    }
}
