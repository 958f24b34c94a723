using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Features.Cases;
using Touchpoint.Server.Features.Encounters;
using Touchpoint.Server.Platform.Audit;
using Touchpoint.Server.Platform.Http;
using Touchpoint.Server.Platform.Identity;

namespace Touchpoint.Server.Features.CaseWorkspace;

public sealed record CompleteCallRequest(string? Summary, string? Outcome, string? Stage, string? Nature, Guid? CaseId);
public sealed record PhoneExtensionDto(string Extension, Guid UserId);

/// <summary>Reading a call (the screen pop), completing its encounter's summary, and the extension table.</summary>
public static class PhoneCallEndpoints
{
    public const string ExtensionSet = "phoneExtension.set";
    public const string ExtensionDeleted = "phoneExtension.deleted";

    public static void MapTelephonyApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/channels/telephony/events", TelephonyWebhook.Receive).RequireAuthorization(Permissions.ChannelsTelephony).WithTags("Channels");
        var calls = app.MapGroup("/api/phone-calls").WithTags("Phone calls");
        calls.MapGet("/{id:guid}", Get).RequireAuthorization(Permissions.CasesRead);
        calls.MapPost("/{id:guid}/complete", Complete).RequireAuthorization(Permissions.CasesWrite);
        var extensions = app.MapGroup("/api/phone-extensions").RequireAuthorization(Permissions.UsersManage).WithTags("Phone calls");
        extensions.MapGet("", ListExtensions);
        extensions.MapPut("/{extension}", SetExtension);
        extensions.MapDelete("/{extension}", DeleteExtension);
    }

    private static async Task<(PhoneCall? Call, ProblemHttpResult? Problem)> FindAsync(Guid id, ClaimsPrincipal user, CaseContext cases, CancellationToken ct)
    {
        var call = await cases.Db.PhoneCalls.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (call is null) return (null, Problems.NotFound());
        var branch = await cases.BranchAsync(call.BranchId, ct);
        if (branch is null) return (null, Problems.NotFound());
        return user.CanAccessBranch(branch.Branch.Code) ? (call, null) : (null, Problems.Forbidden());
    }

    public static async Task<Results<Ok<PhoneCallDto>, ProblemHttpResult>> Get(Guid id, ClaimsPrincipal user, CaseContext cases, CancellationToken ct)
    {
        var (call, problem) = await FindAsync(id, user, cases, ct);
        if (call is null) return problem!;
        return TypedResults.Ok(await TelephonyWebhook.ToDtoAsync(cases.Db, call, user.Has(Permissions.CustomersReveal), ct));
    }

    /// <summary>Staff write what the call was about: its encounter gets the summary, outcome, classification and case.</summary>
    public static async Task<Results<Ok<PhoneCallDto>, ValidationProblem, ProblemHttpResult>> Complete(
        Guid id, CompleteCallRequest r, ClaimsPrincipal user, CaseContext cases, CancellationToken ct)
    {
        var v = new Validation();
        v.Required("summary", r.Summary, 2000);
        var outcome = r.Outcome ?? EncounterOutcomes.Resolved;
        if (!EncounterOutcomes.All.Contains(outcome)) v.Add("outcome", "validation.oneOf", string.Join(", ", EncounterOutcomes.All));
        if (r.Stage is not null && !EncounterStages.All.Contains(r.Stage)) v.Add("stage", "validation.oneOf", string.Join(", ", EncounterStages.All));
        if (r.Nature is not null && !EncounterNatures.All.Contains(r.Nature)) v.Add("nature", "validation.oneOf", string.Join(", ", EncounterNatures.All));
        if (!v.IsValid) return v.Problem();
        var (call, problem) = await FindAsync(id, user, cases, ct);
        if (call is null) return problem!;
        if (call.EncounterId is not { } encounterId)
            return Problems.Result(StatusCodes.Status409Conflict, "problem.conflict", "telephony.notEnded");
        var encounter = await cases.Db.Encounters.FirstAsync(e => e.Id == encounterId, ct);
        if (r.CaseId is { } caseId)
        {
            var (c, _, caseProblem) = await cases.FindAsync(caseId, user, ct);
            if (c is null) return caseProblem!;
            encounter.CaseId = c.Id;
            encounter.CustomerId ??= c.CustomerId;
        }
        encounter.Summary = r.Summary!.Trim();
        encounter.Outcome = outcome;
        encounter.Stage = r.Stage;
        encounter.Nature = r.Nature;
        encounter.StaffUserId ??= user.UserId();
        await cases.Db.SaveChangesAsync(ct);
        return TypedResults.Ok(await TelephonyWebhook.ToDtoAsync(cases.Db, call, user.Has(Permissions.CustomersReveal), ct));
    }

    public static async Task<Ok<List<PhoneExtensionDto>>> ListExtensions(CaseContext cases, CancellationToken ct) =>
        TypedResults.Ok(await cases.Db.PhoneExtensions.AsNoTracking().OrderBy(x => x.Extension).Select(x => new PhoneExtensionDto(x.Extension, x.UserId)).ToListAsync(ct));

    public static async Task<Results<Ok<PhoneExtensionDto>, ValidationProblem>> SetExtension(
        string extension, PhoneExtensionDto r, CaseContext cases, AuditLog audit, CancellationToken ct)
    {
        var v = new Validation();
        if (string.IsNullOrWhiteSpace(extension) || extension.Length > 32 || !extension.All(char.IsAsciiDigit)) v.Add("extension", "telephony.extensionDigits");
        if (!await cases.Db.Users.AnyAsync(u => u.Id == r.UserId && u.IsActive, ct)) v.Add("userId", "validation.unknownUser");
        if (!v.IsValid) return v.Problem();
        var row = await cases.Db.PhoneExtensions.FirstOrDefaultAsync(x => x.Extension == extension, ct);
        var previous = row?.UserId;
        if (row is null) cases.Db.PhoneExtensions.Add(row = new PhoneExtension { Extension = extension, UserId = r.UserId });
        else row.UserId = r.UserId;
        // An extension decides whose screen a caller's profile pops up on: who moved it is worth a trail.
        if (previous != r.UserId) audit.Record(ExtensionSet, $"phone-extension:{extension}", new { userId = r.UserId, previousUserId = previous });
        await cases.Db.SaveChangesAsync(ct);
        return TypedResults.Ok(new PhoneExtensionDto(row.Extension, row.UserId));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteExtension(string extension, CaseContext cases, AuditLog audit, CancellationToken ct)
    {
        var row = await cases.Db.PhoneExtensions.FirstOrDefaultAsync(x => x.Extension == extension, ct);
        if (row is null) return Problems.NotFound();
        cases.Db.PhoneExtensions.Remove(row);
        audit.Record(ExtensionDeleted, $"phone-extension:{extension}", new { userId = row.UserId });
        await cases.Db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
