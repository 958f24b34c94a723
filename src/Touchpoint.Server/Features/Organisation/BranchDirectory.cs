using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Touchpoint.Server.Platform.Data;

namespace Touchpoint.Server.Features.Organisation;

/// <summary>A counter's fixed set-up: its number and the services it takes with their weights (state lives in the database).</summary>
public sealed record CounterLayout(Guid Id, int Number, IReadOnlyDictionary<Guid, int> Weights);

/// <summary>One branch's configuration as the queue reads it on every ticket and call.</summary>
public sealed class BranchLayout(Branch branch, IReadOnlyList<ServiceType> services, IReadOnlyList<CounterLayout> counters, long loadedAt)
{
    public Branch Branch { get; } = branch;
    public IReadOnlyList<ServiceType> Services { get; } = services;
    public IReadOnlyList<CounterLayout> Counters { get; } = counters;
    internal long LoadedAt { get; } = loadedAt;

    public ServiceType? ServiceByCode(string code) => Services.FirstOrDefault(s => s.Code == code);
    public ServiceType? ServiceById(Guid id) => Services.FirstOrDefault(s => s.Id == id);
    public CounterLayout? CounterByNumber(int number) => Counters.FirstOrDefault(c => c.Number == number);
    public CounterLayout? CounterById(Guid id) => Counters.FirstOrDefault(c => c.Id == id);
}

/// <summary>
/// Branches, services and counter skills change a few times a day but are read on every ticket issued and every call,
/// so each node keeps them in memory. A save on this node that touches them empties the cache at once; changes made on
/// another node are seen within <see cref="MaxAge"/>, and a service or counter that is not in the cached copy makes
/// it reload, so something just created on another node is found at once.
/// </summary>
public sealed class BranchDirectory(TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);
    private readonly ConcurrentDictionary<string, BranchLayout> byCode = new();
    private readonly ConcurrentDictionary<Guid, string> codeById = new();
    private long generation;

    public async Task<BranchLayout?> FindAsync(TouchpointDb db, string code, CancellationToken ct, bool reload = false)
    {
        var normalized = code.Trim().ToUpperInvariant();
        if (!reload && byCode.TryGetValue(normalized, out var cached) && clock.GetElapsedTime(cached.LoadedAt) < MaxAge) return cached;
        return await LoadAsync(db, b => b.Code == normalized, ct);
    }

    public async Task<BranchLayout?> FindAsync(TouchpointDb db, Guid branchId, CancellationToken ct) =>
        codeById.TryGetValue(branchId, out var code) ? await FindAsync(db, code, ct) : await LoadAsync(db, b => b.Id == branchId, ct);

    /// <summary>Forgets everything: called after any save that changes a branch, a service or a counter's set-up.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref generation);
        byCode.Clear();
    }

    private async Task<BranchLayout?> LoadAsync(TouchpointDb db, System.Linq.Expressions.Expression<Func<Branch, bool>> which, CancellationToken ct)
    {
        var started = Interlocked.Read(ref generation);
        var loadedAt = clock.GetTimestamp();
        var branch = await db.Branches.AsNoTracking().FirstOrDefaultAsync(which, ct);
        if (branch is null) return null;
        var services = await db.Services.AsNoTracking().Where(s => s.BranchId == branch.Id).OrderBy(s => s.Code).ToListAsync(ct);
        var counters = await db.Counters.AsNoTracking().Where(c => c.BranchId == branch.Id).Include(c => c.Services).OrderBy(c => c.Number)
            .Select(c => new { c.Id, c.Number, c.Services }).ToListAsync(ct);
        var layout = new BranchLayout(branch, services,
            counters.Select(c => new CounterLayout(c.Id, c.Number, c.Services.ToDictionary(s => s.ServiceTypeId, s => s.Weight))).ToList(), loadedAt);
        // A change saved while this copy was read may be missing from it: use it for this request, do not keep it.
        if (Interlocked.Read(ref generation) == started)
        {
            byCode[branch.Code] = layout;
            codeById[branch.Id] = branch.Code;
        }
        return layout;
    }
}

/// <summary>Empties the <see cref="BranchDirectory"/> when a save adds, changes or removes any part of a branch's set-up.</summary>
internal sealed class BranchDirectoryInvalidation(BranchDirectory directory) : SaveChangesInterceptor
{
    // Saves that touched the set-up, so the cache is emptied again once they are committed: a reader may have loaded
    // the old rows between the first invalidation and the commit.
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, object> pending = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Before(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
    {
        Before(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        After(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken ct = default)
    {
        After(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Before(DbContext? context)
    {
        if (context is null || !ChangesSetUp(context)) return;
        directory.Invalidate();
        pending.AddOrUpdate(context, this);
    }

    private void After(DbContext? context)
    {
        if (context is null || !pending.Remove(context)) return;
        directory.Invalidate();
    }

    /// <summary>A counter's state, staff and priority streak are not part of the layout: opening or pausing one keeps the cache.</summary>
    private static bool ChangesSetUp(DbContext context) =>
        TrackedChanges.Writes<Branch>(context.ChangeTracker) || TrackedChanges.Writes<ServiceType>(context.ChangeTracker)
        || TrackedChanges.Writes<Counter>(context.ChangeTracker, e => e.State != EntityState.Modified || e.Property(c => c.Number).IsModified)
        || TrackedChanges.Writes<CounterService>(context.ChangeTracker);
}

public static class OrganisationServices
{
    public static IServiceCollection AddOrganisation(this IServiceCollection services) => services
        .AddSingleton<BranchDirectory>()
        .AddSingleton<IInterceptor, BranchDirectoryInvalidation>();
}
