using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Features.Customers;
using Touchpoint.Server.Platform.Http;
using Touchpoint.Server.Platform.Identity;
using Touchpoint.Server.Platform.Privacy;

namespace Touchpoint.Server.Features.Chat;

/// <param name="VisitorName">Masked (first character only): the list is read on screens others may see.</param>
/// <param name="App">For messaging: the app of the channel (line, wechat, ...).</param>
public sealed record ChatSummaryDto(
    Guid Id, string Branch, string Channel, string? App, string Status, string? VisitorName, string Language, Guid? AssigneeId, string? AssigneeName,
    DateTime CreatedAt, DateTime UpdatedAt, string? LastMessage, string? LastSender, int LastSeq);
public sealed record ChatMessageDto(Guid Id, int Seq, string Sender, string? AuthorName, string Body, DateTime CreatedAt);
/// <param name="VisitorEmail">Masked (k***@example.com).</param>
public sealed record ChatDetailDto(
    ChatSummaryDto Summary, string? VisitorName, string? VisitorEmail, Guid? CustomerId, string? PageUrl, DateTime? EndedAt, string? EndedBy,
    Guid? EncounterId, Guid? CaseId, string? CaseReference, List<ChatMessageDto> Messages);
public sealed record ChatReplyRequest(string? Body);
/// <summary>To another branch's waiting list, back to this branch's list (neither given), or to a colleague.</summary>
public sealed record ChatTransferRequest(string? Branch, Guid? UserId);
public sealed record ChatCaseRequest(string? Subject);
public sealed record ChatCaseCreated(Guid CaseId, string Reference);

/// <summary>The chat console's API: waiting and active conversations per branch, accept (one wins), reply, transfer, end, case.</summary>
public static class ChatStaffEndpoints
{
    public static void MapChatStaffApi(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/chats").RequireAuthorization(Permissions.CasesRead).WithTags("Chat");
        read.MapGet("", List);
        read.MapGet("/{id:guid}", Get);
        var write = app.MapGroup("/api/chats").RequireAuthorization(Permissions.CasesWrite).WithTags("Chat");
        write.MapPost("/{id:guid}/accept", Accept);
        write.MapPost("/{id:guid}/messages", Reply);
        write.MapPost("/{id:guid}/typing", Typing);
        write.MapPost("/{id:guid}/transfer", Transfer);
        write.MapPost("/{id:guid}/end", End);
        write.MapPost("/{id:guid}/case", MakeCase);
    }

    /// <param name="status">waiting, active, bot or ended; by default waiting and active.</param>
    private static async Task<Results<Ok<List<ChatSummaryDto>>, ValidationProblem>> List(
        ClaimsPrincipal user, ChatWork work, CancellationToken ct, string? branch = null, string? status = null)
    {
        var v = new Validation();
        if (status is not null && !ChatStatuses.All.Contains(status)) v.Add("status", "validation.oneOf", string.Join(", ", ChatStatuses.All));
        var db = work.Db;
        var q = db.ChatConversations.AsNoTracking();
        if (branch is not null)
        {
            var layout = await work.Cases.BranchAsync(branch, ct);
            if (layout is null) v.Add("branch", "validation.unknownBranch", branch);
            else if (!user.CanAccessBranch(layout.Branch.Code)) v.Add("branch", "problem.forbidden");
            else q = q.Where(c => c.BranchId == layout.Branch.Id);
        }
        else if (!user.SpansAllBranches())
        {
            var codes = user.BranchCodes();
            var ids = await db.Branches.AsNoTracking().Where(b => codes.Contains(b.Code)).Select(b => b.Id).ToListAsync(ct);
            q = q.Where(c => ids.Contains(c.BranchId));
        }
        if (!v.IsValid) return v.Problem();
        q = status is null ? q.Where(c => c.Status == ChatStatuses.Waiting || c.Status == ChatStatuses.Active) : q.Where(c => c.Status == status);
        // Ended conversations are history: the newest hundred; open ones are few and all shown, oldest waiting first.
        q = status == ChatStatuses.Ended ? q.OrderByDescending(c => c.EndedAt).Take(100) : q.OrderBy(c => c.CreatedAt).Take(500);
        var rows = await q.ToListAsync(ct);
        return TypedResults.Ok(await SummariesAsync(work, rows, ct));
    }

    private static async Task<Results<Ok<ChatDetailDto>, ProblemHttpResult>> Get(Guid id, ClaimsPrincipal user, ChatWork work, CancellationToken ct)
    {
        var (c, problem) = await FindAsync(id, user, work, ct);
        return c is null ? problem! : TypedResults.Ok(await DetailAsync(work, c, ct));
    }

