namespace Touchpoint.Bench.Scenarios;

/// <summary>The floor: routing, middleware and HTTP alone, no database and no authentication.</summary>
public sealed class PingScenario : Scenario
{
    public override string Name => "ping";
    public override string Description => "GET /api/public/ping, anonymous, no database";
    public override HttpRequestMessage CreateRequest(BenchTarget target) => new(HttpMethod.Get, "/api/public/ping");
}
