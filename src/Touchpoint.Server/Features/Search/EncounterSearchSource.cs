using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Touchpoint.Server.Features.Encounters;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Identity;
using Touchpoint.Server.Platform.Search;

namespace Touchpoint.Server.Features.Search;

/// <summary>
/// Encounters by their summary. An encounter without one (most counter visits the queue records) has nothing to find and
/// no entry, which keeps the index and the start-up small. The contact's name is not indexed (see the case source).
/// </summary>
public sealed class EncounterSearchSource : ISearchSource
{
    public string Kind => "encounter";
    public char TermPrefix => 'e';
    public string Permission => Permissions.CasesRead;
    public bool BranchScoped => true;

    public IEnumerable<(Guid Id, bool IsNew)> Changed(ChangeTracker tracker)
    {
        foreach (var e in tracker.Entries<Encounter>())
        {
            if (e.State == EntityState.Added)
            {
                if (!string.IsNullOrWhiteSpace(e.Entity.Summary)) yield return (e.Entity.Id, true);
            }
            else if (e.State == EntityState.Modified && (e.Property(x => x.Summary).IsModified || e.Property(x => x.BranchId).IsModified))
                yield return (e.Entity.Id, false);
        }
    }

    public async Task<IReadOnlyList<SearchDocument>> LoadAsync(TouchpointDb db, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var encounters = await SearchRegistration.TrackedOrStoredAsync<Encounter>(db, ids, e => e.Id, (q, set) => q.Where(e => set.Contains(e.Id)), ct);
        return encounters.Where(e => !string.IsNullOrWhiteSpace(e.Summary))
            .Select(e => new SearchDocument(e.Id, e.BranchId, e.StartedAt, e.Summary!, "", e.Summary!, e.Channel)).ToList();
    }

    public IQueryable<Guid> AllIds(TouchpointDb db) => db.Encounters.Where(e => e.Summary != null).Select(e => e.Id);
}
