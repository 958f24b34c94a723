using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Platform.Audit;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Http;
using Touchpoint.Server.Platform.Identity;
using Touchpoint.Server.Platform.Localization;
using Touchpoint.Server.Platform.Realtime;

namespace Touchpoint.Server.Features.Organisation;

public sealed record ServiceDto(string Code, LocalizedText Name, string DisplayName, string Prefix);
public sealed record ServiceRequest(string? Code, LocalizedText? Name, string? Prefix);

public static partial class ServiceEndpoints
{
    public static void MapServiceApi(this RouteGroupBuilder branches)
    {
        branches.MapGet("/{code}/services", List);
        branches.MapPost("/{code}/services", Create).RequireAuthorization(Permissions.OrganisationManage);
        branches.MapPut("/{code}/services/{serviceCode}", Update).RequireAuthorization(Permissions.OrganisationManage);
        branches.MapDelete("/{code}/services/{serviceCode}", Delete).RequireAuthorization(Permissions.OrganisationManage);
    }

    private static async Task<Results<Ok<List<ServiceDto>>, ProblemHttpResult>> List(string code, ClaimsPrincipal user, TouchpointDb db, CancellationToken ct)
    {
        var (branch, problem) = await BranchAccess.FindAsync(db, code, user, ct);
        if (branch is null) return problem!;
        var services = await db.Services.AsNoTracking().Where(s => s.BranchId == branch.Id).OrderBy(s => s.Code).ToListAsync(ct);
        return TypedResults.Ok(services.Select(ToDto).ToList());
    }

    private static async Task<Results<Created<ServiceDto>, ValidationProblem, ProblemHttpResult>> Create(
        string code, ServiceRequest r, ClaimsPrincipal user, TouchpointDb db, AuditLog audit, IRealtimePublisher realtime, CancellationToken ct)
    {
        var (branch, problem) = await BranchAccess.FindAsync(db, code, user, ct);
        if (branch is null) return problem!;
        var v = Validate(r);
        v.Code("code", r.Code);
        var serviceCode = r.Code?.Trim().ToUpperInvariant();
        if (v.IsValid && await db.Services.AnyAsync(s => s.BranchId == branch.Id && s.Code == serviceCode, ct))
            v.Add("code", "validation.duplicate", serviceCode);
        if (!v.IsValid) return v.Problem();

        var service = new ServiceType { BranchId = branch.Id, Code = serviceCode!, Name = r.Name!, Prefix = r.Prefix!.Trim() };
        db.Services.Add(service);
        audit.Record(AuditActions.ServiceChanged, $"service:{branch.Code}/{service.Code}", new { change = "created" });
        await db.SaveChangesAsync(ct);
        await realtime.PublishToBranchAsync(branch.Code, BranchEndpoints.ChangedEvent, new { entity = "service", code = service.Code }, ct);
        return TypedResults.Created($"/api/branches/{branch.Code}/services/{service.Code}", ToDto(service));
    }

    private static async Task<Results<Ok<ServiceDto>, ValidationProblem, ProblemHttpResult>> Update(
        string code, string serviceCode, ServiceRequest r, ClaimsPrincipal user, TouchpointDb db, AuditLog audit, IRealtimePublisher realtime, CancellationToken ct)
    {
        var (branch, problem) = await BranchAccess.FindAsync(db, code, user, ct);
        if (branch is null) return problem!;
        var normalized = serviceCode.Trim().ToUpperInvariant();
        var service = await db.Services.FirstOrDefaultAsync(s => s.BranchId == branch.Id && s.Code == normalized, ct);
        if (service is null) return Problems.NotFound();
        var v = Validate(r);
        if (!v.IsValid) return v.Problem();

        service.Name = r.Name!;
        service.Prefix = r.Prefix!.Trim();
        audit.Record(AuditActions.ServiceChanged, $"service:{branch.Code}/{service.Code}", new { change = "updated" });
        await db.SaveChangesAsync(ct);
        await realtime.PublishToBranchAsync(branch.Code, BranchEndpoints.ChangedEvent, new { entity = "service", code = service.Code }, ct);
        return TypedResults.Ok(ToDto(service));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        string code, string serviceCode, ClaimsPrincipal user, TouchpointDb db, AuditLog audit, IRealtimePublisher realtime, CancellationToken ct)
    {
        var (branch, problem) = await BranchAccess.FindAsync(db, code, user, ct);
        if (branch is null) return problem!;
        var normalized = serviceCode.Trim().ToUpperInvariant();
        var service = await db.Services.FirstOrDefaultAsync(s => s.BranchId == branch.Id && s.Code == normalized, ct);
        if (service is null) return Problems.NotFound();
        db.Services.Remove(service);
        audit.Record(AuditActions.ServiceChanged, $"service:{branch.Code}/{service.Code}", new { change = "deleted" });
        await db.SaveChangesAsync(ct);
        await realtime.PublishToBranchAsync(branch.Code, BranchEndpoints.ChangedEvent, new { entity = "service", code = service.Code, deleted = true }, ct);
        return TypedResults.NoContent();
    }

    private static Validation Validate(ServiceRequest r)
    {
        var v = new Validation();
        v.LocalizedName("name", r.Name);
        if (v.Required("prefix", r.Prefix, 3) && !PrefixPattern().IsMatch(r.Prefix!.Trim())) v.Add("prefix", "validation.prefix");
        return v;
    }

    internal static ServiceDto ToDto(ServiceType s) => new(s.Code, s.Name, s.Name.Resolve(), s.Prefix);

    [GeneratedRegex("^[A-Z]{1,3}$")]
    private static partial Regex PrefixPattern();
}
