using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Touchpoint.Server.Platform.Audit;
using Touchpoint.Server.Platform.Localization;
using Touchpoint.Tests.Infrastructure;

namespace Touchpoint.Tests.Platform;

public sealed class PlatformTests : IDisposable
{
    private readonly TouchpointFactory app = new();

    [Fact]
    public async Task Health_ReportsTheDatabase()
    {
        var health = await (await app.CreateClient().GetAsync("/health")).JsonAsync();
        Assert.Equal("Healthy", health["status"]!.GetValue<string>());
        Assert.Equal("SQLite", health["provider"]!.GetValue<string>());
    }

    [Fact]
    public async Task UnknownApiPath_Is404Problem_AndOtherPathsAreTheWebApp()
    {
        await (await app.CreateClient().GetAsync("/api/does-not-exist")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task OpenApiDocument_MatchesTheCopyTheWebClientIsGeneratedFrom()
    {
        var served = await app.CreateClient().GetStringAsync("/openapi/v1.json");
        var committedPath = Path.Combine(TestEnvironment.RepositoryRoot, "web", "openapi.json");
        if (Environment.GetEnvironmentVariable("UPDATE_OPENAPI") == "1")
            await File.WriteAllTextAsync(committedPath, JsonNode.Parse(served)!.ToJsonString(new() { WriteIndented = true }) + "\n");
        var committed = await File.ReadAllTextAsync(committedPath);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(served), JsonNode.Parse(committed)),
            "web/openapi.json is stale: run `UPDATE_OPENAPI=1 dotnet test --filter OpenApiDocument` and then `npm run gen:api` in web/.");
    }

    [Fact]
    public async Task Swagger_ExplorerIsServed()
    {
        var html = await app.CreateClient().GetStringAsync("/swagger/index.html");
        Assert.Contains("swagger", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ServerMessages_ExistInEveryLanguage()
    {
        var english = Messages.Keys(Languages.EnUs).ToHashSet();
        foreach (var language in Languages.All)
        {
            Assert.Equal(english.Order(), Messages.Keys(language).Order());
            Assert.All(english, key => Assert.False(string.IsNullOrWhiteSpace(Messages.GetIn(language, key))));
        }
    }

    [Theory]
    [InlineData("zh-Hant-TW", "zh-TW")]
    [InlineData("zh-HK", "zh-TW")]
    [InlineData("zh", "zh-CN")]
    [InlineData("ko", "ko-KR")]
    [InlineData("en-GB", "en-US")]
    [InlineData("", "en-US")]
    public void Normalize_MapsCulturesOntoTheFourLanguages(string input, string expected) =>
        Assert.Equal(expected, Languages.Normalize(input));

    [Fact]
    public async Task PublicInfo_SaysWhetherDemoDataIsPresent()
    {
        var info = await (await app.CreateClient().GetAsync("/api/public/info")).JsonAsync();
        Assert.False(info["demo"]!.GetValue<bool>());
        using var demo = new TouchpointFactory(demo: true);
        var demoInfo = await (await demo.CreateClient().GetAsync("/api/public/info")).JsonAsync();
        Assert.True(demoInfo["demo"]!.GetValue<bool>());
        var frontline = await demo.SignInAsync("sel.frontline", TouchpointFactory.DemoPassword);
        var me = await (await frontline.GetAsync("/api/me")).JsonAsync();
        Assert.Equal(["SEL"], me["branches"]!.AsArray().Select(b => b!.GetValue<string>()));
        Assert.Equal("ko-KR", me["language"]!.GetValue<string>());

        // The demo branches have simulated history: completed tickets with encounters and pad ratings.
        var (tickets, encounters, rated) = await demo.WithDbAsync(async db => (
            await db.QueueTickets.CountAsync(), await db.Encounters.CountAsync(), await db.ServiceEvaluations.CountAsync(e => e.Rating != null)));
        Assert.True(tickets > 400, $"{tickets} tickets");
        Assert.True(encounters > 0.9 * tickets && rated > 0.7 * encounters);
    }

    [Fact]
    public async Task Audit_IsFilterablePagedAndPurgedByRetention()
    {
        var admin = await app.AdminAsync();
        for (var i = 0; i < 3; i++) await app.CreateBranchAsync($"B{i}");
        var page = await (await admin.GetAsync("/api/audit?action=branch.created&page=2&pageSize=2")).JsonAsync();
        Assert.Equal(3, page["total"]!.GetValue<int>());
        Assert.Single(page["items"]!.AsArray());
        await (await admin.GetAsync("/api/audit?pageSize=100000")).ProblemAsync(HttpStatusCode.BadRequest);

        await (await admin.PutAsJsonAsync("/api/admin/settings", new { auditRetentionDays = 5 })).ProblemAsync(HttpStatusCode.BadRequest);
        await (await admin.PutAsJsonAsync("/api/admin/settings", new { auditRetentionDays = 30 })).ShouldBeAsync(HttpStatusCode.OK);
        await app.WithDbAsync(async db =>
        {
            db.AuditEntries.Add(new AuditEntry { Actor = "old", Action = "test.old", At = DateTime.UtcNow.AddDays(-31) });
            return await db.SaveChangesAsync();
        });
        var retention = app.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<AuditRetention>().Single();
        Assert.Equal(1, await retention.PurgeAsync(CancellationToken.None));
        Assert.False(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "test.old")));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "settings.changed")));
    }

    public void Dispose() => app.Dispose();
}
