using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Localization;

namespace Touchpoint.Server.Features.Knowledge;

/// <summary>
/// The demo bank's knowledge base: help-centre articles and staff procedures in the four languages, each owned by the
/// trainer of the branch that speaks it, some due for review, one translation still a draft and one article of the
/// Shanghai branch's own.
/// </summary>
public static class KnowledgeDemoData
{
    public static async Task SeedAsync(TouchpointDb db, TimeProvider clock, CancellationToken ct)
    {
        if (await db.KnowledgeArticles.AnyAsync(ct)) return;
        var owners = await db.Users.Where(u => u.UserName.EndsWith(".trainer"))
            .Select(u => new { u.Id, u.UserName, u.DisplayName }).ToDictionaryAsync(u => u.UserName, ct);
        var shanghai = await db.Branches.Where(b => b.Code == "SH").Select(b => (Guid?)b.Id).FirstOrDefaultAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var byLanguage = new (string Language, string Owner)[]
            { (Languages.ZhCn, "sh.trainer"), (Languages.ZhTw, "tpe.trainer"), (Languages.KoKr, "sel.trainer"), (Languages.EnUs, "lon.trainer") };
        for (var i = 0; i < KnowledgeDemoArticles.All.Length; i++)
        {
            var d = KnowledgeDemoArticles.All[i];
            var group = Guid.CreateVersion7();
            var texts = new[] { d.ZhCn, d.ZhTw, d.KoKr, d.EnUs };
            for (var k = 0; k < byLanguage.Length; k++)
            {
                var (language, owner) = byLanguage[k];
                // The Korean annual-fee page is still being written: a draft shows how translations are worked on.
                var state = i == 5 && language == Languages.KoKr ? ArticleStates.Draft : d.State;
                Add(db, group, language, texts[k], state, d.ReviewInDays, d.Yes / (k + 1), d.No / (k + 1), null,
                    owners.GetValueOrDefault(owner) is { } o ? (o.Id, o.DisplayName) : null, now.AddDays(-30 + i), today);
            }
        }
        if (shanghai is not null)
            Add(db, Guid.CreateVersion7(), Languages.ZhCn,
                new DemoText("陆家嘴支行停车与无障碍通道", "支行地下车库为客户提供一小时免费停车，东侧入口设有无障碍坡道。", "网点服务", ["停车", "无障碍"],
                    "## 停车\n\n从陆家嘴环路进入地下车库，办理业务后请在柜台盖章，可免费停车一小时。\n\n## 无障碍\n\n东侧入口设有坡道和呼叫按钮，大厅配有轮椅和低位服务窗口（3 号窗口）。"),
                ArticleStates.Published, 45, 6, 0, shanghai, owners.GetValueOrDefault("sh.trainer") is { } sh ? (sh.Id, sh.DisplayName) : null, now.AddDays(-5), today);
        await db.SaveChangesAsync(ct);
    }

    private static void Add(TouchpointDb db, Guid group, string language, DemoText t, string state, int reviewInDays, int yes, int no, Guid? branchId,
        (Guid Id, string Name)? owner, DateTime at, DateOnly today)
    {
        var article = new KnowledgeArticle
        {
            GroupId = group, Language = language, Title = t.Title, Summary = t.Summary, Body = t.Body, Category = t.Category, Tags = [.. t.Tags],
            State = state, OwnerId = owner?.Id, ReviewBy = today.AddDays(reviewInDays), BranchId = branchId, Version = 1, HelpfulYes = yes,
            HelpfulNo = no, CreatedAt = at, UpdatedAt = at,
        };
        db.KnowledgeArticles.Add(article);
        db.KnowledgeArticleVersions.Add(new KnowledgeArticleVersion
        {
            ArticleId = article.Id, Number = 1, Title = t.Title, Summary = t.Summary, Body = t.Body, Category = t.Category, Tags = [.. t.Tags],
            State = state, AuthorId = owner?.Id, AuthorName = owner?.Name ?? "Touchpoint", CreatedAt = at,
        });
    }
}
