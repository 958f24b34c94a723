using System.Text;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Features.Cases;
using Touchpoint.Server.Features.Encounters;
using Touchpoint.Server.Features.Organisation;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Realtime;

namespace Touchpoint.Server.Features.Chat;

/// <summary>
/// What visitors, gateways, staff and a bot all do to a conversation: add a line, change its state, end it (the
/// transcript becomes an encounter, and a case when it must), and tell everyone concerned at once.
/// </summary>
public sealed class ChatWork(
    TouchpointDb db, CaseContext cases, BranchDirectory directory, IRealtimePublisher realtime, ChatSignals signals, TimeProvider clock,
    IEnumerable<IChatEndedHandler> endedHandlers, MessagingOutbox outbox, ILogger<ChatWork> log)
{
    public const string ChangedEvent = "chat.changed";
    public const string MessageEvent = "chat.message";
    public const string TypingEvent = "chat.typing";
    public const string EndedEvent = "chat.ended";
    public const int MaxBody = 2000;
    /// <summary>A conversation that reaches this many lines takes no more (a runaway script, not a person).</summary>
    public const int MaxMessages = 1000;

    public TouchpointDb Db => db;
    public CaseContext Cases => cases;
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<string> BranchCodeAsync(Guid branchId, CancellationToken ct) =>
        (await directory.FindAsync(db, branchId, ct))?.Branch.Code ?? "";

    /// <summary>
    /// Adds one line, numbered after the conversation's last in the same transaction (a row lock on PostgreSQL, the
    /// single writer on SQLite), so that lines written at once by visitor and staff never share a number.
    /// </summary>
    public async Task<ChatMessage> AppendAsync(ChatConversation c, string sender, string body, CancellationToken ct,
        Guid? authorId = null, string? authorName = null, string? externalId = null)
    {
        var now = Now;
        // Staff and bot lines of a messaging conversation go out to the gateway through the outbox, saved with the line.
        var callbackKey = c.Channel == ChatChannels.Messaging && sender is ChatSenders.Staff or ChatSenders.Bot
            ? await db.MessagingChannels.Where(m => m.Id == c.MessagingChannelId).Select(m => m.Key).FirstOrDefaultAsync(ct) : null;
        var message = new ChatMessage
        {
            ConversationId = c.Id, Sender = sender, Body = body, AuthorUserId = authorId, AuthorName = authorName, ExternalId = externalId, CreatedAt = now,
        };
        SupportCase? wroteOn = null;
        BranchLayout? caseBranch = null;
        await cases.Gate.RunAsync(db, async () =>
        {
            message.Seq = await db.ScalarAsync<int>("""
                UPDATE "ChatConversations" SET "LastSeq" = "LastSeq" + 1, "UpdatedAt" = @p0 WHERE "Id" = @p1 RETURNING "LastSeq"
                """, ct, now, c.Id);
            db.ChatMessages.Add(message);
            if (sender == ChatSenders.Staff && c.FirstStaffReplyAt is null)
                await db.ChatConversations.Where(x => x.Id == c.Id && x.FirstStaffReplyAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.FirstStaffReplyAt, now).SetProperty(x => x.StaffTypingAt, (DateTime?)null), ct);
            else if (sender == ChatSenders.Staff)
                await db.ChatConversations.Where(x => x.Id == c.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.StaffTypingAt, (DateTime?)null), ct);
            if (callbackKey is not null) outbox.Enqueue(db, c, message, callbackKey);
            // The visitor writing in a chat that has a case is the customer writing on it, as an email reply is (a
            // closed case stays closed and runs nothing: it is final).
            if (sender == ChatSenders.Visitor && c.CaseId is { } caseId
                && await db.Cases.FirstOrDefaultAsync(x => x.Id == caseId && x.Status != CaseStatuses.Closed, ct) is { } onCase
                && await cases.BranchAsync(onCase.BranchId, ct) is { } layout)
            {
                await CaseWork.CustomerWroteAsync(cases, onCase, layout.Branch, ct);
                (wroteOn, caseBranch) = (onCase, layout);
            }
            await db.SaveChangesAsync(ct);
        }, ct);
        if (wroteOn is not null) await cases.PublishAsync(caseBranch!.Branch.Code, wroteOn, CaseContext.CaseChangedEvent, ct);
        c.LastSeq = message.Seq;
        if (callbackKey is not null) outbox.Wake();
        if (sender == ChatSenders.Staff) c.FirstStaffReplyAt ??= now;
        await ChangedAsync(c, MessageEvent, ct, new { seq = message.Seq, sender });
        return message;
    }

    /// <summary>After any change: wake the visitor's poll here and tell staff of the branch (and the assignee) in real time.</summary>
    public async Task ChangedAsync(ChatConversation c, string type, CancellationToken ct, object? extra = null)
    {
        signals.Notify(c.Id);
        var code = await BranchCodeAsync(c.BranchId, ct);
        var data = new Dictionary<string, object?> { ["id"] = c.Id, ["status"] = c.Status, ["assigneeId"] = c.AssigneeId, ["channel"] = c.Channel };
        if (extra is not null)
            foreach (var p in extra.GetType().GetProperties()) data[p.Name] = p.GetValue(extra);
        var groups = new List<string> { RealtimeGroups.Branch(code), RealtimeGroups.AllBranches };
        if (c.AssigneeId is { } a) groups.Add(RealtimeGroups.User(a));
        await realtime.PublishAsync(new RealtimeEvent(type, code, System.Text.Json.JsonSerializer.SerializeToNode(data, Queue.QueueContext.EventJson)), groups, ct);
    }

    /// <summary>Re-reads the conversation (untracked): state changes are conditional updates, never read-modify-write.</summary>
    public Task<ChatConversation?> ReloadAsync(Guid id, CancellationToken ct) =>
        db.ChatConversations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);

    /// <summary>
    /// Ends a conversation once: the transcript becomes an encounter (web chat or messaging, mode online) linked to the
    /// customer; a visitor who left an email and got no answer gets a case, answered by email. Then the
    /// <see cref="IChatEndedHandler"/>s run (a survey, for example). Returns false when it had already ended.
    /// </summary>
    public async Task<bool> EndAsync(ChatConversation c, string endedBy, CancellationToken ct)
    {
        var now = Now;
        if (await db.ChatConversations.Where(x => x.Id == c.Id && x.Status != ChatStatuses.Ended)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, ChatStatuses.Ended).SetProperty(x => x.EndedAt, now)
                    .SetProperty(x => x.EndedBy, endedBy).SetProperty(x => x.UpdatedAt, now), ct) == 0)
            return false;
        c = (await ReloadAsync(c.Id, ct))!;
        var lines = await TranscriptAsync(c.Id, ct);
        var answered = c.FirstStaffReplyAt is not null;
        var firstWords = lines.FirstOrDefault(l => l.Sender == ChatSenders.Visitor)?.Body;
        var encounter = new Encounter
        {
            BranchId = c.BranchId, Channel = c.Channel, Mode = EncounterChannels.ModeOf(c.Channel), StaffUserId = c.AssigneeId,
            StartedAt = c.CreatedAt, EndedAt = now, Outcome = answered ? EncounterOutcomes.Resolved : EncounterOutcomes.FollowUp,
            Summary = Truncate(firstWords, 2000), CustomerId = c.CustomerId, CustomerName = Truncate(c.VisitorName, 128), CaseId = c.CaseId,
        };
        db.Encounters.Add(encounter);
        await db.SaveChangesAsync(ct);
        await db.ChatConversations.Where(x => x.Id == c.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.EncounterId, encounter.Id), ct);
        c.EncounterId = encounter.Id;
        if (!answered && c.VisitorEmail is not null && c.CaseId is null)
            await OpenCaseAsync(c, null, null, ct);
        c = (await ReloadAsync(c.Id, ct))!;
        await ChangedAsync(c, EndedEvent, ct, new { encounterId = c.EncounterId, caseId = c.CaseId });

        var ended = new ChatEnded(c.Id, await BranchCodeAsync(c.BranchId, ct), c.Channel, c.Language, c.CustomerId, c.EncounterId, c.CaseId,
            c.AssigneeId, c.VisitorEmail is not null, answered, now);
        foreach (var handler in endedHandlers)
        {
            // A follow-up that fails (a survey mailer down) must not undo or fail the end of the chat itself.
            try { await handler.HandleAsync(ended, ct); }
            catch (Exception e) { log.LogError(e, "Chat-ended handler {Handler} failed for {Conversation}", handler.GetType().Name, c.Id); }
        }
        return true;
    }

    /// <summary>Opens a case from the conversation, with its transcript as the description, and links chat and encounter to it.</summary>
    public async Task<SupportCase> OpenCaseAsync(ChatConversation c, string? subject, Guid? createdBy, CancellationToken ct)
    {
        var branch = (await directory.FindAsync(db, c.BranchId, ct))!;
        var lines = await TranscriptAsync(c.Id, ct);
        var firstWords = lines.FirstOrDefault(l => l.Sender == ChatSenders.Visitor)?.Body ?? "";
        subject = string.IsNullOrWhiteSpace(subject) ? Truncate(firstWords.ReplaceLineEndings(" "), 80) : subject.Trim();
        var opened = await CaseCreation.OpenAsync(cases, new NewCase(branch, string.IsNullOrWhiteSpace(subject) ? "Chat" : subject!,
            Transcript(lines), c.Channel, c.VisitorName ?? (c.ExternalUserId is null ? "Visitor" : c.ExternalUserId), c.VisitorEmail, null,
            c.CustomerId, CasePriorities.Normal, null, [], c.Language, createdBy), ct);
        await db.ChatConversations.Where(x => x.Id == c.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.CaseId, opened.Id), ct);
        if (c.EncounterId is { } e)
            await db.Encounters.Where(x => x.Id == e).ExecuteUpdateAsync(s => s.SetProperty(x => x.CaseId, opened.Id), ct);
        c.CaseId = opened.Id;
        return opened;
    }

    public Task<List<ChatMessage>> TranscriptAsync(Guid conversationId, CancellationToken ct) =>
        db.ChatMessages.AsNoTracking().Where(m => m.ConversationId == conversationId).OrderBy(m => m.Seq).ToListAsync(ct);

    /// <summary>The transcript as plain text, one line per message: "[10:42] Visitor: ...".</summary>
    public static string Transcript(IEnumerable<ChatMessage> lines)
    {
        var sb = new StringBuilder();
        foreach (var m in lines)
            sb.Append('[').Append(m.CreatedAt.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)).Append(" UTC] ")
                .Append(m.AuthorName ?? m.Sender).Append(": ").AppendLine(m.Body);
        return sb.ToString().TrimEnd();
    }

    public static string? Truncate(string? s, int max) => s is null || s.Length <= max ? s : s[..max];
}
