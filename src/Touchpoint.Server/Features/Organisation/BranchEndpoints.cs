using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Platform.Audit;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Http;
using Touchpoint.Server.Platform.Identity;
using Touchpoint.Server.Platform.Localization;
using Touchpoint.Server.Platform.Realtime;

namespace Touchpoint.Server.Features.Organisation;

/// <param name="ChatBotEnabled">The branch's switch for the self-service chat bot (which also needs the installation's on).</param>
public sealed record BranchDto(
    string Code, LocalizedText Name, string DisplayName, string TimeZone, string? Address,
    IReadOnlyList<BusinessHours> BusinessHours, IReadOnlyList<Holiday> Holidays, int ServiceCount, int CounterCount, bool ChatBotEnabled);

/// <param name="ChatBotEnabled">Whether the self-service bot answers the branch's chats first; left out: on for a new branch, unchanged otherwise.</param>
public sealed record BranchRequest(
    string? Code, LocalizedText? Name, string? TimeZone, string? Address, List<BusinessHours>? BusinessHours, List<Holiday>? Holidays,
    bool? ChatBotEnabled = null);

public static class BranchEndpoints
{
    public const string ChangedEvent = "organisation.changed";
    /// <summary>Audited apart from other branch edits: it changes who first answers the branch's customers.</summary>
    public const string ChatBotChanged = "branch.chat_bot_changed";

    public static void MapOrganisationApi(this IEndpointRouteBuilder app)
    {
        var branches = app.MapGroup("/api/branches").WithTags("Organisation").RequireAuthorization(Permissions.OrganisationRead);
        branches.MapGet("", List);
        branches.MapGet("/{code}", Get);
        branches.MapPost("", Create).RequireAuthorization(Permissions.OrganisationManage);
        branches.MapPut("/{code}", Update).RequireAuthorization(Permissions.OrganisationManage);
        branches.MapDelete("/{code}", Delete).RequireAuthorization(Permissions.OrganisationManage);
        branches.MapServiceApi();
        branches.MapCounterApi();
    }

    private static async Task<List<BranchDto>> List(ClaimsPrincipal user, TouchpointDb db, CancellationToken ct)
    {
        var q = db.Branches.AsNoTracking();
        if (!user.SpansAllBranches())
        {
            var codes = user.BranchCodes();
            q = q.Where(b => codes.Contains(b.Code));
        }
        var rows = await q.OrderBy(b => b.Code)
            .Select(b => new { Branch = b, Services = b.Services.Count, Counters = b.Counters.Count }).ToListAsync(ct);
        return rows.Select(r => ToDto(r.Branch, r.Services, r.Counters)).ToList();
    }

    private static async Task<Results<Ok<BranchDto>, ProblemHttpResult>> Get(string code, ClaimsPrincipal user, TouchpointDb db, CancellationToken ct)
    {
        var (branch, problem) = await BranchAccess.FindAsync(db, code, user, ct);
        if (branch is null) return problem!;
        return TypedResults.Ok(await ToDtoWithCountsAsync(db, branch, ct));
    }

    private static async Task<Results<Created<BranchDto>, ValidationProblem>> Create(
        BranchRequest r, TouchpointDb db, AuditLog audit, IRealtimePublisher realtime, CancellationToken ct)
    {
        var v = Validate(r);
        v.Code("code", r.Code);
        var code = r.Code?.Trim().ToUpperInvariant();
        if (v.IsValid && await db.Branches.AnyAsync(b => b.Code == code, ct)) v.Add("code", "validation.duplicate", code);
        if (!v.IsValid) return v.Problem();

        var branch = new Branch { Code = code!, Name = r.Name!, TimeZone = r.TimeZone!.Trim(), ChatBotEnabled = r.ChatBotEnabled ?? true };
        Apply(branch, r);
        db.Branches.Add(branch);
        audit.Record(AuditActions.BranchCreated, $"branch:{branch.Code}", new { branch.ChatBotEnabled });
        await db.SaveChangesAsync(ct);
        await realtime.PublishToBranchAsync(branch.Code, ChangedEvent, new { entity = "branch", code = branch.Code }, ct);
        return TypedResults.Created($"/api/branches/{branch.Code}", ToDto(branch, 0, 0));
    }

