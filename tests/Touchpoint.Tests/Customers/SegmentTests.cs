using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Touchpoint.Server.Features.Customers;
using Touchpoint.Tests.Infrastructure;
using static Touchpoint.Tests.Customers.CustomerTestData;

namespace Touchpoint.Tests.Customers;

/// <summary>Segments by rules, their policies acted on by the queue, the VIP flag, and membership history.</summary>
public sealed class SegmentTests : IDisposable
{
    private readonly TouchpointFactory app = new();

    [Fact]
    public async Task HighValueSegment_GivesVipTickets_AndKeepsMembershipHistory()
    {
        var staff = await BranchWithCounterAsync(app);
        var manager = await app.StaffAsync("Manager");
        var segment = new
        {
            code = "premier", name = new Dictionary<string, string> { ["en-US"] = "Premier", ["zh-CN"] = "贵宾" },
            rules = new { minValue = 200000.0 }, policy = new { queuePriority = "vip", slaPolicy = "premium" }, rank = 10,
        };
        await (await staff.PostAsJsonAsync("/api/customer-segments", segment)).ProblemAsync(HttpStatusCode.Forbidden);
        var bad = await (await manager.PostAsJsonAsync("/api/customer-segments", new { code = "x", name = "X", policy = new { queuePriority = "royal" } }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(bad["errors"]!["policy.queuePriority"]);

        var rich = await CreateAsync(staff, new { name = "Harriet Vane", phones = new[] { "07700900111" }, language = "en-US", value = 500000.0 });
        var other = await CreateAsync(staff, new { name = "Peter Wimsey", phones = new[] { "07700900222" }, language = "en-US", value = 1000.0 });
        var created = await (await manager.PostAsJsonAsync("/api/customer-segments", segment)).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(1, created["members"]!.GetValue<int>());

        var profile = await (await staff.GetAsync($"/api/customers/{rich.Id()}")).JsonAsync();
        Assert.Equal("PREMIER", profile["segments"]![0]!["code"]!.GetValue<string>());
        Assert.Equal("premium", profile["policy"]!["slaPolicy"]!.GetValue<string>());
        var ticket = await (await staff.PostAsJsonAsync("/api/branches/SH/tickets", new { service = "PERSONAL", customerId = rich.Id() })).JsonAsync(HttpStatusCode.Created);
        Assert.Equal("vip", ticket["priority"]!.GetValue<string>());
        var plain = await (await staff.PostAsJsonAsync("/api/branches/SH/tickets", new { service = "PERSONAL", customerId = other.Id() })).JsonAsync(HttpStatusCode.Created);
        Assert.Equal("normal", plain["priority"]!.GetValue<string>());

        // A change of value takes the customer out at once; the membership is closed, not deleted.
        await (await staff.PatchAsJsonAsync($"/api/customers/{rich.Id()}", new { value = 1000.0 })).ShouldBeAsync(HttpStatusCode.OK);
        var members = await (await staff.GetAsync("/api/customer-segments/PREMIER/members")).JsonAsync();
        Assert.Empty(members.AsArray());
        var history = await app.WithDbAsync(db => db.CustomerSegmentMemberships.Where(m => m.CustomerId == Guid.Parse(rich.Id())).ToListAsync());
        Assert.NotNull(Assert.Single(history).Until);
        var timeline = (await (await staff.GetAsync($"/api/customers/{rich.Id()}/timeline")).JsonAsync()).AsArray();
        Assert.Contains(timeline, e => e!["type"]!.GetValue<string>() == "segment.left");
    }

    [Fact]
    public async Task VipFlag_HasAnExpiry_AndFeedsVipSegments()
    {
        var staff = await BranchWithCounterAsync(app);
        var manager = await app.StaffAsync("Manager");
        await (await manager.PostAsJsonAsync("/api/customer-segments", new { code = "VIP", name = "VIP", rules = new { vip = true }, policy = new { queuePriority = "vip" } }))
            .ShouldBeAsync(HttpStatusCode.Created);
        var id = (await CreateAsync(staff, new { name = "Mary Kim", language = "en-US" })).Id();
        await (await staff.PutAsJsonAsync($"/api/customers/{id}/vip", new { until = DateTime.UtcNow.AddDays(30) })).ProblemAsync(HttpStatusCode.Forbidden);
        var past = await (await manager.PutAsJsonAsync($"/api/customers/{id}/vip", new { until = DateTime.UtcNow.AddDays(-1) })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(past["errors"]!["until"]);
        var vip = await (await manager.PutAsJsonAsync($"/api/customers/{id}/vip", new { until = DateTime.UtcNow.AddDays(30), reason = "Relationship manager request" })).JsonAsync();
        Assert.True(vip["vip"]!.GetValue<bool>());
        Assert.Equal("VIP", vip["segments"]![0]!["code"]!.GetValue<string>());

        // Expired by time alone: the scheduled recompute takes the customer out.
        await app.WithDbAsync(db => db.Customers.ExecuteUpdateAsync(s => s.SetProperty(c => c.VipUntil, DateTime.UtcNow.AddMinutes(-1))));
        await app.WithDbAsync(db => app.Services.GetRequiredService<SegmentMembership>().RecomputeAllAsync(db, CancellationToken.None));
        var after = await (await staff.GetAsync($"/api/customers/{id}")).JsonAsync();
        Assert.False(after["vip"]!.GetValue<bool>());
        Assert.Empty(after["segments"]!.AsArray());
    }

    [Fact]
    public Task CaseForASegmentMember_TakesTheSlaPolicyOfTheHighestRankedSegmentThatSetsOne() => SlaPolicyFromSegmentsAsync(app);

    /// <summary>The profile and its policy are matched by a plain statement (its SQL differs in NULL order between the databases).</summary>
    [PostgresFact]
    public async Task CaseForASegmentMember_TakesTheSlaPolicyOfTheHighestRankedSegmentThatSetsOne_OnPostgres()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        using var postgres = new TouchpointFactory(postgresConnectionString: database.ConnectionString);
        await SlaPolicyFromSegmentsAsync(postgres);
    }

    private static async Task SlaPolicyFromSegmentsAsync(TouchpointFactory app)
    {
        var staff = await BranchWithCounterAsync(app);
        var manager = await app.StaffAsync("Manager");
        var rich = Guid.Parse((await CreateAsync(staff, new { name = "Harriet Vane", phones = new[] { "07700900111" }, language = "en-US", value = 500000.0 })).Id());
        var other = Guid.Parse((await CreateAsync(staff, new { name = "Peter Wimsey", phones = new[] { "07700900222" }, language = "en-US", value = 1000.0 })).Id());
        // The higher-ranked segment sets no SLA policy: the next one's applies.
        await (await manager.PostAsJsonAsync("/api/customer-segments", new { code = "WATCH", name = "Watch", rules = new { minValue = 100000.0 }, policy = new { queuePriority = "vip" }, rank = 20 }))
            .ShouldBeAsync(HttpStatusCode.Created);
        await (await manager.PostAsJsonAsync("/api/customer-segments", new { code = "PREMIER", name = "Premier", rules = new { minValue = 200000.0 }, policy = new { slaPolicy = "premium" }, rank = 10 }))
            .ShouldBeAsync(HttpStatusCode.Created);
        // A lower-ranked segment with a policy of its own does not win either.
        await (await manager.PostAsJsonAsync("/api/customer-segments", new { code = "ASSISTED", name = "Assisted", rules = new { minValue = 100000.0 }, policy = new { slaPolicy = "assisted" }, rank = 5 }))
            .ShouldBeAsync(HttpStatusCode.Created);

        async Task<(Guid? Customer, string? Segment)> OpenCaseAsync(string phone)
        {
            var created = await (await staff.PostAsJsonAsync("/api/cases", new { subject = "Card declined", description = "At a shop", channel = "phone", customer = new { name = "Caller", phone } }))
                .JsonAsync(HttpStatusCode.Created);
            var id = Guid.Parse(created["id"]!.GetValue<string>());
            var c = await app.WithDbAsync(db => db.Cases.Where(c => c.Id == id).Select(c => new { c.CustomerId, c.CustomerSegment }).SingleAsync());
            return (c.CustomerId, c.CustomerSegment);
        }

        Assert.Equal((rich, "premium"), await OpenCaseAsync("077 0090 0111"));
        Assert.Equal((other, (string?)null), await OpenCaseAsync("07700900222"));
        var stranger = await OpenCaseAsync("07700900333");
        Assert.NotNull(stranger.Customer);
        Assert.NotEqual(rich, stranger.Customer);
        Assert.Null(stranger.Segment);
        // A second case from the stranger finds the profile the first one made.
        Assert.Equal(stranger, await OpenCaseAsync("07700900333"));
    }

    [Fact]
    public async Task RecomputingOneCustomerAtTheSameMoment_OpensOneMembership()
    {
        var staff = await BranchWithCounterAsync(app);
        var manager = await app.StaffAsync("Manager");
        var rich = Guid.Parse((await CreateAsync(staff, new { name = "Harriet Vane", phones = new[] { "07700900111" }, language = "en-US", value = 500.0 })).Id());
        await (await manager.PostAsJsonAsync("/api/customer-segments", new { code = "RICH", name = "Rich", rules = new { minValue = 1000.0 } }))
            .ShouldBeAsync(HttpStatusCode.Created);
        await app.WithDbAsync(db => db.Customers.Where(c => c.Id == rich).ExecuteUpdateAsync(s => s.SetProperty(c => c.Value, 5000.0)));

        // Each recompute on its own context and connection, as a change and the schedule would run them.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
            app.WithDbAsync(async db => { await app.Services.GetRequiredService<SegmentMembership>().RecomputeAsync(db, [rich], default); return 0; }))));

        var open = await app.WithDbAsync(db => db.CustomerSegmentMemberships.CountAsync(m => m.CustomerId == rich && m.Until == null));
        Assert.Equal(1, open);
        var profile = await (await staff.GetAsync($"/api/customers/{rich}")).JsonAsync();
        Assert.Equal("RICH", Assert.Single(profile["segments"]!.AsArray())!["code"]!.GetValue<string>());
    }

    public void Dispose() => app.Dispose();
}
