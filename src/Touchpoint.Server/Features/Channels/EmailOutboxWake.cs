using Touchpoint.Server.Platform.Data;

namespace Touchpoint.Server.Features.Channels;

/// <summary>
/// Wakes the email sender once a queued mail is committed, whoever queued it (a staff reply, a rule's acknowledgement,
/// a rule run by the time-based monitor): the sender reads in its own scope and would not see the row any earlier, and
/// waking only after each caller's own save was easy to forget (a rule's reply waited for the half-minute poll).
/// <see cref="EmailOutbox.EnqueueReplyAsync"/> marks the context, so no save has to look through its entries.
/// </summary>
public sealed class EmailOutboxWake(EmailOutboxSender sender, WriteGate gate) : AfterCommit(gate)
{
    protected override void OnCommitted() => sender.Wake();
}
