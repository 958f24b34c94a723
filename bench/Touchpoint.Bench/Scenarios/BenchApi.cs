using System.Net.Http.Json;
using System.Text.Json;

namespace Touchpoint.Bench.Scenarios;

/// <summary>
/// The API calls scenarios make while preparing (not measured): signing in, creating a branch with its services,
/// counters and staff, issuing tickets. All through the public API, as an administrator or a browser would.
/// </summary>
public static class BenchApi
{
    /// <summary>The four services of a bench branch, one per ticket prefix.</summary>
    public static readonly IReadOnlyList<(string Code, string Prefix)> Services =
        [("PERSONAL", "A"), ("CORPORATE", "B"), ("LOANS", "C"), ("FOREX", "D")];

    /// <summary>
    /// Signs the client in and makes it echo the XSRF token the server issued, as the web app does: the server refuses
    /// cookie-authenticated POSTs without it. Fails loudly, or every figure would be a 401 or a 400.
    /// </summary>
    public static async Task SignInAsync(HttpClient client, string userName, string password, CancellationToken ct)
    {
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { userName, password }, ct);
        await EnsureAsync(response, $"Sign-in as {userName}", ct);
        var handlerCookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];
        var xsrf = handlerCookies.Select(c => c.Split(';')[0]).FirstOrDefault(c => c.StartsWith("XSRF-TOKEN=", StringComparison.Ordinal));
        if (xsrf is null) throw new InvalidOperationException($"Sign-in as {userName} gave no XSRF-TOKEN cookie.");
        client.DefaultRequestHeaders.Remove("X-XSRF-TOKEN");
        client.DefaultRequestHeaders.Add("X-XSRF-TOKEN", Uri.UnescapeDataString(xsrf["XSRF-TOKEN=".Length..]));
    }

    /// <summary>A client signed in as the administrator; the caller disposes it.</summary>
    public static async Task<HttpClient> AdminAsync(BenchTarget target, CancellationToken ct)
    {
        var client = BenchWorker.CreateClient(target.BaseAddress, keepsCookies: true);
        try
        {
            await SignInAsync(client, target.AdminUserName, target.AdminPassword, ct);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>A branch in UTC with the four <see cref="Services"/>.</summary>
    public static async Task CreateBranchAsync(HttpClient admin, string code, CancellationToken ct)
    {
        await PostAsync(admin, "/api/branches", new { code, name = $"Bench {code}", timeZone = "UTC" }, $"Creating branch {code}", ct);
        foreach (var (service, prefix) in Services)
            await PostAsync(admin, $"/api/branches/{code}/services", new { code = service, name = $"Bench {service}", prefix },
                $"Creating service {service}", ct);
    }

    public static async Task PostAsync(HttpClient client, string path, object body, string what, CancellationToken ct)
    {
        using var response = await client.PostAsJsonAsync(path, body, ct);
        await EnsureAsync(response, what, ct);
    }

    /// <summary>A JSON body for POST /api/branches/{branch}/tickets: an anonymous customer's phone, normal priority.</summary>
    public static HttpRequestMessage IssueRequest(string branch, string service) =>
        new(HttpMethod.Post, $"/api/branches/{branch}/tickets") { Content = JsonContent.Create(new { service }) };

    /// <summary>
    /// Issues <paramref name="count"/> tickets anonymously over <paramref name="concurrency"/> connections, ticket i for
    /// <paramref name="serviceOf"/>(i). Returns the seconds it took.
    /// </summary>
    public static async Task<double> IssueTicketsAsync(BenchTarget target, string branch, int count, Func<int, string> serviceOf,
        int concurrency, CancellationToken ct)
    {
        var next = -1;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            using var client = BenchWorker.CreateClient(target.BaseAddress, keepsCookies: false);
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                using var response = await client.SendAsync(IssueRequest(branch, serviceOf(i)), ct);
                await EnsureAsync(response, $"Issuing ticket {i + 1} of {count} in {branch}", ct);
            }
        }));
        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>Runs <paramref name="action"/> for 0..count-1, at most <paramref name="parallel"/> at a time.</summary>
    public static Task ForEachAsync(int count, int parallel, Func<int, CancellationToken, ValueTask> action, CancellationToken ct) =>
        Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = ct }, action);

    public static async Task EnsureAsync(HttpResponseMessage response, string what, CancellationToken ct)
    {
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{what} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
    }

    /// <summary>A string property of a JSON answer.</summary>
    public static async Task<string> ReadStringAsync(HttpResponseMessage response, string property, CancellationToken ct)
    {
        using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
        return json.RootElement.GetProperty(property).GetString()
            ?? throw new InvalidOperationException($"The answer's {property} is null.");
    }
}
