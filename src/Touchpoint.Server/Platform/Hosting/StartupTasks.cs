using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Touchpoint.Server.Features.Customers;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Demo;
using Touchpoint.Server.Platform.Search;

namespace Touchpoint.Server.Platform.Hosting;

/// <summary>
/// Runs before the server accepts requests (StartingAsync comes before any hosted StartAsync, the web server's
/// included): migrates the schema, creates the admin, seeds demo data. Then prints how to sign in.
/// </summary>
public sealed class StartupTasks(IServiceProvider services, TouchpointOptions options, IServer server, ILogger<StartupTasks> log) : IHostedLifecycleService
{
    private string? generatedPassword;

    public async Task StartingAsync(CancellationToken ct)
    {
        await DatabaseSetup.MigrateAsync(services, ct);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TouchpointDb>();
        generatedPassword = await AdminBootstrap.EnsureAdminAsync(db, options, ct);
        await Features.Cases.MacroDefaults.SeedAsync(db, ct);
        // Before the demo data, which the index then follows as it is written (a fresh database rebuilds nothing).
        await services.GetRequiredService<SearchIndexing>().EnsureCurrentAsync(db, log, ct);
        if (options.DemoData)
        {
            await DemoData.SeedAsync(db, options.DemoHistoryDays, ct);
            await CustomerDemoData.SeedAsync(scope.ServiceProvider, db, ct);
            await Features.Feedback.FeedbackDemoData.SeedAsync(scope.ServiceProvider, db, ct);
            await Features.Knowledge.KnowledgeDemoData.SeedAsync(db, scope.ServiceProvider.GetRequiredService<TimeProvider>(), ct);
        }
    }

    public Task StartedAsync(CancellationToken ct)
    {
        // Console, not the logger: the one-time password must not end up in collected logs.
        var url = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://127.0.0.1:5080";
        Console.WriteLine();
        Console.WriteLine($"Touchpoint is running at {url}  (database: {(options.UsePostgres ? "PostgreSQL" : Path.Combine(options.DataDirectory, "touchpoint.db"))})");
        if (generatedPassword is not null)
            Console.WriteLine($"Sign in as '{AdminBootstrap.UserName}' with password: {generatedPassword}   (shown once; also in {Path.Combine(options.DataDirectory, AdminBootstrap.PasswordFile)})");
        else if (options.AdminPassword is not null)
            Console.WriteLine($"Sign in as '{AdminBootstrap.UserName}' with the password from TOUCHPOINT_ADMIN_PASSWORD.");
        else
            Console.WriteLine($"Sign in as '{AdminBootstrap.UserName}' (the first start wrote its password to {Path.Combine(options.DataDirectory, AdminBootstrap.PasswordFile)}).");
        if (options.DemoData)
            Console.WriteLine($"Demo staff: sh.manager, sh.supervisor, sh.frontline, ... (also tpe., sel., lon.) with password {DemoData.StaffPassword}");
        Console.WriteLine();
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken ct) => Task.CompletedTask;
}
