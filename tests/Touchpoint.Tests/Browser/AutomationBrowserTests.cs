using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Touchpoint.Tests.Infrastructure;

namespace Touchpoint.Tests.Browser;

/// <summary>A Shanghai clerk records a promise on a case and keeps it; a Seoul manager writes a rule that then acts on a new case.</summary>
public sealed class AutomationBrowserTests
{
    [BrowserFact]
    public async Task Clerk_RecordsACommitmentInBranchTime_AndMarksItKept()
    {
        await using var browser = await BrowserSession.StartAsync(demo: true);
        var desk = await browser.App.SignInAsync("sh.frontline", TouchpointFactory.DemoPassword, "zh-CN");
        var created = await (await desk.PostAsJsonAsync("/api/cases", new
        {
            subject = "退款进度查询", description = "客户希望周三前知道退款结果", channel = "phone", customer = new { name = "李娜", phone = "13800001111" },
        })).JsonAsync(HttpStatusCode.Created);

        var page = browser.Page;
        await browser.SignInAsync("sh.frontline", TouchpointFactory.DemoPassword);
        await page.GotoAsync($"/cases/{created["id"]}");
        await page.GetByRole(AriaRole.Button, new() { Name = "记录承诺" }).ClickAsync();
        await page.GetByLabel("承诺内容").FillAsync("周三下午三点回电告知退款进度");
        var due = DateTime.UtcNow.AddHours(8).AddDays(2).Date.AddHours(15);
        await page.GetByLabel("到期时间").FillAsync(due.ToString("yyyy-MM-ddTHH:mm"));
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        var item = page.GetByTestId("commitment");
        await Assertions.Expect(item).ToContainTextAsync("周三下午三点回电告知退款进度");
        await Assertions.Expect(item).ToContainTextAsync($"{due:yyyy-MM-dd HH:mm}到期（SH当地时间）");
        await Assertions.Expect(item).ToContainTextAsync("待兑现");
        await Assertions.Expect(page.GetByTestId("case-message").Filter(new() { HasText = "已记录对客户的承诺" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("presence-switch")).ToBeVisibleAsync();
        await browser.AssertAccessibleAsync();
        await browser.ScreenshotAsync("automation-commitment-recorded");

        await item.GetByRole(AriaRole.Button, new() { Name = "标记为已兑现" }).ClickAsync();
        await Assertions.Expect(item).ToContainTextAsync("已兑现");
        await Assertions.Expect(page.GetByTestId("case-message").Filter(new() { HasText = "承诺已兑现" })).ToBeVisibleAsync();

        await page.GotoAsync("/commitments");
        await page.GetByText("已兑现", new() { Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "周三下午三点回电告知退款进度" })).ToBeVisibleAsync();
        await browser.AssertAccessibleAsync();
        await browser.ScreenshotAsync("automation-my-commitments");
    }

    [BrowserFact]
    public async Task Manager_WritesARuleInKorean_ThatTagsANewCase()
    {
        await using var browser = await BrowserSession.StartAsync(demo: true);
        var page = browser.Page;
        await browser.SignInAsync("sel.manager", TouchpointFactory.DemoPassword);
        await page.GotoAsync("/admin/case-rules");
        await page.GetByRole(AriaRole.Button, new() { Name = "새 규칙" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("이름").FillAsync("환불 문의 우선 처리");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "조건 추가" }).ClickAsync();
        await dialog.GetByTestId("rule-condition").GetByLabel("값").FillAsync("환불");
        await dialog.GetByTestId("rule-action").GetByLabel("값").FillAsync("환불");
        await dialog.GetByRole(AriaRole.Switch).ClickAsync();
        await Assertions.Expect(dialog.GetByRole(AriaRole.Switch)).ToBeCheckedAsync();
        await browser.AssertAccessibleAsync();
        await browser.ScreenshotAsync("automation-rule-editor");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "저장" }).ClickAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "환불 문의 우선 처리" });
        await Assertions.Expect(row).ToContainTextAsync("케이스가 생성될 때");
        await Assertions.Expect(row).ToContainTextAsync("제목 포함 환불");
        await Assertions.Expect(row.GetByRole(AriaRole.Switch)).ToBeCheckedAsync();
        await browser.ScreenshotAsync("automation-rules-list");

        // Auto-assignment for Seoul: switched on here, with each person's skills and load.
        await page.GetByRole(AriaRole.Tab, new() { Name = "자동 배정" }).ClickAsync();
        await page.GetByRole(AriaRole.Switch, new() { Name = "이 지점의 새 케이스 자동 배정" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Switch, new() { Name = "이 지점의 새 케이스 자동 배정" })).ToBeCheckedAsync();
        Assert.True(await browser.App.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.AutoAssignPools, p => p.Enabled)));
        await browser.AssertAccessibleAsync();
        await browser.ScreenshotAsync("automation-assignment");

        var desk = await browser.App.SignInAsync("sel.frontline", TouchpointFactory.DemoPassword, "ko-KR");
        var created = await (await desk.PostAsJsonAsync("/api/cases", new
        {
            subject = "카드 결제 환불받고싶어요", channel = "phone", customer = new { name = "김민수", phone = "01012345678" },
        })).JsonAsync(HttpStatusCode.Created);
        var detail = await (await desk.GetAsync($"/api/cases/{created["id"]}")).JsonAsync();
        Assert.Contains("환불", detail["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        await page.GotoAsync($"/cases/{created["id"]}");
        await Assertions.Expect(page.GetByTestId("case-message").Filter(new() { HasText = "자동 규칙 '환불 문의 우선 처리' 실행" })).ToBeVisibleAsync();
        await browser.ScreenshotAsync("automation-rule-fired");
    }
}
