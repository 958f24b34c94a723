using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Touchpoint.Server.Features.Cases;
using Touchpoint.Server.Platform.Http;
using Touchpoint.Server.Platform.Identity;

namespace Touchpoint.Server.Features.CaseWorkspace;

/// <summary>
/// Uploading files to a case (they wait until the reply or note that carries them is sent), listing them, and
/// downloading them: always as a download, with nosniff and a sandbox policy, so no file ever runs in the app's origin.
/// </summary>
public static class AttachmentEndpoints
{
    public static async Task<Results<Created<List<CaseAttachmentDto>>, ValidationProblem, ProblemHttpResult>> Upload(
        Guid id, HttpRequest request, ClaimsPrincipal user, CaseContext cases, CaseAttachmentService attachments, AttachmentOptions options,
        CancellationToken ct)
    {
        var (c, _, problem) = await cases.FindAsync(id, user, ct);
        if (c is null) return problem!;
        if (!request.HasFormContentType) return new Validation().Add("file", "validation.required").Problem();
        if (request.ContentLength > options.MaxRequestBytes) return TooLarge(options);
        IFormCollection form;
        // The endpoint's size limits (see MapCaseWorkspaceApi) stop reading at the limit, whether or not the client
        // declared a length: the server (413) or the multipart reader (InvalidDataException) throws.
        try { form = await request.ReadFormAsync(ct); }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
        {
            return TooLarge(options);
        }
        var v = new Validation();
        if (form.Files.Count == 0) v.Add("file", "validation.required");
        if (form.Files.Count > options.MaxFiles) v.Add("file", "attachments.tooMany", options.MaxFiles);
        var accepted = new List<(string Name, string Type, byte[] Content)>();
        for (var i = 0; i < form.Files.Count && v.IsValid; i++)
        {
            var file = form.Files[i];
            var field = form.Files.Count == 1 ? "file" : $"file[{i}]";
            if (file.Length == 0) { v.Add(field, "attachments.empty"); continue; }
            if (file.Length > options.MaxBytes) { v.Add(field, "attachments.tooLarge", options.MaxBytes / 1024); continue; }
            using var buffer = new MemoryStream((int)file.Length);
            await file.CopyToAsync(buffer, ct);
            var bytes = buffer.ToArray();
            var name = AttachmentTypes.SafeFileName(file.FileName);
            if (AttachmentTypes.SafeType(bytes.AsSpan(0, Math.Min(bytes.Length, 4096)), name) is not { } type)
            {
                v.Add(field, "attachments.typeNotAllowed", name);
                continue;
            }
            accepted.Add((name, type, bytes));
        }
        if (!v.IsValid) return v.Problem();
        var rows = new List<CaseAttachment>();
        foreach (var (name, type, content) in accepted)
            rows.Add(await attachments.AddAsync(cases.Db, c.Id, null, name, type, content, AttachmentSources.Upload, user.UserId(), cases.Now, ct));
        await cases.Db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/cases/{c.Id}/attachments", rows.Select(CaseAttachmentService.ToDto).ToList());
    }

    /// <summary>413, naming the field as a validation problem does, so the upload form can show it next to the file picker.</summary>
    private static ProblemHttpResult TooLarge(AttachmentOptions options)
    {
        var problem = Problems.Create(StatusCodes.Status413PayloadTooLarge, "validation.title", "attachments.requestTooLarge", options.MaxBytes / 1024, options.MaxFiles);
        problem.Extensions["errors"] = new Dictionary<string, string[]> { ["file"] = [problem.Detail!] };
        return TypedResults.Problem(problem);
    }

    /// <summary>Lets the server refuse an upload's body past the limit while it arrives, not after it was buffered.</summary>
    public sealed record SizeLimit(long? MaxRequestBodySize) : Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata;

    public static async Task<Results<Ok<List<CaseAttachmentDto>>, ProblemHttpResult>> List(
        Guid id, ClaimsPrincipal user, CaseContext cases, CaseAttachmentService attachments, CancellationToken ct)
    {
        var (c, _, problem) = await cases.FindAsync(id, user, ct);
        if (c is null) return problem!;
        return TypedResults.Ok(await attachments.ListAsync(cases.Db, c.Id, ct));
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Download(
        Guid id, Guid attachmentId, HttpContext http, ClaimsPrincipal user, CaseContext cases, CaseAttachmentService attachments, CancellationToken ct)
    {
        var (c, _, problem) = await cases.FindAsync(id, user, ct);
        if (c is null) return problem!;
        var row = await cases.Db.CaseAttachments.FindAsync([attachmentId], ct);
        if (row is null || row.CaseId != c.Id) return Problems.NotFound();
        // An upload no message carries yet is the uploader's draft: nobody else learns it exists.
        if (row.CaseMessageId is null && row.UploadedById != user.UserId()) return Problems.NotFound();
        var bytes = await attachments.Store.ReadAsync(cases.Db, row.Sha256, ct);
        if (bytes is null) return Problems.NotFound();
        return SafeDownload(http, bytes, row.ContentType, row.FileName);
    }

    /// <summary>
    /// A file that can only be saved, never shown or run in our origin: Content-Disposition attachment (FileDownloadName,
    /// with filename* for Chinese and Korean names), nosniff, a sandbox policy, and no shared caching.
    /// </summary>
    public static FileContentHttpResult SafeDownload(HttpContext http, byte[] bytes, string contentType, string fileName)
    {
        http.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        http.Response.Headers[HeaderNames.ContentSecurityPolicy] = "sandbox; default-src 'none'";
        http.Response.Headers[HeaderNames.CacheControl] = "private, no-store";
        return TypedResults.File(bytes, contentType, fileName);
    }
}
