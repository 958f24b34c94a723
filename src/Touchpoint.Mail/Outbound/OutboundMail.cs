namespace Touchpoint.Mail.Outbound;

/// <summary>A message to send: a reply to a customer, with the case reference in its subject and threading headers.</summary>
public sealed record OutboundMail
{
    public required MailboxAddress From { get; init; }
    public IReadOnlyList<MailboxAddress> To { get; init; } = [];
    public IReadOnlyList<MailboxAddress> Cc { get; init; } = [];
    public IReadOnlyList<MailboxAddress> ReplyTo { get; init; } = [];
    public string Subject { get; init; } = "";
    public string Text { get; init; } = "";

    /// <summary>When set, the message is multipart/alternative: <see cref="Text"/> and this.</summary>
    public string? Html { get; init; }

    /// <summary>Files, and inline images (<see cref="MailAttachment.Inline"/> with a content id the HTML names as cid:).</summary>
    public IReadOnlyList<MailAttachment> Attachments { get; init; } = [];

    /// <summary>Without brackets. Null: <see cref="MimeWriter"/> makes one in the From address's domain.</summary>
    public string? MessageId { get; init; }
    public string? InReplyTo { get; init; }
    public IReadOnlyList<string> References { get; init; } = [];
    public DateTimeOffset Date { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>Further headers, written as given (ASCII values; non-ASCII ones are encoded).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];
}

/// <summary>The bytes to hand to SMTP, and the Message-ID they carry (to store for threading the customer's answer).</summary>
public sealed record WrittenMail(string MessageId, byte[] Bytes);

public static class MessageIds
{
    /// <summary>A globally unique id: time and 80 random bits, in the sender's domain.</summary>
    public static string Create(string domain)
    {
        var random = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(10));
        var clean = string.IsNullOrWhiteSpace(domain) ? "touchpoint.invalid" : domain.Trim().Trim('<', '>', '@');
        return $"tp.{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds():x}.{random}@{clean}";
    }
}
