using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Http;
using Touchpoint.Server.Platform.Identity;

namespace Touchpoint.Server.Features.Customers;

/// <summary>
/// Branch scoping for customers: staff whose role does not span branches see a customer created at one of their
/// branches or served there (any module's activity). A customer out of reach answers 404, as if there were none:
/// even the existence of a person's profile is not told to staff who may not see it.
/// </summary>
public sealed class CustomerAccess(CustomerHistory history)
{
    /// <summary>The caller's branch ids, or null when their role spans every branch.</summary>
    public async Task<List<Guid>?> BranchIdsAsync(TouchpointDb db, ClaimsPrincipal user, CancellationToken ct)
    {
        if (user.SpansAllBranches()) return null;
        var codes = user.BranchCodes();
        return await db.Branches.AsNoTracking().Where(b => codes.Contains(b.Code)).Select(b => b.Id).ToListAsync(ct);
    }

    public IQueryable<Customer> Visible(TouchpointDb db, IQueryable<Customer> customers, List<Guid>? branchIds)
    {
        if (branchIds is null) return customers;
        var activity = history.Activity(db);
        return customers.Where(c => (c.HomeBranchId != null && branchIds.Contains(c.HomeBranchId.Value))
            || activity.Any(a => a.CustomerId == c.Id && branchIds.Contains(a.BranchId)));
    }

    public async Task<(Customer? Customer, ProblemHttpResult? Problem)> FindAsync(
        TouchpointDb db, Guid id, ClaimsPrincipal user, CancellationToken ct, bool tracking = false)
    {
        var branchIds = await BranchIdsAsync(db, user, ct);
        var q = Visible(db, tracking ? db.Customers : db.Customers.AsNoTracking(), branchIds);
        var customer = await q.FirstOrDefaultAsync(c => c.Id == id, ct);
        return customer is null ? (null, Problems.NotFound()) : (customer, null);
    }

    /// <summary>
    /// For other modules (issuing a ticket, opening a case): the policy a customer's service gets by default and their
    /// language. Null when the caller cannot see such an active customer.
    /// </summary>
    public async Task<(ServicePolicyDto Policy, string Language, IReadOnlyList<string> Needs)?> ForServiceAsync(TouchpointDb db, Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        var (c, _) = await FindAsync(db, id, user, ct);
        if (c is null || c.Status != CustomerStatuses.Active) return null;
        var segments = await CustomerProfile.CurrentSegmentsAsync(db, id, ct);
        return (CustomerProfile.PolicyOf(c, segments.Select(s => s.Segment), DateTime.UtcNow), c.Language, c.Needs);
    }

    /// <summary>Erased, anonymised and merged records keep their id and statistics but take no changes.</summary>
    public static ProblemHttpResult? RefuseUnlessActive(Customer c) =>
        c.Status == CustomerStatuses.Active ? null
            : Problems.Result(StatusCodes.Status409Conflict, "customers.notActiveTitle", "customers.notActive", c.Status);
}
