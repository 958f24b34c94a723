using Microsoft.EntityFrameworkCore;
using Touchpoint.Tests.Infrastructure;

namespace Touchpoint.Tests.Customers;

public sealed class DemoCustomerTests
{
    [Fact]
    public async Task DemoBranches_HaveCustomersThatFitTheCity_WithHistoryAndSegments()
    {
        using var demo = new TouchpointFactory(demo: true);
        var seoul = await demo.SignInAsync("sel.frontline", TouchpointFactory.DemoPassword);
        var found = (await (await seoul.GetAsync("/api/customers?q=" + Uri.EscapeDataString("김"))).JsonAsync()).AsArray();
        Assert.NotEmpty(found);
        Assert.All(found, c => Assert.Equal("SEL", c!["homeBranch"]!.GetValue<string>()));
        Assert.All(found, c => Assert.Matches("^010\\*+\\d{4}$|^01\\*+\\d{4}$", c!["phone"]!.GetValue<string>()));

        var (customers, branches, linked, members) = await demo.WithDbAsync(async db => (
            await db.Customers.CountAsync(), await db.Customers.Select(c => c.HomeBranchId).Distinct().CountAsync(),
            await db.QueueTickets.CountAsync(t => t.CustomerId != null), await db.CustomerSegmentMemberships.CountAsync(m => m.Until == null)));
        Assert.True(customers >= 2000, $"{customers} customers");
        Assert.Equal(4, branches);
        Assert.True(linked > 100, $"{linked} linked tickets");
        Assert.True(members > 100, $"{members} segment members");
        var london = await demo.WithDbAsync(db => db.Customers.Where(c => c.Name != null && c.Name.Contains(" ")).CountAsync());
        Assert.InRange(london, 600, 700);

        // Demo cases belong to demo customers, in the customer's own name, and show on their timeline.
        var linkedCase = await demo.WithDbAsync(db => db.Cases.Where(c => c.CustomerId != null)
            .Join(db.Customers, c => c.CustomerId, p => p.Id, (c, p) => new { c.Reference, c.CustomerName, p.Name, p.Id, Branch = c.BranchId }).FirstAsync());
        Assert.Equal(linkedCase.Name, linkedCase.CustomerName);
        var admin = await demo.AdminAsync();
        var timeline = (await (await admin.GetAsync($"/api/customers/{linkedCase.Id}/timeline")).JsonAsync()).AsArray();
        Assert.Contains(timeline, e => e!["type"]!.GetValue<string>() == "case" && e["reference"]!.GetValue<string>() == linkedCase.Reference);
    }
}
