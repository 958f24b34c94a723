using System.Globalization;
using System.Net;

namespace Touchpoint.Bench.Scenarios;

/// <summary>
/// Staff finding a customer among 100,000 (seeded once, by whichever lookup scenario runs first): GET /api/customers?q=
/// with an exact phone number, or with a full name as staff type it, as the administrator (no branch scoping). Each
/// request asks for a different customer; the answer is the masked list.
/// </summary>
public sealed class CustomerLookupScenario(string name, bool byPhone) : Scenario
{
    public static readonly CustomerLookupScenario ByPhone = new("customer-by-phone", byPhone: true);
    public static readonly CustomerLookupScenario ByName = new("customer-by-name", byPhone: false);
    private static CustomerSeed.Seeded? seeded;
    private static readonly SemaphoreSlim seeding = new(1, 1);
    private long next;

    public override string Name => name;
    public override string Description => byPhone
        ? $"GET /api/customers?q=<phone>, exact match among {CustomerSeed.Count:#,0} customers"
        : $"GET /api/customers?q=<full name>, name-prefix search among {CustomerSeed.Count:#,0} customers";

    public override async Task PrepareAsync(BenchTarget target, CancellationToken ct)
    {
        await seeding.WaitAsync(ct);
        try
        {
            if (seeded is not null) return;
            seeded = await CustomerSeed.SeedAsync(target, ct);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Seeded {CustomerSeed.Count:#,0} customers in {seeded.Seconds:0.0} s"));
        }
        finally
        {
            seeding.Release();
        }
    }

    public override Task PrepareWorkerAsync(BenchWorker worker, CancellationToken ct) =>
        BenchApi.SignInAsync(worker.Client, worker.Target.AdminUserName, worker.Target.AdminPassword, ct);

    public override async Task RunOnceAsync(BenchWorker worker, CancellationToken ct)
    {
        // A stride through the seeded customers: every request looks for somebody else.
        var i = (int)(Interlocked.Increment(ref next) * 7919 % CustomerSeed.Count);
        var q = byPhone ? seeded!.Phones[i] : seeded!.Names[i];
        using var response = await worker.SendAsync(Name, new HttpRequestMessage(HttpMethod.Get, "/api/customers?q=" + Uri.EscapeDataString(q)), ct,
            r => r.StatusCode == HttpStatusCode.OK ? null : ((int)r.StatusCode).ToString(CultureInfo.InvariantCulture));
    }
}
