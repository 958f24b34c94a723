using Touchpoint.Server.Platform.Data;

namespace Touchpoint.Server.Features.Customers;

/// <summary>Where and when a customer was served: branch scoping, recency, frequency and retention are read from these.</summary>
public sealed class CustomerActivity
{
    public Guid CustomerId { get; init; }
    public Guid BranchId { get; init; }
    public DateTime At { get; init; }
}

/// <summary>One line of the timeline. Details are plain facts (numbers, codes, names of services); the web app words them.</summary>
public sealed record TimelineEntry(string Type, DateTime At, Guid? BranchId, string? Reference, IReadOnlyDictionary<string, string?> Details);

/// <param name="BranchIds">Only events of these branches (branch-scoped staff); null for all.</param>
/// <param name="Before">Paging: entries strictly older than this.</param>
public sealed record TimelineQuery(Guid CustomerId, IReadOnlyList<Guid>? BranchIds, DateTime? Before, int Limit);

/// <summary>
/// A module's part of the customer timeline. Each module that serves customers registers one
/// (<see cref="CustomerTimelineRegistration.AddCustomerTimelineSource{T}"/>), so the customers feature shows, merges and
/// erases that module's history without knowing its tables.
/// </summary>
public interface ICustomerTimelineSource
{
    /// <summary>The module's activity rows (null when it has none), composed by the database into one query.</summary>
    IQueryable<CustomerActivity>? Activity(TouchpointDb db) => null;

    /// <summary>The newest entries first, at most <see cref="TimelineQuery.Limit"/>; none for a module that only keeps copies to erase.</summary>
    Task<IReadOnlyList<TimelineEntry>> ReadAsync(TouchpointDb db, TimelineQuery query, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<TimelineEntry>>([]);

    /// <summary>Merge: moves the module's history from one customer to another; returns what moved, by name, for the audit log.</summary>
    Task<IReadOnlyDictionary<string, int>> MoveAsync(TouchpointDb db, Guid from, Guid to, CancellationToken ct) =>
        Task.FromResult<IReadOnlyDictionary<string, int>>(new Dictionary<string, int>());

    /// <summary>Erasure: removes the personal data the module keeps about the customer; counts, times and ratings stay.</summary>
    Task EraseAsync(TouchpointDb db, Guid customerId, CancellationToken ct) => Task.CompletedTask;

    /// <summary>The tables <see cref="EraseAsync"/> writes to: on PostgreSQL they are vacuumed so the old values leave the files.</summary>
    IReadOnlyList<string> ErasedTables => [];
}

public static class CustomerTimelineRegistration
{
    public static IServiceCollection AddCustomerTimelineSource<T>(this IServiceCollection services) where T : class, ICustomerTimelineSource =>
        services.AddSingleton<ICustomerTimelineSource, T>();
}

/// <summary>Every registered source as one history: the timeline, activity, merging and erasure.</summary>
public sealed class CustomerHistory(IEnumerable<ICustomerTimelineSource> sources)
{
    public IQueryable<CustomerActivity> Activity(TouchpointDb db)
    {
        IQueryable<CustomerActivity>? all = null;
        foreach (var q in sources.Select(s => s.Activity(db)).OfType<IQueryable<CustomerActivity>>())
            all = all is null ? q : all.Concat(q);
        return all ?? db.Customers.Where(_ => false).Select(c => new CustomerActivity { CustomerId = c.Id, BranchId = Guid.Empty, At = c.CreatedAt });
    }

    /// <summary>Sources run one after another: they share the request's DbContext, which allows one query at a time.</summary>
    public async Task<List<TimelineEntry>> ReadAsync(TouchpointDb db, TimelineQuery query, CancellationToken ct)
    {
        var entries = new List<TimelineEntry>();
        foreach (var source in sources) entries.AddRange(await source.ReadAsync(db, query, ct));
        return entries.OrderByDescending(e => e.At).ThenBy(e => e.Type, StringComparer.Ordinal).Take(query.Limit).ToList();
    }

    public async Task<Dictionary<string, int>> MoveAsync(TouchpointDb db, Guid from, Guid to, CancellationToken ct)
    {
        var moved = new Dictionary<string, int>();
        foreach (var source in sources)
            foreach (var (name, count) in await source.MoveAsync(db, from, to, ct))
                moved[name] = moved.GetValueOrDefault(name) + count;
        return moved;
    }

    public async Task EraseAsync(TouchpointDb db, Guid customerId, CancellationToken ct)
    {
        foreach (var source in sources) await source.EraseAsync(db, customerId, ct);
    }

    public IEnumerable<string> ErasedTables => sources.SelectMany(s => s.ErasedTables).Distinct();
}