    /// <summary>
    /// One conditional update (waiting → active, assignee set) decides between staff who accept at the same moment: on
    /// SQLite one writer at a time, on PostgreSQL the row lock; the second finds the state changed and gets 409.
    /// </summary>
    private static async Task<Results<Ok<ChatDetailDto>, ProblemHttpResult>> Accept(Guid id, ClaimsPrincipal user, ChatWork work, CancellationToken ct)
    {
        var (c, problem) = await FindAsync(id, user, work, ct);
        if (c is null) return problem!;
        var me = user.UserId();
        var name = user.FindFirstValue(TouchpointClaims.DisplayName) ?? user.ActorName();
        var now = work.Now;
        var won = await work.Db.ChatConversations.Where(x => x.Id == id && x.Status == ChatStatuses.Waiting)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, ChatStatuses.Active).SetProperty(x => x.AssigneeId, me)
                .SetProperty(x => x.AssigneeName, name).SetProperty(x => x.AcceptedAt, now).SetProperty(x => x.UpdatedAt, now), ct);
        c = (await work.ReloadAsync(id, ct))!;
        if (won == 0)
            return c.Status == ChatStatuses.Active && c.AssigneeId == me ? TypedResults.Ok(await DetailAsync(work, c, ct))
                : Problems.Result(StatusCodes.Status409Conflict, "chat.conflictTitle", "chat.notWaiting");
        await work.ChangedAsync(c, ChatWork.ChangedEvent, ct);
        return TypedResults.Ok(await DetailAsync(work, c, ct));
    }

    private static async Task<Results<Created<ChatMessageDto>, ValidationProblem, ProblemHttpResult>> Reply(
        Guid id, ChatReplyRequest r, ClaimsPrincipal user, ChatWork work, CancellationToken ct)
    {
        var v = new Validation();
        v.Required("body", r.Body, ChatWork.MaxBody);
        if (!v.IsValid) return v.Problem();
        var (c, problem) = await FindAsync(id, user, work, ct);
        if (c is null) return problem!;
        if (MineAndActive(c, user) is { } refused) return refused;
        var name = user.FindFirstValue(TouchpointClaims.DisplayName) ?? user.ActorName();
        var message = await work.AppendAsync(c, ChatSenders.Staff, r.Body!.Trim(), ct, user.UserId(), name);
        return TypedResults.Created($"/api/chats/{id}", ToDto(message));
    }

    /// <summary>Staff are typing: the visitor's poll shows it for a few seconds (the console sends this at most every few seconds).</summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> Typing(Guid id, ClaimsPrincipal user, ChatWork work, CancellationToken ct)
    {
        var (c, problem) = await FindAsync(id, user, work, ct);
        if (c is null) return problem!;
        if (MineAndActive(c, user) is { } refused) return refused;
        var now = work.Now;
        await work.Db.ChatConversations.Where(x => x.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.StaffTypingAt, now), ct);
        await work.ChangedAsync(c, ChatWork.TypingEvent, ct, new { sender = ChatSenders.Staff });
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<ChatDetailDto>, ValidationProblem, ProblemHttpResult>> Transfer(
        Guid id, ChatTransferRequest r, ClaimsPrincipal user, ChatWork work, CancellationToken ct)
    {
        var (c, problem) = await FindAsync(id, user, work, ct);
        if (c is null) return problem!;
        if (c.Status is not (ChatStatuses.Waiting or ChatStatuses.Active))
            return Problems.Result(StatusCodes.Status409Conflict, "chat.conflictTitle", "chat.notOpen");
        var db = work.Db;
        var v = new Validation();
        var branchId = c.BranchId;
        if (r.Branch is not null)
        {
            var layout = await work.Cases.BranchAsync(r.Branch, ct);
            if (layout is null) v.Add("branch", "validation.unknownBranch", r.Branch);
            else branchId = layout.Branch.Id;
        }
        string? toName = null;
        if (r.UserId is { } to)
        {
            var target = await UserAccessCache.LoadAsync(db, to, ct);
            if (target is null || !target.CanWorkCasesIn(await work.BranchCodeAsync(branchId, ct))) v.Add("userId", "chat.cannotTake");
            toName = target?.DisplayName;
        }
        if (!v.IsValid) return v.Problem();
        var now = work.Now;
        var status = r.UserId is null ? ChatStatuses.Waiting : ChatStatuses.Active;
        var previous = c.Status;
        if (await db.ChatConversations.Where(x => x.Id == id && x.Status == previous && x.AssigneeId == c.AssigneeId)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.BranchId, branchId).SetProperty(x => x.Status, status)
                    .SetProperty(x => x.AssigneeId, r.UserId).SetProperty(x => x.AssigneeName, toName).SetProperty(x => x.UpdatedAt, now)
                    .SetProperty(x => x.StaffTypingAt, (DateTime?)null), ct) == 0)
            return Problems.Result(StatusCodes.Status409Conflict, "chat.conflictTitle", "chat.notOpen");
        // Staff of the branch it left learn it is gone; those of its new branch (or the colleague) that it is theirs.
        await work.ChangedAsync(c, ChatWork.ChangedEvent, ct);
        c = (await work.ReloadAsync(id, ct))!;
        await work.AppendAsync(c, ChatSenders.System, "transfer: " + (toName ?? await work.BranchCodeAsync(branchId, ct)), ct);
        return TypedResults.Ok(await DetailAsync(work, c, ct));
    }

    private static async Task<Results<Ok<ChatDetailDto>, ProblemHttpResult>> End(Guid id, ClaimsPrincipal user, ChatWork work, CancellationToken ct)
    {
        var (c, problem) = await FindAsync(id, user, work, ct);
        if (c is null) return problem!;
        if (!await work.EndAsync(c, ChatSenders.Staff, ct))
            return Problems.Result(StatusCodes.Status409Conflict, "chat.conflictTitle", "chat.ended");
        return TypedResults.Ok(await DetailAsync(work, (await work.ReloadAsync(id, ct))!, ct));
    }

    private static async Task<Results<Created<ChatCaseCreated>, ValidationProblem, ProblemHttpResult>> MakeCase(
        Guid id, ChatCaseRequest r, ClaimsPrincipal user, ChatWork work, CancellationToken ct)
    {
        var v = new Validation();
        v.MaxLength("subject", r.Subject, 256);
        if (!v.IsValid) return v.Problem();
        var (c, problem) = await FindAsync(id, user, work, ct);
        if (c is null) return problem!;
        if (c.CaseId is not null) return Problems.Result(StatusCodes.Status409Conflict, "chat.conflictTitle", "chat.hasCase");
        var opened = await work.OpenCaseAsync(c, r.Subject, user.UserId(), ct);
        await work.ChangedAsync(c, ChatWork.ChangedEvent, ct, new { caseId = opened.Id });
        return TypedResults.Created($"/api/cases/{opened.Id}", new ChatCaseCreated(opened.Id, opened.Reference));
    }

    private static ProblemHttpResult? MineAndActive(ChatConversation c, ClaimsPrincipal user) =>
        c.Status != ChatStatuses.Active ? Problems.Result(StatusCodes.Status409Conflict, "chat.conflictTitle", "chat.notActive")
        : c.AssigneeId != user.UserId() ? Problems.Result(StatusCodes.Status409Conflict, "chat.conflictTitle", "chat.notYours", c.AssigneeName ?? "")
        : null;

    /// <summary>The conversation if the principal may see its branch: 404 when unknown, 403 out of scope.</summary>
    private static async Task<(ChatConversation?, ProblemHttpResult?)> FindAsync(Guid id, ClaimsPrincipal user, ChatWork work, CancellationToken ct)
    {
        var c = await work.ReloadAsync(id, ct);
        if (c is null) return (null, Problems.NotFound());
        return user.CanAccessBranch(await work.BranchCodeAsync(c.BranchId, ct)) ? (c, null) : (null, Problems.Forbidden());
    }

    private static async Task<List<ChatSummaryDto>> SummariesAsync(ChatWork work, List<ChatConversation> rows, CancellationToken ct)
    {
        var db = work.Db;
        var ids = rows.Select(r => r.Id).ToList();
        var last = await db.ChatMessages.AsNoTracking().Where(m => ids.Contains(m.ConversationId)
                && m.Seq == db.ChatConversations.Where(c => c.Id == m.ConversationId).Select(c => c.LastSeq).First())
            .Select(m => new { m.ConversationId, m.Body, m.Sender }).ToListAsync(ct);
        var channelIds = rows.Where(r => r.MessagingChannelId is not null).Select(r => r.MessagingChannelId!.Value).Distinct().ToList();
        var apps = await db.MessagingChannels.AsNoTracking().Where(m => channelIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.App, ct);
        var list = new List<ChatSummaryDto>();
        foreach (var c in rows)
        {
            var l = last.FirstOrDefault(x => x.ConversationId == c.Id);
            list.Add(new ChatSummaryDto(c.Id, await work.BranchCodeAsync(c.BranchId, ct), c.Channel,
                c.MessagingChannelId is { } mc ? apps.GetValueOrDefault(mc) : null, c.Status, c.VisitorName is null ? null : Masks.ShortName(c.VisitorName),
                c.Language, c.AssigneeId, c.AssigneeName, c.CreatedAt, c.UpdatedAt, ChatWork.Truncate(l?.Body, 140), l?.Sender, c.LastSeq));
        }
        return list;
    }

    private static async Task<ChatDetailDto> DetailAsync(ChatWork work, ChatConversation c, CancellationToken ct)
    {
        var summary = (await SummariesAsync(work, [c], ct))[0];
        var messages = await work.TranscriptAsync(c.Id, ct);
        var reference = c.CaseId is { } caseId ? await work.Db.Cases.Where(x => x.Id == caseId).Select(x => x.Reference).FirstOrDefaultAsync(ct) : null;
        return new ChatDetailDto(summary, c.VisitorName, c.VisitorEmail is null ? null : PersonalData.MaskEmail(c.VisitorEmail), c.CustomerId, c.PageUrl,
            c.EndedAt, c.EndedBy, c.EncounterId, c.CaseId, reference, messages.Select(ToDto).ToList());
    }

    private static ChatMessageDto ToDto(ChatMessage m) => new(m.Id, m.Seq, m.Sender, m.AuthorName, m.Body, m.CreatedAt);
}
