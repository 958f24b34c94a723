using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Features.Cases;
using Touchpoint.Server.Features.Chat;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Http;
using Touchpoint.Server.Platform.Identity;
using Touchpoint.Server.Platform.Localization;
using Touchpoint.Server.Platform.Search;

namespace Touchpoint.Server.Features.Knowledge;

/// <param name="Body">The macro's text in the suggestion's language, placeholders left for the client to fill.</param>
public sealed record MacroSuggestion(Guid Id, string Title, string Body, string? Category, double Score);

/// <param name="Language">The language the suggestions are in (the case's or the chat's).</param>
public sealed record KnowledgeSuggestionList(string Language, IReadOnlyList<ArticleHit> Articles, IReadOnlyList<MacroSuggestion> Macros);

/// <param name="Text">Words to suggest for (a reply being written, a customer's message pasted), at most 2,000 characters.</param>
/// <param name="Language">The language of the suggestions (default: the request's).</param>
public sealed record SuggestionTextRequest(string? Text, string? Language);

/// <summary>
/// Articles and macros for what the customer last said on a case or chat, in its language, for staff to insert in one
/// click. The customer's words are read here and never returned or logged; free text comes in a POST body, never in
/// the URL (URLs end up in access logs and browser history).
/// </summary>
public static class KnowledgeSuggestions
{
    private const int Limit = 5;
    private const int MaxText = 2000;

    /// <summary>For a case's or a chat's latest customer words: exactly one of <paramref name="caseId"/> and <paramref name="chatId"/>.</summary>
    /// <param name="language">The language of the suggestions (default: the case's or chat's).</param>
    public static async Task<Results<Ok<KnowledgeSuggestionList>, ValidationProblem, ProblemHttpResult>> Suggest(
        ClaimsPrincipal user, TouchpointDb db, KnowledgeSearch search, CancellationToken ct, Guid? caseId = null, Guid? chatId = null,
        string? language = null)
    {
        var v = new Validation();
        if ((caseId is null ? 0 : 1) + (chatId is null ? 0 : 1) != 1) v.Add("caseId", "knowledge.oneSource");
        if (language is not null) v.Language("language", language);
        if (!v.IsValid) return v.Problem();

        string words;
        string lang = KnowledgeSearch.LanguageOf(language);
        Guid? branchId = null;
        if (caseId is { } cid)
        {
            if (!user.Has(Permissions.CasesRead)) return Problems.Forbidden();
            var c = await db.Cases.AsNoTracking().Where(x => x.Id == cid).Select(x => new { x.BranchId, x.Language, x.Subject, x.Description }).FirstOrDefaultAsync(ct);
            if (c is null) return Problems.NotFound();
            if (!await CanAccessAsync(db, user, c.BranchId, ct)) return Problems.Forbidden();
            var last = await db.CaseMessages.AsNoTracking()
                .Where(m => m.CaseId == cid && m.Direction == CaseMessageDirections.Inbound && m.Visibility == CaseMessageVisibility.Public)
                .OrderByDescending(m => m.CreatedAt).Select(m => m.Body).FirstOrDefaultAsync(ct);
            // The latest thing the customer wrote; a case opened by staff has the subject and description to go by.
            words = last ?? c.Subject + "\n" + c.Description;
            lang = language ?? c.Language;
            branchId = c.BranchId;
        }
        else
        {
            var chid = chatId!.Value;
            if (!user.Has(Permissions.CasesRead)) return Problems.Forbidden();
            var chat = await db.ChatConversations.AsNoTracking().Where(x => x.Id == chid).Select(x => new { x.BranchId, x.Language }).FirstOrDefaultAsync(ct);
            if (chat is null) return Problems.NotFound();
            if (!await CanAccessAsync(db, user, chat.BranchId, ct)) return Problems.Forbidden();
            var lines = await db.ChatMessages.AsNoTracking().Where(m => m.ConversationId == chid && m.Sender == ChatSenders.Visitor)
                .OrderByDescending(m => m.Seq).Take(3).Select(m => m.Body).ToListAsync(ct);
            words = string.Join("\n", lines.AsEnumerable().Reverse());
            lang = language ?? chat.Language;
            branchId = chat.BranchId;
        }
        return TypedResults.Ok(await SuggestAsync(user, db, search, words, lang, branchId, ct));
    }

