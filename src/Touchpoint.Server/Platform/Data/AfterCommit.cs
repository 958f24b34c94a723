using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Touchpoint.Server.Platform.Data;

/// <summary>
/// Does something once a marked context's write is committed, however it commits: a save outside a transaction, the
/// context's own transaction, or a group of the SQLite write gate (whose transaction the context does not own, so its
/// transaction events do not fire and the gate reports the commit instead). A context is marked with
/// <see cref="Expect"/>, by the code that writes or by <see cref="SavingChanges"/>, so unrelated saves cost nothing.
/// </summary>
public abstract class AfterCommit : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, object> marked = new();

    protected AfterCommit(WriteGate gate) => gate.Committed += Committed;

    /// <summary>The context's next commit calls <see cref="OnCommitted"/>.</summary>
    public void Expect(DbContext db) => marked.AddOrUpdate(db, this);

    protected abstract void OnCommitted();

    /// <summary>Where a subclass looks at the pending changes and marks the context.</summary>
    public virtual InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) => result;

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken ct = default) => ValueTask.FromResult(SavingChanges(eventData, result));

    // A save outside an explicit transaction commits by itself.
    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context?.Database.CurrentTransaction is null) Committed(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken ct = default) =>
        ValueTask.FromResult(SavedChanges(eventData, result));

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken ct = default)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    private void Committed(DbContext? db)
    {
        if (db is not null && marked.Remove(db)) OnCommitted();
    }
}
