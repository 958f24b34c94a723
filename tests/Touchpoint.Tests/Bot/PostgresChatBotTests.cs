using System.Net;
using System.Net.Http.Json;
using Touchpoint.Tests.Chat;
using Touchpoint.Tests.Infrastructure;

namespace Touchpoint.Tests.Bot;

/// <summary>The bot's answer, hand-over and summary queries (LIKE on the hand-over lines, correlated EXISTS) on PostgreSQL.</summary>
public sealed class PostgresChatBotTests
{
    [PostgresFact]
    public async Task TheBot_AnswersHandsOverAndCounts_OnPostgres()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        using var app = new TouchpointFactory(postgresConnectionString: database.ConnectionString);
        var ids = await ChatBotTests.SeedAsync(app);
        var (answered, started) = await ChatWidgetTests.StartAsync(app, new { branch = "SH", language = "ko-KR", message = "인터넷뱅킹 비밀번호를 재설정하려면 어떻게 하나요?" });
        Assert.Contains($"/help/SH/a/{ids["password-ko"]}", started["conversation"]!["messages"]![1]!["body"]!.GetValue<string>());
        await (await answered.PostAsync("/api/chat/visitor/end", null)).ShouldBeAsync(HttpStatusCode.OK);
        var (_, handedOver) = await ChatWidgetTests.StartAsync(app, new { branch = "SH", language = "zh-CN", message = "转人工" });
        Assert.Equal("waiting", handedOver["conversation"]!["status"]!.GetValue<string>());

        var summary = await (await (await app.StaffAsync("Supervisor", "SH")).GetAsync("/api/chat/bot/summary?branch=SH")).JsonAsync();
        Assert.Equal(1, summary["contained"]!.GetValue<int>());
        Assert.Equal(1, summary["handedOver"]!.GetValue<int>());
        Assert.Equal(0.5, summary["containmentRate"]!.GetValue<double>());
        Assert.Equal("asked", summary["reasons"]![0]!["reason"]!.GetValue<string>());
    }
}
