namespace Touchpoint.Bench.Scenarios;

/// <summary>
/// A signed-in page load: cookie authentication, the user-access lookup (cached by the server) and a JSON answer.
/// Each worker signs in once and keeps its cookie, as a browser tab would.
/// </summary>
public sealed class MeScenario : Scenario
{
    public override string Name => "me";
    public override string Description => "GET /api/me with the admin's session cookie";

    public override Task PrepareWorkerAsync(BenchWorker worker, CancellationToken ct) =>
        BenchApi.SignInAsync(worker.Client, worker.Target.AdminUserName, worker.Target.AdminPassword, ct);

    public override HttpRequestMessage CreateRequest(BenchTarget target) => new(HttpMethod.Get, "/api/me");
}
