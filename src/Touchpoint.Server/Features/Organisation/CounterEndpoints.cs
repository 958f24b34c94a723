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

/// <param name="Weights">Routing weight (skill) per service code, 1 to <see cref="CounterEndpoints.MaxWeight"/>: higher is preferred.</param>
public sealed record CounterDto(int Number, LocalizedText? Name, string DisplayName, IReadOnlyList<string> Services, IReadOnlyDictionary<string, int> Weights, string State);
/// <param name="Weights">Optional weight per service code; services left out keep their weight (new ones start at 1).</param>
public sealed record CounterRequest(int? Number, LocalizedText? Name, List<string>? Services, Dictionary<string, int>? Weights);

public static class CounterEndpoints
{
    public const int MaxWeight = 10;

    public static void MapCounterApi(this RouteGroupBuilder branches)
    {
        branches.MapGet("/{code}/counters", List);
        branches.MapPost("/{code}/counters", Create).RequireAuthorization(Permissions.OrganisationManage);
        branches.MapPut("/{code}/counters/{number:int}", Update).RequireAuthorization(Permissions.OrganisationManage);
        branches.MapDelete("/{code}/counters/{number:int}", Delete).RequireAuthorization(Permissions.OrganisationManage);
    }

    private static async Task<Results<Ok<List<CounterDto>>, ProblemHttpResult>> List(string code, ClaimsPrincipal user, TouchpointDb db, CancellationToken ct)
    {
        var (branch, problem) = await BranchAccess.FindAsync(db, code, user, ct);
        if (branch is null) return problem!;
        var counters = await Query(db).Where(c => c.BranchId == branch.Id).OrderBy(c => c.Number).ToListAsync(ct);
        return TypedResults.Ok(counters.Select(ToDto).ToList());
    }

    private static async Task<Results<Created<CounterDto>, ValidationProblem, ProblemHttpResult>> Create(
        string code, CounterRequest r, ClaimsPrincipal user, TouchpointDb db, AuditLog audit, IRealtimePublisher realtime, CancellationToken ct)
    {
        var (branch, problem) = await BranchAccess.FindAsync(db, code, user, ct);
        if (branch is null) return problem!;
        var v = new Validation();
        if (r.Number is null) v.Add("number", "validation.required");
        else v.Range("number", r.Number.Value, 1, 9999);
        var services = await ValidateAsync(v, db, branch.Id, r, ct);
        if (v.IsValid && await db.Counters.AnyAsync(c => c.BranchId == branch.Id && c.Number == r.Number, ct))
            v.Add("number", "validation.duplicate", r.Number);
        if (!v.IsValid) return v.Problem();

        var counter = new Counter { BranchId = branch.Id, Number = r.Number!.Value, Name = Blank(r.Name) };
        counter.Services = services.Select(s => new CounterService { CounterId = counter.Id, ServiceTypeId = s.Id, ServiceType = s }).ToList();
        ApplyWeights(counter, services, r);
        db.Counters.Add(counter);
        audit.Record(AuditActions.CounterChanged, $"counter:{branch.Code}/{counter.Number}", new { change = "created", services = services.Select(s => s.Code) });
        await db.SaveChangesAsync(ct);
        await realtime.PublishToBranchAsync(branch.Code, BranchEndpoints.ChangedEvent, new { entity = "counter", number = counter.Number }, ct);
        return TypedResults.Created($"/api/branches/{branch.Code}/counters/{counter.Number}", ToDto(counter));
    }

