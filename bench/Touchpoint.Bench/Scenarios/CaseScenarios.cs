using System.Globalization;
using System.Net;
using System.Net.Http.Json;

namespace Touchpoint.Bench.Scenarios;

/// <summary>What the case scenarios share: branch CASES and one Frontline user whose cookie every worker signs in with.</summary>
internal static class CaseBench
{
    public const string Branch = "CASES";
    public const string UserName = "bench.cases";
    public const string Password = "Bench-Cases-2026";
    private static int prepared;
    /// <summary>Cases created in this run by any scenario (the server starts empty).</summary>
    public static long Created;

    public static async Task PrepareAsync(BenchTarget target, CancellationToken ct)
    {
        if (Interlocked.Exchange(ref prepared, 1) == 1) return;
        using var admin = await BenchApi.AdminAsync(target, ct);
        await BenchApi.CreateBranchAsync(admin, Branch, ct);
        await BenchApi.PostAsync(admin, "/api/admin/users", new
        {
            userName = UserName, displayName = "Bench staff", password = Password, roles = new[] { "Frontline" }, branches = new[] { Branch },
            language = "en-US",
        }, "Creating the staff user", ct);
    }

    public static HttpRequestMessage CreateRequest(long n)
    {
        Interlocked.Increment(ref Created);
        return new(HttpMethod.Post, "/api/cases") { Content = Body(n) };
    }

    private static JsonContent Body(long n) =>
        JsonContent.Create(new
        {
            subject = $"Card payment declined #{n}", description = "The card was declined at a shop although the balance is enough.",
            channel = "phone", customer = new { name = "王小明", phone = "+86 138 0000 0000" }, priority = n % 10 == 0 ? "high" : null,
            category = "cards",
        });
}

/// <summary>
/// Staff opening cases: POST /api/cases with a staff session cookie, 8 workers. Each case takes a number from the
/// sequence row and starts its SLA clocks in the branch's calendar; the case list grows by every case created.
/// </summary>
public sealed class CreateCaseScenario : Scenario
{
    private long created;
    private long createdBeforeMeasuring;

    public override string Name => "create-case";
    public override string Description => "POST /api/cases {subject, description, channel, customer, priority, category} with a Frontline session cookie";
    public override int MaxConcurrency => 8;

    public override Task PrepareAsync(BenchTarget target, CancellationToken ct) => CaseBench.PrepareAsync(target, ct);

    public override Task PrepareWorkerAsync(BenchWorker worker, CancellationToken ct) =>
        BenchApi.SignInAsync(worker.Client, CaseBench.UserName, CaseBench.Password, ct);

    public override async Task RunOnceAsync(BenchWorker worker, CancellationToken ct)
    {
        using var response = await worker.SendAsync(Name, CaseBench.CreateRequest(Interlocked.Increment(ref created)), ct,
            r => r.StatusCode == HttpStatusCode.Created ? null : ((int)r.StatusCode).ToString(CultureInfo.InvariantCulture));
    }

    public override void OnRunStarting(bool measured)
    {
        if (measured) createdBeforeMeasuring = Interlocked.Read(ref created);
    }

    public override string MeasuredNote() => string.Create(CultureInfo.InvariantCulture,
        $"the branch's case list grew from {createdBeforeMeasuring:#,0} to {Interlocked.Read(ref created):#,0} cases");
}

/// <summary>
/// The first page of the case list (GET /api/cases, 50 newest, keyset-paged) with at least 20,000 cases in the branch:
/// what a member of staff opening the cases page waits for.
/// </summary>
public sealed class ListCasesScenario : Scenario
{
    public const int MinimumCases = 20_000;

    public override string Name => "list-cases";
    public override string Description => $"GET /api/cases (first page of 50) with a Frontline session cookie, over at least {MinimumCases:#,0} cases";
    public override int MaxConcurrency => 8;

    public override async Task PrepareAsync(BenchTarget target, CancellationToken ct)
    {
        await CaseBench.PrepareAsync(target, ct);
        // Top up to the minimum through the API (create-case, when it ran first, has usually made more).
        var existing = Interlocked.Read(ref CaseBench.Created);
        var clients = new List<HttpClient>();
        for (var i = 0; i < 8; i++)
        {
            var c = BenchWorker.CreateClient(target.BaseAddress, keepsCookies: true);
            await BenchApi.SignInAsync(c, CaseBench.UserName, CaseBench.Password, ct);
            clients.Add(c);
        }
        await BenchApi.ForEachAsync((int)Math.Max(0, MinimumCases - existing), 8, async (i, token) =>
        {
            using var response = await clients[i % 8].SendAsync(CaseBench.CreateRequest(i), token);
            await BenchApi.EnsureAsync(response, "Creating a case", token);
        }, ct);
        clients.ForEach(c => c.Dispose());
    }

    public override Task PrepareWorkerAsync(BenchWorker worker, CancellationToken ct) =>
        BenchApi.SignInAsync(worker.Client, CaseBench.UserName, CaseBench.Password, ct);

    public override HttpRequestMessage CreateRequest(BenchTarget target) => new(HttpMethod.Get, "/api/cases?limit=50");
}

/// <summary>
/// create-case with three enabled triggers on the branch (decision 15): one matches every case by words in the subject
/// (tag), one by category (internal note), one by priority (team, one case in ten). Run on its own server, apart from
/// create-case, since rules stay once written. Measures what evaluating and applying rules adds to opening a case.
/// </summary>
public sealed class CreateCaseWithRulesScenario : Scenario
{
    private long created;

    public override string Name => "create-case-rules";
    public override string Description => "create-case with three enabled case-created rules on the branch (tag, note, team)";
    public override int MaxConcurrency => 8;

    public override async Task PrepareAsync(BenchTarget target, CancellationToken ct)
    {
        await CaseBench.PrepareAsync(target, ct);
        using var admin = await BenchApi.AdminAsync(target, ct);
        object Rule(string name, object condition, object action) => new
        {
            name, branch = CaseBench.Branch, @event = "caseCreated", isEnabled = true, matchAll = true, conditions = new[] { condition }, actions = new[] { action },
        };
        await BenchApi.PostAsync(admin, "/api/case-rules", Rule("Declined payments", new { field = "subject", @operator = "contains", value = "declined" },
            new { type = "addTag", value = "payments" }), "Creating rule 1", ct);
        await BenchApi.PostAsync(admin, "/api/case-rules", Rule("Card cases", new { field = "category", @operator = "is", value = "cards" },
            new { type = "addNote", value = "Check the card's status in the card system first." }), "Creating rule 2", ct);
        await BenchApi.PostAsync(admin, "/api/case-rules", Rule("High priority to seniors", new { field = "priority", @operator = "is", value = "high" },
            new { type = "setTeam", value = "seniors" }), "Creating rule 3", ct);
    }

    public override Task PrepareWorkerAsync(BenchWorker worker, CancellationToken ct) =>
        BenchApi.SignInAsync(worker.Client, CaseBench.UserName, CaseBench.Password, ct);

    public override async Task RunOnceAsync(BenchWorker worker, CancellationToken ct)
    {
        using var response = await worker.SendAsync(Name, CaseBench.CreateRequest(Interlocked.Increment(ref created)), ct,
            r => r.StatusCode == HttpStatusCode.Created ? null : ((int)r.StatusCode).ToString(CultureInfo.InvariantCulture));
    }
}
