using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.RateLimiting;
using Touchpoint.Server.Platform.Localization;

namespace Touchpoint.Server.Platform.Http;

public static class RateLimitPolicies
{
    /// <summary>Anything a kiosk, QR page or anonymous visitor can reach.</summary>
    public const string Anonymous = "anonymous";
    public const string SignIn = "sign-in";
    public const string Pairing = "pairing";
}

public static class HttpSetup
{
    public static IServiceCollection AddTouchpointHttp(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
            // Numbers are numbers: "3" is not a counter number (and the OpenAPI document says integer, not integer|string).
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        // Bad bodies throw, so the exception handler can answer with the field that was wrong instead of an empty 400.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            ctx.ProblemDetails.Extensions["traceId"] = ctx.HttpContext.TraceIdentifier;
            // Problems the framework raises by itself (404 from routing, 401 from a challenge) get localised texts.
            if (ctx.ProblemDetails.Status is { } status && ctx.ProblemDetails.Detail is null && ctx.Exception is null
                && ctx.ProblemDetails is not HttpValidationProblemDetails)
            {
                var localized = Problems.Create(status);
                ctx.ProblemDetails.Title = localized.Title;
                ctx.ProblemDetails.Detail = localized.Detail;
            }
        });
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (ctx, ct) =>
            {
                if (ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry))
                    ctx.HttpContext.Response.Headers.RetryAfter = ((int)retry.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                await Problems.Write(ctx.HttpContext, StatusCodes.Status429TooManyRequests);
            };
            AddPerAddress(o, RateLimitPolicies.Anonymous, config.GetValue("RateLimits:AnonymousPerMinute", 240));
            AddPerAddress(o, RateLimitPolicies.SignIn, config.GetValue("RateLimits:SignInPerMinute", 30));
            AddPerAddress(o, RateLimitPolicies.Pairing, config.GetValue("RateLimits:PairingPerMinute", 10));
        });
        return services;
    }

    /// <summary>
    /// Per signed-in principal (a kiosk, a staff member), else per address: a branch's kiosks and staff often share one
    /// public address and must not share one allowance with its anonymous visitors.
    /// </summary>
    private static void AddPerAddress(RateLimiterOptions o, string name, int perMinute) =>
        o.AddPolicy(name, ctx => RateLimitPartition.GetFixedWindowLimiter(
            ctx.User.Identity?.IsAuthenticated == true ? "principal:" + ctx.User.Identity.Name : ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));

    public static IApplicationBuilder UseTouchpointLocalization(this IApplicationBuilder app)
    {
        var cultures = Languages.All.Select(l => new CultureInfo(l)).ToList();
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Languages.Default),
            SupportedCultures = cultures,
            SupportedUICultures = cultures,
        };
        options.RequestCultureProviders = [new CustomRequestCultureProvider(ctx => Task.FromResult<ProviderCultureResult?>(
            new ProviderCultureResult(FromAcceptLanguage(ctx.Request))))];
        return app.UseRequestLocalization(options);
    }

    /// <summary>The first Accept-Language entry (by quality) that is Chinese, Korean or English, mapped to our four.</summary>
    private static string FromAcceptLanguage(HttpRequest request)
    {
        var values = request.GetTypedHeaders().AcceptLanguage;
        foreach (var v in values.OrderByDescending(v => v.Quality ?? 1))
        {
            var tag = v.Value.ToString();
            if (tag.StartsWith("zh", StringComparison.OrdinalIgnoreCase) || tag.StartsWith("ko", StringComparison.OrdinalIgnoreCase)
                || tag.StartsWith("en", StringComparison.OrdinalIgnoreCase))
                return Languages.Normalize(tag);
        }
        return Languages.Default;
    }
}

/// <summary>Malformed JSON or a missing body is the client's mistake: 400 naming the field, never a 500.</summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext ctx, Exception exception, CancellationToken ct)
    {
        if (exception is not BadHttpRequestException bad) return false;
        var field = (bad.InnerException as JsonException)?.Path is { Length: > 1 } path ? JsonPathToField(path) : "body";
        var problem = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [Messages.Get("validation.json")] })
        {
            Status = bad.StatusCode,
            Title = Messages.Get("validation.title"),
            // The framework's own words name the parameter that failed to bind (route, query or body).
            Detail = bad.InnerException is JsonException ? null : bad.Message,
        };
        ctx.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = ctx, ProblemDetails = problem, Exception = exception });
    }

    // "$.name" -> "name", "$.services[1]" -> "services[1]"
    private static string JsonPathToField(string path) => path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
}
