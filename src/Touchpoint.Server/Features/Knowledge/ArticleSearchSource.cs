using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Identity;
using Touchpoint.Server.Platform.Search;

namespace Touchpoint.Server.Features.Knowledge;

/// <summary>
/// Internal and published articles in the shared index (decision 0011): title (twice, so a word in the title weighs
/// more), summary, category, tags and body. Drafts have no entry: no search, staff's or the public's, finds unfinished
/// text. Not branch-scoped in the index (organisation-wide articles have no branch): <see cref="VisibleAsync"/> keeps a
/// branch's own articles for the global search to that branch's staff; <see cref="KnowledgeSearch"/> filters the same
/// way for its own audiences and also decides internal against published for the asker.
/// </summary>
public sealed partial class ArticleSearchSource : ISearchSource
{
    private static readonly string[] IndexedProperties =
        [nameof(KnowledgeArticle.Title), nameof(KnowledgeArticle.Summary), nameof(KnowledgeArticle.Body), nameof(KnowledgeArticle.Category),
         nameof(KnowledgeArticle.Tags), nameof(KnowledgeArticle.State), nameof(KnowledgeArticle.BranchId)];

    public string Kind => "article";
    public char TermPrefix => 'k';
    public string Permission => Permissions.KnowledgeRead;
    public bool BranchScoped => false;

    public IEnumerable<(Guid Id, bool IsNew)> Changed(ChangeTracker tracker)
    {
        foreach (var e in tracker.Entries<KnowledgeArticle>())
        {
            if (e.State == EntityState.Added) yield return (e.Entity.Id, true);
            else if (e.State == EntityState.Deleted) yield return (e.Entity.Id, false);
            else if (e.State == EntityState.Modified && IndexedProperties.Any(p => e.Property(p).IsModified)) yield return (e.Entity.Id, false);
        }
    }

    public async Task<IReadOnlyList<SearchDocument>> LoadAsync(TouchpointDb db, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var articles = await SearchRegistration.TrackedOrStoredAsync<KnowledgeArticle>(db, ids, a => a.Id, (q, set) => q.Where(a => set.Contains(a.Id)), ct);
        return articles.Where(a => a.State != ArticleStates.Draft).Select(Document).ToList();
    }

    /// <summary>An article's document; <see cref="KnowledgeSearch"/> cuts its snippets from it too, from rows it has already read.</summary>
    internal static SearchDocument Document(KnowledgeArticle a)
    {
        var body = PlainText(a.Body);
        var indexed = string.Join("\n", [a.Title, a.Title, a.Summary, a.Category ?? "", string.Join(' ', a.Tags), body]);
        return new SearchDocument(a.Id, a.BranchId, a.UpdatedAt, indexed, a.Title, string.IsNullOrWhiteSpace(a.Summary) ? body : a.Summary + "\n" + body, a.Language);
    }

    /// <summary>
    /// For the global search: organisation-wide articles and those of a branch the caller reads, never a draft (the
    /// index holds none, but a row may have become one since the candidate query).
    /// </summary>
    public async Task<IReadOnlyCollection<Guid>> VisibleAsync(TouchpointDb db, ClaimsPrincipal user, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var branches = await KnowledgeQueries.ReadableBranchesAsync(db, user, ct);
        var visible = new List<Guid>(ids.Count);
        foreach (var chunk in ids.Chunk(500))
            visible.AddRange(await db.KnowledgeArticles.AsNoTracking()
                .Where(a => chunk.Contains(a.Id) && a.State != ArticleStates.Draft)
                .Where(a => branches == null || a.BranchId == null || branches.Contains(a.BranchId.Value))
                .Select(a => a.Id).ToListAsync(ct));
        return visible;
    }

    public IQueryable<Guid> AllIds(TouchpointDb db) => db.KnowledgeArticles.Where(a => a.State != ArticleStates.Draft).Select(a => a.Id);

    /// <summary>Markdown without its marks, for snippets: "## Opening hours" reads as "Opening hours".</summary>
    public static string PlainText(string markdown) =>
        MarkdownMarks().Replace(LinkTargets().Replace(markdown, "$1"), "");

    [GeneratedRegex(@"(?m)^\s{0,3}(#{1,6}\s+|>\s?|[-*+]\s+(?=\S)|\d+\.\s+)|[*_`]{1,3}")]
    private static partial Regex MarkdownMarks();

    [GeneratedRegex(@"\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex LinkTargets();
}
