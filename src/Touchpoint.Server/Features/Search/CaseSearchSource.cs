using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Touchpoint.Server.Features.Cases;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Identity;
using Touchpoint.Server.Platform.Search;

namespace Touchpoint.Server.Features.Search;

/// <summary>
/// Cases by reference, subject, description, category, tags and every message of the thread (internal notes included:
/// whoever reads cases reads them). The customer's name is not indexed here: people are found as customer hits, which
/// are masked and follow the customers module's scoping and erasure.
/// </summary>
public sealed class CaseSearchSource : ISearchSource
{
    private static readonly string[] IndexedProperties =
        [nameof(SupportCase.Subject), nameof(SupportCase.Description), nameof(SupportCase.Tags), nameof(SupportCase.Category),
         nameof(SupportCase.Reference), nameof(SupportCase.BranchId)];

    public string Kind => "case";
    public char TermPrefix => 'c';
    public string Permission => Permissions.CasesRead;
    public bool BranchScoped => true;

    public IEnumerable<(Guid Id, bool IsNew)> Changed(ChangeTracker tracker)
    {
        foreach (var e in tracker.Entries<SupportCase>())
        {
            if (e.State == EntityState.Added) yield return (e.Entity.Id, true);
            else if (e.State == EntityState.Modified && IndexedProperties.Any(p => e.Property(p).IsModified)) yield return (e.Entity.Id, false);
        }
        foreach (var e in tracker.Entries<CaseMessage>())
            if (e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted) yield return (e.Entity.CaseId, false);
    }

    public async Task<IReadOnlyList<SearchDocument>> LoadAsync(TouchpointDb db, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var cases = await SearchRegistration.TrackedOrStoredAsync<SupportCase>(db, ids, c => c.Id, (q, set) => q.Where(c => set.Contains(c.Id)), ct);
        var stored = cases.Where(c => db.Entry(c).State != EntityState.Added).Select(c => c.Id).ToList();
        var messages = new Dictionary<Guid, CaseMessage>();
        if (stored.Count > 0)
            foreach (var m in await db.CaseMessages.AsNoTracking().Where(m => stored.Contains(m.CaseId)).ToListAsync(ct)) messages[m.Id] = m;
        foreach (var e in db.ChangeTracker.Entries<CaseMessage>().Where(e => ids.Contains(e.Entity.CaseId)))
        {
            if (e.State == EntityState.Deleted) messages.Remove(e.Entity.Id);
            else messages[e.Entity.Id] = e.Entity;
        }
        var threads = messages.Values.GroupBy(m => m.CaseId).ToDictionary(g => g.Key, g => g.OrderBy(m => m.CreatedAt).Select(m => m.Body).ToList());
        return cases.Select(c =>
        {
            // A case opened from a message usually repeats it as its description: once is enough.
            var thread = (threads.GetValueOrDefault(c.Id) ?? []).Where(b => b.Trim() != c.Description.Trim()).ToList();
            var body = string.Join("\n", [c.Description, .. thread]);
            var indexed = string.Join("\n", [c.Reference, c.Subject, c.Category ?? "", string.Join(' ', c.Tags), body]);
            return new SearchDocument(c.Id, c.BranchId, c.CreatedAt, indexed, c.Subject, body, c.Reference);
        }).ToList();
    }

    public IQueryable<Guid> AllIds(TouchpointDb db) => db.Cases.Select(c => c.Id);
}
