using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Touchpoint.Server.Platform.Search;
using Touchpoint.Tests.Customers;
using Touchpoint.Tests.Infrastructure;

namespace Touchpoint.Tests.Search;

/// <summary>What the search tests do on SQLite and on PostgreSQL alike, through the API.</summary>
public static class SearchScenarios
{
    public static async Task<JsonNode> CaseAsync(HttpClient staff, string branch, string subject, string description, string customer = "王小明") =>
        await (await staff.PostAsJsonAsync("/api/cases", new
        {
            subject, description, channel = "phone", branch, customer = new { name = customer, phone = "+86 138 0013 8000" },
        })).JsonAsync(HttpStatusCode.Created);

    public static async Task<JsonNode> EncounterAsync(HttpClient staff, string branch, string summary, string channel = "phone") =>
        await (await staff.PostAsJsonAsync("/api/encounters", new { channel, summary, branch })).JsonAsync(HttpStatusCode.Created);

    public static async Task<JsonNode> SearchAsync(HttpClient client, string query, string extra = "") =>
        await (await client.GetAsync("/api/search?q=" + Uri.EscapeDataString(query) + extra)).JsonAsync();

    public static List<JsonNode> Items(JsonNode results) => results["items"]!.AsArray().Select(i => i!).ToList();

    public static List<string> Ids(JsonNode results, string? kind = null) =>
        Items(results).Where(i => kind is null || i["kind"]!.GetValue<string>() == kind).Select(i => i["id"]!.GetValue<string>()).ToList();

    public static string Text(JsonNode? parts) => string.Concat(parts!.AsArray().Select(p => p!["text"]!.GetValue<string>()));

    public static List<string> Highlights(JsonNode? parts) =>
        parts!.AsArray().Where(p => p!["hit"]!.GetValue<bool>()).Select(p => p!["text"]!.GetValue<string>()).ToList();

