using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Demo;

namespace Touchpoint.Tests.Infrastructure;

/// <summary>
/// One Touchpoint per test: its own SQLite file in a temporary folder (or its own PostgreSQL database), no state shared
/// with other tests. Intent methods create what a test needs.
/// </summary>
public sealed class TouchpointFactory : WebApplicationFactory<Program>
{
    public const string AdminPassword = "Admin-Pass-2026";
    private readonly string dataDirectory = Directory.CreateTempSubdirectory("touchpoint-test-").FullName;
    private readonly bool demo;
    private readonly string? postgres;
    private readonly Dictionary<string, string?> settings;
    private readonly Action<IServiceCollection>? services;

    /// <param name="services">Extra registrations, for what a test plugs in (a chat-ended handler, a bot).</param>
    public TouchpointFactory(bool demo = false, string? postgresConnectionString = null, Dictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        this.demo = demo;
        postgres = postgresConnectionString;
        this.settings = settings ?? [];
        this.services = services;
    }

    public string DataDirectory => dataDirectory;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("TOUCHPOINT_DATA", dataDirectory);
        builder.UseSetting("TOUCHPOINT_DEMO", demo ? "true" : "false");
        // A few days of simulated counter history keep demo-backed tests quick; the real default is 90.
        builder.UseSetting("TOUCHPOINT_DEMO_HISTORY_DAYS", "3");
        builder.UseSetting("TOUCHPOINT_ADMIN_PASSWORD", AdminPassword);
        // Failures print the response body; the servers' information logs would only bury it.
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        if (postgres is not null)
        {
            builder.UseSetting("Database:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:Postgres", postgres);
        }
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        if (services is not null) builder.ConfigureServices(services);
    }

    /// <summary>A client that keeps cookies and echoes the XSRF token, as the web app does.</summary>
    public HttpClient CreateBrowserLikeClient(string language = "en-US")
    {
        var cookies = new CookieContainer();
        var client = CreateDefaultClient(new XsrfHeaderHandler(cookies), new CookieContainerHandler(cookies));
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    public async Task<HttpClient> SignInAsync(string userName, string password, string language = "en-US")
    {
        var client = CreateBrowserLikeClient(language);
        var response = await client.PostAsJsonAsync("/api/auth/login", new { userName, password });
        await response.ShouldBeAsync(HttpStatusCode.OK);
        return client;
    }

    public Task<HttpClient> AdminAsync() => SignInAsync("admin", AdminPassword);

    /// <summary>Creates a staff member with the role in the branches and returns a client signed in as them.</summary>
    public async Task<HttpClient> StaffAsync(string role, params string[] branches)
    {
        var admin = await AdminAsync();
        var userName = $"{role.ToLowerInvariant()}{Guid.NewGuid():N}"[..20];
        const string password = "Staff-Pass-1";
        var created = await admin.PostAsJsonAsync("/api/admin/users",
            new { userName, displayName = role, password, roles = new[] { role }, branches, language = "en-US" });
        await created.ShouldBeAsync(HttpStatusCode.Created);
        return await SignInAsync(userName, password);
    }

    /// <summary>Creates a staff member and returns their session cookies as a Cookie header (for WebSocket clients).</summary>
    public async Task<string> StaffCookieAsync(string role, params string[] branches)
    {
        var admin = await AdminAsync();
        var userName = $"{role.ToLowerInvariant()}{Guid.NewGuid():N}"[..20];
        await (await admin.PostAsJsonAsync("/api/admin/users",
            new { userName, displayName = role, password = "Staff-Pass-1", roles = new[] { role }, branches })).ShouldBeAsync(HttpStatusCode.Created);
        var login = await CreateDefaultClient().PostAsJsonAsync("/api/auth/login", new { userName, password = "Staff-Pass-1" });
        await login.ShouldBeAsync(HttpStatusCode.OK);
        return string.Join("; ", login.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
    }

    public async Task CreateBranchAsync(string code, params string[] services)
    {
        var admin = await AdminAsync();
        await (await admin.PostAsJsonAsync("/api/branches", new { code, name = $"Branch {code}", timeZone = "Asia/Shanghai" }))
            .ShouldBeAsync(HttpStatusCode.Created);
        for (var i = 0; i < services.Length; i++)
            await (await admin.PostAsJsonAsync($"/api/branches/{code}/services",
                new { code = services[i], name = services[i], prefix = ((char)('A' + i)).ToString() })).ShouldBeAsync(HttpStatusCode.Created);
    }

    public async Task<T> WithDbAsync<T>(Func<TouchpointDb, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TouchpointDb>());
    }

    public static string DemoPassword => DemoData.StaffPassword;

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { }
    }
}

/// <summary>Reads the XSRF-TOKEN cookie and sends it back as X-XSRF-TOKEN on state-changing requests.</summary>
public sealed class XsrfHeaderHandler(CookieContainer cookies) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        if (request.Method != HttpMethod.Get && request.Method != HttpMethod.Head && request.RequestUri is { } uri
            && cookies.GetCookies(uri)["XSRF-TOKEN"] is { } token)
            request.Headers.TryAddWithoutValidation("X-XSRF-TOKEN", token.Value);
        return base.SendAsync(request, ct);
    }
}
