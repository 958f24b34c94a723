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
    private sealed record Called(Guid BranchId, Guid TicketId, Guid ServiceId, int Counter);
    private readonly Channel<Called> calls = Channel.CreateBounded<Called>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest });

    public void TicketCalled(QueueTicket ticket, int counterNumber) =>
        calls.Writer.TryWrite(new Called(ticket.BranchId, ticket.Id, ticket.ServiceTypeId, counterNumber));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var call in calls.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await AlertAsync(scope.ServiceProvider.GetRequiredService<QueueContext>(), call, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failed message must not stop the ones after it; the ticket itself is already called.
                logger.LogWarning(e, "Queue SMS alerts failed for a call");
            }
        }
    }

    private async Task AlertAsync(QueueContext q, Called call, CancellationToken ct)
    {
        var branch = (await q.FindBranchAsync(call.BranchId, ct))?.Branch;
        if (branch is null) return;
        var called = await q.Db.QueueTickets.AsNoTracking().Where(t => t.Id == call.TicketId)
            .Select(t => new { t.Number, t.Language, t.ContactPhone }).FirstOrDefaultAsync(ct);
        if (called?.ContactPhone is { } phone)
            await sms.SendAsync(phone, Messages.GetIn(called.Language, "sms.called", branch.Name.Resolve(called.Language), called.Number, call.Counter), ct);

        // Everyone now within the alert distance who has not been told yet (several calls may have passed at once).
        var near = await q.Db.QueueTickets.AsNoTracking()
            .Where(t => t.BranchId == call.BranchId && t.ServiceTypeId == call.ServiceId && t.Status == TicketStatuses.Waiting)
            .OrderBy(t => t.IssuedAt).Take(branch.AlertPlacesAhead + 1)
            .Select(t => new { t.Id, t.Number, t.Language, t.ContactPhone, t.NearAlertAt }).ToListAsync(ct);
        for (var ahead = 0; ahead < near.Count; ahead++)
        {
            var t = near[ahead];
            if (t.ContactPhone is null || t.NearAlertAt is not null) continue;
            // Marked first, and only by whoever marks it: two nodes handling calls at once send one message.
            var marked = await q.Gate.RunAsync(() =>
                q.Db.QueueTickets.Where(x => x.Id == t.Id && x.NearAlertAt == null).ExecuteUpdateAsync(s => s.SetProperty(x => x.NearAlertAt, q.Now), ct), ct);
            if (marked == 1) await sms.SendAsync(t.ContactPhone, Messages.GetIn(t.Language, "sms.near", branch.Name.Resolve(t.Language), t.Number, ahead), ct);
        }
    }
}
