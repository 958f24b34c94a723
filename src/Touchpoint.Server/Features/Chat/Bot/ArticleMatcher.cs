using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Features.Knowledge;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Search;

namespace Touchpoint.Server.Features.Chat.Bot;

/// <summary>A published article the bot may quote, and how sure it is that the article answers the message.</summary>
public sealed record ArticleMatch(KnowledgeArticle Article, double Confidence);

/// <param name="Best">The best article in the customer's language, if any matched at all.</param>
/// <param name="Runner">The second best (the margin is measured against it).</param>
/// <param name="OtherLanguagesOnly">Articles matched, but none in the customer's language.</param>
public sealed record ArticleMatchResult(ArticleMatch? Best, ArticleMatch? Runner, bool OtherLanguagesOnly)
{
    /// <summary>Answer only when the best article covers most of the message and clearly beats the next one.</summary>
    public bool IsConfident => Best is { } b && b.Confidence >= ArticleMatcher.MinConfidence
        && (Runner is null || b.Confidence - Runner.Confidence >= ArticleMatcher.MinMargin);
}

/// <summary>
/// Finds the published article that answers a customer's message. The help centre's search (decision 0014) proposes
/// candidates; each is then scored by how much of the message it covers: the share of the message's informative terms
/// (the index's own terms, without filler words) that the article holds, a term in its title, summary or tags counting
/// fully and one only in its body counting <see cref="BodyWeight"/>. A score is a share, so one threshold means the
/// same for a three-word question and a long one, in every language.
/// </summary>
public sealed class ArticleMatcher(KnowledgeSearch search)
{
    /// <summary>At least this share of the message must be in the article.</summary>
    public const double MinConfidence = 0.6;
    /// <summary>And the best must beat the second by this much, or the bot cannot tell which one is meant.</summary>
    public const double MinMargin = 0.1;
    public const double BodyWeight = 0.6;
    private const int Candidates = 8;

    // Words that carry no topic: greetings, pronouns, question words and particles (CJK terms are character pairs, so a
    // pair holding one of these characters is filler too).
    private static readonly HashSet<string> FillerWords =
        ["a", "an", "the", "i", "me", "my", "we", "our", "you", "your", "it", "is", "are", "am", "be", "do", "doe", "does", "did", "can",
         "could", "would", "will", "how", "what", "when", "where", "which", "who", "why", "to", "of", "for", "in", "on", "at", "and", "or",
         "with", "please", "hi", "hello", "thank", "thanks", "there", "this", "that", "have", "has", "get", "want", "need", "know", "tell", "about"];
    private const string FillerHan = "的了吗吧呢啊呀我你您他她们們请請是在有么麼吗嗎哪怎什个個想要问問下一";
    private static readonly string[] FillerHangul = ["어요", "나요", "세요", "려면", "해요", "하나", "할까", "는데", "습니", "니다", "인가", "까요"];

    public async Task<ArticleMatchResult> MatchAsync(TouchpointDb db, string message, string language, Guid branchId, CancellationToken ct)
    {
        var hits = await search.SuggestAsync(db, message, language, ArticleAudience.Public(branchId), Candidates, ct);
        if (hits.Count == 0) return new(null, null, false);
        var ids = hits.Where(h => h.Language == language && h.State == ArticleStates.Published).Select(h => h.Id).ToList();
        if (ids.Count == 0) return new(null, null, true);
        var articles = await db.KnowledgeArticles.AsNoTracking()
            .Where(a => ids.Contains(a.Id) && a.State == ArticleStates.Published && a.Language == language && (a.BranchId == null || a.BranchId == branchId))
            .ToListAsync(ct);
        var terms = InformativeTerms(message);
        var ranked = articles.Select(a => new ArticleMatch(a, Confidence(terms, a))).OrderByDescending(m => m.Confidence).ToList();
        return new(ranked.FirstOrDefault(), ranked.Skip(1).FirstOrDefault(), false);
    }

    public static List<QueryTerm> InformativeTerms(string text) =>
        SearchTokenizer.Query(text).Where(t => !IsFiller(t.Text)).ToList();

    private static bool IsFiller(string term) =>
        FillerWords.Contains(term) || term.Any(c => FillerHan.Contains(c)) || FillerHangul.Contains(term);

    /// <summary>The weighted share of the message's terms the article holds (0 to 1).</summary>
    public static double Confidence(IReadOnlyList<QueryTerm> terms, KnowledgeArticle a)
    {
        if (terms.Count == 0) return 0;
        var head = Terms(string.Join("\n", a.Title, a.Summary, string.Join(' ', a.Tags)));
        var body = Terms(ArticleSearchSource.PlainText(a.Body));
        var sum = 0.0;
        foreach (var t in terms)
            sum += head.Any(d => SearchTokenizer.Matches(d, t)) ? 1 : body.Any(d => SearchTokenizer.Matches(d, t)) ? BodyWeight : 0;
        return Math.Round(sum / terms.Count, 3);
    }

    private static HashSet<string> Terms(string text) => SearchTokenizer.Tokenize(text).Select(t => t.Text).ToHashSet();
}
