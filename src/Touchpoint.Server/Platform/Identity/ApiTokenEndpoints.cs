using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Platform.Audit;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Http;

namespace Touchpoint.Server.Platform.Identity;

public sealed record CreateApiTokenRequest(string? Name, List<string>? Scopes);
public sealed record ApiTokenDto(Guid Id, string Name, IReadOnlyList<string> Scopes, string CreatedBy, DateTime CreatedAt, DateTime? LastUsedAt, DateTime? RevokedAt);
/// <summary>The only time the secret is seen: it is stored hashed.</summary>
public sealed record CreatedApiToken(Guid Id, string Name, IReadOnlyList<string> Scopes, string Token);

public static class ApiTokenEndpoints
{
    public static void MapApiTokenApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin/api-tokens").RequireAuthorization(Permissions.TokensManage).WithTags("API tokens");
        group.MapGet("", List);
        group.MapPost("", Create);
        group.MapDelete("/{id:guid}", Revoke);
    }

    private static Task<List<ApiTokenDto>> List(TouchpointDb db, CancellationToken ct) =>
        db.ApiTokens.AsNoTracking().OrderByDescending(t => t.CreatedAt)
            .Select(t => new ApiTokenDto(t.Id, t.Name, t.Scopes, t.CreatedBy!.UserName, t.CreatedAt, t.LastUsedAt, t.RevokedAt))
            .ToListAsync(ct);

    private static async Task<Results<Created<CreatedApiToken>, ValidationProblem, ProblemHttpResult>> Create(
        CreateApiTokenRequest r, HttpContext ctx, TouchpointDb db, AuditLog audit, CancellationToken ct)
    {
        // Only a person creates tokens: a token minting tokens would outlive every revocation.
        if (ctx.User.Identity?.AuthenticationType != TouchpointClaims.CookieAuthentication || ctx.User.UserId() is not { } userId)
            return Problems.Forbidden();
        var v = new Validation();
        v.Required("name", r.Name, 128);
        var scopes = (r.Scopes ?? []).Select(s => s.Trim()).Where(s => s.Length > 0).Distinct().ToList();
        if (scopes.Count == 0) v.Add("scopes", "validation.required");
        foreach (var s in scopes.Where(s => s != "*"))
        {
            if (!Permissions.All.Contains(s)) v.Add("scopes", "validation.unknownScope", s);
            else if (!ctx.User.Has(s)) v.Add("scopes", "validation.scopeNotHeld", s);
        }
        if (!v.IsValid) return v.Problem();

        var secret = SecretTokens.New(SecretTokens.ApiTokenPrefix);
        var token = new ApiToken { Name = r.Name!.Trim(), TokenHash = SecretTokens.Hash(secret), Scopes = scopes, CreatedById = userId };
        db.ApiTokens.Add(token);
        audit.Record(AuditActions.TokenCreated, $"token:{token.Id}", new { token.Name, scopes });
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/admin/api-tokens/{token.Id}", new CreatedApiToken(token.Id, token.Name, scopes, secret));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Revoke(Guid id, TouchpointDb db, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (token is null) return Problems.NotFound();
        if (token.RevokedAt is null)
        {
            token.RevokedAt = clock.GetUtcNow().UtcDateTime;
            audit.Record(AuditActions.TokenRevoked, $"token:{token.Id}", new { token.Name });
            await db.SaveChangesAsync(ct);
        }
        return TypedResults.NoContent();
    }
}
