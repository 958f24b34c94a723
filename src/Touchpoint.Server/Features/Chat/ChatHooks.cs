namespace Touchpoint.Server.Features.Chat;

/// <summary>What is known when a conversation ends; enough for a survey to find the person and the encounter to rate.</summary>
/// <param name="LeftEmail">Whether the visitor left an email address (read it from the conversation if a handler needs it).</param>
/// <param name="Answered">Whether a person replied before the end.</param>
public sealed record ChatEnded(
    Guid ConversationId, string BranchCode, string Channel, string Language, Guid? CustomerId, Guid? EncounterId, Guid? CaseId,
    Guid? StaffUserId, bool LeftEmail, bool Answered, DateTime EndedAt);

/// <summary>
/// Runs after a conversation has ended and its encounter is saved (the feedback module sends its survey from here).
/// Handlers run one after another in the request or gateway call that ended the chat; a handler that throws is logged
/// and does not affect the others. Register with <see cref="ChatServices.AddChatEndedHandler{T}"/>.
/// </summary>
public interface IChatEndedHandler
{
    Task HandleAsync(ChatEnded chat, CancellationToken ct);
}

/// <summary>A line of the conversation as a bot sees it.</summary>
public sealed record ChatLine(int Seq, string Sender, string Body, DateTime At);

/// <summary>A visitor's message for the bot, with the whole transcript so far (the bot keeps no state of its own).</summary>
public sealed record ChatBotRequest(Guid ConversationId, string BranchCode, string Language, string Channel, string Message, IReadOnlyList<ChatLine> Transcript);

/// <summary>
/// Why a conversation passed from the bot to a person: the code after <see cref="Prefix"/> in the system line the chat
/// module writes (<see cref="ChatBotRunner.HandOverAsync"/>). The bot summary counts these lines and the web app words
/// the codes (chat.handoverReasons), so the codes are kept as they are stored.
/// </summary>
public static class HandOverReasons
{
    public const string Prefix = "handover: ";

    // The bot's own reasons (Features/Chat/Bot).
    public const string Asked = "asked";
    public const string Anger = "anger";
    public const string Negative = "negative";
    public const string Unsure = "unsure";
    public const string NotHelped = "notHelped";

    // The chat module's.
    /// <summary>The widget's "talk to a person" button.</summary>
    public const string Button = "visitor asked for a person";
    public const string Error = "bot error";
    /// <summary>The conversation was in the bot state but the bot was turned off since it started (for the installation or the branch).</summary>
    public const string NoBot = "no bot";
    /// <summary>A bot handed over without saying why.</summary>
    public const string Unspecified = "bot";

    public static string Line(string reason) => Prefix + ChatWork.Truncate(reason, 200);
}

/// <summary>The bot's turn: a reply, or a hand-over to a person (with a reason that staff read), or both (a last word, then staff).</summary>
public sealed record ChatBotTurn(string? Reply, bool HandOver, string? HandOverReason = null)
{
    public static ChatBotTurn Answer(string reply) => new(reply, false);
    public static ChatBotTurn ToPerson(string reason, string? lastWord = null) => new(lastWord, true, reason);
}

/// <summary>
/// The seam for a self-service bot (the assist module's): when one is registered, new conversations of branches that
/// keep the bot on start in the <see cref="ChatStatuses.Bot"/> state and every visitor message goes to it first. Its
/// replies are stored as lines from sender "bot", so the transcript staff receive at hand-over is the conversation's
/// own. When it hands over (or the visitor asks for a person), the conversation joins its branch's waiting list like
/// any other. Without a bot (or in a branch that switched it off), conversations start waiting for staff.
/// </summary>
public interface IChatBot
{
    Task<ChatBotTurn> RespondAsync(ChatBotRequest request, CancellationToken ct);
}
