using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Touchpoint.Tests.Infrastructure;
using static Touchpoint.Tests.Knowledge.KnowledgeArticleTests;

namespace Touchpoint.Tests.Knowledge;

/// <summary>
/// The knowledge base on PostgreSQL, where storage differs: the GIN index over article terms, dates for review, the
/// version as a concurrency token and the set-based vote counters.
/// </summary>
public sealed class PostgresKnowledgeTests
{
    [PostgresFact]
    public async Task ArticlesVersionsSearchVotesAndReview_WorkOnPostgres()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        using var app = new TouchpointFactory(postgresConnectionString: database.ConnectionString);
        await app.CreateBranchAsync("SH");
        var writer = await app.StaffAsync("Supervisor", "SH");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var english = await (await writer.PostAsJsonAsync("/api/knowledge/articles",
            Article("Lost card", "Freeze the card.\nVisit a branch.", reviewBy: today.AddDays(-1).ToString("yyyy-MM-dd")))).JsonAsync(HttpStatusCode.Created);
        var chinese = await (await writer.PostAsJsonAsync("/api/knowledge/articles",
            Article("银行卡挂失", "如果您的银行卡丢失，请立即挂失。", "zh-CN", translationOf: Guid.Parse(Id(english))))).JsonAsync(HttpStatusCode.Created);
        var korean = await (await writer.PostAsJsonAsync("/api/knowledge/articles",
            Article("카드 분실 신고", "카드를 분실했을 때는 바로 정지하세요.", "ko-KR", translationOf: Guid.Parse(Id(english))))).JsonAsync(HttpStatusCode.Created);
        await (await writer.PostAsJsonAsync("/api/knowledge/articles", Article("挂失", "x", "zh-CN", translationOf: Guid.Parse(Id(english)))))
            .ProblemAsync(HttpStatusCode.Conflict);

        await (await writer.PutAsJsonAsync($"/api/knowledge/articles/{Id(english)}", Article("Lost card", "Freeze the card now.\nVisit a branch.", version: 1,
            reviewBy: today.AddDays(-1).ToString("yyyy-MM-dd"))))
            .ShouldBeAsync(HttpStatusCode.OK);
        await (await writer.PutAsJsonAsync($"/api/knowledge/articles/{Id(english)}", Article("Lost card", "Other.", version: 1)))
            .ProblemAsync(HttpStatusCode.Conflict);
        var diff = await (await writer.GetAsync($"/api/knowledge/articles/{Id(english)}/diff?from=1&to=2")).JsonAsync();
        Assert.Equal(["removed", "added", "same"], diff["lines"]!.AsArray().Select(l => l!["op"]!.GetValue<string>()));

        var visitor = app.CreateClient();
        static List<string> Ids(JsonNode r) => r["items"]!.AsArray().Select(i => Id(i!)).ToList();
        Assert.Equal([Id(chinese)], Ids(await (await visitor.GetAsync("/api/public/help/search?q=挂失&language=zh-CN")).JsonAsync()));
        Assert.Equal([Id(korean)], Ids(await (await visitor.GetAsync("/api/public/help/search?q=분실&language=ko-KR")).JsonAsync()));
        Assert.Equal([Id(english)], Ids(await (await visitor.GetAsync("/api/public/help/search?q=분실&language=en-US")).JsonAsync()));

        var voter = "pg-browser-0000000000";
        await (await visitor.PostAsJsonAsync($"/api/public/help/articles/{Id(korean)}/feedback", new { helpful = true, voter })).ShouldBeAsync(HttpStatusCode.OK);
        var changed = await (await visitor.PostAsJsonAsync($"/api/public/help/articles/{Id(korean)}/feedback", new { helpful = false, voter })).JsonAsync();
        Assert.Equal((0, 1), (changed["helpfulYes"]!.GetValue<int>(), changed["helpfulNo"]!.GetValue<int>()));

        var due = await (await writer.GetAsync("/api/knowledge/articles?due=true")).JsonAsync();
        Assert.Equal([Id(english)], due["items"]!.AsArray().Select(a => Id(a!)));
        var suggested = await (await writer.PostAsJsonAsync("/api/knowledge/suggestions", new { language = "zh-CN", text = "我的银行卡丢了怎么挂失" })).JsonAsync();
        Assert.Equal(Id(chinese), Id(suggested["articles"]![0]!));
    }
}
