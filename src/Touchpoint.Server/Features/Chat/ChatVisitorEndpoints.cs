using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Features.Customers;
using Touchpoint.Server.Platform.Http;
using Touchpoint.Server.Platform.Identity;
using Touchpoint.Server.Platform.Localization;

namespace Touchpoint.Server.Features.Chat;

public sealed record StartChatRequest(string? Branch, string? Language, string? Name, string? Email, string? Message, string? PageUrl);
public sealed record VisitorMessageRequest(string? Body);
public sealed record VisitorContactRequest(string? Name, string? Email);
public sealed record VisitorMessageDto(int Seq, string Sender, string? AuthorName, string Body, DateTime CreatedAt);
/// <param name="StaffName">The staff member who accepted the chat (display name), once one has.</param>
/// <param name="ContactLeft">Whether the visitor has left an email for a reply.</param>
public sealed record VisitorConversationDto(
    Guid Id, string Status, string Branch, string Language, string? StaffName, bool StaffTyping, bool ContactLeft, int LastSeq, List<VisitorMessageDto> Messages);
public sealed record StartedChat(string Token, VisitorConversationDto Conversation);

/// <summary>
/// The visitor's side of the web chat, used by the widget (anonymous, rate-limited per address). The visitor holds a
/// conversation token (<c>tpc_…</c>, 256 random bits, stored only as its SHA-256) and sends it in the
/// <c>X-Chat-Token</c> header; a reload resumes with it. Updates arrive by long polling: plain HTTP that passes every
/// proxy and needs no sticky sessions between nodes (see decision 0013).
/// </summary>
public static class ChatVisitorEndpoints
{
    public const string TokenHeader = "X-Chat-Token";
    public const string TokenPrefix = "tpc_";
    private const int MaxWaitSeconds = 30;
    private const long MaxRequestBytes = 16 * 1024;
    private static readonly TimeSpan TypingShownFor = TimeSpan.FromSeconds(6);

