using System.Net.Http.Json;

namespace Touchpoint.Bench.Scenarios;

/// <summary>
/// Password sign-in. The password hash (PBKDF2, deliberately slow) dominates, so this shows how many sign-ins a
/// second the machine affords, not the cost of the HTTP stack.
/// </summary>
public sealed class SignInScenario : Scenario
{
    public override string Name => "sign-in";
    public override string Description => "POST /api/auth/login as admin, a new session each time";
    // Hashing is CPU-bound: a few workers beyond the core count keep every core busy; more would only add queueing.
    public override int MaxConcurrency => Math.Max(2, Environment.ProcessorCount * 2);
    // Without cookies every request is a fresh visitor. With them the second POST would be cookie-authenticated and
    // rightly refused by the server's XSRF check.
    public override bool KeepsCookies => false;

    public override HttpRequestMessage CreateRequest(BenchTarget target) => new(HttpMethod.Post, "/api/auth/login")
    {
        Content = JsonContent.Create(new { userName = target.AdminUserName, password = target.AdminPassword }),
    };
}
