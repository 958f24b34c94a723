using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Features.Organisation;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Localization;
using Touchpoint.Server.Platform.Sms;

namespace Touchpoint.Server.Features.Queue;

/// <summary>
/// Text messages to customers who left a phone number: "almost your turn" when the branch's alert distance is reached,
/// and "please go to counter 5" when called. Calls only drop a note here; the messages go out in the background, so a
/// slow SMS gateway never slows a counter down.
/// </summary>
public sealed class QueueAlerts(IServiceScopeFactory scopes, ISmsSender sms, ILogger<QueueAlerts> logger) : BackgroundService
{
    /// <summary>How long calls gather before the queues they moved are checked: one look per service, not per call.</summary>
    private static readonly TimeSpan Gather = TimeSpan.FromMilliseconds(250);
    private sealed record Called(Guid BranchId, Guid ServiceId, string Number, string Language, string? Phone, int Counter);
    private readonly Channel<Called> calls = Channel.CreateBounded<Called>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest });

    public void TicketCalled(QueueTicket ticket, int counterNumber) =>
        calls.Writer.TryWrite(new Called(ticket.BranchId, ticket.ServiceTypeId, ticket.Number, ticket.Language, ticket.ContactPhone, counterNumber));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await calls.Reader.WaitToReadAsync(stoppingToken))
        {
            await Task.Delay(Gather, stoppingToken);
            var batch = new List<Called>();
            while (calls.Reader.TryRead(out var call)) batch.Add(call);
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var q = scope.ServiceProvider.GetRequiredService<QueueContext>();
                foreach (var call in batch.Where(c => c.Phone is not null)) await CalledAsync(q, call, stoppingToken);
                foreach (var queue in batch.Select(c => (c.BranchId, c.ServiceId)).Distinct()) await NearAsync(q, queue.BranchId, queue.ServiceId, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failed message must not stop the ones after it; the tickets themselves are already called.
                logger.LogWarning(e, "Queue SMS alerts failed for {Count} calls", batch.Count);
            }
        }
    }

    private async Task CalledAsync(QueueContext q, Called call, CancellationToken ct)
    {
        if ((await q.FindBranchAsync(call.BranchId, ct))?.Branch is not { } branch) return;
        await sms.SendAsync(call.Phone!, Messages.GetIn(call.Language, "sms.called", branch.Name.Resolve(call.Language), call.Number, call.Counter), ct);
    }

    private async Task NearAsync(QueueContext q, Guid branchId, Guid serviceId, CancellationToken ct)
    {
        if ((await q.FindBranchAsync(branchId, ct))?.Branch is not { } branch) return;
        // Everyone now within the alert distance who has not been told yet (several calls may have passed at once).
        var near = await q.Db.QueueTickets.AsNoTracking()
            .Where(t => t.BranchId == branchId && t.ServiceTypeId == serviceId && t.Status == TicketStatuses.Waiting)
            .OrderBy(t => t.IssuedAt).Take(branch.AlertPlacesAhead + 1)
            .Select(t => new { t.Id, t.Number, t.Language, t.ContactPhone, t.NearAlertAt }).ToListAsync(ct);
        for (var ahead = 0; ahead < near.Count; ahead++)
        {
            var t = near[ahead];
            if (t.ContactPhone is null || t.NearAlertAt is not null) continue;
            // Marked first, and only by whoever marks it: two nodes handling calls at once send one message.
            var marked = await q.Gate.RunAsync(q.Db, () =>
                q.Db.QueueTickets.Where(x => x.Id == t.Id && x.NearAlertAt == null).ExecuteUpdateAsync(s => s.SetProperty(x => x.NearAlertAt, q.Now), ct), ct);
            if (marked == 1) await sms.SendAsync(t.ContactPhone, Messages.GetIn(t.Language, "sms.near", branch.Name.Resolve(t.Language), t.Number, ahead), ct);
        }
    }
}
