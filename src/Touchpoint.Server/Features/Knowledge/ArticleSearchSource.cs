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
/// text. Not branch-scoped in the index: articles limited to a branch are filtered by <see cref="KnowledgeSearch"/>,
/// which also decides internal against published for the asker.
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
        return articles.Where(a => a.State != ArticleStates.Draft).Select(a =>
        {
            var body = PlainText(a.Body);
            var indexed = string.Join("\n", [a.Title, a.Title, a.Summary, a.Category ?? "", string.Join(' ', a.Tags), body]);
            return new SearchDocument(a.Id, a.BranchId, a.UpdatedAt, indexed, a.Title, string.IsNullOrWhiteSpace(a.Summary) ? body : a.Summary + "\n" + body, a.Language);
        }).ToList();
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
