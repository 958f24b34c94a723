using System.Text;

namespace Touchpoint.Server.Features.CaseWorkspace;

/// <summary>
/// What a file really is, read from its first bytes (the uploader's Content-Type and extension are not trusted), and
/// whether staff may upload it: documents, images and plain text. HTML, SVG, scripts and executables are refused.
/// </summary>
public static class AttachmentTypes
{
    public const string OctetStream = "application/octet-stream";

    private static readonly Dictionary<string, string> OfficeByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".pptx"] = "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        [".zip"] = "application/zip",
        [".doc"] = "application/msword",
        [".xls"] = "application/vnd.ms-excel",
        [".ppt"] = "application/vnd.ms-powerpoint",
    };

    /// <summary>The sniffed type when the file is on the safe list, otherwise null.</summary>
    public static string? SafeType(ReadOnlySpan<byte> head, string fileName)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (head.StartsWith("%PDF-"u8)) return "application/pdf";
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return "image/png";
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return "image/jpeg";
        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8)) return "image/gif";
        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8)) return "image/webp";
        // Office files are ZIP or OLE containers: the container is checked, the extension says which document it is.
        if (head.StartsWith("PK\x03\x04"u8))
            return OfficeByExtension.TryGetValue(extension, out var zip) && extension is not (".doc" or ".xls" or ".ppt") ? zip : null;
        if (head.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
            return OfficeByExtension.TryGetValue(extension, out var ole) && extension is ".doc" or ".xls" or ".ppt" ? ole : null;
        if (IsPlainText(head))
            return extension switch
            {
                ".csv" => "text/csv",
                ".eml" => "message/rfc822",
                _ => "text/plain",
            };
        return null;
    }

    /// <summary>For files received by email: the safe type, or a plain download type for anything else.</summary>
    public static string ForInbound(ReadOnlySpan<byte> content, string fileName) => SafeType(content, fileName) ?? OctetStream;

    /// <summary>UTF-8 (or UTF-16 with a byte order mark) without control bytes, and not markup a browser would run.</summary>
    private static bool IsPlainText(ReadOnlySpan<byte> head)
    {
        if (head.Length == 0) return true;
        string text;
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) text = Encoding.Unicode.GetString(head[2..]);
        else
        {
            // The head may cut a multi-byte character at its end (NeedMoreData); anything else not UTF-8 is not text.
            var chars = new char[head.Length];
            var status = System.Text.Unicode.Utf8.ToUtf16(head, chars, out _, out var written, replaceInvalidSequences: false, isFinalBlock: false);
            if (status is not (System.Buffers.OperationStatus.Done or System.Buffers.OperationStatus.NeedMoreData)) return false;
            text = new string(chars, 0, written);
        }
        if (text.Any(c => char.IsControl(c) && c is not ('\r' or '\n' or '\t' or '\f'))) return false;
        var start = text.TrimStart().ToLowerInvariant();
        return !(start.StartsWith('<') && (start.Contains("<html") || start.Contains("<svg") || start.Contains("<script") || start.StartsWith("<!doctype")
            || start.StartsWith("<?xml")));
    }

    /// <summary>A name safe on every file system and in a header: no folders, no control or reserved characters, at most 255 characters.</summary>
    public static string SafeFileName(string? name)
    {
        var leaf = (name ?? "").Replace('\\', '/');
        leaf = leaf[(leaf.LastIndexOf('/') + 1)..];
        var cleaned = new string(leaf.Where(c => !char.IsControl(c) && c is not ('<' or '>' or ':' or '"' or '|' or '?' or '*')).ToArray()).Trim().TrimStart('.');
        if (cleaned.Length == 0) return "attachment";
        if (cleaned.Length <= 255) return cleaned;
        var ext = Path.GetExtension(cleaned);
        return ext.Length is > 0 and < 16 ? cleaned[..(255 - ext.Length)] + ext : cleaned[..255];
    }
}
