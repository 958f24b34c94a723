using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;

namespace Touchpoint.Bench.Scenarios;

/// <summary>
/// Customers answering the survey on their phones: POST /api/surveys/{token} with four answers (CSAT, effort, NPS and a
/// comment), anonymous, each token once. Tokens are single-use, so they are made first through the API as a branch
/// would: 16 counters, each staffed, issue a ticket, call it and complete it; the completed ticket carries its
/// survey link. The answers are satisfied ones, so no follow-up case is opened: what is measured is the claim of
/// the token and the insert of the answers (on SQLite under the write gate, on PostgreSQL a row lock).
/// </summary>
public sealed class SurveyAnswerScenario : Scenario
{
    public const string Branch = "SURVEYS";
    public const int Counters = 16;
    /// <summary>Enough for the default 10 s of warm-up and 10 s of measurement at well over 500 answers a second.</summary>
    public static int Tokens => int.TryParse(Environment.GetEnvironmentVariable("BENCH_SURVEY_TOKENS"), out var n) ? n : 12_000;

    private readonly string staffPassword = "Staff-" + RandomNumberGenerator.GetHexString(16, lowercase: true) + "-1";
    private readonly ConcurrentQueue<string> tokens = new();
    private double prepareSeconds;
    private int left;

    public override string Name => "survey-answer";
    public override string Description => "POST /api/surveys/{token} {answers: csat, effort, nps, comment}, anonymous, each token once";
    public override bool KeepsCookies => false;

    public override async Task PrepareAsync(BenchTarget target, CancellationToken ct)
    {
        using var admin = await BenchApi.AdminAsync(target, ct);
        await BenchApi.CreateBranchAsync(admin, Branch, ct);
        for (var n = 1; n <= Counters; n++)
            await BenchApi.PostAsync(admin, $"/api/branches/{Branch}/counters", new { number = n, services = new[] { "PERSONAL" } }, $"Creating counter {n}", ct);
        await BenchApi.ForEachAsync(Counters, Math.Max(2, Environment.ProcessorCount * 2), async (i, c) =>
            await BenchApi.PostAsync(admin, "/api/admin/users", new
            {
                userName = $"bench-survey-{i + 1:00}", displayName = $"Survey staff {i + 1}", password = staffPassword, roles = new[] { "Frontline" },
                branches = new[] { Branch },
            }, $"Creating survey staff {i + 1}", c), ct);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(1, Counters).Select(async counter =>
        {
            using var staff = BenchWorker.CreateClient(target.BaseAddress, keepsCookies: true);
            await BenchApi.SignInAsync(staff, $"bench-survey-{counter:00}", staffPassword, ct);
            using (var open = await staff.PostAsync($"/api/branches/{Branch}/counters/{counter}/open", null, ct))
                await BenchApi.EnsureAsync(open, $"Opening counter {counter}", ct);
            while (Interlocked.Increment(ref next) < Tokens)
            {
                using (var issued = await staff.SendAsync(BenchApi.IssueRequest(Branch, "PERSONAL"), ct)) await BenchApi.EnsureAsync(issued, "Issuing", ct);
                using var called = await staff.PostAsync($"/api/branches/{Branch}/counters/{counter}/call-next", null, ct);
                await BenchApi.EnsureAsync(called, "Calling", ct);
                var id = await BenchApi.ReadStringAsync(called, "id", ct);
                using var completed = await staff.PostAsync($"/api/tickets/{id}/complete", null, ct);
                await BenchApi.EnsureAsync(completed, "Completing", ct);
                tokens.Enqueue((await BenchApi.ReadStringAsync(completed, "surveyUrl", ct))["/s/".Length..]);
            }
        }));
        prepareSeconds = clock.Elapsed.TotalSeconds;
    }

    public override async Task RunOnceAsync(BenchWorker worker, CancellationToken ct)
    {
        // Out of tokens: an unknown one, answered 404 and counted as an error, so a run that outlasts the pool shows it.
        if (!tokens.TryDequeue(out var token)) token = "pool-empty";
        var body = JsonContent.Create(new
        {
            answers = new object[]
            {
                new { questionId = "csat", value = 3 }, new { questionId = "effort", value = 4 }, new { questionId = "nps", value = 9 },
                new { questionId = "comment", value = "办理很快，谢谢" },
            },
        });
        using var response = await worker.SendAsync(Name, new HttpRequestMessage(HttpMethod.Post, $"/api/surveys/{token}") { Content = body }, ct,
            r => r.StatusCode == HttpStatusCode.NoContent ? null : token == "pool-empty" ? "no token left" : ((int)r.StatusCode).ToString(CultureInfo.InvariantCulture));
    }

    public override void OnRunStarting(bool measured)
    {
        if (measured) left = tokens.Count;
    }

    public override string MeasuredNote() => string.Create(CultureInfo.InvariantCulture,
        $"{Tokens:#,0} survey links made through the API before the run ({Tokens / Math.Max(prepareSeconds, 0.001):#,0} served tickets/s over {Counters} counters); {left:#,0} were left when measuring began, {tokens.Count:#,0} at the end");
}
