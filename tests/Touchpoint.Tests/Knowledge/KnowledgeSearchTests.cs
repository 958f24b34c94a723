using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Touchpoint.Tests.Infrastructure;
using static Touchpoint.Tests.Knowledge.KnowledgeArticleTests;

namespace Touchpoint.Tests.Knowledge;

/// <summary>Article search in Chinese, Korean and English, helpful votes, and suggestions for a case's or chat's words.</summary>
public sealed class KnowledgeSearchTests : IDisposable
{
    private readonly TouchpointFactory app = new();

    private async Task<(HttpClient Writer, Dictionary<string, string> Ids)> SeedAsync()
    {
        await app.CreateBranchAsync("SH");
        var writer = await app.StaffAsync("Manager");
        var ids = new Dictionary<string, string>();
        async Task<string> Add(string key, object article) =>
            ids[key] = Id(await (await writer.PostAsJsonAsync("/api/knowledge/articles", article)).JsonAsync(HttpStatusCode.Created));
        var card = await Add("card-en", Article("Lost or stolen card", "Freeze your card in the app, then visit a branch for a replacement."));
        await Add("card-zh", Article("银行卡挂失", "如果您的银行卡丢失，请立即在手机银行冻结并挂失，再到网点补卡。", "zh-CN", translationOf: Guid.Parse(card)));
        await Add("card-ko", Article("카드 분실 신고", "카드를 분실했을 때는 바로 모바일 뱅킹에서 정지하고 지점에서 재발급받으세요.", "ko-KR", translationOf: Guid.Parse(card)));
        await Add("fee-zh", Article("信用卡年费减免", "刷卡满六次即可减免次年年费。挂失补卡不影响减免。", "zh-CN", category: "银行卡"));
        await Add("hours-en", Article("Opening hours", "Branches open at nine. Cards can be collected until five."));
        await Add("script", Article("Calming an upset customer", "Acknowledge the feeling about the lost card first.", state: "internal"));
        await Add("draft", Article("Card draft", "Unfinished text about a lost card.", state: "draft"));
        return (writer, ids);
    }

    private static List<string> Ids(JsonNode result) => result["items"]!.AsArray().Select(i => Id(i!)).ToList();

