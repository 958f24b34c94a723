using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Touchpoint.Tests.Infrastructure;

namespace Touchpoint.Tests.Knowledge;

/// <summary>Articles: writing, versions with diff and restore, translations, states and who reads what.</summary>
public sealed class KnowledgeArticleTests : IDisposable
{
    private readonly TouchpointFactory app = new();

    internal static object Article(string title, string body, string language = "en-US", string state = "published", string? branch = null,
        Guid? translationOf = null, int? version = null, string? reviewBy = null, string? category = "Cards") => new
    {
        language, title, body, state, branch, translationOf, version, reviewBy, category, summary = title + ".", tags = new[] { "cards" },
    };

    internal static string Id(JsonNode n) => n["id"]!.GetValue<string>();

    [Fact]
    public async Task EverySave_IsAVersion_StaleEditsConflict_DiffShowsLines_RestoreMakesANewVersion()
    {
        await app.CreateBranchAsync("SH");
        var writer = await app.StaffAsync("Supervisor", "SH");
        var other = await app.StaffAsync("Trainer", "SH");
        var created = await (await writer.PostAsJsonAsync("/api/knowledge/articles",
            Article("Lost card", "Freeze the card.\nCall us.\nVisit a branch."))).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(1, created["version"]!.GetValue<int>());
        Assert.True(created["canEdit"]!.GetValue<bool>());
        var id = Id(created);

        var second = await (await writer.PutAsJsonAsync($"/api/knowledge/articles/{id}",
            Article("Lost or stolen card", "Freeze the card in the app.\nCall us.\nVisit a branch.", version: 1))).JsonAsync();
        Assert.Equal(2, second["version"]!.GetValue<int>());

        // The trainer opened version 1 before the supervisor saved: their save is refused, naming who saved first.
        var stale = await (await other.PutAsJsonAsync($"/api/knowledge/articles/{id}", Article("Lost card", "Something else", version: 1)))
            .ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("Supervisor", stale["detail"]!.GetValue<string>());
        Assert.Contains("2", stale["detail"]!.GetValue<string>());

        var diff = await (await writer.GetAsync($"/api/knowledge/articles/{id}/diff?from=1&to=2")).JsonAsync();
        Assert.Equal("Lost card", diff["oldTitle"]!.GetValue<string>());
        var lines = diff["lines"]!.AsArray().Select(l => (l!["op"]!.GetValue<string>(), l["text"]!.GetValue<string>())).ToList();
        Assert.Equal([("removed", "Freeze the card."), ("added", "Freeze the card in the app."), ("same", "Call us."), ("same", "Visit a branch.")], lines);

        var restored = await (await other.PostAsJsonAsync($"/api/knowledge/articles/{id}/versions/1/restore", new { version = 2 })).JsonAsync();
        Assert.Equal(3, restored["version"]!.GetValue<int>());
        Assert.Equal("Lost card", restored["title"]!.GetValue<string>());
        Assert.Equal("Freeze the card.\nCall us.\nVisit a branch.", restored["body"]!.GetValue<string>());
        await (await other.PostAsJsonAsync($"/api/knowledge/articles/{id}/versions/1/restore", new { version = 2 })).ProblemAsync(HttpStatusCode.Conflict);

        var versions = (await (await writer.GetAsync($"/api/knowledge/articles/{id}/versions")).JsonAsync()).AsArray();
        Assert.Equal([3, 2, 1], versions.Select(v => v!["number"]!.GetValue<int>()));
        Assert.Equal(1, versions[0]!["restoredFrom"]!.GetValue<int>());
        Assert.Equal("Trainer", versions[0]!["authorName"]!.GetValue<string>());
        Assert.Equal("Freeze the card in the app.\nCall us.\nVisit a branch.",
            (await (await writer.GetAsync($"/api/knowledge/articles/{id}/versions/2")).JsonAsync())["body"]!.GetValue<string>());

        await (await writer.GetAsync($"/api/knowledge/articles/{Guid.NewGuid()}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await writer.GetAsync($"/api/knowledge/articles/{id}/versions/9")).ProblemAsync(HttpStatusCode.NotFound);
        await (await writer.GetAsync($"/api/knowledge/articles/{id}/diff?from=1&to=9")).ProblemAsync(HttpStatusCode.NotFound);
        await (await writer.PostAsJsonAsync($"/api/knowledge/articles/{id}/versions/9/restore", new { version = 3 })).ProblemAsync(HttpStatusCode.NotFound);
        await (await writer.PutAsJsonAsync($"/api/knowledge/articles/{Guid.NewGuid()}", Article("x", "y", version: 1))).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task BadInput_IsNamedByField()
    {
        await app.CreateBranchAsync("SH");
        var writer = await app.StaffAsync("Manager", "SH");
        var bad = await (await writer.PostAsJsonAsync("/api/knowledge/articles", new
        {
            language = "fr-FR", title = "", body = (string?)null, state = "live", branch = "XX", ownerId = Guid.NewGuid(), tags = new[] { "" },
            translationOf = Guid.NewGuid(),
        })).ProblemAsync(HttpStatusCode.BadRequest);
        var errors = bad["errors"]!.AsObject();
        foreach (var field in new[] { "language", "title", "body", "state", "branch", "ownerId", "tags[0]", "translationOf" })
            Assert.True(errors.ContainsKey(field), $"no error for {field}: {errors.ToJsonString()}");

        var created = await (await writer.PostAsJsonAsync("/api/knowledge/articles", Article("Hours", "Open 9 to 5."))).JsonAsync(HttpStatusCode.Created);
        var noVersion = await (await writer.PutAsJsonAsync($"/api/knowledge/articles/{Id(created)}", Article("Hours", "Open 9 to 6."))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(noVersion["errors"]!["version"]);
        var diff = await (await writer.GetAsync($"/api/knowledge/articles/{Id(created)}/diff")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(diff["errors"]!["from"]);
        var list = await (await writer.GetAsync("/api/knowledge/articles?state=live&language=xx")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(list["errors"]!["state"]);
        Assert.NotNull(list["errors"]!["language"]);
    }

    [Fact]
    public async Task Translations_ShareAGroup_ShowWhatIsMissing_AndOneLanguageOnce()
    {
        await app.CreateBranchAsync("SH");
        var writer = await app.StaffAsync("Supervisor", "SH");
        var english = await (await writer.PostAsJsonAsync("/api/knowledge/articles", Article("Lost card", "Freeze it."))).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(["zh-CN", "zh-TW", "ko-KR"], english["missingLanguages"]!.AsArray().Select(l => l!.GetValue<string>()));

        var chinese = await (await writer.PostAsJsonAsync("/api/knowledge/articles",
            Article("银行卡挂失", "请立即冻结银行卡。", "zh-CN", "draft", translationOf: Guid.Parse(Id(english))))).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(english["groupId"]!.GetValue<string>(), chinese["groupId"]!.GetValue<string>());
        Assert.Equal(["zh-TW", "ko-KR"], chinese["missingLanguages"]!.AsArray().Select(l => l!.GetValue<string>()));
        var translations = (await (await writer.GetAsync($"/api/knowledge/articles/{Id(english)}")).JsonAsync())["translations"]!.AsArray();
        Assert.Equal("zh-CN", translations.Single()!["language"]!.GetValue<string>());
        Assert.Equal("draft", translations.Single()!["state"]!.GetValue<string>());

        // Translating from the translation joins the same group; a second Chinese one is refused.
        await (await writer.PostAsJsonAsync("/api/knowledge/articles", Article("카드 분실", "카드를 정지하세요.", "ko-KR", translationOf: Guid.Parse(Id(chinese)))))
            .ShouldBeAsync(HttpStatusCode.Created);
        var twice = await (await writer.PostAsJsonAsync("/api/knowledge/articles", Article("挂失", "另一篇", "zh-CN", translationOf: Guid.Parse(Id(english)))))
            .ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("zh-CN", twice["detail"]!.GetValue<string>());
        var group = (await (await writer.GetAsync($"/api/knowledge/articles/{Id(english)}")).JsonAsync());
        Assert.Equal(["zh-TW"], group["missingLanguages"]!.AsArray().Select(l => l!.GetValue<string>()));
    }

    [Fact]
    public async Task StatesAndRoles_DecideWhoReadsAndWrites()
    {
        await app.CreateBranchAsync("SH");
        await app.CreateBranchAsync("TPE");
        var writer = await app.StaffAsync("Supervisor", "SH");
        var frontline = await app.StaffAsync("Frontline", "SH");
        var taipei = await app.StaffAsync("Supervisor", "TPE");
        var published = Id(await (await writer.PostAsJsonAsync("/api/knowledge/articles", Article("Opening hours", "Open from nine."))).JsonAsync(HttpStatusCode.Created));
        var inside = Id(await (await writer.PostAsJsonAsync("/api/knowledge/articles", Article("Calming upset customers", "Acknowledge first.", state: "internal"))).JsonAsync(HttpStatusCode.Created));
        var draft = Id(await (await writer.PostAsJsonAsync("/api/knowledge/articles", Article("Parking", "Half written.", state: "draft"))).JsonAsync(HttpStatusCode.Created));
        var local = Id(await (await writer.PostAsJsonAsync("/api/knowledge/articles", Article("Lujiazui parking", "Basement garage.", branch: "SH"))).JsonAsync(HttpStatusCode.Created));

        // Front-line staff read internal and published, not drafts, and write nothing.
        var seen = (await (await frontline.GetAsync("/api/knowledge/articles")).JsonAsync())["items"]!.AsArray().Select(a => Id(a!)).ToList();
        Assert.Equal(new[] { published, inside, local }.Order(), seen.Order());
        await (await frontline.GetAsync($"/api/knowledge/articles/{draft}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await frontline.PostAsJsonAsync("/api/knowledge/articles", Article("Mine", "No."))).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.False((await (await frontline.GetAsync($"/api/knowledge/articles/{published}")).JsonAsync())["canEdit"]!.GetValue<bool>());

        // A branch's own article: not for other branches' staff, and only its branch edits it.
        var taipeiSees = (await (await taipei.GetAsync("/api/knowledge/articles")).JsonAsync())["items"]!.AsArray().Select(a => Id(a!)).ToList();
        Assert.DoesNotContain(local, taipeiSees);
        Assert.Contains(draft, taipeiSees);
        await (await taipei.GetAsync($"/api/knowledge/articles/{local}")).ProblemAsync(HttpStatusCode.NotFound);
        var manager = await app.StaffAsync("Manager");
        await (await manager.PutAsJsonAsync($"/api/knowledge/articles/{local}", Article("Lujiazui parking", "Basement garage, one hour free.", branch: "SH", version: 1)))
            .ShouldBeAsync(HttpStatusCode.OK);
        var forbiddenBranch = await (await taipei.PostAsJsonAsync("/api/knowledge/articles", Article("Parking", "x", branch: "SH"))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(forbiddenBranch["errors"]!["branch"]);

        // The public reads published articles only, organisation-wide plus the branch's own on its help centre.
        var visitor = app.CreateClient();
        await (await visitor.GetAsync("/api/knowledge/articles")).ShouldBeAsync(HttpStatusCode.Unauthorized);
        await (await visitor.GetAsync($"/api/public/help/articles/{published}")).ShouldBeAsync(HttpStatusCode.OK);
        await (await visitor.GetAsync($"/api/public/help/articles/{inside}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await visitor.GetAsync($"/api/public/help/articles/{draft}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await visitor.GetAsync($"/api/public/help/articles/{local}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await visitor.GetAsync($"/api/public/help/articles/{local}?branch=SH")).ShouldBeAsync(HttpStatusCode.OK);
        static IEnumerable<string> Listed(JsonNode home) => home["categories"]!.AsArray().SelectMany(c => c!["articles"]!.AsArray()).Select(a => Id(a!));
        Assert.Equal([published], Listed(await (await visitor.GetAsync("/api/public/help?language=en-US")).JsonAsync()));
        var sh = await (await visitor.GetAsync("/api/public/help?language=en-US&branch=sh")).JsonAsync();
        Assert.Equal(new[] { published, local }.Order(), Listed(sh).Order());
        Assert.Equal("SH", sh["branch"]!["code"]!.GetValue<string>());
        await (await visitor.GetAsync("/api/public/help?branch=NOPE")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task DueForReview_ListsArticlesWhoseDateHasCome_SoonestFirst()
    {
        await app.CreateBranchAsync("SH");
        var writer = await app.StaffAsync("Trainer", "SH");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var late = Id(await (await writer.PostAsJsonAsync("/api/knowledge/articles", Article("Fees", "Fee table.", reviewBy: today.AddDays(-30).ToString("yyyy-MM-dd")))).JsonAsync(HttpStatusCode.Created));
        var due = Id(await (await writer.PostAsJsonAsync("/api/knowledge/articles", Article("Hours", "Nine to five.", reviewBy: today.ToString("yyyy-MM-dd")))).JsonAsync(HttpStatusCode.Created));
        await (await writer.PostAsJsonAsync("/api/knowledge/articles", Article("Cards", "Card types.", reviewBy: today.AddDays(10).ToString("yyyy-MM-dd")))).ShouldBeAsync(HttpStatusCode.Created);
        await (await writer.PostAsJsonAsync("/api/knowledge/articles", Article("Loans", "Loan types."))).ShouldBeAsync(HttpStatusCode.Created);
        var list = await (await writer.GetAsync("/api/knowledge/articles?due=true")).JsonAsync();
        Assert.Equal([late, due], list["items"]!.AsArray().Select(a => Id(a!)));
        Assert.All(list["items"]!.AsArray(), a => Assert.True(a!["dueForReview"]!.GetValue<bool>()));
        var mine = await (await writer.GetAsync("/api/knowledge/articles?mine=true&category=Cards")).JsonAsync();
        Assert.Equal(4, mine["total"]!.GetValue<int>());
        Assert.Equal("Trainer", mine["items"]![0]!["ownerName"]!.GetValue<string>());
    }

    public void Dispose() => app.Dispose();
}
