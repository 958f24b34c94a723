using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Platform.Audit;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Http;
using Touchpoint.Server.Platform.Identity;
using Touchpoint.Server.Platform.Localization;

namespace Touchpoint.Server.Features.Cases;

/// <param name="DueAt">ISO time; without an offset it is read in the branch's time zone ("2026-11-25T15:00" = 3 pm at the branch).</param>
/// <param name="ResponsibleId">Who keeps it; the person recording it when left out.</param>
public sealed record CreateCommitmentRequest(string? Promise, string? DueAt, Guid? ResponsibleId, Guid? EncounterId);
public sealed record KeepCommitmentRequest(DateTime? KeptAt);

/// <param name="DueLocal">The due time in the branch's time zone, as the customer was told it.</param>
public sealed record CommitmentDto(
    Guid Id, Guid CaseId, string CaseReference, string CaseSubject, string BranchCode, Guid? EncounterId, string Promise, DateTime DueAt,
    string DueLocal, Guid ResponsibleId, string? ResponsibleName, string Status, DateTime CreatedAt, DateTime? KeptAt, DateTime? MissedAt);

/// <summary>Promises made to customers on cases: recorded, listed on the case and for the person keeping them, kept, and reported when missed.</summary>
public static class CommitmentEndpoints
{
    public const string ReminderEvent = "commitment.reminder";
    public const string MissedEvent = "commitment.missed";

    public static void MapCommitmentApi(this IEndpointRouteBuilder app)
    {
        var onCase = app.MapGroup("/api/cases/{id:guid}/commitments").WithTags("Cases");
        onCase.MapGet("", ListForCase).RequireAuthorization(Permissions.CasesRead);
        onCase.MapPost("", Create).RequireAuthorization(Permissions.CasesWrite);
        var commitments = app.MapGroup("/api/commitments").WithTags("Cases");
        commitments.MapGet("/mine", Mine).RequireAuthorization(Permissions.CasesWrite);
        commitments.MapPost("/{id:guid}/kept", Keep).RequireAuthorization(Permissions.CasesWrite);
        // Missed promises are a service-quality report: the people who read feedback read this too.
        commitments.MapGet("/missed", Missed).RequireAuthorization(Permissions.FeedbackRead);
    }

    private static async Task<Results<Created<CommitmentDto>, ValidationProblem, ProblemHttpResult>> Create(
        Guid id, CreateCommitmentRequest r, ClaimsPrincipal user, CaseContext cases, AuditLog audit, CancellationToken ct)
    {
        var (c, branch, problem) = await cases.FindAsync(id, user, ct);
        if (c is null) return problem!;
        var v = new Validation();
        v.Required("promise", r.Promise, 500);
        var zone = ZoneOf(branch!.Branch);
        var now = cases.Now;
        DateTime? due = null;
        if (v.Required("dueAt", r.DueAt, 40))
        {
            due = ParseDue(r.DueAt!, zone);
            if (due is null) v.Add("dueAt", "validation.dateTime");
            else if (due <= now) v.Add("dueAt", "validation.future");
        }
        var responsible = r.ResponsibleId ?? user.UserId();
        if (responsible is not { } responsibleId) v.Add("responsibleId", "validation.required");
        else
        {
            var access = await UserAccessCache.LoadAsync(cases.Db, responsibleId, ct);
            if (access is null || !access.IsActive) v.Add("responsibleId", "validation.unknownUser");
            else if (!access.CanWorkCasesIn(branch.Branch.Code)) v.Add("responsibleId", "validation.assigneeScope");
        }
        if (r.EncounterId is { } encounterId && !await cases.Db.Encounters.AnyAsync(e => e.Id == encounterId && e.BranchId == c.BranchId, ct))
            v.Add("encounterId", "validation.unknownEncounter");
        if (!v.IsValid) return v.Problem();

        var commitment = new Commitment
        {
            CaseId = c.Id, EncounterId = r.EncounterId, BranchId = c.BranchId, CustomerId = c.CustomerId, Promise = r.Promise!.Trim(),
            DueAt = due!.Value, RemindAt = Commitment.ReminderFor(now, due.Value), ResponsibleId = responsible!.Value,
            CreatedById = user.UserId(), CreatedAt = now,
        };
        cases.Db.Commitments.Add(commitment);
        cases.Db.CaseMessages.Add(SystemNote(c, now, Messages.GetIn(c.Language, "commitments.note.made", Local(commitment.DueAt, zone))));
        audit.Record("commitment.made", $"case:{c.Reference}", new { commitment.Id, commitment.DueAt, commitment.ResponsibleId });
        await cases.Db.SaveChangesAsync(ct);
        await cases.PublishAsync(branch.Branch.Code, c, CaseContext.CaseChangedEvent, ct);
        var dto = (await ToDtosAsync(cases.Db, [commitment], ct)).Single();
        return TypedResults.Created($"/api/commitments/{commitment.Id}", dto);
    }

