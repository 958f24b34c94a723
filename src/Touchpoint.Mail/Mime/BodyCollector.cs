using System.Text;
using Touchpoint.Mail.Text;

namespace Touchpoint.Mail.Mime;

/// <summary>
/// Walks an entity tree and sorts its leaves: text/plain and text/html parts that are not attachments are the body
/// (several are joined in order, as Apple Mail splits a body around inline images); everything else is an attachment;
/// an attached message (message/rfc822) is also parsed.
/// </summary>
internal sealed class BodyCollector(ICollection<string> problems, int depth)
{
    public List<string> TextParts { get; } = [];
    public List<string> HtmlParts { get; } = [];
    public List<MailAttachment> Attachments { get; } = [];

    public void Collect(MimeEntity entity)
    {
        if (entity.IsMultipart)
        {
            foreach (var part in entity.Parts) Collect(part);
            return;
        }
        var type = entity.MediaType.StartsWith("multipart/", StringComparison.Ordinal) ? "text/plain" : entity.MediaType;
        var disposition = entity.Disposition?.Value;
        var fileName = entity.Disposition?["filename"] ?? entity.ContentType["name"];
        bool isBody = disposition != "attachment" && string.IsNullOrWhiteSpace(fileName);
        if (isBody && type == "text/plain")
        {
            TextParts.Add(DecodeText(entity, type));
            return;
        }
        if (isBody && type == "text/html")
        {
            HtmlParts.Add(DecodeText(entity, type));
            return;
        }

        var content = entity.DecodeBody(problems);
        ParsedMail? message = null;
        if (type is "message/rfc822" or "message/global")
        {
            message = depth + 1 < MimeEntity.MaxDepth ? MailParser.ParseUnguarded(content, depth + 1) : null;
            if (string.IsNullOrWhiteSpace(fileName)) fileName = (string.IsNullOrWhiteSpace(message?.Subject) ? "message" : SafeFileName(message.Subject)) + ".eml";
        }
        var contentId = entity.Headers.First("Content-ID")?.Trim().Trim('<', '>').Trim();
        Attachments.Add(new MailAttachment(
            string.IsNullOrWhiteSpace(fileName) ? $"part-{Attachments.Count + 1}{ExtensionFor(type)}" : SafeFileName(fileName),
            type, content)
        {
            ContentId = string.IsNullOrEmpty(contentId) ? null : contentId,
            Inline = disposition == "inline" || (disposition is null && !string.IsNullOrEmpty(contentId)),
            Message = message,
        });
    }

    private string DecodeText(MimeEntity entity, string type)
    {
        var bytes = entity.DecodeBody(problems);
        var charset = entity.Charset ?? (type == "text/html" ? HtmlMetaCharset(bytes) : null);
        var text = Charsets.Decode(bytes, charset, problems);
        text = NormalizeLineBreaks(text);
        if (string.Equals(entity.ContentType["format"], "flowed", StringComparison.OrdinalIgnoreCase))
            text = FlowedText.Unflow(text, string.Equals(entity.ContentType["delsp"], "yes", StringComparison.OrdinalIgnoreCase));
        return text;
    }

    internal static string NormalizeLineBreaks(string text) =>
        text.Contains('\r') ? text.Replace("\r\n", "\n").Replace('\r', '\n') : text;

    // <meta charset="gbk"> or <meta http-equiv="Content-Type" content="text/html; charset=big5"> near the start.
    private static string? HtmlMetaCharset(byte[] html)
    {
        var head = Encoding.Latin1.GetString(html, 0, Math.Min(html.Length, 4096));
        int at = head.IndexOf("charset=", StringComparison.OrdinalIgnoreCase);
        if (at < 0) return null;
        var rest = head[(at + 8)..].TrimStart('"', '\'', ' ');
        int end = 0;
        while (end < rest.Length && (char.IsAsciiLetterOrDigit(rest[end]) || rest[end] is '-' or '_' or '.' or ':')) end++;
        return end == 0 ? null : rest[..end];
    }

    // File names come from senders: no directories, no control characters.
    private static string SafeFileName(string name)
    {
        var cleaned = new string(name.Where(c => !char.IsControl(c)).ToArray()).Trim();
        int slash = cleaned.LastIndexOfAny(['/', '\\']);
        if (slash >= 0) cleaned = cleaned[(slash + 1)..];
        return cleaned.Length == 0 ? "attachment" : cleaned;
    }

    private static string ExtensionFor(string type) => type switch
    {
        "image/png" => ".png",
        "image/jpeg" or "image/jpg" => ".jpg",
        "image/gif" => ".gif",
        "application/pdf" => ".pdf",
        "text/plain" => ".txt",
        "text/html" => ".html",
        "text/calendar" => ".ics",
        "message/delivery-status" => ".txt",
        _ => ".bin",
    };
}
