using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Features.Customers;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Localization;

namespace Touchpoint.Server.Features.Queue;

/// <summary>
/// The window service's part of a customer's timeline: each ticket (with the counter encounter's outcome) and each
/// rating on the evaluation pad, which reaches the customer through its ticket.
/// </summary>
public sealed class QueueTimelineSource : ICustomerTimelineSource
{
    public IQueryable<CustomerActivity> Activity(TouchpointDb db) =>
        db.QueueTickets.Where(t => t.CustomerId != null)
            .Select(t => new CustomerActivity { CustomerId = t.CustomerId!.Value, BranchId = t.BranchId, At = t.IssuedAt });

    public async Task<IReadOnlyList<TimelineEntry>> ReadAsync(TouchpointDb db, TimelineQuery query, CancellationToken ct)
    {
        var tickets = db.QueueTickets.AsNoTracking().Where(t => t.CustomerId == query.CustomerId);
        if (query.BranchIds is { } branches) tickets = tickets.Where(t => branches.Contains(t.BranchId));
        if (query.Before is { } before) tickets = tickets.Where(t => t.IssuedAt < before);
        var rows = await tickets.OrderByDescending(t => t.IssuedAt).Take(query.Limit)
            .Select(t => new
            {
                Ticket = t,
                Service = db.Services.Where(s => s.Id == t.ServiceTypeId).Select(s => s.Name).FirstOrDefault(),
                Counter = db.Counters.Where(c => c.Id == t.CounterId).Select(c => (int?)c.Number).FirstOrDefault(),
                Staff = db.Users.Where(u => u.Id == t.StaffUserId).Select(u => u.DisplayName).FirstOrDefault(),
                Outcome = db.Encounters.Where(e => e.TicketId == t.Id).Select(e => e.Outcome).FirstOrDefault(),
                Evaluation = db.ServiceEvaluations.Where(e => e.TicketId == t.Id && e.Rating != null).FirstOrDefault(),
            })
            .ToListAsync(ct);

        var entries = new List<TimelineEntry>();
        foreach (var r in rows)
        {
            var t = r.Ticket;
            entries.Add(new TimelineEntry("queue.ticket", t.IssuedAt, t.BranchId, t.Number, new Dictionary<string, string?>
            {
                ["service"] = r.Service?.Resolve(Languages.Current),
                ["status"] = t.Status,
                ["priority"] = t.Priority,
                ["counter"] = r.Counter?.ToString(),
                ["staff"] = r.Staff,
                ["waitedMinutes"] = t.CalledAt is { } called ? ((int)Math.Round((called - t.IssuedAt).TotalMinutes)).ToString() : null,
                ["servedMinutes"] = t is { StartedAt: { } s, CompletedAt: { } c } ? ((int)Math.Round((c - s).TotalMinutes)).ToString() : null,
                ["outcome"] = r.Outcome,
            }));
            if (r.Evaluation is { RatedAt: { } ratedAt } e)
                entries.Add(new TimelineEntry("queue.rating", ratedAt, t.BranchId, t.Number, new Dictionary<string, string?>
                {
                    ["rating"] = e.Rating,
                    ["reasons"] = string.Join(",", e.Reasons),
                    ["counter"] = r.Counter?.ToString(),
                }));
        }
        return entries;
    }

    public async Task<IReadOnlyDictionary<string, int>> MoveAsync(TouchpointDb db, Guid from, Guid to, CancellationToken ct) =>
        new Dictionary<string, int>
        {
            ["tickets"] = await db.QueueTickets.Where(t => t.CustomerId == from).ExecuteUpdateAsync(s => s.SetProperty(t => t.CustomerId, to), ct),
        };

    /// <summary>The SMS phone number is the only personal field a ticket has; numbers, times and ratings stay for the reports.</summary>
    public Task EraseAsync(TouchpointDb db, Guid customerId, CancellationToken ct) =>
        db.QueueTickets.Where(t => t.CustomerId == customerId && t.ContactPhone != null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ContactPhone, (string?)null), ct);

    public IReadOnlyList<string> ErasedTables => ["QueueTickets"];
}