    private static async Task<Results<Ok<List<CommitmentDto>>, ProblemHttpResult>> ListForCase(
        Guid id, ClaimsPrincipal user, CaseContext cases, CancellationToken ct)
    {
        var (c, _, problem) = await cases.FindAsync(id, user, ct);
        if (c is null) return problem!;
        var rows = await cases.Db.Commitments.AsNoTracking().Where(x => x.CaseId == c.Id).OrderBy(x => x.DueAt).ToListAsync(ct);
        return TypedResults.Ok(await ToDtosAsync(cases.Db, rows, ct));
    }

    /// <param name="status">open (the default), kept or missed.</param>
    private static async Task<Results<Ok<List<CommitmentDto>>, ValidationProblem>> Mine(
        ClaimsPrincipal user, TouchpointDb db, CancellationToken ct, string status = CommitmentStatuses.Open)
    {
        if (!CommitmentStatuses.All.Contains(status)) return new Validation().Add("status", "validation.oneOf", string.Join(", ", CommitmentStatuses.All)).Problem();
        var me = user.UserId();
        var rows = await db.Commitments.AsNoTracking().Where(x => x.ResponsibleId == me && x.Status == status)
            .OrderBy(x => x.DueAt).Take(200).ToListAsync(ct);
        return TypedResults.Ok(await ToDtosAsync(db, rows, ct));
    }

    private static async Task<Results<Ok<CommitmentDto>, ValidationProblem, ProblemHttpResult>> Keep(
        Guid id, KeepCommitmentRequest? r, ClaimsPrincipal user, CaseContext cases, AuditLog audit, CancellationToken ct)
    {
        var commitment = await cases.Db.Commitments.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (commitment is null) return Problems.NotFound();
        var (c, branch, problem) = await cases.FindAsync(commitment.CaseId, user, ct);
        if (c is null) return problem!;
        if (commitment.Status == CommitmentStatuses.Kept)
            return Problems.Result(StatusCodes.Status409Conflict, "cases.conflictTitle", "commitments.alreadyKept");
        var now = cases.Now;
        var keptAt = r?.KeptAt?.ToUniversalTime() ?? now;
        if (keptAt > now.AddMinutes(1) || keptAt < commitment.CreatedAt) return new Validation().Add("keptAt", "validation.keptAt").Problem();
        commitment.Status = CommitmentStatuses.Kept;
        commitment.KeptAt = keptAt;
        commitment.KeptById = user.UserId();
        cases.Db.CaseMessages.Add(SystemNote(c, now, Messages.GetIn(c.Language, "commitments.note.kept", Local(commitment.DueAt, ZoneOf(branch!.Branch)))));
        audit.Record("commitment.kept", $"case:{c.Reference}", new { commitment.Id, keptAt });
        await cases.Db.SaveChangesAsync(ct);
        await cases.PublishAsync(branch!.Branch.Code, c, CaseContext.CaseChangedEvent, ct);
        return TypedResults.Ok((await ToDtosAsync(cases.Db, [commitment], ct)).Single());
    }

