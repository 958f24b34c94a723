using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Touchpoint.Server.Features.Customers;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Identity;
using Touchpoint.Server.Platform.Search;

namespace Touchpoint.Server.Features.Search;

/// <summary>
/// Active customers by name and tags. The hit shows the masked name (王*明) and the tags, never contact points, notes or
/// identifiers (those are not indexed at all: the customers search finds phone numbers and ids by exact match). An
/// erased, anonymised or merged customer has no entry: erasure saves the profile through the change tracker, which
/// removes the entry in the same transaction (and FTS5's secure-delete takes the terms off its pages).
/// </summary>
public sealed class CustomerSearchSource(CustomerAccess access) : ISearchSource
{
    public string Kind => "customer";
    public char TermPrefix => 'p';
    public string Permission => Permissions.CustomersRead;
    // Customers are seen from their home branch or any branch that served them: checked per candidate below.
    public bool BranchScoped => false;

    public IEnumerable<(Guid Id, bool IsNew)> Changed(ChangeTracker tracker)
    {
        foreach (var e in tracker.Entries<Customer>())
        {
            if (e.State == EntityState.Added) yield return (e.Entity.Id, true);
            else if (e.State == EntityState.Modified && (e.Property(x => x.Name).IsModified || e.Property(x => x.Tags).IsModified
                         || e.Property(x => x.Status).IsModified || e.Property(x => x.HomeBranchId).IsModified))
                yield return (e.Entity.Id, false);
        }
    }

    public async Task<IReadOnlyList<SearchDocument>> LoadAsync(TouchpointDb db, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var customers = await SearchRegistration.TrackedOrStoredAsync<Customer>(db, ids, c => c.Id, (q, set) => q.Where(c => set.Contains(c.Id)), ct);
        return customers.Where(c => c.Status == CustomerStatuses.Active && !string.IsNullOrWhiteSpace(c.Name))
            .Select(c =>
            {
                var tags = string.Join(" · ", c.Tags);
                return new SearchDocument(c.Id, c.HomeBranchId, c.CreatedAt, c.Name + "\n" + tags, PersonalData.MaskName(c.Name), tags);
            }).ToList();
    }

    public IQueryable<Guid> AllIds(TouchpointDb db) => db.Customers.Where(c => c.Status == CustomerStatuses.Active).Select(c => c.Id);

    public async Task<IReadOnlyCollection<Guid>> VisibleAsync(TouchpointDb db, ClaimsPrincipal user, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var branchIds = await access.BranchIdsAsync(db, user, ct);
        return await access.Visible(db, db.Customers.AsNoTracking().Where(c => ids.Contains(c.Id)), branchIds).Select(c => c.Id).ToListAsync(ct);
    }
}
