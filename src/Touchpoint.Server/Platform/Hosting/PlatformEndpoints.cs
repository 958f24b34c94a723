using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Http;
using Touchpoint.Server.Platform.Localization;
using Touchpoint.Server.Platform.Realtime;

namespace Touchpoint.Server.Platform.Hosting;

public sealed record HealthReport(string Status, string Database, string Provider, string? Realtime);
public sealed record PublicInfo(string Version, bool Demo, IReadOnlyList<string> Languages);

public static class PlatformEndpoints
{
    public const string DemoSeededKey = "demo.seeded";
    public static readonly string Version =
        typeof(PlatformEndpoints).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public static void MapPlatformApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", Health).AllowAnonymous().WithTags("Platform");
        app.MapGet("/api/public/info", Info).AllowAnonymous().RequireRateLimiting(RateLimitPolicies.Anonymous).WithTags("Platform");
        // The trivial endpoint every benchmark figure is compared with: no database, no authentication.
        app.MapGet("/api/public/ping", () => TypedResults.Text("pong")).AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicies.Anonymous).WithTags("Platform");
    }

    private static async Task<IResult> Health(TouchpointDb db, IServiceProvider services, CancellationToken ct)
    {
        bool dbOk;
        try { dbOk = await db.Database.CanConnectAsync(ct); }
        catch (Exception) { dbOk = false; }
        var listener = services.GetService<PostgresRealtimeListener>();
        var realtime = listener is null ? "local" : listener.Listening.IsCompletedSuccessfully ? "listening" : "starting";
        var healthy = dbOk && realtime != "starting";
        var report = new HealthReport(healthy ? "Healthy" : "Unhealthy", dbOk ? "ok" : "unreachable", db.IsPostgres ? "PostgreSQL" : "SQLite", realtime);
        return healthy ? TypedResults.Ok(report) : TypedResults.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<PublicInfo> Info(TouchpointDb db, CancellationToken ct) =>
        new(Version, await db.Settings.AnyAsync(s => s.Key == DemoSeededKey, ct), Languages.All);
}
