using System.Text;
using Touchpoint.Mail.Mime;
using Touchpoint.Mail.Text;

namespace Touchpoint.Mail;

/// <summary>
/// Reads an RFC 5322 / MIME message from its raw bytes. Never throws: what is malformed is read as well as it can be
/// and listed in <see cref="ParsedMail.Problems"/>; input that is no mail message at all is returned with
/// <see cref="ParsedMail.CouldNotParse"/> set and its bytes decoded as text, so that a person can still read it.
/// </summary>
public static class MailParser
{
    // Any of these makes a header block a mail message's; a block without them is some other text that looked like one.
    private static readonly string[] MessageHeaders =
        ["from", "to", "cc", "subject", "date", "message-id", "mime-version", "content-type", "received", "return-path", "sender", "reply-to", "delivered-to", "in-reply-to"];

    public static ParsedMail Parse(byte[] raw) => Parse(raw.AsMemory());

    public static ParsedMail Parse(ReadOnlyMemory<byte> raw)
    {
        try
        {
            return ParseUnguarded(raw, 0);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A parser bug must not lose a customer's mail: the caller keeps the raw bytes of a message flagged so.
            return Unreadable(raw.Span, [$"the parser failed ({e.GetType().Name}); the message is kept unread"]);
        }
    }

    /// <summary>Parses without the safety net, so that tests (and the fuzz test above all) see every exception.</summary>
    internal static ParsedMail ParseUnguarded(ReadOnlyMemory<byte> raw, int depth)
    {
        var problems = new List<string>();
        if (raw.Span.Trim("\r\n \t"u8).IsEmpty) return Unreadable(raw.Span, ["the message is empty"]);

        var root = MimeEntity.Read(raw, "text/plain", depth, problems);
        if (!root.Headers.Fields.Any(f => MessageHeaders.Contains(f.Key.ToLowerInvariant())))
        {
            problems.Add("no mail header fields: not a mail message");
            return Unreadable(raw.Span, problems);
        }

        var headerCharset = HeaderCharset(root);
        string? Text(string name) => root.Headers.First(name) is { } value ? HeaderText.DecodeRaw(value, headerCharset) : null;
        List<MailboxAddress> Addresses(string name) =>
            root.Headers.All(name).SelectMany(v => AddressListParser.Parse(HeaderText.DecodeRaw(v, headerCharset), problems)).ToList();

        var from = Addresses("From");
        if (from.Count == 0) from = Addresses("Sender");
        if (from.Count == 0) problems.Add("no sender address (From)");

        var body = new BodyCollector(problems, depth);
        body.Collect(root);
        string? html = body.HtmlParts.Count == 0 ? null : string.Join("\n", body.HtmlParts);
        bool textFromHtml = body.TextParts.Count == 0 && html is not null;
        string text = textFromHtml ? HtmlToText.Convert(html!) : string.Join("\n", body.TextParts);

        var messageIds = MessageIdList.Parse(Text("Message-ID"));
        return new ParsedMail
        {
            From = from.FirstOrDefault(),
            To = Addresses("To"),
            Cc = Addresses("Cc"),
            ReplyTo = Addresses("Reply-To"),
            Subject = AddressListParser.CollapseWhiteSpace(HeaderText.Decode(root.Headers.First("Subject") ?? "", headerCharset, problems)),
            Date = MailDateParser.Parse(Text("Date"), problems),
            MessageId = messageIds.FirstOrDefault(),
            InReplyTo = MessageIdList.Parse(Text("In-Reply-To")),
            References = MessageIdList.Parse(string.Join(' ', root.Headers.All("References"))),
            Text = text,
            Html = html,
            TextFromHtml = textFromHtml,
            NewText = QuotedHistory.Strip(text),
            Attachments = body.Attachments,
            Headers = root.Headers.Fields.Select(f => new KeyValuePair<string, string>(f.Key, HeaderText.Decode(f.Value, headerCharset, null))).ToList(),
            Problems = problems.Distinct().ToList(),
        };
    }

    // Raw 8-bit headers are most likely in the charset of the message's text: the root's, else the first part's.
    private static Encoding? HeaderCharset(MimeEntity root)
    {
        var stack = new Stack<MimeEntity>([root]);
        while (stack.Count > 0)
        {
            var entity = stack.Pop();
            if (Charsets.Resolve(entity.Charset) is { } encoding) return encoding;
            for (int i = entity.Parts.Count - 1; i >= 0; i--) stack.Push(entity.Parts[i]);
        }
        return null;
    }

    private static ParsedMail Unreadable(ReadOnlySpan<byte> raw, List<string> problems)
    {
        var text = BodyCollector.NormalizeLineBreaks(Charsets.Decode(raw, null));
        return new ParsedMail { Text = text, NewText = text, Problems = problems, CouldNotParse = true };
    }
}
