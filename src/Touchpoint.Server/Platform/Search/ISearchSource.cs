using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Touchpoint.Server.Platform.Data;

namespace Touchpoint.Server.Platform.Search;

/// <param name="IndexedText">What the terms are made of (may include what is never shown, such as a customer's name).</param>
/// <param name="Title">Shown as the hit's title, already masked where it must be.</param>
/// <param name="Body">The text the snippet is cut from.</param>
/// <param name="Label">A short code the client words itself (a case reference, an encounter's channel).</param>
public sealed record SearchDocument(Guid EntityId, Guid? BranchId, DateTime At, string IndexedText, string Title, string Body, string? Label = null);

/// <summary>
/// A kind of searchable thing. A module registers one (<see cref="SearchRegistration.AddSearchSource{T}"/>): the index
/// follows its writes through the change tracker (<see cref="SearchIndexing"/>), so the module's own code does not call
/// the index, and every write path (API, email, imports, demo data) is covered in the write's own transaction.
/// </summary>
public interface ISearchSource
{
    /// <summary>"case", "encounter", "customer", ... as in the API's kinds filter.</summary>
    string Kind { get; }
    /// <summary>
    /// Put before each of the kind's terms in the index ("e退款"), unique among sources: the database then keeps one
    /// doclist per kind and term, so a search of one kind never walks another kind's matches.
    /// </summary>
    char TermPrefix { get; }
    /// <summary>The permission a principal needs for hits of this kind.</summary>
    string Permission { get; }
    /// <summary>True when hits are limited to the caller's branches by the document's branch (as the module's list does).</summary>
    bool BranchScoped { get; }

    /// <summary>Entities whose document the pending changes affect; <c>IsNew</c> when the entity is being inserted.</summary>
    IEnumerable<(Guid Id, bool IsNew)> Changed(ChangeTracker tracker);

    /// <summary>
    /// The current documents of these entities, pending changes included (read tracked entities before the database).
    /// An entity without a document (nothing to search, erased) is left out and its entry removed.
    /// </summary>
    Task<IReadOnlyList<SearchDocument>> LoadAsync(TouchpointDb db, IReadOnlyCollection<Guid> ids, CancellationToken ct);

    /// <summary>For a rebuild: the ids of every entity that may have a document.</summary>
    IQueryable<Guid> AllIds(TouchpointDb db);

    /// <summary>A last check of scope the index cannot express (customers seen at a branch); by default every candidate.</summary>
    Task<IReadOnlyCollection<Guid>> VisibleAsync(TouchpointDb db, ClaimsPrincipal user, IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        Task.FromResult(ids);
}

public static class SearchRegistration
{
    public static IServiceCollection AddSearchSource<T>(this IServiceCollection services) where T : class, ISearchSource =>
        services.AddSingleton<ISearchSource, T>();

    /// <summary>
    /// The entities of <paramref name="ids"/>: tracked ones as they are about to be saved, the others from the
    /// database. Deleted entities count as gone.
    /// </summary>
    public static async Task<List<T>> TrackedOrStoredAsync<T>(TouchpointDb db, IReadOnlyCollection<Guid> ids, Func<T, Guid> idOf,
        Func<IQueryable<T>, IReadOnlyCollection<Guid>, IQueryable<T>> whereIdIn, CancellationToken ct) where T : class
    {
        var found = new List<T>();
        var missing = new HashSet<Guid>(ids);
        foreach (var entry in db.ChangeTracker.Entries<T>())
        {
            var id = idOf(entry.Entity);
            if (!missing.Remove(id)) continue;
            if (entry.State != EntityState.Deleted) found.Add(entry.Entity);
        }
        if (missing.Count > 0) found.AddRange(await whereIdIn(db.Set<T>().AsNoTracking(), missing).ToListAsync(ct));
        return found;
    }
}
