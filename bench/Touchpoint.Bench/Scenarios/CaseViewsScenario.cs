using System.Globalization;
using System.Net;

namespace Touchpoint.Bench.Scenarios;

/// <summary>
/// The case list's side bar: <c>GET /api/case-views</c> answers the three built-in views with their counts, over the
/// same 20,000 cases as list-cases. The counts are cached until a case is committed, so a bench of readers alone would
/// measure the cache only: beside them a colleague opens a case every <see cref="ChangeEvery"/>, as in a busy contact
/// centre, and every change makes the next reader count again.
/// </summary>
public sealed class CaseViewsScenario : Scenario
{
    private static readonly TimeSpan ChangeEvery = TimeSpan.FromMilliseconds(50);
    private HttpClient? colleague;
    private long opened, openedAtStart;

    public override string Name => "case-views";
    public override string Description =>
        $"GET /api/case-views (three built-in views with counts) with a Frontline session cookie, over at least {ListCasesScenario.MinimumCases:#,0} cases, "
        + $"while a colleague opens a case every {ChangeEvery.TotalMilliseconds:0} ms";
    public override int MaxConcurrency => 8;
    public override int BackgroundWorkers => 1;

    public override async Task PrepareAsync(BenchTarget target, CancellationToken ct)
    {
        await new ListCasesScenario().PrepareAsync(target, ct);
        colleague = BenchWorker.CreateClient(target.BaseAddress, keepsCookies: true);
        await BenchApi.SignInAsync(colleague, CaseBench.UserName, CaseBench.Password, ct);
    }

    public override Task PrepareWorkerAsync(BenchWorker worker, CancellationToken ct) =>
        BenchApi.SignInAsync(worker.Client, CaseBench.UserName, CaseBench.Password, ct);

    public override HttpRequestMessage CreateRequest(BenchTarget target) => new(HttpMethod.Get, "/api/case-views");

    public override async Task RunBackgroundOnceAsync(BenchWorker worker, CancellationToken stop, CancellationToken ct)
    {
        using (var response = await colleague!.SendAsync(CaseBench.CreateRequest(Interlocked.Read(ref CaseBench.Created)), ct))
            if (response.StatusCode == HttpStatusCode.Created) Interlocked.Increment(ref opened);
        await Task.Delay(ChangeEvery, stop);
    }

    public override void OnRunStarting(bool measured)
    {
        if (measured) openedAtStart = Interlocked.Read(ref opened);
    }

    public override string MeasuredNote() => string.Create(CultureInfo.InvariantCulture,
        $"{Interlocked.Read(ref opened) - openedAtStart:#,0} cases opened by the colleague while measuring");
}
