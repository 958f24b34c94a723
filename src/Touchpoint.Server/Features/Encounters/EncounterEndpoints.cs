using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Platform.Privacy;
using Touchpoint.Server.Features.Cases;
using Touchpoint.Server.Platform.Http;
using Touchpoint.Server.Platform.Identity;

namespace Touchpoint.Server.Features.Encounters;

public sealed record LogEncounterRequest(
    string? Channel, string? Stage, string? Nature, string? Outcome, string? Summary, DateTime? StartedAt, DateTime? EndedAt,
    Guid? CustomerId, string? CustomerName, Guid? CaseId, Guid? TicketId, string? Branch);
/// <param name="CustomerName">Masked in lists (first character only).</param>
public sealed record EncounterDto(
    Guid Id, string BranchCode, string Channel, string Mode, string? Stage, string? Nature, string Outcome, string? Summary,
    Guid? StaffUserId, string? StaffName, Guid? CustomerId, string? CustomerName, Guid? CaseId, string? CaseReference, Guid? TicketId,
    DateTime StartedAt, DateTime EndedAt);
public sealed record EncounterPage(IReadOnlyList<EncounterDto> Items, string? Next);

/// <summary>Logging an encounter (a call, a counter visit, a chat) in seconds, and the log of them with filters and paging.</summary>
public static class EncounterEndpoints
{
    public static void MapEncountersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/encounters").WithTags("Encounters");
        group.MapPost("", Log).RequireAuthorization(Permissions.CasesWrite);
        group.MapGet("", List).RequireAuthorization(Permissions.CasesRead);
    }

    private static async Task<Results<Created<EncounterDto>, ValidationProblem, ProblemHttpResult>> Log(
        LogEncounterRequest r, ClaimsPrincipal user, CaseContext cases, TimeProvider clock, CancellationToken ct)
    {
        var v = new Validation();
        if (v.Required("channel", r.Channel, 16) && !EncounterChannels.All.Contains(r.Channel!))
            v.Add("channel", "validation.oneOf", string.Join(", ", EncounterChannels.All));
        if (r.Stage is not null && !EncounterStages.All.Contains(r.Stage)) v.Add("stage", "validation.oneOf", string.Join(", ", EncounterStages.All));
        if (r.Nature is not null && !EncounterNatures.All.Contains(r.Nature)) v.Add("nature", "validation.oneOf", string.Join(", ", EncounterNatures.All));
        var outcome = r.Outcome ?? EncounterOutcomes.Resolved;
        if (!EncounterOutcomes.All.Contains(outcome)) v.Add("outcome", "validation.oneOf", string.Join(", ", EncounterOutcomes.All));
        v.MaxLength("summary", r.Summary, 2000);
        v.MaxLength("customerName", r.CustomerName, 128);
        var now = clock.GetUtcNow().UtcDateTime;
        var ended = r.EndedAt?.ToUniversalTime() ?? now;
        var started = r.StartedAt?.ToUniversalTime() ?? ended;
        if (started > ended) v.Add("startedAt", "validation.startBeforeEnd");
        if (ended > now.AddMinutes(5)) v.Add("endedAt", "validation.notInFuture");
        var (branch, branchError) = await cases.ChooseBranchAsync(r.Branch, user, ct);
        if (branchError is not null) v.Add("branch", branchError, r.Branch ?? "");
        if (!v.IsValid) return v.Problem();

        string? reference = null;
        var customerId = r.CustomerId;
        if (r.CaseId is { } caseId)
        {
            var (c, _, problem) = await cases.FindAsync(caseId, user, ct);
            if (c is null) return problem!;
            reference = c.Reference;
            // A call or chat about a case is the case customer's, so it reaches their timeline.
            customerId ??= c.CustomerId;
        }
        var e = new Encounter
        {
            BranchId = branch!.Branch.Id, Channel = r.Channel!, Mode = EncounterChannels.ModeOf(r.Channel!), Stage = r.Stage, Nature = r.Nature,
            Outcome = outcome, Summary = Blank(r.Summary), StaffUserId = user.UserId(), CustomerId = customerId, CustomerName = Blank(r.CustomerName),
            CaseId = r.CaseId, TicketId = r.TicketId, StartedAt = started, EndedAt = ended,
        };
        cases.Db.Encounters.Add(e);
        await cases.Db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/encounters/{e.Id}", new EncounterDto(e.Id, branch.Branch.Code, e.Channel, e.Mode, e.Stage, e.Nature,
            e.Outcome, e.Summary, e.StaffUserId, user.FindFirstValue(TouchpointClaims.DisplayName), e.CustomerId, e.CustomerName, e.CaseId, reference,
            e.TicketId, e.StartedAt, e.EndedAt));
    }

    /// <summary>Newest first, keyset paging on (StartedAt, Id).</summary>
    private static async Task<Results<Ok<EncounterPage>, ValidationProblem>> List(
        ClaimsPrincipal user, CaseContext cases, CancellationToken ct, string? branch = null, string? channel = null, string? outcome = null,
        Guid? caseId = null, Guid? staff = null, DateTime? from = null, DateTime? to = null, string? after = null, int? limit = null)
    {
        var v = new Validation();
        var size = limit ?? 50;
        v.Range("limit", size, 1, 200);
        if (channel is not null && !EncounterChannels.All.Contains(channel)) v.Add("channel", "validation.oneOf", string.Join(", ", EncounterChannels.All));
        if (outcome is not null && !EncounterOutcomes.All.Contains(outcome)) v.Add("outcome", "validation.oneOf", string.Join(", ", EncounterOutcomes.All));
        DateTime? afterAt = null;
        if (after is not null)
        {
            if (long.TryParse(after, CultureInfo.InvariantCulture, out var ticks) && ticks > 0 && ticks < DateTime.MaxValue.Ticks)
                afterAt = new DateTime(ticks, DateTimeKind.Utc);
            else v.Add("after", "validation.cursor");
        }
        var db = cases.Db;
        var query = db.Encounters.AsNoTracking();
        if (branch is not null)
        {
            var b = await cases.BranchAsync(branch, ct);
            if (b is null) v.Add("branch", "validation.unknownBranch", branch);
            else if (!user.CanAccessBranch(b.Branch.Code)) v.Add("branch", "problem.forbidden");
            else query = query.Where(e => e.BranchId == b.Branch.Id);
        }
        else if (!user.SpansAllBranches())
        {
            var ids = new List<Guid>();
            foreach (var code in user.BranchCodes())
                if (await cases.BranchAsync(code, ct) is { } b) ids.Add(b.Branch.Id);
            query = query.Where(e => ids.Contains(e.BranchId));
        }
        if (!v.IsValid) return v.Problem();
        if (channel is not null) query = query.Where(e => e.Channel == channel);
        if (outcome is not null) query = query.Where(e => e.Outcome == outcome);
        if (caseId is { } cid) query = query.Where(e => e.CaseId == cid);
        if (staff is { } sid) query = query.Where(e => e.StaffUserId == sid);
        if (from is { } f) { var fu = f.ToUniversalTime(); query = query.Where(e => e.StartedAt >= fu); }
        if (to is { } t) { var tu = t.ToUniversalTime(); query = query.Where(e => e.StartedAt < tu); }
        // Encounters of one instant are rare (ticks): a strict "before" keeps paging simple and each page one range scan.
        if (afterAt is { } a) query = query.Where(e => e.StartedAt < a);

        var rows = await query.OrderByDescending(e => e.StartedAt).Take(size + 1).ToListAsync(ct);
        var page = rows.Take(size).ToList();
        var staffIds = page.Select(e => e.StaffUserId).OfType<Guid>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => staffIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var caseIds = page.Select(e => e.CaseId).OfType<Guid>().Distinct().ToList();
        var references = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Reference, ct);
        var items = new List<EncounterDto>(page.Count);
        foreach (var e in page)
            items.Add(new EncounterDto(e.Id, (await cases.BranchAsync(e.BranchId, ct))?.Branch.Code ?? "", e.Channel, e.Mode, e.Stage, e.Nature, e.Outcome,
                e.Summary, e.StaffUserId, e.StaffUserId is { } s ? names.GetValueOrDefault(s) : null, e.CustomerId,
                e.CustomerName is null ? null : Masks.ShortName(e.CustomerName), e.CaseId, e.CaseId is { } c ? references.GetValueOrDefault(c) : null,
                e.TicketId, e.StartedAt, e.EndedAt));
        var next = rows.Count > size ? page[^1].StartedAt.Ticks.ToString(CultureInfo.InvariantCulture) : null;
        return TypedResults.Ok(new EncounterPage(items, next));
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
