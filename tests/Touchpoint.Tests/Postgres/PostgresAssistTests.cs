using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Touchpoint.Server.Features.Assist;
using Touchpoint.Tests.Infrastructure;

namespace Touchpoint.Tests.Postgres;

/// <summary>Assist on PostgreSQL: models stored as bytea, the queue leased by rows, escalation and a correction's retraining.</summary>
public sealed class PostgresAssistTests
{
    [PostgresFact]
    public async Task TextsAreAnalysed_AngerEscalates_AndACorrectionRetrains_OnPostgres()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        using var app = new TouchpointFactory(postgresConnectionString: database.ConnectionString, settings: new() { ["Assist:RetrainDelaySeconds"] = "0.1" });
        await app.CreateBranchAsync("SH");
        var staff = await app.StaffAsync("Frontline", "SH");
        var ids = new List<Guid>();
        foreach (var description in new[] { "This is outrageous! I am furious and your staff are useless!!!", "我的银行卡丢了，请帮我挂失。" })
            ids.Add((await (await staff.PostAsJsonAsync("/api/cases", new { subject = "Help", description, channel = "phone", customer = new { name = "张三" } }))
                .JsonAsync(HttpStatusCode.Created))["id"]!.GetValue<Guid>());
        await app.Services.GetRequiredService<AssistQueue>().DrainAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal("high", (await (await staff.GetAsync($"/api/cases/{ids[0]}")).JsonAsync())["priority"]!.GetValue<string>());
        var analysis = (await (await staff.GetAsync($"/api/assist/cases/{ids[1]}")).JsonAsync())[0]!;
        Assert.Equal("lost_card", analysis["intent"]!.GetValue<string>());
        Assert.Equal(0, await app.WithDbAsync(db => db.AssistAnalyses.CountAsync(a => a.AnalysedAt == null || a.LeaseToken != null)));

        await (await staff.PostAsJsonAsync($"/api/assist/analyses/case/{ids[1]}/correction", new { intent = "fees" })).ShouldBeAsync(HttpStatusCode.OK);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await app.WithDbAsync(db => db.AssistModels.AnyAsync(m => m.Version < 2)) && DateTime.UtcNow < deadline) await Task.Delay(200);
        Assert.True(await app.WithDbAsync(db => db.AssistModels.AllAsync(m => m.Version == 2 && m.Data.Length > 1000)));
    }
}
