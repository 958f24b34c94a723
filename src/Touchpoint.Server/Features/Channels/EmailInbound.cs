using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Mail;
using Touchpoint.Server.Features.Cases;
using Touchpoint.Server.Platform.Http;
using Touchpoint.Server.Platform.Localization;

namespace Touchpoint.Server.Features.Channels;

/// <param name="Status">threaded (added to an existing case), opened (a new case) or unparsed (kept and flagged).</param>
public sealed record InboundMailResult(Guid Id, string Status, Guid? CaseId, string? Reference);

/// <summary>
/// <c>POST /api/channels/email/inbound</c>: a mail server's pipe or a provider's forward delivers one raw message
/// (message/rfc822). The bytes are saved before anything else; then the message is parsed, threaded to its case by
/// Message-ID, In-Reply-To and References, then by the TP reference in the subject, or opens a new case.
/// </summary>
public static class EmailInbound
{
    public const long MaxBytes = 25 * 1024 * 1024;

    public static async Task<Results<Ok<InboundMailResult>, Created<InboundMailResult>, ValidationProblem, ProblemHttpResult>> Receive(
        HttpRequest request, ClaimsPrincipal user, CaseContext cases, CaseWorkspace.CaseAttachmentService attachments, ILogger<InboundMail> logger,
        CancellationToken ct, string? branch = null)
    {
        var (layout, branchError) = await cases.ChooseBranchAsync(branch, user, ct);
        if (layout is null) return new Validation().Add("branch", branchError!, branch ?? "").Problem();
        if (request.ContentLength > MaxBytes) return Problems.Result(StatusCodes.Status413PayloadTooLarge);
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        if (buffer.Length == 0) return new Validation().Add("body", "validation.required").Problem();
        if (buffer.Length > MaxBytes) return Problems.Result(StatusCodes.Status413PayloadTooLarge);

        var db = cases.Db;
        var mail = new InboundMail { BranchId = layout.Branch.Id, ReceivedAt = cases.Now, Raw = buffer.ToArray(), Status = InboundMailStatuses.Received };
        db.InboundMails.Add(mail);
        await db.SaveChangesAsync(ct);

        ParsedMail parsed;
        try { parsed = MailParser.Parse(mail.Raw); }
        catch (Exception e)
        {
            // The parser is built not to throw; if it ever does, the message is still kept for a person to read.
            logger.LogError(e, "Inbound mail {Id} could not be parsed", mail.Id);
            parsed = new ParsedMail { CouldNotParse = true, Problems = ["exception: " + e.GetType().Name] };
        }
        mail.MessageId = Truncate(parsed.MessageId, 256);
        mail.FromAddress = Truncate(parsed.From?.Address.ToLowerInvariant(), 256);
        mail.Subject = Truncate(parsed.Subject, 512);
        mail.Problems = parsed.Problems.Count == 0 ? null : string.Join("\n", parsed.Problems);
        if (parsed.CouldNotParse || parsed.From is null)
        {
            mail.Status = InboundMailStatuses.Unparsed;
            await db.SaveChangesAsync(ct);
            logger.LogWarning("Inbound mail {Id} kept unparsed: {Problems}", mail.Id, mail.Problems);
            return TypedResults.Ok(new InboundMailResult(mail.Id, mail.Status, null, null));
        }

        // A message delivered twice (a retrying forwarder) is not added twice.
        if (parsed.MessageId is { } mid && await db.CaseMessages.AsNoTracking().Where(m => m.MailMessageId == mid)
                .Select(m => (Guid?)m.CaseId).FirstOrDefaultAsync(ct) is { } already)
        {
            mail.Status = InboundMailStatuses.Threaded;
            mail.CaseId = already;
            await db.SaveChangesAsync(ct);
            var reference = await db.Cases.Where(c => c.Id == already).Select(c => c.Reference).FirstAsync(ct);
            return TypedResults.Ok(new InboundMailResult(mail.Id, mail.Status, already, reference));
        }

        var existing = await FindCaseAsync(cases, parsed, ct);
        var body = string.IsNullOrWhiteSpace(parsed.NewText) ? parsed.Text : parsed.NewText;
        var from = parsed.From;
        if (existing is not null)
        {
            var caseBranch = (await cases.BranchAsync(existing.BranchId, ct))!;
            var now = cases.Now;
            var added = InboundMessage(existing.Id, mail, parsed, body, now);
            db.CaseMessages.Add(added);
            await attachments.AddInboundAsync(db, existing.Id, added.Id, parsed.Attachments, now, ct);
            await CaseWork.CustomerWroteAsync(cases, existing, caseBranch.Branch, ct);
            mail.Status = InboundMailStatuses.Threaded;
            mail.CaseId = existing.Id;
            await db.SaveChangesAsync(ct);
            await cases.PublishAsync(caseBranch.Branch.Code, existing, CaseContext.CaseChangedEvent, ct);
            return TypedResults.Ok(new InboundMailResult(mail.Id, mail.Status, existing.Id, existing.Reference));
        }

        // The customer is known by their address from earlier cases; a new address is recorded as given.
        var known = await db.Cases.AsNoTracking().Where(c => c.CustomerEmail == from.Address.ToLower())
            .OrderByDescending(c => c.CreatedAt).Select(c => new { c.CustomerId, c.CustomerName, c.CustomerPhone }).FirstOrDefaultAsync(ct);
        var subject = CaseReference.CleanSubject(parsed.Subject);
        var opened = await CaseCreation.OpenAsync(cases, new NewCase(layout,
            Truncate(string.IsNullOrWhiteSpace(subject) ? "(no subject)" : subject, 256)!, body.Trim(), CaseChannels.Email,
            Truncate(known?.CustomerName ?? (string.IsNullOrWhiteSpace(from.DisplayName) ? from.Address : from.DisplayName), 128)!,
            from.Address, known?.CustomerPhone, known?.CustomerId, CasePriorities.Normal, null, [], Languages.Current, null), ct,
            async c =>
            {
                // The first message and its attachments commit with the case: never a case whose files went missing.
                var first = InboundMessage(c.Id, mail, parsed, body, c.CreatedAt);
                db.CaseMessages.Add(first);
                await attachments.AddInboundAsync(db, c.Id, first.Id, parsed.Attachments, c.CreatedAt, ct);
                mail.Status = InboundMailStatuses.Opened;
                mail.CaseId = c.Id;
            });
        return TypedResults.Created($"/api/cases/{opened.Id}", new InboundMailResult(mail.Id, mail.Status, opened.Id, opened.Reference));
    }

