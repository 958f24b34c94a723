using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Touchpoint.Server.Platform.Devices;
using Touchpoint.Server.Platform.Http;

namespace Touchpoint.Server.Platform.Identity;

public static class AuthenticationSetup
{
    private const string SmartScheme = "CookieOrBearer";
    public const string XsrfCookieName = "XSRF-TOKEN";
    public const string XsrfHeaderName = "X-XSRF-TOKEN";
    private const string AntiforgeryCookieName = "tp.antiforgery";

    public static IServiceCollection AddTouchpointAuthentication(this IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddSingleton<UserAccessCache>();
        services.AddSingleton<VerifiedTokens>();
        services.AddAntiforgery(o =>
        {
            o.HeaderName = XsrfHeaderName;
            o.Cookie.Name = AntiforgeryCookieName;
        });
        services.AddAuthentication(SmartScheme)
            .AddPolicyScheme(SmartScheme, SmartScheme, o => o.ForwardDefaultSelector = ctx =>
                BearerTokenHandler.ReadToken(ctx.Request) is not null
                    ? BearerTokenHandler.SchemeName
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = "tp.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.ExpireTimeSpan = TimeSpan.FromHours(12);
                o.SlidingExpiration = true;
                // An API answers 401/403 with problem details; it never redirects to a login page.
                o.Events.OnRedirectToLogin = ctx => Problems.Write(ctx.HttpContext, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = ctx => Problems.Write(ctx.HttpContext, StatusCodes.Status403Forbidden);
                o.Events.OnValidatePrincipal = RefreshFromDatabase;
            })
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null);
        // After the cookie handler's own post-configuration, which creates the decrypting format.
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .PostConfigure<VerifiedTokens>((o, tokens) => o.TicketDataFormat = tokens.Tickets(o.TicketDataFormat));

        services.AddAuthorizationBuilder()
            .AddPolicies(Permissions.All)
            .AddPolicies([DevicePermissions.Kiosk, DevicePermissions.Display, DevicePermissions.Counter, DevicePermissions.Pad]);
        return services;
    }

    private static AuthorizationBuilder AddPolicies(this AuthorizationBuilder builder, IEnumerable<string> permissions)
    {
        foreach (var p in permissions)
            builder.AddPolicy(p, policy => policy.RequireClaim(TouchpointClaims.Permission, p));
        return builder;
    }

    /// <summary>
    /// The cookie carries only the user's id and security stamp; roles, branches and permissions are read fresh, so
    /// deactivating a user or changing their password ends their other sessions.
    /// </summary>
    private static async Task RefreshFromDatabase(CookieValidatePrincipalContext ctx)
    {
        var principal = ctx.Principal;
        if (principal is null || !Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id))
        {
            ctx.RejectPrincipal();
            return;
        }
        var access = await ctx.HttpContext.RequestServices.GetRequiredService<UserAccessCache>().GetAsync(id, ctx.HttpContext.RequestAborted);
        if (access is not { IsActive: true } || access.SecurityStamp != principal.FindFirstValue(TouchpointClaims.SecurityStamp))
        {
            ctx.RejectPrincipal();
            await ctx.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }
        ctx.ReplacePrincipal(access.ToPrincipal(TouchpointClaims.CookieAuthentication));
    }

    public static ClaimsPrincipal CookiePrincipal(UserAccess access) =>
        new(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, access.Id.ToString()), new Claim(TouchpointClaims.SecurityStamp, access.SecurityStamp)],
            TouchpointClaims.CookieAuthentication));

    /// <summary>Gives the browser a readable XSRF-TOKEN cookie bound to the current user, for the X-XSRF-TOKEN header.</summary>
    public static void IssueXsrfCookie(HttpContext ctx)
    {
        var tokens = ctx.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(ctx);
        ctx.Response.Cookies.Append(XsrfCookieName, tokens.RequestToken!, new CookieOptions
        {
            HttpOnly = false, SameSite = SameSiteMode.Strict, Path = "/", Secure = ctx.Request.IsHttps,
        });
    }

    /// <summary>
    /// State-changing requests authenticated by the cookie must echo the XSRF token; bearer-token requests need not,
    /// because a browser never attaches those by itself.
    /// </summary>
    public static IApplicationBuilder UseXsrfProtection(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        var safe = HttpMethods.IsGet(ctx.Request.Method) || HttpMethods.IsHead(ctx.Request.Method)
            || HttpMethods.IsOptions(ctx.Request.Method) || HttpMethods.IsTrace(ctx.Request.Method);
        if (!safe && ctx.User.Identity?.AuthenticationType == TouchpointClaims.CookieAuthentication && !await XsrfValidAsync(ctx))
        {
            await Problems.Write(ctx, StatusCodes.Status400BadRequest, "auth.antiforgeryTitle", "auth.antiforgery");
            return;
        }
        await next(ctx);
    });

    /// <summary>The antiforgery check, skipped for a cookie and header pair that already passed it for this user.</summary>
    private static async Task<bool> XsrfValidAsync(HttpContext ctx)
    {
        var userId = ctx.User.FindFirstValue(ClaimTypes.NameIdentifier);
        var cookie = ctx.Request.Cookies[AntiforgeryCookieName];
        var header = ctx.Request.Headers[XsrfHeaderName].ToString();
        var tokens = ctx.RequestServices.GetRequiredService<VerifiedTokens>();
        var rememberable = userId is not null && !string.IsNullOrEmpty(cookie) && header.Length > 0;
        if (rememberable && tokens.XsrfPairVerified(userId!, cookie!, header)) return true;
        if (!await ctx.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(ctx)) return false;
        if (rememberable) tokens.RememberXsrfPair(userId!, cookie!, header);
        return true;
    }
}
