using System.Net;
using System.Net.Http.Json;
using Touchpoint.Tests.Feedback;
using Touchpoint.Tests.Infrastructure;

namespace Touchpoint.Tests.Postgres;

/// <summary>The survey's core path on PostgreSQL: the link on a served ticket, concurrent answers (row lock, no write gate), measures.</summary>
public sealed class PostgresFeedbackTests
{
    [PostgresFact]
    public async Task SurveyLink_AnswersOnce_AndTheMeasuresAddUp_OnPostgres()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        using var app = new TouchpointFactory(postgresConnectionString: database.ConnectionString);
        var staff = await FeedbackTestData.BranchAsync(app);
        var tokens = new List<string>();
        for (var i = 0; i < 6; i++) tokens.Add(FeedbackTestData.Token(await FeedbackTestData.ServeAsync(app, staff, language: "zh-TW")));

        var survey = await (await FeedbackTestData.Phone(app).GetAsync($"/api/surveys/{tokens[0]}")).JsonAsync();
        Assert.Equal("您對本次服務滿意嗎？", survey["questions"]![0]!["text"]!.GetValue<string>());

        // Every token answered by four phones at once: exactly one of each four wins.
        var attempts = tokens.SelectMany(t => Enumerable.Range(0, 4).Select(i => FeedbackTestData.AnswerAsync(FeedbackTestData.Phone(app), t,
            new { questionId = "nps", value = t == tokens[0] ? 2 : 9 + i % 2 }, new { questionId = "csat", value = 3 }))).ToList();
        var statuses = (await Task.WhenAll(attempts)).Select(r => r.StatusCode).ToList();
        Assert.Equal(6, statuses.Count(s => s == HttpStatusCode.NoContent));
        Assert.Equal(18, statuses.Count(s => s == HttpStatusCode.Conflict));

        var summary = await (await (await app.AdminAsync()).GetAsync("/api/feedback/summary?branch=SH&groupBy=day")).JsonAsync();
        Assert.Equal(6, summary["total"]!["nps"]!["answers"]!.GetValue<int>());
        Assert.Equal(1, summary["total"]!["nps"]!["detractors"]!.GetValue<int>());
        Assert.Equal(1.0, summary["total"]!["responseRate"]!.GetValue<double>());
        Assert.Single(summary["groups"]!.AsArray());
        // The detractor's follow-up case was opened on PostgreSQL too.
        var cases = await (await staff.GetAsync("/api/cases")).JsonAsync();
        Assert.Single(cases["items"]!.AsArray());
    }
}
