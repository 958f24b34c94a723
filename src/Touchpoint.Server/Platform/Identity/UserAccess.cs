using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Touchpoint.Server.Platform.Data;

namespace Touchpoint.Server.Platform.Identity;

/// <summary>What a signed-in user may do right now: read from the database, not frozen into the cookie.</summary>
public sealed record UserAccess(
    Guid Id, string UserName, string DisplayName, string Language, bool IsActive, string SecurityStamp,
    IReadOnlyList<string> Roles, IReadOnlyList<string> BranchCodes)
{
    public IReadOnlySet<string> Permissions { get; } = Identity.Permissions.ForRoles(Roles);

    /// <summary>Whether the user may be given cases of the branch: active, writes cases, and reaches the branch.</summary>
    public bool CanWorkCasesIn(string branchCode) => IsActive && CanWorkCasesIn(Permissions, BranchCodes, branchCode);

    /// <summary>The same test on permissions and branch codes read in bulk (auto-assignment reads every candidate at once).</summary>
    public static bool CanWorkCasesIn(IReadOnlySet<string> permissions, IEnumerable<string> branchCodes, string branchCode) =>
        permissions.Contains(Identity.Permissions.CasesWrite)
        && (permissions.Contains(Identity.Permissions.BranchesAll) || branchCodes.Contains(branchCode, StringComparer.OrdinalIgnoreCase));

    public ClaimsPrincipal ToPrincipal(string authenticationType, IEnumerable<string>? onlyPermissions = null, string? name = null)
    {
        // Scopes narrow what a token may do, not where: branch reach always follows the creator.
        var permissions = onlyPermissions is null ? Permissions
            : Permissions.Where(p => p == Identity.Permissions.BranchesAll || onlyPermissions.Contains(p));
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, Id.ToString()),
            new(ClaimTypes.Name, name ?? UserName),
            new(TouchpointClaims.DisplayName, DisplayName),
            new(TouchpointClaims.SecurityStamp, SecurityStamp),
        };
        claims.AddRange(Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        claims.AddRange(permissions.Select(p => new Claim(TouchpointClaims.Permission, p)));
        claims.AddRange(BranchCodes.Select(b => new Claim(TouchpointClaims.Branch, b)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, ClaimTypes.Name, ClaimTypes.Role));
    }
}

/// <summary>
/// Loads <see cref="UserAccess"/> with a short cache so that every request does not hit the database, while a change
/// of roles, branches, password or status reaches live sessions within <see cref="Lifetime"/> on every node
/// (and at once on the node that made it).
/// </summary>
public sealed class UserAccessCache(IMemoryCache cache, IServiceScopeFactory scopes)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    public async Task<UserAccess?> GetAsync(Guid userId, CancellationToken ct = default)
    {
        if (cache.TryGetValue(Key(userId), out UserAccess? access)) return access;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TouchpointDb>();
        access = await LoadAsync(db, userId, ct);
        cache.Set(Key(userId), access, Lifetime);
        return access;
    }

    public void Invalidate(Guid userId) => cache.Remove(Key(userId));

    public static async Task<UserAccess?> LoadAsync(TouchpointDb db, Guid userId, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new
            {
                u.Id, u.UserName, u.DisplayName, u.Language, u.IsActive, u.SecurityStamp,
                Roles = u.Roles.Select(r => r.Role).ToList(),
                Branches = u.Branches.Select(b => b.Branch!.Code).ToList(),
            })
            .FirstOrDefaultAsync(ct);
        return user is null ? null : new UserAccess(user.Id, user.UserName, user.DisplayName, user.Language,
            user.IsActive, user.SecurityStamp, user.Roles.Order().ToList(), user.Branches.Order().ToList());
    }

    private static string Key(Guid id) => "user-access:" + id;
}