    /// <summary>Missed commitments of a branch (or all the caller reaches) whose due time falls in the period, newest first.</summary>
    private static async Task<Results<Ok<List<CommitmentDto>>, ValidationProblem, ProblemHttpResult>> Missed(
        ClaimsPrincipal user, CaseContext cases, CancellationToken ct, string? branch = null, DateTime? from = null, DateTime? to = null)
    {
        var db = cases.Db;
        var q = db.Commitments.AsNoTracking().Where(x => x.Status == CommitmentStatuses.Missed);
        if (branch is not null)
        {
            var b = await cases.BranchAsync(branch, ct);
            if (b is null) return new Validation().Add("branch", "validation.unknownBranch", branch).Problem();
            if (!user.CanAccessBranch(b.Branch.Code)) return Problems.Forbidden();
            q = q.Where(x => x.BranchId == b.Branch.Id);
        }
        else if (!user.SpansAllBranches())
        {
            var codes = user.BranchCodes();
            var ids = await db.Branches.Where(b => codes.Contains(b.Code)).Select(b => b.Id).ToListAsync(ct);
            q = q.Where(x => ids.Contains(x.BranchId));
        }
        if (from is { } f && to is { } t && f >= t) return new Validation().Add("to", "validation.startBeforeEnd").Problem();
        if (from is { } start) { var s = start.ToUniversalTime(); q = q.Where(x => x.DueAt >= s); }
        if (to is { } end) { var e = end.ToUniversalTime(); q = q.Where(x => x.DueAt < e); }
        var rows = await q.OrderByDescending(x => x.DueAt).Take(500).ToListAsync(ct);
        return TypedResults.Ok(await ToDtosAsync(db, rows, ct));
    }

    /// <summary>
    /// An internal note in the case's thread. Notes about a commitment name its due time, never what was promised: the
    /// promise may name the customer or their address, and erasure blanks it on the commitment, not in the thread.
    /// </summary>
    public static CaseMessage SystemNote(SupportCase c, DateTime now, string body) => SystemNote(c.Id, now, body);

    public static CaseMessage SystemNote(Guid caseId, DateTime now, string body) => new()
    {
        CaseId = caseId, Visibility = CaseMessageVisibility.Internal, Direction = CaseMessageDirections.Note, CreatedAt = now,
        AuthorName = "Touchpoint", Body = body,
    };

    public static async Task<List<CommitmentDto>> ToDtosAsync(TouchpointDb db, IReadOnlyList<Commitment> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return [];
        var caseIds = rows.Select(r => r.CaseId).Distinct().ToList();
        var userIds = rows.Select(r => r.ResponsibleId).Distinct().ToList();
        var caseRows = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Reference, c.Subject, c.BranchId }).ToDictionaryAsync(c => c.Id, ct);
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var branchIds = rows.Select(r => r.BranchId).Distinct().ToList();
        var branches = await db.Branches.AsNoTracking().Where(b => branchIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, ct);
        return rows.Select(r =>
        {
            var c = caseRows.GetValueOrDefault(r.CaseId);
            var b = branches.GetValueOrDefault(r.BranchId);
            return new CommitmentDto(r.Id, r.CaseId, c?.Reference ?? "", c?.Subject ?? "", b?.Code ?? "", r.EncounterId, r.Promise, r.DueAt,
                b is null ? "" : Local(r.DueAt, ZoneOf(b)), r.ResponsibleId, names.GetValueOrDefault(r.ResponsibleId), r.Status, r.CreatedAt,
                r.KeptAt, r.MissedAt);
        }).ToList();
    }

    public static TimeZoneInfo ZoneOf(Organisation.Branch branch) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(branch.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;

    public static string Local(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>An ISO time with an offset is taken as is; without one it is the branch's wall-clock time.</summary>
    public static DateTime? ParseDue(string text, TimeZoneInfo zone)
    {
        text = text.Trim();
        var hasOffset = text.EndsWith('Z') || text.EndsWith('z') || System.Text.RegularExpressions.Regex.IsMatch(text, @"[+-]\d\d:?\d\d$");
        if (hasOffset)
            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dto) ? dto.UtcDateTime : null;
        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)) return null;
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        // A wall-clock time skipped by a daylight-saving jump does not exist; take the hour after.
        if (zone.IsInvalidTime(local)) local = local.AddHours(1);
        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }
}