    public static void MapChatVisitorApi(this IEndpointRouteBuilder app)
    {
        // Bodies are small: one line of chat at most (Kestrel refuses more before reading it).
        var g = app.MapGroup("/api/chat/visitor").AllowAnonymous().RequireRateLimiting(RateLimitPolicies.Anonymous).WithTags("Chat (visitor)")
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxRequestBytes));
        g.MapPost("/conversations", Start).RequireRateLimiting(ChatServices.VisitorWritesPolicy);
        g.MapGet("/conversation", Get);
        g.MapGet("/updates", Updates);
        g.MapPost("/messages", Send).RequireRateLimiting(ChatServices.VisitorWritesPolicy);
        g.MapPost("/typing", Typing).RequireRateLimiting(ChatServices.VisitorWritesPolicy);
        g.MapPut("/contact", LeaveContact).RequireRateLimiting(ChatServices.VisitorWritesPolicy);
        g.MapPost("/person", AskForPerson);
        g.MapPost("/end", End);
    }

    private static async Task<Results<Created<StartedChat>, ValidationProblem>> Start(StartChatRequest r, ChatWork work, ChatBotRunner bot, CancellationToken ct)
    {
        var v = new Validation();
        var layout = string.IsNullOrWhiteSpace(r.Branch) ? null : await work.Cases.BranchAsync(r.Branch.Trim(), ct);
        if (string.IsNullOrWhiteSpace(r.Branch)) v.Add("branch", "validation.required");
        else if (layout is null) v.Add("branch", "validation.unknownBranch", r.Branch);
        var language = r.Language is null ? Languages.Current : Languages.Normalize(r.Language);
        v.MaxLength("name", r.Name, 128);
        if (r.Email is not null && PersonalData.NormalizeEmail(r.Email) is null) v.Add("email", "validation.email");
        v.MaxLength("message", r.Message, ChatWork.MaxBody);
        v.MaxLength("pageUrl", r.PageUrl, 2048);
        if (!v.IsValid) return v.Problem();

        var token = SecretTokens.New(TokenPrefix);
        var now = work.Now;
        var email = PersonalData.NormalizeEmail(r.Email);
        var c = new ChatConversation
        {
            BranchId = layout!.Branch.Id, Channel = ChatChannels.WebChat, VisitorTokenHash = SecretTokens.Hash(token),
            Status = bot.AnswersIn(layout.Branch) ? ChatStatuses.Bot : ChatStatuses.Waiting, Language = language,
            VisitorName = Blank(r.Name), VisitorEmail = email, PageUrl = PageWithoutQuery(r.PageUrl), CreatedAt = now, UpdatedAt = now,
        };
        if (email is not null)
            c.CustomerId = (await work.Cases.Customers.FindOrCreateAsync(work.Db, new CustomerSighting(c.BranchId, c.VisitorName, null, email, null, language), ct))?.Id;
        work.Db.ChatConversations.Add(c);
        await work.Db.SaveChangesAsync(ct);
        work.Db.ChangeTracker.Clear();
        if (!string.IsNullOrWhiteSpace(r.Message)) await VisitorSaysAsync(work, bot, c, r.Message.Trim(), ct);
        else await work.ChangedAsync(c, ChatWork.ChangedEvent, ct);
        return TypedResults.Created("/api/chat/visitor/conversation", new StartedChat(token, await ViewAsync(work, c.Id, 0, ct)));
    }

    private static async Task<Results<Ok<VisitorConversationDto>, ValidationProblem, ProblemHttpResult>> Get(
        HttpRequest request, ChatWork work, CancellationToken ct)
    {
        var (c, problem) = await FindAsync(request, work, ct);
        if (c is null) return problem!;
        return TypedResults.Ok(await ViewAsync(work, c.Id, 0, ct));
    }

    /// <summary>
    /// Long poll: answers at once when there are lines after <paramref name="after"/>, the state changed from
    /// <paramref name="status"/> or staff typing differs from <paramref name="typing"/>; otherwise waits up to
    /// <paramref name="wait"/> seconds. A change on this node wakes it at once; one made on another node is seen by the
    /// re-read every two seconds (PostgreSQL only: SQLite has one node).
    /// </summary>
    private static async Task<Results<Ok<VisitorConversationDto>, ValidationProblem, ProblemHttpResult>> Updates(
        HttpRequest request, ChatWork work, ChatSignals signals, CancellationToken ct, int after = 0, int wait = 25, string? status = null, bool typing = false)
    {
        var v = new Validation();
        v.Range("wait", wait, 0, MaxWaitSeconds);
        v.Range("after", after, 0, int.MaxValue);
        if (!v.IsValid) return v.Problem();
        var (c, problem) = await FindAsync(request, work, ct);
        if (c is null) return problem!;
        var deadline = DateTime.UtcNow.AddSeconds(wait);
        var recheck = work.Db.IsPostgres ? TimeSpan.FromSeconds(2) : TimeSpan.FromSeconds(MaxWaitSeconds);
        while (true)
        {
            var changed = signals.NextChange(c.Id);
            var view = await ViewAsync(work, c.Id, after, ct);
            var left = deadline - DateTime.UtcNow;
            if (view.Messages.Count > 0 || (status is not null && view.Status != status) || view.StaffTyping != typing || left <= TimeSpan.Zero)
                return TypedResults.Ok(view);
            try { await changed.WaitAsync(left < recheck ? left : recheck, ct); }
            catch (TimeoutException) { }
            catch (OperationCanceledException) { return TypedResults.Ok(view); }
        }
    }

    private static async Task<Results<Created<VisitorMessageDto>, ValidationProblem, ProblemHttpResult>> Send(
        VisitorMessageRequest r, HttpRequest request, ChatWork work, ChatBotRunner bot, CancellationToken ct)
    {
        var v = new Validation();
        v.Required("body", r.Body, ChatWork.MaxBody);
        if (!v.IsValid) return v.Problem();
        var (c, problem) = await FindAsync(request, work, ct);
        if (c is null) return problem!;
        if (c.Status == ChatStatuses.Ended) return Problems.Result(StatusCodes.Status409Conflict, "chat.conflictTitle", "chat.ended");
        if (c.LastSeq >= ChatWork.MaxMessages) return Problems.Result(StatusCodes.Status409Conflict, "chat.conflictTitle", "chat.tooLong", ChatWork.MaxMessages);
        var m = await VisitorSaysAsync(work, bot, c, r.Body!.Trim(), ct);
        return TypedResults.Created($"/api/chat/visitor/conversation", ToDto(m));
    }

    private static async Task<ChatMessage> VisitorSaysAsync(ChatWork work, ChatBotRunner bot, ChatConversation c, string body, CancellationToken ct)
    {
        var m = await work.AppendAsync(c, ChatSenders.Visitor, body, ct, authorName: c.VisitorName);
        if (c.Status == ChatStatuses.Bot) await bot.RespondAsync(work, c, body, ct);
        return m;
    }

    /// <summary>The visitor is typing: staff of the branch see it at once (an event only, nothing is stored).</summary>
    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Typing(
        HttpRequest request, ChatWork work, CancellationToken ct)
    {
        var (c, problem) = await FindAsync(request, work, ct);
        if (c is null) return problem!;
        if (c.Status != ChatStatuses.Ended) await work.ChangedAsync(c, ChatWork.TypingEvent, ct, new { sender = ChatSenders.Visitor });
        return TypedResults.NoContent();
    }

    /// <summary>Name and email for a reply by email when nobody answers; the email finds or creates the customer.</summary>
    private static async Task<Results<Ok<VisitorConversationDto>, ValidationProblem, ProblemHttpResult>> LeaveContact(
        VisitorContactRequest r, HttpRequest request, ChatWork work, CancellationToken ct)
    {
        var v = new Validation();
        v.MaxLength("name", r.Name, 128);
        var email = PersonalData.NormalizeEmail(r.Email);
        if (email is null) v.Add("email", string.IsNullOrWhiteSpace(r.Email) ? "validation.required" : "validation.email");
        if (!v.IsValid) return v.Problem();
        var (c, problem) = await FindAsync(request, work, ct);
        if (c is null) return problem!;
        if (c.Status == ChatStatuses.Ended) return Problems.Result(StatusCodes.Status409Conflict, "chat.conflictTitle", "chat.ended");
        var name = Blank(r.Name) ?? c.VisitorName;
        var customer = (await work.Cases.Customers.FindOrCreateAsync(work.Db, new CustomerSighting(c.BranchId, name, null, email, null, c.Language), ct))?.Id;
        await work.Db.SaveChangesAsync(ct);
        await work.Db.ChatConversations.Where(x => x.Id == c.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.VisitorEmail, email)
            .SetProperty(x => x.VisitorName, name).SetProperty(x => x.CustomerId, customer), ct);
        await work.ChangedAsync(c, ChatWork.ChangedEvent, ct);
        return TypedResults.Ok(await ViewAsync(work, c.Id, 0, ct));
    }

    /// <summary>The visitor asks for a person while a bot answers: the conversation joins the waiting list.</summary>
    private static async Task<Results<Ok<VisitorConversationDto>, ValidationProblem, ProblemHttpResult>> AskForPerson(
        HttpRequest request, ChatWork work, ChatBotRunner bot, CancellationToken ct)
    {
        var (c, problem) = await FindAsync(request, work, ct);
        if (c is null) return problem!;
        if (c.Status == ChatStatuses.Bot) await bot.HandOverAsync(work, c, HandOverReasons.Button, ct);
        return TypedResults.Ok(await ViewAsync(work, c.Id, 0, ct));
    }

    private static async Task<Results<Ok<VisitorConversationDto>, ValidationProblem, ProblemHttpResult>> End(
        HttpRequest request, ChatWork work, CancellationToken ct)
    {
        var (c, problem) = await FindAsync(request, work, ct);
        if (c is null) return problem!;
        await work.EndAsync(c, ChatSenders.Visitor, ct);
        return TypedResults.Ok(await ViewAsync(work, c.Id, 0, ct));
    }

    private static async Task<(ChatConversation?, ProblemHttpResult?)> FindAsync(
        HttpRequest request, ChatWork work, CancellationToken ct)
    {
        var token = request.Headers[TokenHeader].ToString();
        if (string.IsNullOrEmpty(token) || !token.StartsWith(TokenPrefix, StringComparison.Ordinal) || token.Length > 100)
            return (null, TypedResults.Problem(new HttpValidationProblemDetails(
                new Dictionary<string, string[]> { [TokenHeader] = [Messages.Get("validation.required")] })
            { Status = StatusCodes.Status400BadRequest, Title = Messages.Get("validation.title") }));
        var hash = SecretTokens.Hash(token);
        var c = await work.Db.ChatConversations.AsNoTracking().FirstOrDefaultAsync(x => x.VisitorTokenHash == hash, ct);
        return c is null ? (null, Problems.Result(StatusCodes.Status404NotFound, null, "chat.unknownToken")) : (c, null);
    }

    private static async Task<VisitorConversationDto> ViewAsync(ChatWork work, Guid id, int after, CancellationToken ct)
    {
        var c = (await work.ReloadAsync(id, ct))!;
        var messages = await work.Db.ChatMessages.AsNoTracking().Where(m => m.ConversationId == id && m.Seq > after).OrderBy(m => m.Seq)
            .Take(200).ToListAsync(ct);
        var typing = c.Status == ChatStatuses.Active && c.StaffTypingAt is { } t && work.Now - t < TypingShownFor;
        return new VisitorConversationDto(c.Id, c.Status, await work.BranchCodeAsync(c.BranchId, ct), c.Language, c.AssigneeName, typing,
            c.VisitorEmail is not null, c.LastSeq, messages.Select(ToDto).ToList());
    }

    private static VisitorMessageDto ToDto(ChatMessage m) => new(m.Seq, m.Sender, m.AuthorName, m.Body, m.CreatedAt);

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>Staff see which page the visitor chats from, without its query string (it may hold personal data).</summary>
    private static string? PageWithoutQuery(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u) && (u.Scheme == "https" || u.Scheme == "http")
            ? ChatWork.Truncate(u.GetLeftPart(UriPartial.Path), 512) : null;
}
