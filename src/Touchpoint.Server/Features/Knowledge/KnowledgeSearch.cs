using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Localization;
using Touchpoint.Server.Platform.Search;

namespace Touchpoint.Server.Features.Knowledge;

/// <summary>Who is reading: staff (internal and published, organisation-wide and their branches') or the public of one help centre.</summary>
/// <param name="Branches">Staff: the branches whose own articles they read (null: every branch). Public: the help centre's branch, if any.</param>
public sealed record ArticleAudience(bool Staff, IReadOnlyList<Guid>? Branches)
{
    public static ArticleAudience Public(Guid? branchId) => new(false, branchId is { } b ? [b] : []);

    public bool Sees(string state, Guid? branchId) =>
        (Staff ? state is ArticleStates.Internal or ArticleStates.Published : state == ArticleStates.Published)
        && (branchId is null || Branches is null || Branches.Contains(branchId.Value));
}

/// <param name="Branch">The code of the branch the article belongs to (its help centre); null: organisation-wide.</param>
public sealed record ArticleHit(
    Guid Id, Guid GroupId, string Language, string State, string? Category, IReadOnlyList<SnippetPart> Title, IReadOnlyList<SnippetPart> Snippet,
    string Summary, double Score, int HelpfulYes, int HelpfulNo, string? Branch);

/// <param name="Total">Articles found (one per translation group) among the newest 400 matches of the words.</param>
/// <param name="Relaxed">No article held every word, so articles holding the most of them are shown.</param>
public sealed record ArticleSearchResult(IReadOnlyList<ArticleHit> Items, int Total, bool Relaxed);

/// <summary>
/// Article search over the shared index (decision 0011), for staff, the help centre and suggestions. Every word is
/// required first; when nothing holds them all (a customer's whole sentence, a phrase with inflected Korean), the
/// articles holding the most informative of them are ranked instead. One hit per translation group, shown in the
/// reader's language when that translation is visible, otherwise in the language that matched (decision 0014).
/// </summary>
public sealed class KnowledgeSearch(SearchEngine engine)
{
    private const int MaxRelaxedTerms = 24;
    /// <summary>
    /// Candidates ranked for a search, the newest matches: a page shows at most 50 articles, one per translation group
    /// (four languages), so 400 leave room for internal articles the public does not see and other branches' articles.
    /// </summary>
    private const int SearchCap = 400;
    /// <summary>
    /// Candidates per word of a customer's sentence. A word found more often than this is a common one: its weight is
    /// computed as if it were found exactly this often, which still puts it below every rarer word.
    /// </summary>
    private const int TermCap = 100;
    private static readonly ClaimsPrincipal Nobody = new();

    private ISearchSource Source => engine.Sources.First(s => s.Kind == "article");

    public async Task<ArticleSearchResult> SearchAsync(TouchpointDb db, IReadOnlyList<QueryTerm> terms, string language, ArticleAudience audience,
        int limit, CancellationToken ct)
    {
        var candidates = await engine.CandidatesAsync(db, Nobody, terms, Source, null, ct, SearchCap);
        var ranked = await RankAsync(db, candidates.ToDictionary(c => c.EntityId, c => c.Score), language, audience, ct);
        var relaxed = false;
        if (ranked.Count == 0 && terms.Count > 1)
        {
            ranked = await RankAsync(db, await AnyTermAsync(db, terms, ct), language, audience, ct);
            relaxed = true;
        }
        return new ArticleSearchResult(await HitsAsync(db, ranked.Take(limit).ToList(), terms, ct), ranked.Count, relaxed);
    }

    /// <summary>Articles for a customer's own words: any of the words, the rarer ones weighing more.</summary>
    public async Task<IReadOnlyList<ArticleHit>> SuggestAsync(TouchpointDb db, string text, string language, ArticleAudience audience, int limit,
        CancellationToken ct)
    {
        var terms = SearchTokenizer.Query(text);
        if (terms.Count == 0) return [];
        var ranked = await RankAsync(db, await AnyTermAsync(db, terms, ct), language, audience, ct);
        return await HitsAsync(db, ranked.Take(limit).ToList(), terms, ct);
    }

    /// <summary>
    /// Scores by each term on its own (the index answers AND queries), weighted by how rare the term is among articles
    /// (a word every article holds says nothing), and by how many of the words an article holds.
    /// </summary>
    private async Task<Dictionary<Guid, double>> AnyTermAsync(TouchpointDb db, IReadOnlyList<QueryTerm> terms, CancellationToken ct)
    {
        var indexed = Math.Max(1, await db.SearchEntries.CountAsync(e => e.Kind == Source.Kind, ct));
        var scores = new Dictionary<Guid, double>();
        var matched = new Dictionary<Guid, int>();
        foreach (var term in terms.Take(MaxRelaxedTerms))
        {
            var found = await engine.CandidatesAsync(db, Nobody, [term], Source, null, ct, TermCap);
            if (found.Count == 0) continue;
            var idf = Math.Log(1 + (double)indexed / found.Count);
            foreach (var c in found)
            {
                scores[c.EntityId] = scores.GetValueOrDefault(c.EntityId) + c.Score * idf;
                matched[c.EntityId] = matched.GetValueOrDefault(c.EntityId) + 1;
            }
        }
        // One shared common word is not a match: at least two of the words, unless the text has only one.
        var needed = Math.Min(2, terms.Count);
        return scores.Where(s => matched[s.Key] >= needed).ToDictionary(s => s.Key, s => s.Value);
    }

