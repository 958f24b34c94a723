using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Platform.Audit;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Http;
using Touchpoint.Server.Platform.Identity;
using Touchpoint.Server.Platform.Localization;

namespace Touchpoint.Server.Features.Cases;

public sealed record MacroDto(Guid Id, LocalizedText Title, string DisplayTitle, LocalizedText Body, string? Category, string? Branch, bool IsActive);
public sealed record MacroRequest(LocalizedText? Title, LocalizedText? Body, string? Category, string? Branch, bool? IsActive);

/// <summary>Canned replies: every case worker reads those of their branches; case managers write them.</summary>
public static class MacroEndpoints
{
    private const int MaxBody = 4000;

    public static void MapMacroApi(this IEndpointRouteBuilder app)
    {
        var macros = app.MapGroup("/api/macros").WithTags("Cases");
        macros.MapGet("", List).RequireAuthorization(Permissions.CasesRead);
        macros.MapPost("", Create).RequireAuthorization(Permissions.CasesManage);
        macros.MapPut("/{id:guid}", Update).RequireAuthorization(Permissions.CasesManage);
    }

    /// <param name="all">Include inactive ones (for the people who maintain them).</param>
    private static async Task<List<MacroDto>> List(ClaimsPrincipal user, TouchpointDb db, CancellationToken ct, bool all = false)
    {
        var branches = await db.Branches.AsNoTracking().Select(b => new { b.Id, b.Code }).ToDictionaryAsync(b => b.Id, b => b.Code, ct);
        var macros = await db.Macros.AsNoTracking().Where(m => all || m.IsActive).ToListAsync(ct);
        return macros
            .Where(m => m.BranchId is null || (branches.TryGetValue(m.BranchId.Value, out var code) && user.CanAccessBranch(code)))
            .Select(m => ToDto(m, m.BranchId is { } b ? branches.GetValueOrDefault(b) : null))
            .OrderBy(m => m.Category).ThenBy(m => m.DisplayTitle, StringComparer.CurrentCulture).ToList();
    }

    private static async Task<Results<Created<MacroDto>, ValidationProblem>> Create(
        MacroRequest r, ClaimsPrincipal user, TouchpointDb db, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var (branchId, v) = await ValidateAsync(r, user, db, ct);
        if (!v.IsValid) return v.Problem();
        var now = clock.GetUtcNow().UtcDateTime;
        var macro = new Macro { Title = r.Title!, Body = r.Body!, CreatedAt = now, UpdatedAt = now };
        Apply(macro, r, branchId);
        db.Macros.Add(macro);
        audit.Record("macro.created", "macro:" + macro.Id);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/macros/{macro.Id}", ToDto(macro, r.Branch?.Trim().ToUpperInvariant()));
    }

    private static async Task<Results<Ok<MacroDto>, ValidationProblem, ProblemHttpResult>> Update(
        Guid id, MacroRequest r, ClaimsPrincipal user, TouchpointDb db, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var macro = await db.Macros.FirstOrDefaultAsync(m => m.Id == id, ct);
        if (macro is null) return Problems.NotFound();
        var current = macro.BranchId is { } b ? await db.Branches.Where(x => x.Id == b).Select(x => x.Code).FirstAsync(ct) : null;
        if (current is not null ? !user.CanAccessBranch(current) : !user.SpansAllBranches()) return Problems.Forbidden();
        var (branchId, v) = await ValidateAsync(r, user, db, ct);
        if (!v.IsValid) return v.Problem();
        Apply(macro, r, branchId);
        macro.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record("macro.changed", "macro:" + macro.Id, new { macro.IsActive });
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToDto(macro, r.Branch?.Trim().ToUpperInvariant()));
    }

    /// <summary>Texts in supported languages, placeholders known; a macro for all branches needs a role that spans them.</summary>
    private static async Task<(Guid? BranchId, Validation V)> ValidateAsync(MacroRequest r, ClaimsPrincipal user, TouchpointDb db, CancellationToken ct)
    {
        var v = new Validation();
        v.LocalizedName("title", r.Title, 128);
        v.LocalizedName("body", r.Body, MaxBody, "validation.localizedText");
        foreach (var (lang, text) in r.Body ?? [])
            if (MacroPlaceholders.Unknown(text).FirstOrDefault() is { } unknown)
                v.Add($"body.{lang}", "validation.placeholder", unknown, string.Join(", ", MacroPlaceholders.All));
        v.MaxLength("category", r.Category, 64);
        Guid? branchId = null;
        if (!string.IsNullOrWhiteSpace(r.Branch))
        {
            var code = r.Branch.Trim().ToUpperInvariant();
            branchId = await db.Branches.Where(b => b.Code == code).Select(b => (Guid?)b.Id).FirstOrDefaultAsync(ct);
            if (branchId is null || !user.CanAccessBranch(code)) v.Add("branch", "validation.unknownBranch", code);
        }
        else if (!user.SpansAllBranches()) v.Add("branch", "validation.required");
        return (branchId, v);
    }

    private static void Apply(Macro m, MacroRequest r, Guid? branchId)
    {
        m.Title = r.Title!;
        m.Body = r.Body!;
        m.Category = string.IsNullOrWhiteSpace(r.Category) ? null : r.Category.Trim();
        m.BranchId = branchId;
        m.IsActive = r.IsActive ?? true;
    }

    private static MacroDto ToDto(Macro m, string? branch) =>
        new(m.Id, m.Title, m.Title.Resolve(Languages.Current), m.Body, m.Category, branch, m.IsActive);
}