    /// <summary>For words typed or pasted by staff, sent in the body.</summary>
    public static async Task<Results<Ok<KnowledgeSuggestionList>, ValidationProblem>> SuggestForText(
        SuggestionTextRequest r, ClaimsPrincipal user, TouchpointDb db, KnowledgeSearch search, CancellationToken ct)
    {
        var v = new Validation();
        v.Required("text", r.Text, MaxText);
        if (r.Language is not null) v.Language("language", r.Language);
        if (!v.IsValid) return v.Problem();
        return TypedResults.Ok(await SuggestAsync(user, db, search, r.Text!, KnowledgeSearch.LanguageOf(r.Language), null, ct));
    }

    private static async Task<KnowledgeSuggestionList> SuggestAsync(ClaimsPrincipal user, TouchpointDb db, KnowledgeSearch search, string words,
        string lang, Guid? branchId, CancellationToken ct)
    {
        if (!Languages.IsSupported(lang)) lang = Languages.Default;
        if (words.Length > MaxText) words = words[^MaxText..];
        var audience = new ArticleAudience(true, await KnowledgeQueries.ReadableBranchesAsync(db, user, ct));
        var articles = await search.SuggestAsync(db, words, lang, audience, Limit, ct);
        var macros = user.Has(Permissions.CasesRead) ? await MacrosAsync(db, user, words, lang, branchId, ct) : [];
        return new KnowledgeSuggestionList(lang, articles, macros);
    }

    private static async Task<bool> CanAccessAsync(TouchpointDb db, ClaimsPrincipal user, Guid branchId, CancellationToken ct)
    {
        if (user.SpansAllBranches()) return true;
        var code = await db.Branches.Where(b => b.Id == branchId).Select(b => b.Code).FirstOrDefaultAsync(ct);
        return code is not null && user.CanAccessBranch(code);
    }

    /// <summary>
    /// Macros are few (tens), so they are scored here: the share of the customer's terms found in the macro's title and
    /// text in that language, the title counting double.
    /// </summary>
    private static async Task<List<MacroSuggestion>> MacrosAsync(TouchpointDb db, ClaimsPrincipal user, string words, string language, Guid? branchId,
        CancellationToken ct)
    {
        var query = SearchTokenizer.Query(words);
        if (query.Count == 0) return [];
        var macros = await db.Macros.AsNoTracking().Where(m => m.IsActive && (m.BranchId == null || m.BranchId == branchId)).ToListAsync(ct);
        var scored = new List<MacroSuggestion>();
        foreach (var m in macros)
        {
            // The customer's words are matched against every language of the macro (a case's language is the
            // staff's choice, the customer may write in another), and the text offered is the case's.
            var titleTerms = m.Title.SelectMany(t => SearchTokenizer.Tokenize(t.Value)).Select(t => t.Text).ToHashSet();
            var bodyTerms = m.Body.SelectMany(t => SearchTokenizer.Tokenize(t.Value)).Select(t => t.Text).ToHashSet();
            double score = 0;
            foreach (var q in query)
            {
                if (titleTerms.Any(t => SearchTokenizer.Matches(t, q))) score += 2;
                else if (bodyTerms.Any(t => SearchTokenizer.Matches(t, q))) score += 1;
            }
            score /= query.Count;
            if (score >= 0.15) scored.Add(new MacroSuggestion(m.Id, m.Title.Resolve(language), m.Body.Resolve(language), m.Category, Math.Round(score, 4)));
        }
        return scored.OrderByDescending(s => s.Score).Take(3).ToList();
    }
}
