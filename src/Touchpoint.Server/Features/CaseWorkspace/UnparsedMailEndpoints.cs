using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Features.Cases;
using Touchpoint.Server.Features.Channels;
using Touchpoint.Server.Features.Customers;
using Touchpoint.Server.Platform.Audit;
using Touchpoint.Server.Platform.Http;
using Touchpoint.Server.Platform.Identity;
using Touchpoint.Server.Platform.Localization;

namespace Touchpoint.Server.Features.CaseWorkspace;

/// <param name="FromAddress">Masked unless the reader may reveal personal data.</param>
public sealed record UnparsedMailDto(Guid Id, string BranchCode, DateTime ReceivedAt, string? FromAddress, string? Subject, string? Problems, int Size);
public sealed record AttachMailRequest(Guid? CaseId);

/// <summary>
/// Inbound mail the parser could not read is kept whole and flagged (status unparsed). Supervisors list it, download
/// the raw message, and either attach it to a case (as an .eml file on an internal note) or dismiss it.
/// </summary>
public static class UnparsedMailEndpoints
{
    public const string Attached = "attached";
    public const string Dismissed = "dismissed";

    public static void MapUnparsedMailApi(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/inbound-mail/unparsed").RequireAuthorization(Permissions.CasesSupervise).WithTags("Channels");
        g.MapGet("", List);
        g.MapGet("/{id:guid}/raw", Raw).Produces(StatusCodes.Status200OK, contentType: "message/rfc822");
        g.MapPost("/{id:guid}/attach", Attach);
        g.MapPost("/{id:guid}/dismiss", Dismiss);
    }

    public static async Task<Ok<List<UnparsedMailDto>>> List(ClaimsPrincipal user, CaseContext cases, CancellationToken ct)
    {
        // The branch filter is in the query, before the 500 cap: a small branch must not lose its mail to a busy one's.
        var query = cases.Db.InboundMails.AsNoTracking().Where(m => m.Status == InboundMailStatuses.Unparsed);
        if (await CaseQueries.BranchIdsAsync(user, cases, ct) is { } branches) query = query.Where(m => branches.Contains(m.BranchId));
        var rows = await query.OrderByDescending(m => m.ReceivedAt).Take(500)
            .Select(m => new { m.Id, m.BranchId, m.ReceivedAt, m.FromAddress, m.Subject, m.Problems, Size = m.Raw.Length }).ToListAsync(ct);
        var reveal = user.Has(Permissions.CustomersReveal);
        var list = new List<UnparsedMailDto>(rows.Count);
        foreach (var m in rows)
            if (await cases.BranchAsync(m.BranchId, ct) is { } b)
                list.Add(new UnparsedMailDto(m.Id, b.Branch.Code, m.ReceivedAt,
                    reveal || m.FromAddress is null ? m.FromAddress : PersonalData.MaskEmail(m.FromAddress), m.Subject, m.Problems, m.Size));
        return TypedResults.Ok(list);
    }

    private static string EmlName(DateTime receivedAt) => $"message-{receivedAt:yyyyMMdd-HHmmss}.eml";

    /// <summary>What deciding on a mail needs: not its raw bytes, which only a download or an attach reads.</summary>
    private sealed record MailHeader(Guid Id, Guid BranchId, DateTime ReceivedAt, string Status);

    private static async Task<(MailHeader? Mail, ProblemHttpResult? Problem)> FindAsync(Guid id, ClaimsPrincipal user, CaseContext cases, CancellationToken ct)
    {
        var mail = await cases.Db.InboundMails.AsNoTracking().Where(m => m.Id == id)
            .Select(m => new MailHeader(m.Id, m.BranchId, m.ReceivedAt, m.Status)).FirstOrDefaultAsync(ct);
        if (mail is null || mail.Status is not (InboundMailStatuses.Unparsed or Attached or Dismissed)) return (null, Problems.NotFound());
        var branch = await cases.BranchAsync(mail.BranchId, ct);
        if (branch is null) return (null, Problems.NotFound());
        return user.CanAccessBranch(branch.Branch.Code) ? (mail, null) : (null, Problems.Forbidden());
    }

