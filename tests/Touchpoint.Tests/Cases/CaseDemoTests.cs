using System.Net;
using Touchpoint.Tests.Infrastructure;

namespace Touchpoint.Tests.Cases;

/// <summary>The demo bank's cases: in each branch's language, with SLA outcomes, and new ones numbered after them.</summary>
public sealed class CaseDemoTests : IDisposable
{
    private readonly TouchpointFactory app = new(demo: true);

    [Fact]
    public async Task DemoBranches_HaveCasesInTheirLanguage_AndNewCasesContinueTheNumbers()
    {
        var seoul = await app.SignInAsync("sel.frontline", TouchpointFactory.DemoPassword);
        var page = await (await seoul.GetAsync("/api/cases?limit=200")).JsonAsync();
        var items = page["items"]!.AsArray();
        Assert.True(items.Count >= 5);
        Assert.All(items, i => Assert.Equal("SEL", i!["branchCode"]!.GetValue<string>()));
        Assert.Contains(items, i => i!["subject"]!.GetValue<string>().Any(ch => ch is >= '가' and <= '힣'));
        Assert.Contains(items, i => i!["status"]!.GetValue<string>() is "solved" or "closed");
        var encounters = await (await seoul.GetAsync("/api/encounters?channel=phone")).JsonAsync();
        Assert.NotEmpty(encounters["items"]!.AsArray());

        var shanghai = await app.SignInAsync("sh.frontline", TouchpointFactory.DemoPassword);
        var shItems = (await (await shanghai.GetAsync("/api/cases")).JsonAsync())["items"]!.AsArray();
        Assert.Contains(shItems, i => i!["subject"]!.GetValue<string>().Any(ch => ch is >= '\u4e00' and <= '\u9fff'));
        var created = await (await shanghai.PostAsync("/api/cases", System.Net.Http.Json.JsonContent.Create(new
        {
            subject = "新工单", channel = "phone", customer = new { name = "赵六" },
        }))).JsonAsync(HttpStatusCode.Created);
        var allNumbers = await app.WithDbAsync(db => Task.FromResult(db.Cases.Count()));
        Assert.Equal($"TP-{allNumbers:D6}", created["reference"]!.GetValue<string>());
    }

    public void Dispose() => app.Dispose();
}
