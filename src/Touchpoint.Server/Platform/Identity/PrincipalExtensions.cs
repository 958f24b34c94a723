using System.Security.Claims;

namespace Touchpoint.Server.Platform.Identity;

public static class TouchpointClaims
{
    public const string Permission = "perm";
    public const string Branch = "branch";
    public const string DisplayName = "display_name";
    public const string SecurityStamp = "stamp";
    public const string Counter = "counter";
    public const string DeviceKind = "device_kind";

    /// <summary>How the principal authenticated; antiforgery applies to cookie principals only.</summary>
    public const string CookieAuthentication = "cookie";
    public const string TokenAuthentication = "api-token";
    public const string DeviceAuthentication = "device";
}

public static class PrincipalExtensions
{
    public static Guid? UserId(this ClaimsPrincipal user) =>
        user.Identity?.AuthenticationType is TouchpointClaims.CookieAuthentication or TouchpointClaims.TokenAuthentication
        && Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static Guid? DeviceId(this ClaimsPrincipal user) =>
        user.Identity?.AuthenticationType == TouchpointClaims.DeviceAuthentication
        && Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    /// <summary>Who to name in the audit log: a user name, "token:name" or "device:name".</summary>
    public static string ActorName(this ClaimsPrincipal user) => user.Identity?.Name ?? "anonymous";

    public static bool Has(this ClaimsPrincipal user, string permission) =>
        user.HasClaim(TouchpointClaims.Permission, permission);

    public static bool SpansAllBranches(this ClaimsPrincipal user) => user.Has(Permissions.BranchesAll);

    public static IReadOnlyList<string> BranchCodes(this ClaimsPrincipal user) =>
        user.FindAll(TouchpointClaims.Branch).Select(c => c.Value).ToList();

    /// <summary>Branch scoping: a user sees a branch they belong to, or every branch when their role spans branches.</summary>
    public static bool CanAccessBranch(this ClaimsPrincipal user, string branchCode) =>
        user.SpansAllBranches()
        || user.FindAll(TouchpointClaims.Branch).Any(c => string.Equals(c.Value, branchCode, StringComparison.OrdinalIgnoreCase));
}