    /// <summary>By the message ids the mail answers (nearest first), then by the case reference in its subject.</summary>
    private static async Task<SupportCase?> FindCaseAsync(CaseContext cases, ParsedMail parsed, CancellationToken ct)
    {
        var db = cases.Db;
        var parents = MailThreading.ParentIds(parsed);
        if (parents.Count > 0)
        {
            var hits = await db.CaseMessages.AsNoTracking().Where(m => m.MailMessageId != null && parents.Contains(m.MailMessageId))
                .Select(m => new { m.MailMessageId, m.CaseId }).ToListAsync(ct);
            foreach (var id in parents)
                if (hits.FirstOrDefault(h => h.MailMessageId == id) is { } hit)
                    return await FollowMergesAsync(db, hit.CaseId, ct);
        }
        if (CaseReference.TryParseNumber(CaseReference.Find(parsed.Subject), out var number)
            && await db.Cases.Where(c => c.Number == number).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct) is { } byReference)
            return await FollowMergesAsync(db, byReference, ct);
        return null;
    }

    /// <summary>A reply to a merged case belongs to the case it was merged into; to a closed one, to a new case.</summary>
    private static async Task<SupportCase?> FollowMergesAsync(Platform.Data.TouchpointDb db, Guid id, CancellationToken ct)
    {
        for (var i = 0; i < 10; i++)
        {
            var c = await db.Cases.FirstOrDefaultAsync(x => x.Id == id, ct);
            if (c is null) return null;
            if (c.MergedIntoId is { } into) { id = into; continue; }
            return c.Status == CaseStatuses.Closed ? null : c;
        }
        return null;
    }

    private static CaseMessage InboundMessage(Guid caseId, InboundMail mail, ParsedMail parsed, string body, DateTime now) => new()
    {
        CaseId = caseId, Visibility = CaseMessageVisibility.Public, Direction = CaseMessageDirections.Inbound,
        AuthorName = Truncate(parsed.From!.ToString(), 128)!, Body = body.Trim(), CreatedAt = now,
        MailMessageId = Truncate(parsed.MessageId, 256), InboundMailId = mail.Id,
    };

    private static string? Truncate(string? s, int max) => s is null || s.Length <= max ? s : s[..max];
}
