using System.Net;
using System.Net.Http.Json;
using Touchpoint.Tests.Infrastructure;

namespace Touchpoint.Tests.Cases;

/// <summary>Canned replies: the defaults, writing them by role, reading them by branch, and placeholders checked.</summary>
public sealed class MacroApiTests : IDisposable
{
    private readonly TouchpointFactory app = new();

    private static object Macro(string? branch = "SH", string body = "Dear {{customer.name}}, about {{case.reference}}: we can arrange it on Wednesday.") => new
    {
        title = new Dictionary<string, string> { ["en-US"] = "Wednesday", ["zh-CN"] = "周三办理" },
        body = new Dictionary<string, string> { ["en-US"] = body, ["zh-CN"] = "{{customer.name}}，您好！我们可以在周三为您办理。" },
        category = "callback", branch,
    };

    [Fact]
    public async Task EveryInstallation_StartsWithPoliteDefaultsInFourLanguages()
    {
        await app.CreateBranchAsync("SH");
        var staff = await app.StaffAsync("Frontline", "SH");
        var macros = (await (await staff.GetAsync("/api/macros")).JsonAsync()).AsArray();
        Assert.True(macros.Count >= 5);
        Assert.All(macros, m =>
        {
            foreach (var lang in new[] { "zh-CN", "zh-TW", "ko-KR", "en-US" }) Assert.Contains("{{customer.name}}", m!["body"]![lang]!.GetValue<string>());
        });
    }

    [Fact]
    public async Task Managers_WriteMacrosForTheirBranch_OthersOnlyReadThem()
    {
        await app.CreateBranchAsync("SH");
        await app.CreateBranchAsync("TPE");
        var frontline = await app.StaffAsync("Frontline", "SH");
        var manager = await app.StaffAsync("Manager", "SH");
        var taipei = await app.StaffAsync("Frontline", "TPE");

        await (await frontline.PostAsJsonAsync("/api/macros", Macro())).ProblemAsync(HttpStatusCode.Forbidden);
        var created = await (await manager.PostAsJsonAsync("/api/macros", Macro())).JsonAsync(HttpStatusCode.Created);
        Assert.Equal("SH", created["branch"]!.GetValue<string>());
        Assert.Contains((await (await frontline.GetAsync("/api/macros")).JsonAsync()).AsArray(), m => m!["id"]!.GetValue<string>() == created["id"]!.GetValue<string>());
        Assert.DoesNotContain((await (await taipei.GetAsync("/api/macros")).JsonAsync()).AsArray(), m => m!["id"]!.GetValue<string>() == created["id"]!.GetValue<string>());

        // One for every branch reaches Taipei too; an unknown branch is named.
        var everywhere = await (await manager.PostAsJsonAsync("/api/macros", Macro(branch: null))).JsonAsync(HttpStatusCode.Created);
        Assert.Contains((await (await taipei.GetAsync("/api/macros")).JsonAsync()).AsArray(), m => m!["id"]!.GetValue<string>() == everywhere["id"]!.GetValue<string>());
        var unknown = await (await manager.PostAsJsonAsync("/api/macros", Macro(branch: "XX"))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(unknown["errors"]!["branch"]);

        // Retired: gone from the list staff pick from, still there for whoever maintains them.
        await (await manager.PutAsJsonAsync($"/api/macros/{created["id"]}", new
        {
            title = new Dictionary<string, string> { ["en-US"] = "Wednesday" }, body = new Dictionary<string, string> { ["en-US"] = "See you on Wednesday." },
            branch = "SH", isActive = false,
        })).ShouldBeAsync(HttpStatusCode.OK);
        Assert.DoesNotContain((await (await frontline.GetAsync("/api/macros")).JsonAsync()).AsArray(), m => m!["id"]!.GetValue<string>() == created["id"]!.GetValue<string>());
        Assert.Contains((await (await manager.GetAsync("/api/macros?all=true")).JsonAsync()).AsArray(), m => m!["id"]!.GetValue<string>() == created["id"]!.GetValue<string>());
        await (await manager.PutAsJsonAsync($"/api/macros/{Guid.NewGuid()}", Macro())).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task UnknownPlaceholdersAndMissingTexts_AreNamedByField()
    {
        await app.CreateBranchAsync("SH");
        var manager = await app.StaffAsync("Manager", "SH");
        var bad = await (await manager.PostAsJsonAsync("/api/macros", Macro(body: "Dear {{customer.nmae}}"))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("customer.nmae", bad["errors"]!["body.en-US"]![0]!.GetValue<string>());
        var empty = await (await manager.PostAsJsonAsync("/api/macros", new { title = new Dictionary<string, string>(), body = (object?)null, branch = "SH" }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(empty["errors"]!["title"]);
        Assert.NotNull(empty["errors"]!["body"]);
        Assert.Contains("text in at least one language", empty["errors"]!["body"]![0]!.GetValue<string>());
    }

    public void Dispose() => app.Dispose();
}