    private static async Task<Results<Ok<CounterDto>, ValidationProblem, ProblemHttpResult>> Update(
        string code, int number, CounterRequest r, ClaimsPrincipal user, TouchpointDb db, AuditLog audit, IRealtimePublisher realtime, CancellationToken ct)
    {
        var (branch, problem) = await BranchAccess.FindAsync(db, code, user, ct);
        if (branch is null) return problem!;
        var counter = await db.Counters.Include(c => c.Services).FirstOrDefaultAsync(c => c.BranchId == branch.Id && c.Number == number, ct);
        if (counter is null) return Problems.NotFound();
        var v = new Validation();
        var services = await ValidateAsync(v, db, branch.Id, r, ct);
        if (!v.IsValid) return v.Problem();

        counter.Name = Blank(r.Name);
        // Keep the weights of services the counter already had; new ones start at the default weight.
        counter.Services.RemoveAll(cs => services.All(s => s.Id != cs.ServiceTypeId));
        counter.Services.AddRange(services.Where(s => counter.Services.All(cs => cs.ServiceTypeId != s.Id))
            .Select(s => new CounterService { CounterId = counter.Id, ServiceTypeId = s.Id }));
        ApplyWeights(counter, services, r);
        audit.Record(AuditActions.CounterChanged, $"counter:{branch.Code}/{counter.Number}", new { change = "updated", services = services.Select(s => s.Code), weights = r.Weights });
        await db.SaveChangesAsync(ct);
        await realtime.PublishToBranchAsync(branch.Code, BranchEndpoints.ChangedEvent, new { entity = "counter", number = counter.Number }, ct);
        var saved = await Query(db).FirstAsync(c => c.Id == counter.Id, ct);
        return TypedResults.Ok(ToDto(saved));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        string code, int number, ClaimsPrincipal user, TouchpointDb db, AuditLog audit, IRealtimePublisher realtime, CancellationToken ct)
    {
        var (branch, problem) = await BranchAccess.FindAsync(db, code, user, ct);
        if (branch is null) return problem!;
        var counter = await db.Counters.FirstOrDefaultAsync(c => c.BranchId == branch.Id && c.Number == number, ct);
        if (counter is null) return Problems.NotFound();
        db.Counters.Remove(counter);
        audit.Record(AuditActions.CounterChanged, $"counter:{branch.Code}/{number}", new { change = "deleted" });
        await db.SaveChangesAsync(ct);
        await realtime.PublishToBranchAsync(branch.Code, BranchEndpoints.ChangedEvent, new { entity = "counter", number, deleted = true }, ct);
        return TypedResults.NoContent();
    }

    private static async Task<List<ServiceType>> ValidateAsync(Validation v, TouchpointDb db, Guid branchId, CounterRequest r, CancellationToken ct)
    {
        if (r.Name is not null && !r.Name.IsBlank) v.LocalizedName("name", r.Name);
        var wanted = (r.Services ?? []).Select(s => s.Trim().ToUpperInvariant()).Distinct().ToList();
        var found = await db.Services.Where(s => s.BranchId == branchId && wanted.Contains(s.Code)).ToListAsync(ct);
        foreach (var missing in wanted.Where(w => found.All(s => s.Code != w))) v.Add("services", "validation.unknownService", missing);
        foreach (var (service, weight) in r.Weights ?? [])
        {
            if (!wanted.Contains(service.Trim().ToUpperInvariant())) v.Add($"weights.{service}", "validation.unknownService", service);
            else v.Range($"weights.{service}", weight, 1, MaxWeight);
        }
        return found;
    }

    private static void ApplyWeights(Counter counter, List<ServiceType> services, CounterRequest r)
    {
        foreach (var (code, weight) in r.Weights ?? [])
        {
            var service = services.First(s => s.Code == code.Trim().ToUpperInvariant());
            counter.Services.First(cs => cs.ServiceTypeId == service.Id).Weight = weight;
        }
    }

    private static LocalizedText? Blank(LocalizedText? name) => name is null || name.IsBlank ? null : name;

    private static IQueryable<Counter> Query(TouchpointDb db) =>
        db.Counters.AsNoTracking().Include(c => c.Services).ThenInclude(cs => cs.ServiceType);

    private static CounterDto ToDto(Counter c) => new(
        c.Number, c.Name, c.Name?.Resolve() ?? Messages.Get("counter.defaultName", c.Number),
        c.Services.Select(s => s.ServiceType!.Code).Order().ToList(), c.Services.ToDictionary(s => s.ServiceType!.Code, s => s.Weight), c.State);
}