    private sealed record Ranked(Guid ShownId, double Score);

    /// <summary>Visible candidates, nudged by helpfulness, one per translation group, shown in the reader's language where possible.</summary>
    private static async Task<List<Ranked>> RankAsync(TouchpointDb db, Dictionary<Guid, double> scores, string language, ArticleAudience audience,
        CancellationToken ct)
    {
        if (scores.Count == 0) return [];
        var ids = scores.Keys.ToList();
        var found = new List<ArticleInfo>();
        foreach (var chunk in ids.Chunk(500))
            found.AddRange(await db.KnowledgeArticles.AsNoTracking().Where(a => chunk.Contains(a.Id))
                .Select(a => new ArticleInfo(a.Id, a.GroupId, a.Language, a.State, a.BranchId, a.HelpfulYes, a.HelpfulNo)).ToListAsync(ct));
        var visible = found.Where(a => audience.Sees(a.State, a.BranchId)).ToList();
        var best = visible.GroupBy(a => a.GroupId).Select(g =>
        {
            // A match in the reader's own language beats the same article matched in another one.
            var top = g.OrderByDescending(a => a.Language == language).ThenByDescending(a => scores[a.Id]).First();
            return (Article: top, Score: scores[top.Id] * Helpfulness(top.HelpfulYes, top.HelpfulNo) * (top.Language == language ? 1 : 0.9));
        }).ToList();
        var groups = best.Where(b => b.Article.Language != language).Select(b => b.Article.GroupId).ToList();
        var inLanguage = new Dictionary<Guid, Guid>();
        foreach (var chunk in groups.Chunk(500))
            foreach (var t in await db.KnowledgeArticles.AsNoTracking().Where(a => chunk.Contains(a.GroupId) && a.Language == language)
                         .Select(a => new { a.Id, a.GroupId, a.State, a.BranchId }).ToListAsync(ct))
                if (audience.Sees(t.State, t.BranchId)) inLanguage[t.GroupId] = t.Id;
        return best.OrderByDescending(b => b.Score).ThenByDescending(b => b.Article.Id)
            .Select(b => new Ranked(inLanguage.GetValueOrDefault(b.Article.GroupId, b.Article.Id), b.Score)).ToList();
    }

    /// <summary>
    /// At most 20% up or down: an article readers found helpful rises a little among equally relevant ones, but
    /// relevance decides. Ten neutral votes are assumed, so three early votes cannot move an article far.
    /// </summary>
    public static double Helpfulness(int yes, int no) => 1 + 0.2 * (yes - no) / (yes + no + 10.0);

    private sealed record ArticleInfo(Guid Id, Guid GroupId, string Language, string State, Guid? BranchId, int HelpfulYes, int HelpfulNo);

    private async Task<List<ArticleHit>> HitsAsync(TouchpointDb db, List<Ranked> page, IReadOnlyList<QueryTerm> terms, CancellationToken ct)
    {
        if (page.Count == 0) return [];
        // The page's rows are read once: the snippets are cut from the article's own document (what the index's source
        // would load again), and a row that became a draft since the candidates were found is left out, as it has no entry.
        var ids = page.Select(p => p.ShownId).ToList();
        var articles = await db.KnowledgeArticles.AsNoTracking().Where(a => ids.Contains(a.Id) && a.State != ArticleStates.Draft)
            .ToDictionaryAsync(a => a.Id, ct);
        var branchIds = articles.Values.Where(a => a.BranchId is not null).Select(a => a.BranchId!.Value).Distinct().ToList();
        var branchCodes = branchIds.Count == 0 ? [] : await db.Branches.AsNoTracking().Where(b => branchIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => b.Code, ct);
        var hits = new List<ArticleHit>(page.Count);
        foreach (var p in page)
        {
            if (!articles.TryGetValue(p.ShownId, out var a)) continue;
            var document = ArticleSearchSource.Document(a);
            hits.Add(new ArticleHit(a.Id, a.GroupId, a.Language, a.State, a.Category, SearchSnippets.Build(document.Title, terms),
                SearchSnippets.Build(document.Body, terms), a.Summary, Math.Round(p.Score, 6), a.HelpfulYes, a.HelpfulNo,
                a.BranchId is { } b ? branchCodes.GetValueOrDefault(b) : null));
        }
        return hits;
    }

    /// <summary>The reader's language: the one asked for when supported, otherwise the request's.</summary>
    public static string LanguageOf(string? requested) => Languages.IsSupported(requested) ? requested! : Languages.Current;
}
