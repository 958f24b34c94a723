using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Hosting;

namespace Touchpoint.Server.Features.CaseWorkspace;

/// <summary>
/// Where attachment bytes live, addressed by their SHA-256 (lower-case hex): saving the same bytes twice keeps one copy.
/// The embedded (SQLite) setup uses a folder under the data directory; PostgreSQL nodes keep the bytes in the shared
/// database, so several nodes need no shared folder (decision 0016).
/// </summary>
public interface IAttachmentStore
{
    /// <summary>Stores the bytes (unless already there) and returns their hash.</summary>
    Task<string> SaveAsync(TouchpointDb db, byte[] content, CancellationToken ct);
    Task<byte[]?> ReadAsync(TouchpointDb db, string sha256, CancellationToken ct);
    /// <summary>Removes the bytes when no attachment row names them any more (call after deleting the rows).</summary>
    Task DeleteIfUnusedAsync(TouchpointDb db, string sha256, CancellationToken ct);
}

public static class AttachmentHash
{
    public static string Of(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));
    public static bool IsValid(string sha256) => sha256.Length == 64 && sha256.All(char.IsAsciiHexDigitLower);
}

public sealed class FolderAttachmentStore(TouchpointOptions options) : IAttachmentStore
{
    private readonly string root = Path.Combine(options.DataDirectory, "attachments");

    /// <summary>Two levels of fan-out (ab/abcdef…) keep any one folder small.</summary>
    private string PathOf(string sha256) =>
        AttachmentHash.IsValid(sha256) ? Path.Combine(root, sha256[..2], sha256) : throw new ArgumentException("Not a SHA-256 hash.", nameof(sha256));

    public async Task<string> SaveAsync(TouchpointDb db, byte[] content, CancellationToken ct)
    {
        var sha = AttachmentHash.Of(content);
        var path = PathOf(sha);
        if (File.Exists(path)) return sha;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Written aside and moved into place, so a reader never sees half a file under the final name.
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await File.WriteAllBytesAsync(temp, content, ct);
        try { File.Move(temp, path, overwrite: false); }
        catch (IOException) when (File.Exists(path)) { File.Delete(temp); }
        return sha;
    }

    public async Task<byte[]?> ReadAsync(TouchpointDb db, string sha256, CancellationToken ct)
    {
        var path = PathOf(sha256);
        return File.Exists(path) ? await File.ReadAllBytesAsync(path, ct) : null;
    }

    public async Task DeleteIfUnusedAsync(TouchpointDb db, string sha256, CancellationToken ct)
    {
        if (await db.CaseAttachments.AnyAsync(a => a.Sha256 == sha256, ct)) return;
        var path = PathOf(sha256);
        if (File.Exists(path)) File.Delete(path);
    }
}

public sealed class DatabaseAttachmentStore : IAttachmentStore
{
    public async Task<string> SaveAsync(TouchpointDb db, byte[] content, CancellationToken ct)
    {
        var sha = AttachmentHash.Of(content);
        // ON CONFLICT: two nodes saving the same file at once both succeed and one row remains.
        await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "AttachmentBlobs" ("Sha256", "Content") VALUES ({sha}, {content}) ON CONFLICT ("Sha256") DO NOTHING""", ct);
        return sha;
    }

    public async Task<byte[]?> ReadAsync(TouchpointDb db, string sha256, CancellationToken ct) =>
        await db.AttachmentBlobs.AsNoTracking().Where(b => b.Sha256 == sha256).Select(b => b.Content).FirstOrDefaultAsync(ct);

    public async Task DeleteIfUnusedAsync(TouchpointDb db, string sha256, CancellationToken ct)
    {
        if (await db.CaseAttachments.AnyAsync(a => a.Sha256 == sha256, ct)) return;
        await db.AttachmentBlobs.Where(b => b.Sha256 == sha256).ExecuteDeleteAsync(ct);
    }
}
