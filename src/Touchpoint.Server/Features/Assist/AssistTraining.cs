using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Assist.Learning;
using Touchpoint.Assist.Models;
using Touchpoint.Server.Platform.Data;

namespace Touchpoint.Server.Features.Assist;

/// <summary>Assist settings (section <c>Assist</c>).</summary>
public sealed class AssistOptions
{
    /// <summary>False turns off the analysis of new texts (for measuring what it costs); the endpoints still answer.</summary>
    public bool Enabled { get; init; } = true;
    /// <summary>Corrections and taxonomy edits wait this long for more before the models retrain (debounce).</summary>
    public TimeSpan RetrainDelay { get; init; } = TimeSpan.FromSeconds(10);
    /// <summary>How often a node looks for models another node trained.</summary>
    public TimeSpan ReloadInterval { get; init; } = TimeSpan.FromSeconds(30);

    public static AssistOptions Read(IConfiguration config) => new()
    {
        Enabled = config.GetValue("Assist:Enabled", true),
        RetrainDelay = TimeSpan.FromSeconds(config.GetValue("Assist:RetrainDelaySeconds", 10.0)),
        ReloadInterval = TimeSpan.FromSeconds(config.GetValue("Assist:ReloadIntervalSeconds", 30.0)),
    };
}

/// <summary>
/// Owns the models' life: at start, loads the organisation's models from the database, or at the very first start
/// trains them from the built-in examples and saves them (in the background: the server answers at once, texts wait
/// in <see cref="AssistQueue"/>); later retrains when corrections or the taxonomy change (debounced), and reloads
/// models another node trained.
/// </summary>
public sealed class AssistTraining(IServiceScopeFactory scopes, AssistEngine engine, AssistOptions options, TimeProvider clock,
    IHostApplicationLifetime lifetime, ILogger<AssistTraining> logger) : BackgroundService
{
    /// <summary>A correction is one text against dozens of examples per label: it counts as this many, so it is heard.</summary>
    public const int CorrectionWeight = 3;

    private readonly SemaphoreSlim retrainRequested = new(0);
    private int pending;
    private readonly SemaphoreSlim training = new(1, 1);

    /// <summary>Seconds the last training took, for the models page and the benchmark notes.</summary>
    public double LastTrainSeconds { get; private set; }

    /// <summary>Asks for a retraining; requests within <see cref="AssistOptions.RetrainDelay"/> of each other make one.</summary>
    public void RequestRetrain()
    {
        if (Interlocked.Exchange(ref pending, 1) == 0) retrainRequested.Release();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Off the start-up path: only once the server answers (health included) does the CPU go to training.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
            await started.Task.WaitAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested && !engine.IsReady)
        {
            try { await LoadOrTrainAsync(stoppingToken); }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Assist models could not be loaded or trained; retrying");
                await Task.Delay(TimeSpan.FromSeconds(5), clock, stoppingToken);
            }
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await retrainRequested.WaitAsync(options.ReloadInterval, stoppingToken))
                {
                    await Task.Delay(options.RetrainDelay, clock, stoppingToken);
                    Interlocked.Exchange(ref pending, 0);
                    await RetrainAsync(stoppingToken);
                }
                else await ReloadIfNewerAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException) { logger.LogError(e, "Assist retraining failed"); }
        }
    }

    private async Task LoadOrTrainAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TouchpointDb>();
        var stored = await db.AssistModels.AsNoTracking().ToListAsync(ct);
        if (Load(stored) is { } set)
        {
            engine.Use(set);
            logger.LogInformation("Assist models loaded (sentiment v{Sentiment}, intent v{Intent})", set.SentimentVersion, set.IntentVersion);
            return;
        }
        // First start: the taxonomy begins with the built-in intents.
        if (!await db.AssistIntents.AnyAsync(ct))
        {
            var now = clock.GetUtcNow().UtcDateTime;
            db.AssistIntents.AddRange(DefaultIntents.All.Select(i => new AssistIntent { Key = i.Key, Name = i.Name, UpdatedAt = now }));
            await db.SaveChangesAsync(ct);
        }
        await RetrainAsync(ct);
    }

    /// <summary>
    /// Trains both models from the built-in examples, the taxonomy and the corrections; saves them; puts them to use.
    /// One training at a time: two that overlapped could finish in the other order, and the one that read the taxonomy
    /// before an intent was deleted would put the deleted intent back in use until the next training.
    /// </summary>
    public async Task RetrainAsync(CancellationToken ct)
    {
        await training.WaitAsync(ct);
        try { await TrainAndUseAsync(ct); }
        finally { training.Release(); }
    }

    private async Task TrainAndUseAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TouchpointDb>();
        var (sentimentExamples, intentExamples) = await TrainingSetsAsync(db, ct);
        var watch = Stopwatch.StartNew();
        // Training is CPU work of a fraction of a second to seconds: keep it off the request threads' queue.
        var (sentiment, intent) = await Task.Run(() =>
            (DefaultModels.TrainSentimentOn(sentimentExamples), DefaultModels.TrainIntentOn(intentExamples)), ct);
        LastTrainSeconds = watch.Elapsed.TotalSeconds;

        var rows = await db.AssistModels.ToDictionaryAsync(r => r.Task, ct);
        var version = rows.Count == 0 ? 1 : rows.Values.Max(r => r.Version) + 1;
        var now = clock.GetUtcNow().UtcDateTime;
        Save(db, rows, AssistTasks.Sentiment, sentiment.Save, sentimentExamples.Count, version, now);
        Save(db, rows, AssistTasks.Intent, intent.Save, intentExamples.Count, version, now);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException)
        {
            // Another node saved its first models at the same moment: use theirs.
            await ReloadIfNewerAsync(ct);
            return;
        }
        engine.Use(new AssistModelSet(sentiment, intent, version, version));
        logger.LogInformation("Assist models trained in {Seconds:0.00} s ({Sentiment} sentiment and {Intent} intent examples), version {Version}",
            LastTrainSeconds, sentimentExamples.Count, intentExamples.Count, version);
    }

    /// <summary>
    /// Sentiment: the built-in examples and the corrections. Intent: the built-in examples of intents still in the
    /// taxonomy (and of <c>oos</c>), the taxonomy's own examples, and the corrections. Corrections count
    /// <see cref="CorrectionWeight"/> times.
    /// </summary>
    public static async Task<(List<LabelledText> Sentiment, List<LabelledText> Intent)> TrainingSetsAsync(TouchpointDb db, CancellationToken ct)
    {
        var keys = (await db.AssistIntents.AsNoTracking().Select(i => i.Key).ToListAsync(ct)).ToHashSet();
        var examples = await db.AssistExamples.AsNoTracking().OrderBy(e => e.CreatedAt).ThenBy(e => e.Id).ToListAsync(ct);
        var sentiment = DefaultModels.SentimentExamples().ToList();
        var intent = DefaultModels.IntentExamples().Where(e => e.Label == OutOfScope.Label || keys.Contains(e.Label)).ToList();
        foreach (var e in examples)
        {
            var target = e.Task == AssistTasks.Sentiment ? sentiment : intent;
            if (e.Task == AssistTasks.Intent && e.Label != OutOfScope.Label && !keys.Contains(e.Label)) continue;
            var copies = e.Source == AssistExampleSources.Correction ? CorrectionWeight : 1;
            for (var i = 0; i < copies; i++) target.Add(new LabelledText(e.Label, e.Text));
        }
        return (sentiment, intent);
    }

    private async Task ReloadIfNewerAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TouchpointDb>();
        var current = engine.Models;
        var versions = await db.AssistModels.AsNoTracking().Select(r => r.Version).ToListAsync(ct);
        if (versions.Count < 2 || (current is not null && versions.All(v => v <= Math.Min(current.SentimentVersion, current.IntentVersion)))) return;
        if (Load(await db.AssistModels.AsNoTracking().ToListAsync(ct)) is { } set)
        {
            engine.Use(set);
            logger.LogInformation("Assist models reloaded (version {Version})", set.IntentVersion);
        }
    }

    private static AssistModelSet? Load(List<AssistModelRecord> stored)
    {
        var sentiment = stored.FirstOrDefault(r => r.Task == AssistTasks.Sentiment);
        var intent = stored.FirstOrDefault(r => r.Task == AssistTasks.Intent);
        if (sentiment is null || intent is null) return null;
        return new AssistModelSet(SentimentModel.Load(new MemoryStream(sentiment.Data)), IntentModel.Load(new MemoryStream(intent.Data)),
            sentiment.Version, intent.Version);
    }

    private static void Save(TouchpointDb db, Dictionary<string, AssistModelRecord> rows, string task, Action<Stream> write, int examples, long version, DateTime now)
    {
        using var buffer = new MemoryStream();
        write(buffer);
        if (!rows.TryGetValue(task, out var row))
            db.AssistModels.Add(row = new AssistModelRecord { Task = task, Data = [] });
        row.Data = buffer.ToArray();
        row.Version = version;
        row.Examples = examples;
        row.TrainedAt = now;
    }
}
