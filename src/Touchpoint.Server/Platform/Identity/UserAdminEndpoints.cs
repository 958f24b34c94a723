using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Platform.Audit;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Http;
using Touchpoint.Server.Platform.Localization;

namespace Touchpoint.Server.Platform.Identity;

public sealed record UserDto(
    Guid Id, string UserName, string DisplayName, string Language, bool IsActive, bool IsLockedOut, DateTime? LockedUntil,
    IReadOnlyList<string> Roles, IReadOnlyList<string> Branches, DateTime CreatedAt, DateTime? LastSignInAt);

public sealed record CreateUserRequest(string? UserName, string? DisplayName, string? Password, List<string>? Roles, List<string>? Branches, string? Language);
public sealed record UpdateUserRequest(string? DisplayName, List<string>? Roles, List<string>? Branches, string? Language, bool IsActive = true);
public sealed record ResetPasswordRequest(string? NewPassword);

public static class UserAdminEndpoints
{
    public static void MapUserAdminApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin/users").RequireAuthorization(Permissions.UsersManage).WithTags("Users");
        group.MapGet("", List);
        group.MapPost("", Create);
        group.MapPut("/{id:guid}", Update);
        group.MapPost("/{id:guid}/unlock", Unlock);
        group.MapPost("/{id:guid}/reset-password", ResetPassword);
    }

    private static async Task<List<UserDto>> List(TouchpointDb db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var users = await db.Users.AsNoTracking().Include(u => u.Roles).Include(u => u.Branches).ThenInclude(b => b.Branch)
            .OrderBy(u => u.UserName).ToListAsync(ct);
        return users.Select(u => ToDto(u, now)).ToList();
    }

    private static async Task<Results<Created<UserDto>, ValidationProblem>> Create(
        CreateUserRequest r, TouchpointDb db, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var v = new Validation();
        v.Code("userName", r.UserName?.Replace(".", "_"), 64);
        v.Required("displayName", r.DisplayName, 128);
        Passwords.Validate(v, "password", r.Password);
        v.Language("language", r.Language ?? Languages.Default);
        var roles = ValidateRoles(v, r.Roles);
        var branches = await ResolveBranchesAsync(v, db, r.Branches, ct);
        if (v.IsValid && await db.Users.AnyAsync(u => u.NormalizedUserName == User.Normalize(r.UserName!), ct))
            v.Add("userName", "validation.duplicate", r.UserName);
        if (!v.IsValid) return v.Problem();

        var user = new User
        {
            UserName = r.UserName!.Trim(), NormalizedUserName = User.Normalize(r.UserName), DisplayName = r.DisplayName!.Trim(),
            PasswordHash = Passwords.Hash(r.Password!), Language = r.Language ?? Languages.Default,
        };
        user.Roles = roles.Select(x => new UserRole { UserId = user.Id, Role = x }).ToList();
        user.Branches = branches.Select(b => new UserBranch { UserId = user.Id, BranchId = b.Id }).ToList();
        db.Users.Add(user);
        audit.Record(AuditActions.UserCreated, $"user:{user.UserName}", new { roles, branches = branches.Select(b => b.Code) });
        await db.SaveChangesAsync(ct);
        var created = await LoadAsync(db, user.Id, ct);
        return TypedResults.Created($"/api/admin/users/{user.Id}", ToDto(created!, clock.GetUtcNow().UtcDateTime));
    }

    private static async Task<Results<Ok<UserDto>, ValidationProblem, ProblemHttpResult>> Update(
        Guid id, UpdateUserRequest r, TouchpointDb db, AuditLog audit, UserAccessCache cache, TimeProvider clock, CancellationToken ct)
    {
        var user = await LoadAsync(db, id, ct, tracking: true);
        if (user is null) return Problems.NotFound();
        var v = new Validation();
        v.Required("displayName", r.DisplayName, 128);
        v.Language("language", r.Language ?? user.Language);
        var roles = ValidateRoles(v, r.Roles);
        var branches = await ResolveBranchesAsync(v, db, r.Branches, ct);
        var wasAdmin = user.Roles.Any(x => x.Role == Roles.Administrator) && user.IsActive;
        var staysAdmin = roles.Contains(Roles.Administrator) && r.IsActive;
        if (v.IsValid && wasAdmin && !staysAdmin
            && !await db.Users.AnyAsync(u => u.Id != id && u.IsActive && u.Roles.Any(x => x.Role == Roles.Administrator), ct))
            v.Add("roles", "validation.lastAdmin");
        if (!v.IsValid) return v.Problem();

        var oldRoles = user.Roles.Select(x => x.Role).Order().ToList();
        var oldBranches = user.Branches.Select(b => b.Branch!.Code).Order().ToList();
        var newBranches = branches.Select(b => b.Code).Order().ToList();
        var permissionsChanged = !oldRoles.SequenceEqual(roles.Order()) || !oldBranches.SequenceEqual(newBranches) || user.IsActive != r.IsActive;

        user.DisplayName = r.DisplayName!.Trim();
        user.Language = r.Language ?? user.Language;
        user.IsActive = r.IsActive;
        db.UserRoles.RemoveRange(user.Roles.Where(x => !roles.Contains(x.Role)));
        db.UserRoles.AddRange(roles.Where(x => user.Roles.All(o => o.Role != x)).Select(x => new UserRole { UserId = id, Role = x }));
        db.UserBranches.RemoveRange(user.Branches.Where(x => branches.All(b => b.Id != x.BranchId)));
        db.UserBranches.AddRange(branches.Where(b => user.Branches.All(o => o.BranchId != b.Id)).Select(b => new UserBranch { UserId = id, BranchId = b.Id }));
        if (permissionsChanged)
        {
            user.SecurityStamp = Guid.NewGuid().ToString("N");
            audit.Record(AuditActions.UserPermissionsChanged, $"user:{user.UserName}",
                new { roles = new { from = oldRoles, to = roles }, branches = new { from = oldBranches, to = newBranches }, isActive = r.IsActive });
        }
        else audit.Record(AuditActions.UserUpdated, $"user:{user.UserName}");
        await db.SaveChangesAsync(ct);
        cache.Invalidate(id);
        return TypedResults.Ok(ToDto((await LoadAsync(db, id, ct))!, clock.GetUtcNow().UtcDateTime));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Unlock(Guid id, TouchpointDb db, AuditLog audit, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null) return Problems.NotFound();
        user.LockedUntil = null;
        user.FailedSignIns = 0;
        audit.Record(AuditActions.UserUnlocked, $"user:{user.UserName}");
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ResetPassword(
        Guid id, ResetPasswordRequest r, TouchpointDb db, AuditLog audit, UserAccessCache cache, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null) return Problems.NotFound();
        var v = new Validation();
        Passwords.Validate(v, "newPassword", r.NewPassword);
        if (!v.IsValid) return v.Problem();
        user.PasswordHash = Passwords.Hash(r.NewPassword!);
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        user.LockedUntil = null;
        user.FailedSignIns = 0;
        audit.Record(AuditActions.UserPasswordReset, $"user:{user.UserName}");
        await db.SaveChangesAsync(ct);
        cache.Invalidate(id);
        return TypedResults.NoContent();
    }

    private static List<string> ValidateRoles(Validation v, List<string>? requested)
    {
        var roles = new List<string>();
        foreach (var r in requested ?? [])
        {
            if (Roles.Canonical(r) is { } c) { if (!roles.Contains(c)) roles.Add(c); }
            else v.Add("roles", "validation.unknownRole", r);
        }
        return roles;
    }

    internal static async Task<List<Features.Organisation.Branch>> ResolveBranchesAsync(Validation v, TouchpointDb db, List<string>? codes, CancellationToken ct)
    {
        var wanted = (codes ?? []).Select(c => c.Trim().ToUpperInvariant()).Distinct().ToList();
        var found = await db.Branches.Where(b => wanted.Contains(b.Code)).ToListAsync(ct);
        foreach (var missing in wanted.Where(c => found.All(b => b.Code != c)))
            v.Add("branches", "validation.unknownBranch", missing);
        return found;
    }

    private static Task<User?> LoadAsync(TouchpointDb db, Guid id, CancellationToken ct, bool tracking = false)
    {
        var q = db.Users.Include(u => u.Roles).Include(u => u.Branches).ThenInclude(b => b.Branch).AsQueryable();
        return (tracking ? q : q.AsNoTracking()).FirstOrDefaultAsync(u => u.Id == id, ct);
    }

    private static UserDto ToDto(User u, DateTime now) => new(
        u.Id, u.UserName, u.DisplayName, u.Language, u.IsActive, u.LockedUntil > now, u.LockedUntil > now ? u.LockedUntil : null,
        u.Roles.Select(r => r.Role).Order().ToList(), u.Branches.Select(b => b.Branch!.Code).Order().ToList(), u.CreatedAt, u.LastSignInAt);
}