    /// <summary>A caller's cap on candidates (the article search's) keeps the newest matches, and only that many.</summary>
    public static async Task CapKeepsTheNewestMatchesAsync(TouchpointFactory app)
    {
        await app.CreateBranchAsync("SH");
        var sh = await app.StaffAsync("Frontline", "SH");
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++) ids.Add(Guid.Parse((await CaseAsync(sh, "SH", $"退款申请 {i}", "客户询问退款进度。"))["id"]!.GetValue<string>()));
        var engine = app.Services.GetRequiredService<SearchEngine>();
        var cases = engine.Sources.First(s => s.Kind == "case");
        var terms = SearchTokenizer.Query("退款");
        var capped = await app.WithDbAsync(db => engine.CandidatesAsync(db, new ClaimsPrincipal(), terms, cases, null, CancellationToken.None, cap: 2));
        Assert.Equal([ids[4], ids[3]], capped.Select(c => c.EntityId));
        var all = await app.WithDbAsync(db => engine.CandidatesAsync(db, new ClaimsPrincipal(), terms, cases, null, CancellationToken.None));
        Assert.Equal(5, all.Count);
    }

    /// <summary>
    /// The newest matches come first however far apart they lie in the index's history: on PostgreSQL each block of it
    /// is asked in turn (<see cref="SearchSegments"/>), small ones first, then everything older than the last block.
    /// </summary>
    public static async Task NewestMatchesAcrossTheIndexHistoryAsync(TouchpointFactory app)
    {
        var engine = app.Services.GetRequiredService<SearchEngine>();
        var cases = engine.Sources.First(s => s.Kind == "case");
        var first = await app.WithDbAsync(async db => await db.SearchEntries.MaxAsync(e => (long?)e.Id) ?? 0) + 1;
        long[] matching = [0, 5_000, 70_000, 300_000, 2_500_000, 25_000_000, 29_990_000, 30_000_000];
        long[] other = [1, 9_000_000, 30_000_001];
        var entities = new Dictionary<long, Guid>();
        await app.WithDbAsync(async db =>
        {
            foreach (var offset in matching.Concat(other))
            {
                entities[offset] = Guid.NewGuid();
                var text = matching.Contains(offset) ? $"蓝鲸卡挂失 {offset}" : $"信用卡年费 {offset}";
                db.SearchEntries.Add(new SearchEntry
                {
                    Id = first + offset, Kind = cases.Kind, EntityId = entities[offset], At = DateTime.UtcNow,
                    Terms = SearchTokenizer.IndexText(text, cases.TermPrefix),
                });
            }
            return await db.SaveChangesAsync();
        });
        var terms = SearchTokenizer.Query("蓝鲸 挂失");
        var newestFirst = matching.Reverse().Select(o => entities[o]).ToList();
        var all = await app.WithDbAsync(db => engine.CandidatesAsync(db, new ClaimsPrincipal(), terms, cases, null, CancellationToken.None));
        Assert.Equal(newestFirst, all.Select(c => c.EntityId));
        var three = await app.WithDbAsync(db => engine.CandidatesAsync(db, new ClaimsPrincipal(), terms, cases, null, CancellationToken.None, cap: 3));
        Assert.Equal(newestFirst.Take(3), three.Select(c => c.EntityId));
        var six = await app.WithDbAsync(db => engine.CandidatesAsync(db, new ClaimsPrincipal(), terms, cases, null, CancellationToken.None, cap: 6));
        Assert.Equal(newestFirst.Take(6), six.Select(c => c.EntityId));
    }

    /// <summary>
    /// Chinese and Korean words inside longer phrases and in inflected forms, English with stems, ranking by relevance,
    /// branch scoping as the lists have it, and updates followed in the same transaction.
    /// </summary>
    public static async Task FindsRanksScopesAndFollowsUpdatesAsync(TouchpointFactory app)
    {
        await app.CreateBranchAsync("SH");
        await app.CreateBranchAsync("SEL");
        var sh = await app.StaffAsync("Frontline", "SH");
        var sel = await app.StaffAsync("Frontline", "SEL");
        var manager = await app.StaffAsync("Manager");

        var refund = await CaseAsync(sh, "SH", "商品质量问题", "我想申请退款因为商品坏了，请尽快处理。");
        var often = await CaseAsync(sh, "SH", "退款申请：退款进度", "客户第三次来电询问退款进度，希望今天退款到账。");
        var other = await CaseAsync(sh, "SH", "更换地址", "客户要求更新通讯地址。");
        var korean = await EncounterAsync(sel, "SEL", "고객이 환불받고싶어요 라고 말씀하셨습니다");
        var inflected = await EncounterAsync(sel, "SEL", "카드 환불을 요청하셨고 영수증을 확인했습니다");
        var english = await EncounterAsync(sh, "SH", "Customer asked about refunds for a double charge");

        var found = await SearchAsync(sh, "退款");
        Assert.Equal([often.Id(), refund.Id()], Ids(found)); // three mentions in a short text outrank one
        Assert.Contains("退款", Highlights(Items(found)[1]["snippet"]));
        Assert.Equal("TP-000001", Items(found)[1]["label"]!.GetValue<string>());
        Assert.Equal("SH", Items(found)[1]["branchCode"]!.GetValue<string>());
        Assert.DoesNotContain(other.Id(), Ids(await SearchAsync(sh, "退")));
        Assert.Contains(refund.Id(), Ids(await SearchAsync(sh, "坏")));
        Assert.Equal([refund.Id()], Ids(await SearchAsync(sh, "申請退款"))); // traditional query, simplified text
        Assert.Empty(Items(await SearchAsync(sh, "退款 地址"))); // every word is required

        // Korean: the SH member does not see SEL's encounters; the SEL member finds both forms.
        Assert.Empty(Items(await SearchAsync(sh, "환불")));
        Assert.Equal(new[] { inflected.Id(), korean.Id() }.Order(), Ids(await SearchAsync(sel, "환불")).Order());
        Assert.Equal(new[] { inflected.Id(), korean.Id() }.Order(), Ids(await SearchAsync(sel, "환불을")).Order());
        Assert.Empty(Items(await SearchAsync(sel, "退款")));
        Assert.Equal(2, (await SearchAsync(sel, "환불"))["counts"]!["encounter"]!.GetValue<int>());

        var refunds = await SearchAsync(manager, "REFUND");
        Assert.Equal([english.Id()], Ids(refunds, "encounter"));
        Assert.Equal("phone", Items(refunds)[0]["label"]!.GetValue<string>());
        Assert.Contains(often.Id(), Ids(await SearchAsync(manager, "TP-000002")));

        // A reply is found at once; so is a changed case, and what the change removed is gone.
        await (await sh.PostAsJsonAsync($"/api/cases/{other.Id()}/messages", new { body = "已为客户补发银行卡", visibility = "internal" }))
            .ShouldBeAsync(HttpStatusCode.Created);
        Assert.Equal([other.Id()], Ids(await SearchAsync(sh, "补发")));
        Assert.Equal([other.Id()], Ids(await SearchAsync(manager, "补发 地址")));
    }

    /// <summary>
    /// A customer is found by name but shown masked, with no contact point anywhere in the answer; branch staff find only
    /// customers of their branch; a renamed customer is found by the new name only, an erased one not at all.
    /// </summary>
    public static async Task MasksCustomersAndForgetsErasedOnesAsync(TouchpointFactory app)
    {
        var sh = await CustomerTestData.BranchWithCounterAsync(app, "SH");
        await app.CreateBranchAsync("TPE");
        var tpe = await app.StaffAsync("Frontline", "TPE");
        var manager = await app.StaffAsync("Manager");
        var wang = await CustomerTestData.CreateAsync(sh, new
        {
            name = "王晓明", phones = new[] { "13912345678" }, emails = new[] { "xiaoming.wang@example.com" }, language = "zh-CN", tags = new[] { "退款跟进" },
        });
        var smith = await CustomerTestData.CreateAsync(sh, new { name = "Olivia Quenby", language = "en-US" });

        var found = await (await sh.GetAsync("/api/search?q=" + Uri.EscapeDataString("晓明"))).Content.ReadAsStringAsync();
        var hit = Assert.Single(Items(JsonNode.Parse(found)!));
        Assert.Equal(wang.Id(), hit["id"]!.GetValue<string>());
        Assert.Equal("customer", hit["kind"]!.GetValue<string>());
        Assert.Equal("王*明", Text(hit["title"]));
        foreach (var secret in new[] { "王晓明", "晓明", "13912345678", "xiaoming" }) Assert.DoesNotContain(secret, found);
        Assert.Single(Items(await SearchAsync(sh, "退款跟进")));
        Assert.Empty(Items(await SearchAsync(sh, "13912345678"))); // contact points are not indexed at all
        Assert.Empty(Items(await SearchAsync(tpe, "晓明"))); // not a customer of TPE
        Assert.Single(Items(await SearchAsync(manager, "晓明")));
        Assert.Equal("O. Q*****", Text(Items(await SearchAsync(sh, "quenby"))[0]["title"]));

        await (await sh.PatchAsJsonAsync($"/api/customers/{smith.Id()}", new { name = "Olivia Marchbank" })).ShouldBeAsync(HttpStatusCode.OK);
        Assert.Empty(Items(await SearchAsync(sh, "quenby")));
        Assert.Single(Items(await SearchAsync(sh, "marchbank")));

        await (await manager.PostAsJsonAsync($"/api/customers/{wang.Id()}/erase", new { reason = "Request in writing" })).ShouldBeAsync(HttpStatusCode.OK);
        Assert.Empty(Items(await SearchAsync(manager, "晓明")));
        Assert.Empty(Items(await SearchAsync(manager, "退款跟进")));
        var left = await app.WithDbAsync(db => db.SearchEntries.Where(e => e.EntityId == Guid.Parse(wang.Id())).CountAsync());
        Assert.Equal(0, left);
    }

    /// <summary>Pages of a ranked list, kinds filter, and bad parameters answered as problem details naming the field.</summary>
    public static async Task PagesFiltersAndValidatesAsync(TouchpointFactory app)
    {
        await app.CreateBranchAsync("SH");
        var sh = await app.StaffAsync("Frontline", "SH");
        for (var i = 0; i < 23; i++) await EncounterAsync(sh, "SH", $"第{i}位客户咨询信用卡年费");
        await CaseAsync(sh, "SH", "信用卡年费", "客户要求减免年费");

        var first = await SearchAsync(sh, "年费", "&limit=10");
        Assert.Equal(24, first["total"]!.GetValue<int>());
        Assert.Equal(23, first["counts"]!["encounter"]!.GetValue<int>());
        Assert.Equal(10, first["nextOffset"]!.GetValue<int>());
        var seen = Ids(first);
        for (var offset = 10; offset < 24; offset += 10)
            seen.AddRange(Ids(await SearchAsync(sh, "年费", $"&limit=10&offset={offset}")));
        Assert.Equal(24, seen.Distinct().Count());
        Assert.Null((await SearchAsync(sh, "年费", "&limit=10&offset=20"))["nextOffset"]);
        Assert.Equal(["case"], Items(await SearchAsync(sh, "年费", "&kinds=case")).Select(i => i["kind"]!.GetValue<string>()).Distinct());

        foreach (var (query, field) in new[] { ("", "q"), ("?q=", "q"), ("?q=%EF%BC%81%EF%BC%9F", "q"), ("?q=x&kinds=tickets", "kinds"),
                     ("?q=x&limit=0", "limit"), ("?q=x&limit=51", "limit"), ("?q=x&offset=-1", "offset"), ("?q=" + new string('a', 201), "q") })
        {
            var problem = await (await sh.GetAsync("/api/search" + query)).ProblemAsync(HttpStatusCode.BadRequest);
            Assert.True(problem["errors"]!.AsObject().ContainsKey(field), query);
        }
        var reviewer = await app.StaffAsync("QualityReviewer", "SH");
        await (await reviewer.GetAsync("/api/search?q=x&kinds=customer")).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.DoesNotContain("customer", ((await SearchAsync(reviewer, "年费"))["counts"]!.AsObject()).Select(c => c.Key));
        var trainer = await app.StaffAsync("Trainer", "SH");
        // Trainers read the knowledge base only: its articles are all the search gives them.
        await (await trainer.GetAsync("/api/search?q=x&kinds=case")).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(["article"], ((await SearchAsync(trainer, "年费"))["counts"]!.AsObject()).Select(c => c.Key));
        await (await app.CreateBrowserLikeClient().GetAsync("/api/search?q=x")).ShouldBeAsync(HttpStatusCode.Unauthorized);
    }
}
