using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Features.Cases;
using Touchpoint.Server.Features.Channels;
using Touchpoint.Server.Platform.Audit;
using Touchpoint.Server.Platform.Http;
using Touchpoint.Server.Platform.Identity;
using Touchpoint.Server.Platform.Localization;
using Touchpoint.Server.Platform.Privacy;

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
        var rows = await cases.Db.InboundMails.AsNoTracking().Where(m => m.Status == InboundMailStatuses.Unparsed).OrderByDescending(m => m.ReceivedAt)
            .Take(500).Select(m => new { m.Id, m.BranchId, m.ReceivedAt, m.FromAddress, m.Subject, m.Problems, Size = m.Raw.Length }).ToListAsync(ct);
        var reveal = user.Has(Permissions.CustomersReveal);
        var list = new List<UnparsedMailDto>();
        foreach (var m in rows)
            if (await cases.BranchAsync(m.BranchId, ct) is { } b && user.CanAccessBranch(b.Branch.Code))
                list.Add(new UnparsedMailDto(m.Id, b.Branch.Code, m.ReceivedAt, reveal ? m.FromAddress : MaskEmail(m.FromAddress), m.Subject, m.Problems, m.Size));
        return TypedResults.Ok(list);
    }

    private static string EmlName(InboundMail mail) => $"message-{mail.ReceivedAt:yyyyMMdd-HHmmss}.eml";

    private static string? MaskEmail(string? address)
    {
        if (address is null) return null;
        var at = address.IndexOf('@');
        return at <= 0 ? Masks.ShortName(address) : address[..1] + "***" + address[at..];
    }

    private static async Task<(InboundMail? Mail, ProblemHttpResult? Problem)> FindAsync(Guid id, ClaimsPrincipal user, CaseContext cases, CancellationToken ct)
    {
        var mail = await cases.Db.InboundMails.FirstOrDefaultAsync(m => m.Id == id, ct);
        if (mail is null || mail.Status is not (InboundMailStatuses.Unparsed or Attached or Dismissed)) return (null, Problems.NotFound());
        var branch = await cases.BranchAsync(mail.BranchId, ct);
        if (branch is null) return (null, Problems.NotFound());
        return user.CanAccessBranch(branch.Branch.Code) ? (mail, null) : (null, Problems.Forbidden());
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Raw(
        Guid id, HttpContext http, ClaimsPrincipal user, CaseContext cases, AuditLog audit, CancellationToken ct)
    {
        var (mail, problem) = await FindAsync(id, user, cases, ct);
        if (mail is null) return problem!;
        audit.Record("inboundMail.downloaded", $"inbound-mail:{mail.Id}", null);
        await cases.Db.SaveChangesAsync(ct);
        return AttachmentEndpoints.SafeDownload(http, mail.Raw, "message/rfc822", EmlName(mail));
    }

    public static async Task<Results<Ok<CaseAttachmentDto>, ValidationProblem, ProblemHttpResult>> Attach(
        Guid id, AttachMailRequest r, ClaimsPrincipal user, CaseContext cases, CaseAttachmentService attachments, AuditLog audit, CancellationToken ct)
    {
        if (r.CaseId is not { } caseId) return new Validation().Add("caseId", "validation.required").Problem();
        var (mail, problem) = await FindAsync(id, user, cases, ct);
        if (mail is null) return problem!;
        if (mail.Status != InboundMailStatuses.Unparsed) return Problems.Result(StatusCodes.Status409Conflict, "problem.conflict", "unparsed.notUnparsed");
        var (c, _, caseProblem) = await cases.FindAsync(caseId, user, ct);
        if (c is null) return caseProblem!;
        var now = cases.Now;
        var note = new CaseMessage
        {
            CaseId = c.Id, Visibility = CaseMessageVisibility.Internal, Direction = CaseMessageDirections.Note, CreatedAt = now,
            AuthorUserId = user.UserId(), AuthorName = user.FindFirstValue(TouchpointClaims.DisplayName) ?? user.ActorName(),
            Body = Messages.Get("unparsed.attachedNote", mail.ReceivedAt.ToString("yyyy-MM-dd HH:mm 'UTC'")), InboundMailId = mail.Id,
        };
        cases.Db.CaseMessages.Add(note);
        var row = await attachments.AddAsync(cases.Db, c.Id, note.Id, EmlName(mail), "message/rfc822", mail.Raw,
            AttachmentSources.Email, user.UserId(), now, ct);
        mail.Status = Attached;
        mail.CaseId = c.Id;
        c.UpdatedAt = now;
        audit.Record("inboundMail.attached", $"inbound-mail:{mail.Id}", new { @case = c.Reference });
        await cases.Db.SaveChangesAsync(ct);
        return TypedResults.Ok(CaseAttachmentService.ToDto(row));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Dismiss(Guid id, ClaimsPrincipal user, CaseContext cases, AuditLog audit, CancellationToken ct)
    {
        var (mail, problem) = await FindAsync(id, user, cases, ct);
        if (mail is null) return problem!;
        if (mail.Status != InboundMailStatuses.Unparsed) return Problems.Result(StatusCodes.Status409Conflict, "problem.conflict", "unparsed.notUnparsed");
        mail.Status = Dismissed;
        audit.Record("inboundMail.dismissed", $"inbound-mail:{mail.Id}", null);
        await cases.Db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
