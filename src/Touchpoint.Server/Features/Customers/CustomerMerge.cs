using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Platform.Audit;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Http;

namespace Touchpoint.Server.Features.Customers;

public sealed record MergeRequest(Guid? OtherId, string? Reason);

/// <summary>
/// Merges a duplicate into the customer named in the route. Every module's history, the contact points and the
/// identifiers move to the survivor; the duplicate keeps its id, no personal data and a pointer to the survivor, so
/// links held elsewhere still lead somewhere. The audit entry says what moved and why, in the survivor's timeline.
/// </summary>
public static class CustomerMerge
{
    public static async Task<Results<Ok<CustomerDto>, ValidationProblem, ProblemHttpResult>> Merge(
        Guid id, MergeRequest r, ClaimsPrincipal user, TouchpointDb db, CustomerAccess access, CustomerHistory history, AuditLog audit,
        SegmentMembership segments, CancellationToken ct)
    {
        var v = new Validation();
        if (r.OtherId is null) v.Add("otherId", "validation.required");
        else if (r.OtherId == id) v.Add("otherId", "validation.mergeSelf");
        v.MaxLength("reason", r.Reason, 256);
        if (!v.IsValid) return v.Problem();
        var (survivor, problem) = await access.FindAsync(db, id, user, ct, tracking: true);
        if (survivor is null) return problem!;
        var (other, otherProblem) = await access.FindAsync(db, r.OtherId!.Value, user, ct, tracking: true);
        if (other is null) return otherProblem!;
        if ((CustomerAccess.RefuseUnlessActive(survivor) ?? CustomerAccess.RefuseUnlessActive(other)) is { } refused) return refused;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var moved = await history.MoveAsync(db, other.Id, survivor.Id, ct);
        moved["contacts"] = await MoveContactsAsync(db, other.Id, survivor.Id, ct);
        moved["identifiers"] = await db.CustomerIdentifiers.Where(x => x.CustomerId == other.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.CustomerId, survivor.Id), ct);
        Combine(survivor, other);
        if (survivor.Name is null && other.Name is not null) survivor.Name = other.Name;
        await CustomerEditor.SetNameKeysAsync(db, survivor, ct);
        await db.CustomerNameKeys.Where(k => k.CustomerId == other.Id).ExecuteDeleteAsync(ct);
        // Records merged into the duplicate earlier now point at the survivor: one hop always reaches the live profile.
        await db.Customers.Where(c => c.MergedIntoId == other.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.MergedIntoId, survivor.Id), ct);
        var now = DateTime.UtcNow;
        await db.CustomerSegmentMemberships.Where(m => m.CustomerId == other.Id && m.Until == null).ExecuteUpdateAsync(s => s.SetProperty(m => m.Until, now), ct);
        other.Name = other.Notes = null;
        other.Tags = [];
        other.Needs = [];
        other.Status = CustomerStatuses.Merged;
        other.MergedIntoId = survivor.Id;
        other.UpdatedAt = survivor.UpdatedAt = now;

        audit.Record(CustomerAuditActions.Merged, CustomerEndpoints.Target + survivor.Id,
            new { survivor = survivor.Id, merged = other.Id, moved, reason = r.Reason });
        audit.Record(CustomerAuditActions.Merged, CustomerEndpoints.Target + other.Id,
            new { survivor = survivor.Id, merged = other.Id, reason = r.Reason });
        await db.SaveChangesAsync(ct);
        await segments.RecomputeAsync(db, [survivor.Id], ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(await CustomerProfile.ToDtoAsync(db, survivor, ct));
    }

    /// <summary>The same phone or email on both records is kept once.</summary>
    private static async Task<int> MoveContactsAsync(TouchpointDb db, Guid from, Guid to, CancellationToken ct)
    {
        var kept = await db.CustomerContacts.Where(x => x.CustomerId == to).Select(x => x.Kind + " " + x.Value).ToListAsync(ct);
        var moving = await db.CustomerContacts.Where(x => x.CustomerId == from).ToListAsync(ct);
        foreach (var contact in moving)
        {
            if (kept.Contains(contact.Kind + " " + contact.Value)) db.CustomerContacts.Remove(contact);
            else contact.CustomerId = to;
        }
        return moving.Count;
    }

    /// <summary>
    /// Needs and tags are united, the higher value and the later VIP expiry kept, notes appended. Consents take the
    /// stricter answer: one "no" from the person outweighs a "yes" given on the duplicate.
    /// </summary>
    private static void Combine(Customer survivor, Customer other)
    {
        survivor.Needs = survivor.Needs.Union(other.Needs).ToList();
        survivor.Tags = survivor.Tags.Union(other.Tags).ToList();
        survivor.Value = Math.Max(survivor.Value, other.Value);
        if (other.VipUntil > (survivor.VipUntil ?? DateTime.MinValue)) survivor.VipUntil = other.VipUntil;
        survivor.ConsentSurveys &= other.ConsentSurveys;
        survivor.ConsentMarketing &= other.ConsentMarketing;
        survivor.HomeBranchId ??= other.HomeBranchId;
        if (other.Notes is not null)
        {
            var notes = survivor.Notes is null ? other.Notes : survivor.Notes + "\n" + other.Notes;
            survivor.Notes = notes.Length <= 2000 ? notes : notes[..2000];
        }
    }
}
