using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Features.Organisation;

namespace Touchpoint.Server.Features.Chat;

/// <summary>
/// Puts the registered <see cref="IChatBot"/>, if any, in front of the staff of branches that keep it switched on
/// (<see cref="Branch.ChatBotEnabled"/>): it answers visitor messages while the conversation is in the bot state and
/// hands over to the branch's waiting list when it says so, when it fails, or when the visitor asks for a person.
/// </summary>
public sealed class ChatBotRunner(IServiceProvider services, ILogger<ChatBotRunner> log)
{
    private readonly IChatBot? bot = services.GetService<IChatBot>();

    /// <summary>Whether a new conversation of the branch starts with the bot: the installation has one and the branch keeps it on.</summary>
    public bool AnswersIn(Branch branch) => bot is not null && branch.ChatBotEnabled;

    public async Task RespondAsync(ChatWork work, ChatConversation c, string message, CancellationToken ct)
    {
        // Turned off (for the installation or the branch) since the conversation started: a person takes it from here.
        if (bot is null || await work.Cases.BranchAsync(c.BranchId, ct) is not { } layout || !AnswersIn(layout.Branch))
        {
            await HandOverAsync(work, c, HandOverReasons.NoBot, ct);
            return;
        }
        ChatBotTurn turn;
        try
        {
            var lines = (await work.TranscriptAsync(c.Id, ct)).Select(m => new ChatLine(m.Seq, m.Sender, m.Body, m.CreatedAt)).ToList();
            turn = await bot.RespondAsync(new ChatBotRequest(c.Id, await work.BranchCodeAsync(c.BranchId, ct), c.Language, c.Channel, message, lines), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A bot that fails must never leave a visitor alone: a person takes over.
            log.LogError(e, "The chat bot failed on conversation {Conversation}", c.Id);
            turn = ChatBotTurn.ToPerson(HandOverReasons.Error);
        }
        if (!string.IsNullOrWhiteSpace(turn.Reply))
            await work.AppendAsync(c, ChatSenders.Bot, ChatWork.Truncate(turn.Reply.Trim(), ChatWork.MaxBody)!, ct);
        if (turn.HandOver) await HandOverAsync(work, c, turn.HandOverReason ?? HandOverReasons.Unspecified, ct);
    }

    /// <summary>Moves the conversation from the bot to the waiting list; the reason is a system line staff read in the transcript.</summary>
    public async Task HandOverAsync(ChatWork work, ChatConversation c, string reason, CancellationToken ct)
    {
        var changed = await work.Db.ChatConversations.Where(x => x.Id == c.Id && x.Status == ChatStatuses.Bot)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, ChatStatuses.Waiting), ct);
        if (changed == 0) return;
        c.Status = ChatStatuses.Waiting;
        await work.AppendAsync(c, ChatSenders.System, HandOverReasons.Line(reason), ct);
        await work.ChangedAsync(c, ChatWork.ChangedEvent, ct);
    }
}
