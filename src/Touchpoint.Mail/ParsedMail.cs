namespace Touchpoint.Mail;

/// <summary>
/// What <see cref="MailParser"/> read from one message. Every field is best effort: what was malformed is listed in
/// <see cref="Problems"/>, and when nothing meaningful could be read <see cref="CouldNotParse"/> is set and the caller
/// keeps the raw bytes whole (a customer's mail is never dropped).
/// </summary>
public sealed record ParsedMail
{
    public MailboxAddress? From { get; init; }
    public IReadOnlyList<MailboxAddress> To { get; init; } = [];
    public IReadOnlyList<MailboxAddress> Cc { get; init; } = [];
    public IReadOnlyList<MailboxAddress> ReplyTo { get; init; } = [];
    public string Subject { get; init; } = "";
    public DateTimeOffset? Date { get; init; }

    /// <summary>Message ids without the angle brackets, as threading compares them.</summary>
    public string? MessageId { get; init; }
    public IReadOnlyList<string> InReplyTo { get; init; } = [];
    public IReadOnlyList<string> References { get; init; } = [];

    /// <summary>The plain-text body; when the message has only HTML, a plain-text rendering of it. Lines end in "\n".</summary>
    public string Text { get; init; } = "";
    public string? Html { get; init; }

    /// <summary>True when <see cref="Text"/> was rendered from <see cref="Html"/> because there was no text part.</summary>
    public bool TextFromHtml { get; init; }

    /// <summary><see cref="Text"/> without the quoted history of a reply: what a case thread shows.</summary>
    public string NewText { get; init; } = "";
    public IReadOnlyList<MailAttachment> Attachments { get; init; } = [];

    /// <summary>Every header in order, names as written, values unfolded and decoded; duplicates kept.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    public IReadOnlyList<string> Problems { get; init; } = [];
    public bool CouldNotParse { get; init; }

    /// <summary>The first header of that name (case-insensitive), decoded; null when absent.</summary>
    public string? Header(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}

public sealed record MailboxAddress(string? DisplayName, string Address)
{
    public override string ToString() => string.IsNullOrEmpty(DisplayName) ? Address : $"{DisplayName} <{Address}>";
}

/// <summary>
/// A part that is not the message's text: a file, an inline image (<see cref="Inline"/> with a <see cref="ContentId"/>
/// the HTML refers to as cid:), or an attached message (<see cref="Message"/>, parsed).
/// </summary>
public sealed record MailAttachment(string FileName, string ContentType, byte[] Content)
{
    public string? ContentId { get; init; }
    public bool Inline { get; init; }
    public ParsedMail? Message { get; init; }
}
