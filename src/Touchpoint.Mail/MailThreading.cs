namespace Touchpoint.Mail;

/// <summary>
/// Threading by message ids (RFC 5322 3.6.4). Inbound: the ids to look up, nearest parent first. Outbound: the
/// In-Reply-To and References of a reply, so that the customer's mail client threads it under their message.
/// </summary>
public static class MailThreading
{
    /// <summary>References grow with every reply; keep the thread's root and the most recent ones (as Thunderbird does).</summary>
    public const int MaxReferences = 20;

    /// <summary>In-Reply-To first, then References from the newest to the oldest, without repeats.</summary>
    public static IReadOnlyList<string> ParentIds(ParsedMail mail) =>
        mail.InReplyTo.Concat(mail.References.Reverse()).Where(id => id != mail.MessageId).Distinct().ToList();

    public static (string? InReplyTo, IReadOnlyList<string> References) ForReply(string? parentMessageId, IReadOnlyList<string>? parentReferences)
    {
        var references = (parentReferences ?? []).Append(parentMessageId).OfType<string>().Distinct().ToList();
        if (references.Count > MaxReferences)
            references = [references[0], .. references.Skip(references.Count - (MaxReferences - 1))];
        return (parentMessageId, references);
    }

    public static (string? InReplyTo, IReadOnlyList<string> References) ForReply(ParsedMail parent) =>
        ForReply(parent.MessageId, parent.References.Count > 0 ? parent.References : parent.InReplyTo);
}
