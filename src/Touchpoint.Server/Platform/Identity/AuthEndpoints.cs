using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Platform.Audit;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Http;

namespace Touchpoint.Server.Platform.Identity;

public sealed record SignInRequest(string? UserName, string? Password);
public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);
public sealed record PreferencesRequest(string? Language);
public sealed record MeResponse(
    Guid Id, string UserName, string DisplayName, string Language,
    IReadOnlyList<string> Roles, IReadOnlyList<string> Branches, IReadOnlyList<string> Permissions);

public static class AuthEndpoints
{
    // A hash to verify against when the user name is unknown, so the answer takes as long either way.
    private static readonly string DummyHash = Passwords.Hash("not-a-real-password-1");

    public static void MapAuthApi(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Auth");
        auth.MapPost("/login", SignIn).RequireRateLimiting(RateLimitPolicies.SignIn).AllowAnonymous();
        auth.MapPost("/logout", SignOut).RequireAuthorization();
        auth.MapPost("/change-password", ChangePassword).RequireAuthorization();

        var me = app.MapGroup("/api/me").WithTags("Auth").RequireAuthorization();
        me.MapGet("", GetMe);
        me.MapPut("/preferences", SetPreferences);
    }

    private static async Task<Results<Ok<MeResponse>, ValidationProblem, ProblemHttpResult>> SignIn(
        SignInRequest request, HttpContext ctx, TouchpointDb db, AuditLog audit, UserAccessCache cache, TimeProvider clock)
    {
        var v = new Validation();
        v.Required("userName", request.UserName, 64);
        v.Required("password", request.Password, 128);
        if (!v.IsValid) return v.Problem();

        var now = clock.GetUtcNow().UtcDateTime;
        var normalized = User.Normalize(request.UserName!);
        var user = await db.Users.FirstOrDefaultAsync(u => u.NormalizedUserName == normalized, ctx.RequestAborted);
        if (user is null || !user.IsActive)
        {
            await Passwords.WithHashingSlotAsync(() => Passwords.Verify(DummyHash, request.Password!), ctx.RequestAborted);
            await audit.RecordNowAsync(AuditActions.SignInFailed, $"user:{normalized}", new { reason = user is null ? "unknown" : "inactive" }, actorOverride: normalized);
            return Problems.Result(StatusCodes.Status401Unauthorized, "auth.invalidTitle", "auth.invalid");
        }
        if (user.LockedUntil is { } locked && locked > now)
        {
            await audit.RecordNowAsync(AuditActions.SignInFailed, $"user:{user.UserName}", new { reason = "locked" }, user.UserName, user.Id);
            return Locked(locked);
        }

        var (ok, rehash) = await Passwords.WithHashingSlotAsync(() => Passwords.Verify(user.PasswordHash, request.Password!), ctx.RequestAborted);
        if (!ok)
        {
            user.FailedSignIns++;
            if (user.FailedSignIns >= Passwords.MaxFailedSignIns)
            {
                user.LockedUntil = now + Passwords.LockoutDuration;
                user.FailedSignIns = 0;
                audit.Record(AuditActions.LockedOut, $"user:{user.UserName}", new { until = user.LockedUntil }, user.UserName, user.Id);
            }
            audit.Record(AuditActions.SignInFailed, $"user:{user.UserName}", new { reason = "password" }, user.UserName, user.Id);
            await db.SaveChangesAsync(ctx.RequestAborted);
            return user.LockedUntil is { } until && until > now ? Locked(until)
                : Problems.Result(StatusCodes.Status401Unauthorized, "auth.invalidTitle", "auth.invalid");
        }

        user.FailedSignIns = 0;
        user.LockedUntil = null;
        user.LastSignInAt = now;
        if (rehash) user.PasswordHash = Passwords.Hash(request.Password!);
        audit.Record(AuditActions.SignIn, $"user:{user.UserName}", null, user.UserName, user.Id);
        await db.SaveChangesAsync(ctx.RequestAborted);

        cache.Invalidate(user.Id);
        var access = (await cache.GetAsync(user.Id, ctx.RequestAborted))!;
        await ctx.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, AuthenticationSetup.CookiePrincipal(access));
        // The XSRF token is bound to the signed-in identity, so it is issued for the new principal.
        ctx.User = access.ToPrincipal(TouchpointClaims.CookieAuthentication);
        AuthenticationSetup.IssueXsrfCookie(ctx);
        return TypedResults.Ok(ToMe(access));
    }

    private static ProblemHttpResult Locked(DateTime until) =>
        Problems.Result(StatusCodes.Status423Locked, "auth.lockedTitle", "auth.locked", until.ToString("yyyy-MM-dd HH:mm"));

    private static async Task<NoContent> SignOut(HttpContext ctx, AuditLog audit)
    {
        await audit.RecordNowAsync(AuditActions.SignOut, $"user:{ctx.User.Identity?.Name}");
        await ctx.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        ctx.Response.Cookies.Delete(AuthenticationSetup.XsrfCookieName);
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ChangePassword(
        ChangePasswordRequest request, HttpContext ctx, TouchpointDb db, AuditLog audit, UserAccessCache cache)
    {
        if (ctx.User.UserId() is not { } id) return Problems.Forbidden();
        var user = await db.Users.FirstAsync(u => u.Id == id, ctx.RequestAborted);
        var v = new Validation();
        if (v.Required("currentPassword", request.CurrentPassword, 128) && !Passwords.Verify(user.PasswordHash, request.CurrentPassword!).Ok)
            v.Add("currentPassword", "validation.currentPassword");
        Passwords.Validate(v, "newPassword", request.NewPassword);
        if (!v.IsValid) return v.Problem();

        user.PasswordHash = Passwords.Hash(request.NewPassword!);
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        audit.Record(AuditActions.PasswordChanged, $"user:{user.UserName}");
        await db.SaveChangesAsync(ctx.RequestAborted);
        cache.Invalidate(user.Id);

        // Other sessions end (their stamp no longer matches); this one continues under the new stamp.
        var access = (await cache.GetAsync(user.Id, ctx.RequestAborted))!;
        await ctx.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, AuthenticationSetup.CookiePrincipal(access));
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<MeResponse>, ProblemHttpResult>> GetMe(HttpContext ctx, UserAccessCache cache)
    {
        if (ctx.User.UserId() is not { } id || await cache.GetAsync(id, ctx.RequestAborted) is not { } access)
            return Problems.Forbidden();
        // The web app calls this once per page load. Always issuing a fresh token costs a little (see bench/) but means
        // a token left over from another session can never leave a browser stuck with 400s.
        if (ctx.User.Identity?.AuthenticationType == TouchpointClaims.CookieAuthentication)
            AuthenticationSetup.IssueXsrfCookie(ctx);
        return TypedResults.Ok(ToMe(access, ctx.User));
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> SetPreferences(
        PreferencesRequest request, HttpContext ctx, TouchpointDb db, UserAccessCache cache)
    {
        if (ctx.User.UserId() is not { } id) return Problems.Forbidden();
        var v = new Validation();
        v.Language("language", request.Language);
        if (!v.IsValid) return v.Problem();
        await db.Users.Where(u => u.Id == id).ExecuteUpdateAsync(s => s.SetProperty(u => u.Language, request.Language!), ctx.RequestAborted);
        cache.Invalidate(id);
        return TypedResults.NoContent();
    }

    /// <summary>Permissions are those of the principal: a scoped API token sees its scopes, not its creator's.</summary>
    private static MeResponse ToMe(UserAccess a, System.Security.Claims.ClaimsPrincipal? principal = null) => new(
        a.Id, a.UserName, a.DisplayName, a.Language, a.Roles, a.BranchCodes,
        principal is null ? a.Permissions.Order().ToList()
            : principal.FindAll(TouchpointClaims.Permission).Select(c => c.Value).Order().ToList());
}
