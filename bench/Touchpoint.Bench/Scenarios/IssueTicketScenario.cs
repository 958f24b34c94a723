using System.Globalization;
using System.Net;

namespace Touchpoint.Bench.Scenarios;

/// <summary>
/// Customers taking tickets by the branch QR code: anonymous POST /api/branches/{branch}/tickets, round-robin over the
/// branch's four services. Each answer carries the position and wait estimate, so the server counts the people ahead;
/// nobody calls, so the queue grows by every ticket issued (the note under the table says how far). The per-address
/// anonymous rate limit is lifted by the server process (RateLimits__AnonymousPerMinute), all load being from 127.0.0.1.
/// </summary>
public sealed class IssueTicketScenario : Scenario
{
    /// <summary>A branch of its own, so that its growing queue never mixes with call-next's.</summary>
    public const string Branch = "ISSUE";
    private long issued;
    private long issuedBeforeMeasuring;

    public override string Name => "issue-ticket";
    public override string Description => $"POST /api/branches/{Branch}/tickets, anonymous, round-robin over 4 services";
    // Anonymous visitors: no cookies, hence no XSRF token to send.
    public override bool KeepsCookies => false;

    public override async Task PrepareAsync(BenchTarget target, CancellationToken ct)
    {
        using var admin = await BenchApi.AdminAsync(target, ct);
        await BenchApi.CreateBranchAsync(admin, Branch, ct);
    }

    public override async Task RunOnceAsync(BenchWorker worker, CancellationToken ct)
    {
        var n = Interlocked.Increment(ref issued);
        using var response = await worker.SendAsync(Name, BenchApi.IssueRequest(Branch, BenchApi.Services[(int)(n % 4)].Code), ct,
            r => r.StatusCode == HttpStatusCode.Created ? null : ((int)r.StatusCode).ToString(CultureInfo.InvariantCulture));
    }

    public override void OnRunStarting(bool measured)
    {
        if (measured) issuedBeforeMeasuring = Interlocked.Read(ref issued);
    }

    public override string MeasuredNote() => string.Create(CultureInfo.InvariantCulture,
        $"the branch's queue grew from {issuedBeforeMeasuring:#,0} to {Interlocked.Read(ref issued):#,0} waiting tickets (nobody calls)");
}
