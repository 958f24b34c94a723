using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Features.Organisation;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Http;
using Touchpoint.Server.Platform.Identity;

namespace Touchpoint.Server.Features.Chat.Bot;

public sealed record HandOverCount(string Reason, int Count, double Share);
/// <param name="Conversations">Conversations the bot took part in (a bot line or a hand-over from the bot), started in the period.</param>
/// <param name="Contained">Ended without a person: the bot finished them.</param>
/// <param name="HandedOver">Passed to a person, for the reasons below.</param>
/// <param name="WithBot">Still with the bot (neither ended nor handed over yet): in neither rate.</param>
/// <param name="ContainmentRate">Contained / (contained + handed over); null when neither happened.</param>
public sealed record ChatBotSummaryDto(
    DateTime From, DateTime To, string? Branch, int Conversations, int Contained, int HandedOver, int WithBot,
    double? ContainmentRate, double? HandOverRate, IReadOnlyList<HandOverCount> Reasons);

/// <summary>
/// Bot containment and hand-over rates per branch and period, read from the conversations themselves: the bot's lines
/// and the "handover: reason" system lines the chat module writes (decision 0017), so no counter can drift from them.
/// </summary>
public static class ChatBotSummary
{
    public static void MapChatBotApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/chat/bot/summary", Get).RequireAuthorization(Permissions.FeedbackRead).WithTags("Chat");

    /// <param name="branch">A branch code; by default every branch the reader may see.</param>
    /// <param name="from">Conversations started from (UTC); by default 30 days before <paramref name="to"/>.</param>
    /// <param name="to">Until (UTC); by default now.</param>
    public static async Task<Results<Ok<ChatBotSummaryDto>, ValidationProblem, ProblemHttpResult>> Get(
        ClaimsPrincipal user, TouchpointDb db, BranchDirectory directory, TimeProvider clock, CancellationToken ct,
        string? branch = null, DateTime? from = null, DateTime? to = null)
    {
        var v = new Validation();
        var end = to?.ToUniversalTime() ?? clock.GetUtcNow().UtcDateTime;
        var start = from?.ToUniversalTime() ?? end.AddDays(-30);
        if (start >= end) v.Add("from", "feedback.period");
        if (!v.IsValid) return v.Problem();
        List<Guid> branchIds;
        if (branch is not null)
        {
            var layout = await directory.FindAsync(db, branch.Trim().ToUpperInvariant(), ct);
            if (layout is null) return Problems.NotFound();
            if (!user.CanAccessBranch(layout.Branch.Code)) return Problems.Forbidden();
            branchIds = [layout.Branch.Id];
        }
        else if (user.SpansAllBranches()) branchIds = await db.Branches.AsNoTracking().Select(b => b.Id).ToListAsync(ct);
        else branchIds = await db.Branches.AsNoTracking().Where(b => user.BranchCodes().Contains(b.Code)).Select(b => b.Id).ToListAsync(ct);

        var conversations = db.ChatConversations.AsNoTracking()
            .Where(c => branchIds.Contains(c.BranchId) && c.CreatedAt >= start && c.CreatedAt < end);
        var handOvers = await db.ChatMessages.AsNoTracking()
            .Where(m => m.Sender == ChatSenders.System && m.Body.StartsWith(HandOverReasons.Prefix) && conversations.Any(c => c.Id == m.ConversationId))
            .Select(m => new { m.ConversationId, m.Body }).ToListAsync(ct);
        var botOnly = await conversations
            .Where(c => db.ChatMessages.Any(m => m.ConversationId == c.Id && m.Sender == ChatSenders.Bot)
                        && !db.ChatMessages.Any(m => m.ConversationId == c.Id && m.Sender == ChatSenders.System && m.Body.StartsWith(HandOverReasons.Prefix)))
            .GroupBy(c => c.Status == ChatStatuses.Ended).Select(g => new { Ended = g.Key, Count = g.Count() }).ToListAsync(ct);

        // A conversation handed over twice (transferred back to the bot does not exist today) counts once, by its first reason.
        var reasons = handOvers.GroupBy(h => h.ConversationId).Select(g => g.First().Body[HandOverReasons.Prefix.Length..].Trim()).ToList();
        var contained = botOnly.Where(b => b.Ended).Sum(b => b.Count);
        var withBot = botOnly.Where(b => !b.Ended).Sum(b => b.Count);
        var handedOver = reasons.Count;
        var decided = contained + handedOver;
        return TypedResults.Ok(new ChatBotSummaryDto(start, end, branch?.Trim().ToUpperInvariant(), decided + withBot, contained, handedOver, withBot,
            decided == 0 ? null : Math.Round((double)contained / decided, 4), decided == 0 ? null : Math.Round((double)handedOver / decided, 4),
            reasons.GroupBy(r => r).Select(g => new HandOverCount(g.Key, g.Count(), Math.Round((double)g.Count() / handedOver, 4)))
                .OrderByDescending(r => r.Count).ThenBy(r => r.Reason, StringComparer.Ordinal).ToList()));
    }
}
