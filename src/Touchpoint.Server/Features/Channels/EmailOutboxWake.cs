using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Touchpoint.Server.Platform.Data;

namespace Touchpoint.Server.Features.Channels;

/// <summary>
/// Wakes the email sender once a queued mail is committed, whoever queued it (a staff reply, a rule's acknowledgement,
/// a rule run by the time-based monitor): the sender reads in its own scope and would not see the row any earlier, and
/// waking only after each caller's own save was easy to forget (a rule's reply waited for the half-minute poll).
/// <see cref="EmailOutbox.EnqueueReplyAsync"/> marks the context, so no save has to look through its entries. A save in a
/// section of the SQLite write gate commits with the gate's group, which the gate reports.
/// </summary>
public sealed class EmailOutboxWake : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, object> queued = new();
    private readonly EmailOutboxSender sender;

    public EmailOutboxWake(EmailOutboxSender sender, WriteGate gate)
    {
        this.sender = sender;
        gate.Committed += Committed;
    }

    public void Expect(DbContext db) => queued.AddOrUpdate(db, this);

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
        if (db is not null && queued.Remove(db)) sender.Wake();
    }
}