    [Fact]
    public async Task Search_FindsChineseKoreanAndEnglishWords_InTheReadersLanguage()
    {
        var (writer, ids) = await SeedAsync();
        var visitor = app.CreateClient();

        // A two-character Chinese word inside a longer sentence; the article with it in its title ranks first.
        var zh = await (await visitor.GetAsync("/api/public/help/search?q=挂失&language=zh-CN")).JsonAsync();
        Assert.Equal([ids["card-zh"], ids["fee-zh"]], Ids(zh));
        Assert.Contains(zh["items"]![0]!["title"]!.AsArray(), p => p!["hit"]!.GetValue<bool>() && p["text"]!.GetValue<string>() == "挂失");
        // Traditional characters find the simplified text.
        Assert.Contains(ids["card-zh"], Ids(await (await visitor.GetAsync("/api/public/help/search?q=掛失&language=zh-CN")).JsonAsync()));
        // A Korean word inside a longer phrase with its particle and ending.
        Assert.Equal([ids["card-ko"]], Ids(await (await visitor.GetAsync("/api/public/help/search?q=분실&language=ko-KR")).JsonAsync()));
        Assert.Equal([ids["card-ko"]], Ids(await (await visitor.GetAsync("/api/public/help/search?q=카드를&language=ko-KR")).JsonAsync()));
        // English stems: "cards" finds "card" (and the tag "cards" of an article that exists only in Chinese, shown in
        // Chinese for want of an English one); the English reader gets the English translation of a Korean match.
        var en = await (await visitor.GetAsync("/api/public/help/search?q=cards&language=en-US")).JsonAsync();
        Assert.Equal(new[] { ids["card-en"], ids["hours-en"], ids["fee-zh"] }.Order(), Ids(en).Order());
        Assert.Equal("zh-CN", en["items"]!.AsArray().Single(i => Id(i!) == ids["fee-zh"])!["language"]!.GetValue<string>());
        Assert.Equal([ids["card-en"]], Ids(await (await visitor.GetAsync("/api/public/help/search?q=분실&language=en-US")).JsonAsync()));

        // A whole sentence no article holds every word of: the closest articles, flagged as such.
        var relaxed = await (await visitor.GetAsync("/api/public/help/search?q=" + Uri.EscapeDataString("카드 분실했어요 어떡하죠") + "&language=ko-KR")).JsonAsync();
        Assert.True(relaxed["relaxed"]!.GetValue<bool>());
        Assert.Equal(ids["card-ko"], Ids(relaxed)[0]);

        // Staff also find internal articles; nobody finds drafts.
        var staff = await app.StaffAsync("Frontline", "SH");
        var staffHits = Ids(await (await staff.GetAsync("/api/knowledge/search?q=card&language=en-US")).JsonAsync());
        Assert.Contains(ids["script"], staffHits);
        Assert.DoesNotContain(ids["draft"], staffHits);
        var publicHits = Ids(await (await visitor.GetAsync("/api/public/help/search?q=card&language=en-US")).JsonAsync());
        Assert.DoesNotContain(ids["script"], publicHits);
        Assert.DoesNotContain(ids["draft"], publicHits);

        // Publishing the draft puts it in the index in the same save; unpublishing takes it out of the public's.
        await (await writer.PutAsJsonAsync($"/api/knowledge/articles/{ids["draft"]}", Article("Card draft", "Unfinished text about a lost card.", version: 1)))
            .ShouldBeAsync(HttpStatusCode.OK);
        Assert.Contains(ids["draft"], Ids(await (await visitor.GetAsync("/api/public/help/search?q=unfinished")).JsonAsync()));
        await (await writer.PutAsJsonAsync($"/api/knowledge/articles/{ids["draft"]}", Article("Card draft", "Unfinished text about a lost card.", state: "internal", version: 2)))
            .ShouldBeAsync(HttpStatusCode.OK);
        Assert.Empty(Ids(await (await visitor.GetAsync("/api/public/help/search?q=unfinished")).JsonAsync()));

        var problem = await (await visitor.GetAsync("/api/public/help/search?q=%20")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["q"]);
        await (await visitor.GetAsync("/api/public/help/search?q=card&branch=NOPE")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task HelpfulVotes_CountOncePerBrowser_AndNudgeTheRanking()
    {
        var (writer, ids) = await SeedAsync();
        var twin = Id(await (await writer.PostAsJsonAsync("/api/knowledge/articles", Article("Opening times", "Branches open at nine. Cards can be collected until five."))).JsonAsync(HttpStatusCode.Created));
        var visitor = app.CreateClient();
        async Task<JsonNode> Vote(string id, bool helpful, string voter) =>
            await (await visitor.PostAsJsonAsync($"/api/public/help/articles/{id}/feedback", new { helpful, voter })).JsonAsync();

        var first = await Vote(ids["card-en"], true, "browser-aaaaaaaaaaaa");
        Assert.Equal((1, 0), (first["helpfulYes"]!.GetValue<int>(), first["helpfulNo"]!.GetValue<int>()));
        var again = await Vote(ids["card-en"], true, "browser-aaaaaaaaaaaa");
        Assert.Equal((1, 0), (again["helpfulYes"]!.GetValue<int>(), again["helpfulNo"]!.GetValue<int>()));
        var changed = await Vote(ids["card-en"], false, "browser-aaaaaaaaaaaa");
        Assert.Equal((0, 1), (changed["helpfulYes"]!.GetValue<int>(), changed["helpfulNo"]!.GetValue<int>()));
        var other = await Vote(ids["card-en"], true, "browser-bbbbbbbbbbbb");
        Assert.Equal((1, 1), (other["helpfulYes"]!.GetValue<int>(), other["helpfulNo"]!.GetValue<int>()));
        var article = await (await visitor.GetAsync($"/api/public/help/articles/{ids["card-en"]}")).JsonAsync();
        Assert.Equal(1, article["helpfulNo"]!.GetValue<int>());

        var bad = await (await visitor.PostAsJsonAsync($"/api/public/help/articles/{ids["card-en"]}/feedback", new { voter = "short" })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(bad["errors"]!["voter"]);
        Assert.NotNull(bad["errors"]!["helpful"]);
        await (await visitor.PostAsJsonAsync($"/api/public/help/articles/{ids["script"]}/feedback", new { helpful = true, voter = "browser-aaaaaaaaaaaa" }))
            .ProblemAsync(HttpStatusCode.NotFound);

        // Two articles equally relevant to "collected": the one readers found helpful comes first.
        var before = Ids(await (await visitor.GetAsync("/api/public/help/search?q=collected")).JsonAsync());
        Assert.Equal(new[] { ids["hours-en"], twin }.Order(), before.Order());
        var favourite = before[1];
        for (var i = 0; i < 6; i++) await Vote(favourite, true, $"browser-{i:D16}");
        Assert.Equal(favourite, Ids(await (await visitor.GetAsync("/api/public/help/search?q=collected")).JsonAsync())[0]);
    }

    [Fact]
    public async Task Suggestions_FollowTheCustomersWords_InTheCaseOrChatLanguage()
    {
        var (writer, ids) = await SeedAsync();
        var staff = await app.StaffAsync("Frontline", "SH");
        await (await writer.PostAsJsonAsync("/api/macros", new
        {
            title = new Dictionary<string, string> { ["zh-CN"] = "银行卡挂失指引", ["en-US"] = "Card freeze guidance" },
            body = new Dictionary<string, string> { ["zh-CN"] = "{{customer.name}}，您好！银行卡挂失后可到任一网点补卡。", ["en-US"] = "Dear {{customer.name}}, after freezing a lost card you can replace it at any branch." },
            branch = (string?)null,
        })).ShouldBeAsync(HttpStatusCode.Created);

        // A case opened by staff (in English) about a customer's Chinese words: the card article, in the case's language.
        var created = await (await staff.PostAsJsonAsync("/api/cases", new
        {
            subject = "银行卡丢了", description = "客户说昨天银行卡丢了，想挂失并补办新卡。", channel = "phone", customer = new { name = "王小明" },
        })).JsonAsync(HttpStatusCode.Created);
        var forCase = await (await staff.GetAsync($"/api/knowledge/suggestions?caseId={Id(created)}")).JsonAsync();
        Assert.Equal("en-US", forCase["language"]!.GetValue<string>());
        Assert.Equal(ids["card-en"], Id(forCase["articles"]![0]!));
        Assert.Contains(forCase["macros"]!.AsArray(), m => m!["title"]!.GetValue<string>() == "Card freeze guidance");

        // A chat in Korean: the Korean translation, from the visitor's latest words.
        var visitor = app.CreateClient();
        var chat = await (await visitor.PostAsJsonAsync("/api/chat/visitor/conversations",
            new { branch = "SH", language = "ko-KR", name = "김민준", message = "안녕하세요, 카드를 분실했어요" })).JsonAsync(HttpStatusCode.Created);
        var forChat = await (await staff.GetAsync($"/api/knowledge/suggestions?chatId={chat["conversation"]!["id"]}")).JsonAsync();
        Assert.Equal("ko-KR", forChat["language"]!.GetValue<string>());
        Assert.Equal(ids["card-ko"], Id(forChat["articles"]![0]!));

        // Words being typed, in Chinese, in the body: the fee article for 年费, not the hours. Never in the URL (access logs).
        var typed = await (await staff.PostAsJsonAsync("/api/knowledge/suggestions", new { language = "zh-CN", text = "请问信用卡年费怎么减免" })).JsonAsync();
        Assert.Equal(ids["fee-zh"], Id(typed["articles"]![0]!));
        var inUrl = await (await staff.GetAsync("/api/knowledge/suggestions?language=zh-CN&text=" + Uri.EscapeDataString("请问信用卡年费怎么减免")))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(inUrl["errors"]!["caseId"]);
        var noWords = await (await staff.PostAsJsonAsync("/api/knowledge/suggestions", new { text = " " })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(noWords["errors"]!["text"]);
        var tooLong = await (await staff.PostAsJsonAsync("/api/knowledge/suggestions", new { text = new string('卡', 2001) })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(tooLong["errors"]!["text"]);

        await (await staff.GetAsync($"/api/knowledge/suggestions?caseId={Guid.NewGuid()}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await staff.GetAsync($"/api/knowledge/suggestions?chatId={Guid.NewGuid()}")).ProblemAsync(HttpStatusCode.NotFound);
        var neither = await (await staff.GetAsync("/api/knowledge/suggestions")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(neither["errors"]!["caseId"]);
        await app.CreateBranchAsync("TPE");
        var taipei = await app.StaffAsync("Frontline", "TPE");
        await (await taipei.GetAsync($"/api/knowledge/suggestions?caseId={Id(created)}")).ProblemAsync(HttpStatusCode.Forbidden);
        var trainer = await app.StaffAsync("Trainer", "SH");
        await (await trainer.GetAsync($"/api/knowledge/suggestions?caseId={Id(created)}")).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task GlobalSearch_ShowsABranchsOwnArticles_OnlyToThatBranchsStaff()
    {
        var (writer, ids) = await SeedAsync();
        await app.CreateBranchAsync("TPE");
        var local = Id(await (await writer.PostAsJsonAsync("/api/knowledge/articles",
            Article("Lujiazui parking card", "The basement garage takes the parking card.", branch: "SH"))).JsonAsync(HttpStatusCode.Created));
        async Task<List<string>> Found(HttpClient client, string q = "parking") =>
            (await (await client.GetAsync($"/api/search?q={q}&kinds=article")).JsonAsync())["items"]!.AsArray().Select(i => Id(i!)).ToList();

        Assert.Equal([local], await Found(await app.StaffAsync("Frontline", "SH")));
        Assert.Equal([local], await Found(writer));
        // Another branch's staff see neither the title nor the snippet, nor a count giving the article away.
        var taipei = await app.StaffAsync("Frontline", "TPE");
        Assert.Empty(await Found(taipei));
        Assert.Equal(0, (await (await taipei.GetAsync("/api/search?q=parking&kinds=article")).JsonAsync())["counts"]!["article"]!.GetValue<int>());
        // Organisation-wide articles stay visible to them.
        Assert.Equal([ids["card-en"]], await Found(taipei, "stolen"));
    }

    [Fact]
    public async Task Suggestions_NameTheBranchOfABranchsArticle_ForItsHelpCentreLink()
    {
        var (writer, ids) = await SeedAsync();
        var local = Id(await (await writer.PostAsJsonAsync("/api/knowledge/articles",
            Article("Lujiazui parking card", "The basement garage takes the parking card.", branch: "SH"))).JsonAsync(HttpStatusCode.Created));
        var parking = await (await writer.PostAsJsonAsync("/api/knowledge/suggestions", new { text = "parking card garage", language = "en-US" })).JsonAsync();
        var hit = parking["articles"]!.AsArray().Single(a => Id(a!) == local)!;
        Assert.Equal("SH", hit["branch"]!.GetValue<string>());
        var stolen = await (await writer.PostAsJsonAsync("/api/knowledge/suggestions", new { text = "stolen card", language = "en-US" })).JsonAsync();
        Assert.Null(stolen["articles"]!.AsArray().Single(a => Id(a!) == ids["card-en"])!["branch"]);
    }

    public void Dispose() => app.Dispose();
}
