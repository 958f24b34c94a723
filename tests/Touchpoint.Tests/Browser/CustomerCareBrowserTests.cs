using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Touchpoint.Tests.Infrastructure;

namespace Touchpoint.Tests.Browser;

/// <summary>A branch manager in Seoul, in Korean: edits a profile, flags a VIP, merges a duplicate and adds a segment.</summary>
public sealed class CustomerCareBrowserTests
{
    [BrowserFact]
    public async Task Manager_EditsFlagsMergesAndSegments()
    {
        await using var browser = await BrowserSession.StartAsync(demo: true);
        var id = await browser.App.WithDbAsync(async db =>
        {
            var sel = await db.Branches.Where(b => b.Code == "SEL").Select(b => b.Id).SingleAsync();
            var candidates = await db.Customers.Where(c => c.HomeBranchId == sel && c.VipUntil == null && c.Status == "active")
                .Select(c => new { c.Id, c.Needs }).ToListAsync();
            return candidates.First(c => c.Needs.Count == 0).Id;
        });
        // The same person registered again on the phone, under a new number.
        var staff = await browser.App.SignInAsync("sel.frontline", TouchpointFactory.DemoPassword, "ko-KR");
        var duplicate = await (await staff.PostAsJsonAsync("/api/customers", new { name = "중복테스트", phones = new[] { "010-9876-5432" }, language = "ko-KR" }))
            .JsonAsync(HttpStatusCode.Created);

        var page = browser.Page;
        await browser.SignInAsync("sel.manager", TouchpointFactory.DemoPassword);
        await page.GotoAsync($"/customers/{id}");
        var profile = page.GetByTestId("customer-profile");

        await page.GetByRole(AriaRole.Button, new() { Name = "수정" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        // Typing first: by then the dialog has finished opening (a checkbox clicked mid-animation can miss).
        await dialog.GetByLabel("이메일 주소 추가").FillAsync("hearing.care@example.kr");
        await dialog.GetByRole(AriaRole.Checkbox, new() { Name = "청각 장애" }).ClickAsync();
        await Assertions.Expect(dialog.GetByRole(AriaRole.Checkbox, new() { Name = "청각 장애" })).ToBeCheckedAsync();
        await browser.ScreenshotAsync("customers-edit");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "저장" }).ClickAsync();
        await Assertions.Expect(profile).ToContainTextAsync("청각 장애");
        await Assertions.Expect(profile).ToContainTextAsync("h***@example.kr");

        await page.GetByRole(AriaRole.Button, new() { Name = "VIP 지정" }).ClickAsync();
        await dialog.GetByLabel("VIP 유효 기간").FillAsync($"{DateTime.UtcNow.Year + 1}-12-31");
        await dialog.GetByLabel("VIP 유효 기간").PressAsync("Enter");
        await dialog.GetByLabel("사유").FillAsync("법인 대표 고객");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "저장" }).ClickAsync();
        await Assertions.Expect(page.GetByText($"VIP 기한 {DateTime.UtcNow.Year + 1}")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "중복 고객 병합" }).ClickAsync();
        await dialog.GetByRole(AriaRole.Combobox).FillAsync("010-9876-5432");
        await page.Locator(".ant-select-item-option").First.ClickAsync();
        await dialog.GetByLabel("같은 사람으로 판단한 이유").FillAsync("전화로 본인 확인");
        await browser.ScreenshotAsync("customers-merge");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "병합" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("timeline-customer.merged")).ToContainTextAsync("전화로 본인 확인");
        await Assertions.Expect(profile).ToContainTextAsync("010****5432");
        Assert.Equal("merged", await browser.App.WithDbAsync(db => db.Customers.Where(c => c.Id == Guid.Parse(duplicate["id"]!.GetValue<string>())).Select(c => c.Status).SingleAsync()));
        await browser.AssertAccessibleAsync();
        await browser.ScreenshotAsync("customers-profile-after-merge");

        await page.GotoAsync("/customers");
        await page.GetByRole(AriaRole.Link, new() { Name = "세그먼트" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "PREMIER" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "세그먼트 추가" }).ClickAsync();
        await dialog.GetByLabel("코드").FillAsync("HEARING");
        await dialog.GetByLabel("이름 · 한국어").FillAsync("청각 배려");
        await dialog.GetByRole(AriaRole.Checkbox, new() { Name = "청각 장애" }).ClickAsync();
        await Assertions.Expect(dialog.GetByRole(AriaRole.Checkbox, new() { Name = "청각 장애" })).ToBeCheckedAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "저장" }).ClickAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "HEARING" });
        await Assertions.Expect(row).ToContainTextAsync("청각 배려");
        var members = (await browser.App.WithDbAsync(db => db.Customers.Where(c => c.Status == "active").Select(c => c.Needs).ToListAsync()))
            .Count(needs => needs.Contains("hearing"));
        await Assertions.Expect(row.GetByRole(AriaRole.Button, new() { Name = members.ToString() })).ToBeVisibleAsync();
        await browser.AssertAccessibleAsync();
        await browser.ScreenshotAsync("customers-segments");
    }
}
