using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Platform.Data;

namespace Touchpoint.Server.Features.Chat;

/// <summary>
/// Ends conversations nobody has written in for <c>Chat:IdleMinutes</c> (a visitor who closed the tab, a messaging
/// user who went quiet). Ending is what turns the transcript into an encounter, and a visitor who left an email and was
/// never answered into a case, so that work is not lost with the tab. <see cref="ChatWork.EndAsync"/> ends each
/// conversation once, so several nodes sweeping at the same time do no harm.
/// </summary>
public sealed class ChatIdleSweeper(IServiceScopeFactory scopes, IConfiguration config, TimeProvider clock, ILogger<ChatIdleSweeper> log) : BackgroundService
{
    private readonly TimeSpan idle = TimeSpan.FromMinutes(config.GetValue("Chat:IdleMinutes", 30.0));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Clamp(idle.TotalSeconds / 4, 0.5, 60));
        using var timer = new PeriodicTimer(interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try { await SweepAsync(stoppingToken); }
            catch (Exception e) when (e is not OperationCanceledException) { log.LogError(e, "Ending idle chats failed"); }
        }
    }

    public async Task<int> SweepAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var work = scope.ServiceProvider.GetRequiredService<ChatWork>();
        var before = clock.GetUtcNow().UtcDateTime - idle;
        var quiet = await scope.ServiceProvider.GetRequiredService<TouchpointDb>().ChatConversations.AsNoTracking()
            .Where(c => c.Status != ChatStatuses.Ended && c.UpdatedAt < before).OrderBy(c => c.UpdatedAt).Take(100).ToListAsync(ct);
        var ended = 0;
        foreach (var c in quiet)
            if (await work.EndAsync(c, ChatSenders.System, ct)) ended++;
        return ended;
    }
}