    private static Task<byte[]> RawAsync(CaseContext cases, Guid id, CancellationToken ct) =>
        cases.Db.InboundMails.Where(m => m.Id == id).Select(m => m.Raw).FirstAsync(ct);

    /// <summary>
    /// Moves a mail out of review only if it is still waiting (two supervisors may decide at once); false means someone
    /// else already did. Runs in the caller's transaction, so the change and its audit entry are saved together.
    /// </summary>
    private static async Task<bool> ClaimAsync(CaseContext cases, Guid id, string status, Guid? caseId, CancellationToken ct) =>
        await cases.Db.InboundMails.Where(m => m.Id == id && m.Status == InboundMailStatuses.Unparsed)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, status).SetProperty(m => m.CaseId, m => caseId ?? m.CaseId), ct) == 1;

    private static ProblemHttpResult NotUnparsed() => Problems.Result(StatusCodes.Status409Conflict, "problem.conflict", "unparsed.notUnparsed");

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Raw(
        Guid id, HttpContext http, ClaimsPrincipal user, CaseContext cases, AuditLog audit, CancellationToken ct)
    {
        var (mail, problem) = await FindAsync(id, user, cases, ct);
        if (mail is null) return problem!;
        audit.Record("inboundMail.downloaded", $"inbound-mail:{mail.Id}", null);
        await cases.Db.SaveChangesAsync(ct);
        return AttachmentEndpoints.SafeDownload(http, await RawAsync(cases, mail.Id, ct), "message/rfc822", EmlName(mail.ReceivedAt));
    }

    public static async Task<Results<Ok<CaseAttachmentDto>, ValidationProblem, ProblemHttpResult>> Attach(
        Guid id, AttachMailRequest r, ClaimsPrincipal user, CaseContext cases, CaseAttachmentService attachments, AuditLog audit, CancellationToken ct)
    {
        if (r.CaseId is not { } caseId) return new Validation().Add("caseId", "validation.required").Problem();
        var (mail, problem) = await FindAsync(id, user, cases, ct);
        if (mail is null) return problem!;
        if (mail.Status != InboundMailStatuses.Unparsed) return NotUnparsed();
        var (c, _, caseProblem) = await cases.FindAsync(caseId, user, ct);
        if (c is null) return caseProblem!;
        var now = cases.Now;
        await using var tx = await cases.Db.Database.BeginTransactionAsync(ct);
        if (!await ClaimAsync(cases, mail.Id, Attached, c.Id, ct)) return NotUnparsed();
        var note = new CaseMessage
        {
            CaseId = c.Id, Visibility = CaseMessageVisibility.Internal, Direction = CaseMessageDirections.Note, CreatedAt = now,
            AuthorUserId = user.UserId(), AuthorName = user.FindFirstValue(TouchpointClaims.DisplayName) ?? user.ActorName(),
            Body = Messages.Get("unparsed.attachedNote", mail.ReceivedAt.ToString("yyyy-MM-dd HH:mm 'UTC'")), InboundMailId = mail.Id,
        };
        cases.Db.CaseMessages.Add(note);
        var row = await attachments.AddAsync(cases.Db, c.Id, note.Id, EmlName(mail.ReceivedAt), "message/rfc822", await RawAsync(cases, mail.Id, ct),
            AttachmentSources.Email, user.UserId(), now, ct);
        c.UpdatedAt = now;
        audit.Record("inboundMail.attached", $"inbound-mail:{mail.Id}", new { @case = c.Reference });
        await cases.Db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(CaseAttachmentService.ToDto(row));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Dismiss(Guid id, ClaimsPrincipal user, CaseContext cases, AuditLog audit, CancellationToken ct)
    {
        var (mail, problem) = await FindAsync(id, user, cases, ct);
        if (mail is null) return problem!;
        if (mail.Status != InboundMailStatuses.Unparsed) return NotUnparsed();
        await using var tx = await cases.Db.Database.BeginTransactionAsync(ct);
        if (!await ClaimAsync(cases, mail.Id, Dismissed, null, ct)) return NotUnparsed();
        audit.Record("inboundMail.dismissed", $"inbound-mail:{mail.Id}", null);
        await cases.Db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.NoContent();
    }
}
