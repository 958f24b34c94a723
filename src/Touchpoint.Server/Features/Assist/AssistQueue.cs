using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Features.Cases;
using Touchpoint.Server.Platform.Data;

namespace Touchpoint.Server.Features.Assist;

/// <summary>
/// Analyses the pending rows <see cref="AssistCapture"/> wrote, in batches, oldest first: the models' verdicts, then
/// routing by intent and escalation by anger (<see cref="AssistCaseEffects"/>), saved together. The rows are the queue,
/// so a restart loses nothing; a woken worker waits a moment so that a burst of new cases makes one batch, not one
/// write each. On SQLite the batch is written through the write gate, in turn with case creation; on PostgreSQL
/// several nodes share the work by leasing rows.
/// </summary>
public sealed class AssistQueue(IServiceScopeFactory scopes, AssistEngine engine, WriteGate gate, TimeProvider clock, ILogger<AssistQueue> logger)
    : BackgroundService
{
    public const int BatchSize = 200;
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Gather = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private readonly SemaphoreSlim wake = new(0, 1);
    /// <summary>One batch at a time on a node (the worker, or a caller draining): a text is never analysed twice.</summary>
    private readonly SemaphoreSlim oneBatch = new(1, 1);

    /// <summary>New texts are waiting (called while they are being saved, so the worker gathers a moment first).</summary>
    public void Wake()
    {
        if (wake.CurrentCount > 0) return;
        try { wake.Release(); }
        catch (SemaphoreFullException) { }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        await engine.WhenReadyAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            var done = 0;
            try { done = await ProcessBatchAsync(stoppingToken); }
            catch (Exception e) when (e is not OperationCanceledException) { logger.LogError(e, "Assist analysis batch failed"); }
            if (done == BatchSize) continue;
            await wake.WaitAsync(PollInterval, stoppingToken);
            await Task.Delay(Gather, clock, stoppingToken);
        }
    }

    /// <summary>Analyses up to one batch of pending texts; returns how many.</summary>
    public async Task<int> ProcessBatchAsync(CancellationToken ct)
    {
        if (!engine.IsReady) return 0;
        await oneBatch.WaitAsync(ct);
        try { return await ProcessAsync(ct); }
        finally { oneBatch.Release(); }
    }

    private async Task<int> ProcessAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TouchpointDb>();
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await db.AssistAnalyses.Where(a => a.AnalysedAt == null && (a.LeasedUntil == null || a.LeasedUntil < now))
            .OrderBy(a => a.CreatedAt).Take(BatchSize).ToListAsync(ct);
        if (rows.Count == 0) return 0;
        if (!gate.Serializes)
        {
            // Several nodes: take the rows no one else holds, then work on what this node got.
            var token = Guid.NewGuid();
            var ids = rows.Select(r => r.OwnerId).ToList();
            await db.AssistAnalyses.Where(a => ids.Contains(a.OwnerId) && a.AnalysedAt == null && (a.LeasedUntil == null || a.LeasedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.LeaseToken, token).SetProperty(a => a.LeasedUntil, now + Lease), ct);
            db.ChangeTracker.Clear();
            rows = await db.AssistAnalyses.Where(a => a.LeaseToken == token && a.AnalysedAt == null).OrderBy(a => a.CreatedAt).ToListAsync(ct);
        }

        var started = clock.GetTimestamp();
        var texts = await TextsAsync(db, rows, ct);
        foreach (var row in rows)
        {
            if (texts.TryGetValue(row.OwnerId, out var text) && engine.Analyse(text) is { } insight) Fill(row, insight);
            row.AnalysedAt = now;
            row.LeasedUntil = null;
            row.LeaseToken = null;
        }
        var effects = scope.ServiceProvider.GetRequiredService<AssistCaseEffects>();
        await effects.ApplyAsync(rows, ct);
        await gate.RunAsync(db, () => db.SaveChangesAsync(ct), ct);
        await effects.PublishAsync(ct);
        // Full batches mean a backlog: worth a line, for anyone measuring how fast the queue drains.
        if (rows.Count == BatchSize)
            logger.LogInformation("Assist analysed {Count} texts in {Milliseconds:0} ms", rows.Count, clock.GetElapsedTime(started).TotalMilliseconds);
        return rows.Count;
    }

    /// <summary>Analyses everything pending (tests, and anyone who needs the queue empty now).</summary>
    public async Task DrainAsync(CancellationToken ct)
    {
        await engine.WhenReadyAsync(ct);
        while (await ProcessBatchAsync(ct) > 0) { }
    }

    public static void Fill(TextAnalysis row, TextInsight insight)
    {
        row.Language = insight.Language;
        row.Sentiment = insight.Sentiment;
        row.SentimentConfidence = MathF.Round(insight.SentimentConfidence, 3);
        row.Emotions = new Dictionary<string, float>(insight.Emotions);
        row.Intent = insight.Intent;
        row.IntentConfidence = MathF.Round(insight.IntentConfidence, 3);
        row.BestIntent = insight.BestIntent;
    }

    /// <summary>The text of each owner: a case's subject and description, a message's body, an encounter's summary, a survey comment.</summary>
    public static async Task<Dictionary<Guid, string>> TextsAsync(TouchpointDb db, IReadOnlyCollection<TextAnalysis> rows, CancellationToken ct)
    {
        List<Guid> Ids(string kind) => rows.Where(r => r.OwnerKind == kind).Select(r => r.OwnerId).ToList();
        var texts = new Dictionary<Guid, string>();
        var caseIds = Ids(AssistOwners.Case);
        if (caseIds.Count > 0)
            foreach (var c in await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).Select(c => new { c.Id, c.Subject, c.Description }).ToListAsync(ct))
                texts[c.Id] = string.IsNullOrWhiteSpace(c.Description) ? c.Subject : c.Subject + "\n" + c.Description;
        var messageIds = Ids(AssistOwners.Message);
        if (messageIds.Count > 0)
            foreach (var m in await db.CaseMessages.AsNoTracking().Where(m => messageIds.Contains(m.Id)).Select(m => new { m.Id, m.Body }).ToListAsync(ct))
                texts[m.Id] = m.Body;
        var encounterIds = Ids(AssistOwners.Encounter);
        if (encounterIds.Count > 0)
            foreach (var e in await db.Encounters.AsNoTracking().Where(e => encounterIds.Contains(e.Id)).Select(e => new { e.Id, e.Summary }).ToListAsync(ct))
                if (e.Summary is not null) texts[e.Id] = e.Summary;
        var commentIds = Ids(AssistOwners.SurveyComment);
        if (commentIds.Count > 0)
            foreach (var a in await db.SurveyAnswers.AsNoTracking().Where(a => commentIds.Contains(a.Id) && a.Text != null).Select(a => new { a.Id, a.Text }).ToListAsync(ct))
                texts[a.Id] = a.Text!;
        return texts;
    }
}
