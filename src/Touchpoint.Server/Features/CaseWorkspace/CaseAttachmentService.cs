using Microsoft.EntityFrameworkCore;
using Touchpoint.Mail;
using Touchpoint.Server.Features.Cases;
using Touchpoint.Server.Features.Customers;
using Touchpoint.Server.Platform.Data;

namespace Touchpoint.Server.Features.CaseWorkspace;

public sealed record CaseAttachmentDto(Guid Id, Guid? MessageId, string FileName, string ContentType, long Size, string Source, DateTime CreatedAt);

/// <summary><c>Attachments__MaxBytes</c> (per file) and <c>Attachments__MaxFiles</c> (per upload).</summary>
public sealed record AttachmentOptions(long MaxBytes, int MaxFiles)
{
    public static AttachmentOptions Read(IConfiguration c) => new(
        c.GetValue<long?>("Attachments:MaxBytes") ?? 10 * 1024 * 1024, c.GetValue<int?>("Attachments:MaxFiles") ?? 10);

    /// <summary>The most one upload request may carry: every file at its limit plus room for the multipart headers.</summary>
    public long MaxRequestBytes => MaxBytes * MaxFiles + 64 * 1024;
}

/// <summary>Attachments' rows and bytes together: what uploads, replies, inbound mail and erasure share.</summary>
public sealed class CaseAttachmentService(IAttachmentStore store)
{
    public IAttachmentStore Store => store;

    public static CaseAttachmentDto ToDto(CaseAttachment a) => new(a.Id, a.CaseMessageId, a.FileName, a.ContentType, a.Size, a.Source, a.CreatedAt);

    /// <summary>Stores the bytes and adds the row (the caller saves).</summary>
    public async Task<CaseAttachment> AddAsync(
        TouchpointDb db, Guid caseId, Guid? messageId, string fileName, string contentType, byte[] content, string source, Guid? by, DateTime now,
        CancellationToken ct)
    {
        var sha = await store.SaveAsync(db, content, ct);
        var row = new CaseAttachment
        {
            CaseId = caseId, CaseMessageId = messageId, FileName = AttachmentTypes.SafeFileName(fileName), ContentType = contentType,
            Size = content.LongLength, Sha256 = sha, Source = source, UploadedById = by, CreatedAt = now,
        };
        db.CaseAttachments.Add(row);
        return row;
    }

    /// <summary>
    /// Ties uploads waiting on this case (uploaded by this user) to the message being sent, and returns them as mail
    /// parts for an email reply. Unknown ids, or another case's or person's uploads, are reported by index.
    /// </summary>
    public async Task<(List<MailAttachment> Files, int? BadIndex)> ClaimAsync(
        TouchpointDb db, Guid caseId, Guid messageId, Guid? userId, IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        var rows = await db.CaseAttachments.Where(a => ids.Contains(a.Id) && a.CaseId == caseId && a.CaseMessageId == null && a.UploadedById == userId)
            .ToListAsync(ct);
        for (var i = 0; i < ids.Count; i++)
            if (rows.All(r => r.Id != ids[i])) return ([], i);
        var files = new List<MailAttachment>(rows.Count);
        foreach (var row in ids.Select(id => rows.First(r => r.Id == id)))
        {
            row.CaseMessageId = messageId;
            files.Add(new MailAttachment(row.FileName, row.ContentType, await store.ReadAsync(db, row.Sha256, ct) ?? []));
        }
        return (files, null);
    }

    /// <summary>A customer's email attachments become the case's (inline images included: they are often screenshots).</summary>
    public async Task AddInboundAsync(TouchpointDb db, Guid caseId, Guid messageId, IReadOnlyList<MailAttachment> parts, DateTime now, CancellationToken ct)
    {
        foreach (var part in parts)
            await AddAsync(db, caseId, messageId, part.FileName, AttachmentTypes.ForInbound(part.Content, part.FileName), part.Content,
                AttachmentSources.Email, null, now, ct);
    }

    public async Task<List<CaseAttachmentDto>> ListAsync(TouchpointDb db, Guid caseId, CancellationToken ct) =>
        (await db.CaseAttachments.AsNoTracking().Where(a => a.CaseId == caseId && a.CaseMessageId != null).OrderBy(a => a.CreatedAt)
            .ToListAsync(ct)).Select(ToDto).ToList();
}

/// <summary>Erasure of a customer takes their cases' attachments: the rows, and the bytes no other attachment shares.</summary>
public sealed class AttachmentCustomerData(IAttachmentStore store) : ICustomerTimelineSource
{
    public async Task EraseAsync(TouchpointDb db, Guid customerId, CancellationToken ct)
    {
        var cases = db.Cases.Where(c => c.CustomerId == customerId).Select(c => c.Id);
        var hashes = await db.CaseAttachments.Where(a => cases.Contains(a.CaseId)).Select(a => a.Sha256).Distinct().ToListAsync(ct);
        await db.CaseAttachments.Where(a => cases.Contains(a.CaseId)).ExecuteDeleteAsync(ct);
        foreach (var sha in hashes) await store.DeleteIfUnusedAsync(db, sha, ct);
    }

    public IReadOnlyList<string> ErasedTables => ["CaseAttachments", "AttachmentBlobs"];
}
