namespace Touchpoint.Bench.Scenarios;

/// <summary>
/// The case list's side bar: <c>GET /api/case-views</c> answers the three built-in views with their counts (one COUNT
/// each over the branch's cases), over the same 20,000 cases as list-cases.
/// </summary>
public sealed class CaseViewsScenario : Scenario
{
    public override string Name => "case-views";
    public override string Description => $"GET /api/case-views (three built-in views with counts) with a Frontline session cookie, over at least {ListCasesScenario.MinimumCases:#,0} cases";
    public override int MaxConcurrency => 8;

    public override Task PrepareAsync(BenchTarget target, CancellationToken ct) => new ListCasesScenario().PrepareAsync(target, ct);

    public override Task PrepareWorkerAsync(BenchWorker worker, CancellationToken ct) =>
        BenchApi.SignInAsync(worker.Client, CaseBench.UserName, CaseBench.Password, ct);

    public override HttpRequestMessage CreateRequest(BenchTarget target) => new(HttpMethod.Get, "/api/case-views");
}