    private static async Task<Results<Ok<BranchDto>, ValidationProblem, ProblemHttpResult>> Update(
        string code, BranchRequest r, ClaimsPrincipal user, TouchpointDb db, AuditLog audit, IRealtimePublisher realtime, CancellationToken ct)
    {
        var (branch, problem) = await BranchAccess.FindAsync(db, code, user, ct, tracking: true);
        if (branch is null) return problem!;
        var v = Validate(r);
        if (!v.IsValid) return v.Problem();

        Apply(branch, r);
        branch.Name = r.Name!;
        branch.TimeZone = r.TimeZone!.Trim();
        audit.Record(AuditActions.BranchUpdated, $"branch:{branch.Code}");
        if (r.ChatBotEnabled is { } bot && bot != branch.ChatBotEnabled)
        {
            audit.Record(ChatBotChanged, $"branch:{branch.Code}", new { from = branch.ChatBotEnabled, to = bot });
            branch.ChatBotEnabled = bot;
        }
        await db.SaveChangesAsync(ct);
        await realtime.PublishToBranchAsync(branch.Code, ChangedEvent, new { entity = "branch", code = branch.Code }, ct);
        return TypedResults.Ok(await ToDtoWithCountsAsync(db, branch, ct));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        string code, ClaimsPrincipal user, TouchpointDb db, AuditLog audit, IRealtimePublisher realtime, CancellationToken ct)
    {
        var (branch, problem) = await BranchAccess.FindAsync(db, code, user, ct, tracking: true);
        if (branch is null) return problem!;
        // Deleting a branch that still has staff or devices would silently strip their access; make it explicit.
        if (await db.UserBranches.AnyAsync(ub => ub.BranchId == branch.Id, ct) || await db.Devices.AnyAsync(d => d.BranchId == branch.Id && d.RevokedAt == null, ct))
            return Problems.Result(StatusCodes.Status409Conflict, null, "branch.notEmpty");
        db.Branches.Remove(branch);
        audit.Record(AuditActions.BranchDeleted, $"branch:{branch.Code}");
        await db.SaveChangesAsync(ct);
        await realtime.PublishToBranchAsync(branch.Code, ChangedEvent, new { entity = "branch", code = branch.Code, deleted = true }, ct);
        return TypedResults.NoContent();
    }

    private static Validation Validate(BranchRequest r)
    {
        var v = new Validation();
        v.LocalizedName("name", r.Name);
        v.TimeZone("timeZone", r.TimeZone);
        v.MaxLength("address", r.Address, 512);
        for (var i = 0; i < (r.BusinessHours?.Count ?? 0); i++)
        {
            var h = r.BusinessHours![i];
            v.Range($"businessHours[{i}].day", h.Day, 0, 6);
            if (!TimeOnly.TryParseExact(h.Open, "HH:mm", out var open) || !TimeOnly.TryParseExact(h.Close, "HH:mm", out var close) || open >= close)
                v.Add($"businessHours[{i}]", "validation.time");
        }
        for (var i = 0; i < (r.Holidays?.Count ?? 0); i++)
        {
            var h = r.Holidays![i];
            if (!DateOnly.TryParseExact(h.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                v.Add($"holidays[{i}].date", "validation.date");
            v.Required($"holidays[{i}].name", h.Name, 128);
        }
        return v;
    }

    private static void Apply(Branch branch, BranchRequest r)
    {
        branch.Address = string.IsNullOrWhiteSpace(r.Address) ? null : r.Address.Trim();
        branch.BusinessHours = (r.BusinessHours ?? []).OrderBy(h => h.Day).ThenBy(h => h.Open, StringComparer.Ordinal).ToList();
        branch.Holidays = (r.Holidays ?? []).OrderBy(h => h.Date, StringComparer.Ordinal).ToList();
    }

    private static async Task<BranchDto> ToDtoWithCountsAsync(TouchpointDb db, Branch b, CancellationToken ct) =>
        ToDto(b, await db.Services.CountAsync(s => s.BranchId == b.Id, ct), await db.Counters.CountAsync(c => c.BranchId == b.Id, ct));

    private static BranchDto ToDto(Branch b, int services, int counters) =>
        new(b.Code, b.Name, b.Name.Resolve(), b.TimeZone, b.Address, b.BusinessHours, b.Holidays, services, counters, b.ChatBotEnabled);
}

public static class BranchAccess
{
    /// <summary>Finds a branch by code (case-insensitive) if the principal may see it: 404 if none, 403 if out of scope.</summary>
    public static async Task<(Branch? Branch, ProblemHttpResult? Problem)> FindAsync(
        TouchpointDb db, string code, ClaimsPrincipal user, CancellationToken ct, bool tracking = false)
    {
        var normalized = code.Trim().ToUpperInvariant();
        var q = tracking ? db.Branches : db.Branches.AsNoTracking();
        var branch = await q.FirstOrDefaultAsync(b => b.Code == normalized, ct);
        if (branch is null) return (null, Problems.NotFound());
        if (!user.CanAccessBranch(branch.Code)) return (null, Problems.Forbidden());
        return (branch, null);
    }
}
