using System.Text;

namespace Touchpoint.Mail.Outbound;

/// <summary>
/// Writes an <see cref="OutboundMail"/> as MIME (CRLF line ends, 7-bit clean): text/plain alone, or
/// multipart/alternative with the HTML, wrapped in multipart/related for inline images and in multipart/mixed for files.
/// Text is UTF-8, quoted-printable when mostly ASCII (readable in a raw view) and base64 when not (CJK text is a third
/// smaller that way).
/// </summary>
public static class MimeWriter
{
    public static WrittenMail Write(OutboundMail mail)
    {
        var messageId = (mail.MessageId ?? MessageIds.Create(DomainOf(mail.From.Address))).Trim().Trim('<', '>');
        var output = new StringBuilder();
        void Header(string name, string value) => output.Append(HeaderEncoding.Fold(name, value));

        Header("Date", HeaderEncoding.Date(mail.Date));
        Header("From", HeaderEncoding.Address(mail.From));
        if (mail.To.Count > 0) Header("To", HeaderEncoding.AddressList(mail.To));
        if (mail.Cc.Count > 0) Header("Cc", HeaderEncoding.AddressList(mail.Cc));
        if (mail.ReplyTo.Count > 0) Header("Reply-To", HeaderEncoding.AddressList(mail.ReplyTo));
        Header("Subject", HeaderEncoding.Unstructured(mail.Subject));
        Header("Message-ID", $"<{messageId}>");
        if (!string.IsNullOrWhiteSpace(mail.InReplyTo)) Header("In-Reply-To", $"<{mail.InReplyTo.Trim('<', '>')}>");
        if (mail.References.Count > 0) Header("References", string.Join(' ', mail.References.Select(r => $"<{r.Trim('<', '>')}>")));
        foreach (var (name, value) in mail.Headers) Header(name, HeaderEncoding.Unstructured(value));
        Header("MIME-Version", "1.0");
        WriteBody(output, mail);
        return new WrittenMail(messageId, Encoding.ASCII.GetBytes(output.ToString()));
    }

    private static void WriteBody(StringBuilder output, OutboundMail mail)
    {
        var inline = mail.Html is null ? [] : mail.Attachments.Where(a => a.Inline && a.ContentId is not null).ToList();
        // Not Except: it would also merge two equal attachments into one.
        var files = mail.Attachments.Where(a => !inline.Contains(a)).ToList();

        Action<StringBuilder> body = mail.Html is null
            ? o => TextPart(o, "text/plain", mail.Text)
            : o => Multipart(o, "alternative", [p => TextPart(p, "text/plain", mail.Text), p => TextPart(p, "text/html", mail.Html)]);
        if (inline.Count > 0)
        {
            var alternative = body;
            body = o => Multipart(o, "related", [alternative, .. inline.Select(a => (Action<StringBuilder>)(p => AttachmentPart(p, a)))]);
        }
        if (files.Count > 0)
        {
            var content = body;
            body = o => Multipart(o, "mixed", [content, .. files.Select(a => (Action<StringBuilder>)(p => AttachmentPart(p, a)))]);
        }
        body(output);
    }

    private static void Multipart(StringBuilder output, string subtype, IReadOnlyList<Action<StringBuilder>> parts)
    {
        // "=_" cannot occur in base64 or quoted-printable output, so the boundary never collides with a part's content.
        var boundary = "=_tp_" + Guid.NewGuid().ToString("N");
        output.Append(HeaderEncoding.Fold("Content-Type", $"multipart/{subtype}; boundary=\"{boundary}\""));
        output.Append("\r\n");
        foreach (var part in parts)
        {
            output.Append("--").Append(boundary).Append("\r\n");
            part(output);
            output.Append("\r\n");
        }
        output.Append("--").Append(boundary).Append("--\r\n");
    }

    private static void TextPart(StringBuilder output, string type, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text.Replace("\r\n", "\n").Replace("\n", "\r\n"));
        int nonAscii = bytes.Count(b => b >= 0x80);
        bool base64 = nonAscii > bytes.Length / 5;
        output.Append($"Content-Type: {type}; charset=\"UTF-8\"\r\n");
        output.Append($"Content-Transfer-Encoding: {(base64 ? "base64" : "quoted-printable")}\r\n\r\n");
        output.Append(base64 ? Base64Lines(bytes) : QuotedPrintable.Encode(bytes));
    }

    private static void AttachmentPart(StringBuilder output, MailAttachment attachment)
    {
        var type = string.IsNullOrWhiteSpace(attachment.ContentType) ? "application/octet-stream" : attachment.ContentType.Trim();
        var name = HeaderEncoding.NeedsEncoding(attachment.FileName) ? HeaderEncoding.EncodeWords(attachment.FileName) : attachment.FileName;
        // name= on Content-Type (encoded-words, which Outlook reads) beside RFC 2231 filename*= (which the rest read).
        output.Append(HeaderEncoding.Fold("Content-Type", $"{type}; name=\"{name.Replace("\"", "'")}\""));
        output.Append(HeaderEncoding.Fold("Content-Disposition",
            $"{(attachment.Inline ? "inline" : "attachment")}; {HeaderEncoding.FileNameParameter("filename", attachment.FileName)}"));
        if (attachment.ContentId is { } id) output.Append($"Content-ID: <{id.Trim('<', '>')}>\r\n");
        output.Append("Content-Transfer-Encoding: base64\r\n\r\n");
        output.Append(Base64Lines(attachment.Content));
    }

    // Convert's line breaks fall every 76 characters, as RFC 2045 asks. No line break at the end: the delimiter that
    // follows brings its own, and one here would become part of the text.
    private static string Base64Lines(byte[] bytes) => Convert.ToBase64String(bytes, Base64FormattingOptions.InsertLineBreaks);

    private static string DomainOf(string address)
    {
        int at = address.LastIndexOf('@');
        return at < 0 ? "touchpoint.invalid" : address[(at + 1)..].Trim('>', ' ');
    }
}
