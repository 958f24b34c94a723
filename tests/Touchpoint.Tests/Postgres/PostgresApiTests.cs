using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Touchpoint.Tests.Infrastructure;

namespace Touchpoint.Tests.Postgres;

/// <summary>The platform's API flows on PostgreSQL, where case, text and time handling differ from SQLite.</summary>
public sealed class PostgresApiTests
{
    [PostgresFact]
    public async Task SignInScopingTokensDevicesAndAudit_WorkOnPostgres()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        using var app = new TouchpointFactory(demo: true, postgresConnectionString: database.ConnectionString);

        var health = await (await app.CreateClient().GetAsync("/health")).JsonAsync();
        Assert.Equal("PostgreSQL", health["provider"]!.GetValue<string>());

        var frontline = await app.SignInAsync("TPE.Frontline", TouchpointFactory.DemoPassword);
        var branches = await (await frontline.GetAsync("/api/branches")).JsonAsync();
        Assert.Equal(["TPE"], branches.AsArray().Select(b => b!["code"]!.GetValue<string>()));
        await (await frontline.GetAsync("/api/branches/sh/services")).ProblemAsync(HttpStatusCode.Forbidden);

        var admin = await app.AdminAsync();
        var token = await (await admin.PostAsJsonAsync("/api/admin/api-tokens", new { name = "pg", scopes = new[] { "organisation.read" } })).JsonAsync(HttpStatusCode.Created);
        var api = app.CreateClient();
        api.DefaultRequestHeaders.Authorization = new("Bearer", token["token"]!.GetValue<string>());
        Assert.Equal(4, (await (await api.GetAsync("/api/branches")).JsonAsync()).AsArray().Count);

        var devices = await (await admin.GetAsync("/api/branches/SEL/devices")).JsonAsync();
        var code = devices.AsArray().First(d => d!["kind"]!.GetValue<string>() == "display")!["pairingCode"]!.GetValue<string>();
        await (await app.CreateClient().PostAsJsonAsync("/api/devices/pair", new { code })).ShouldBeAsync(HttpStatusCode.OK);

        var from = DateTime.UtcNow.AddMinutes(-5).ToString("O");
        var audit = await (await admin.GetAsync($"/api/audit?action=device.&from={Uri.EscapeDataString(from)}")).JsonAsync();
        Assert.Equal("device.paired", audit["items"]![0]!["action"]!.GetValue<string>());
        var failed = await app.CreateClient().PostAsJsonAsync("/api/auth/login", new { userName = "admin", password = "nope" });
        await failed.ProblemAsync(HttpStatusCode.Unauthorized);
    }

    /// <summary>JIT compiling a search's plan took longer than the search (decision 0025); a deployment may still ask for it.</summary>
    [PostgresFact]
    public async Task Sessions_RunWithoutJit_UnlessTheConnectionStringAsks()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        using (var app = new TouchpointFactory(postgresConnectionString: database.ConnectionString))
            Assert.Equal("off", await ShowJitAsync(app));
        var asking = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Options = "-c jit=on" }.ConnectionString;
        using (var app = new TouchpointFactory(postgresConnectionString: asking))
            Assert.Equal("on", await ShowJitAsync(app));
    }

    private static async Task<string> ShowJitAsync(TouchpointFactory app)
    {
        await using var connection = await app.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        await using var show = new NpgsqlCommand("SHOW jit", connection);
        return (string)(await show.ExecuteScalarAsync())!;
    }
}
