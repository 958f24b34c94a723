using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Touchpoint.Tests.Infrastructure;

namespace Touchpoint.Tests.Browser;

/// <summary>A supervisor in Shanghai (working in Chinese, their own language) finds a regular customer by phone, reads the timeline and reveals the phone with a reason.</summary>
public sealed class CustomerBrowserTests
{
    [BrowserFact]
    public async Task Supervisor_FindsCustomerByPhone_ReadsTimeline_AndRevealsWithAReason()
    {
        await using var browser = await BrowserSession.StartAsync(demo: true);
        // The demo regular with the most visits in Shanghai, and their phone as the customer would say it.
        var (id, phone) = await browser.App.WithDbAsync(async db =>
        {
            var sh = await db.Branches.Where(b => b.Code == "SH").Select(b => b.Id).SingleAsync();
            var regular = await db.QueueTickets.Where(t => t.BranchId == sh && t.CustomerId != null)
                .GroupBy(t => t.CustomerId).OrderByDescending(g => g.Count()).Select(g => g.Key!.Value).FirstAsync();
            var number = await db.CustomerContacts.Where(c => c.CustomerId == regular && c.Kind == "phone").Select(c => c.Value).FirstAsync();
            return (regular, number);
        });

        var page = browser.Page;
        await browser.SignInAsync("sh.supervisor", TouchpointFactory.DemoPassword);
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "客户" }).ClickAsync();
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "搜索客户" }).FillAsync(phone);
        await page.Keyboard.PressAsync("Enter");
        var masked = phone[..3] + "****" + phone[^4..];
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = masked })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText(phone)).ToHaveCountAsync(0);
        await browser.AssertAccessibleAsync();
        await browser.ScreenshotAsync("customers-search");

        // The list before the search may already hold this regular (recent customers, kept on screen while the search
        // loads), so open the row that shows their masked phone rather than whichever row comes first.
        await page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Cell, new() { Name = masked }) })
            .GetByRole(AriaRole.Link).ClickAsync();
        await page.WaitForURLAsync($"**/customers/{id}");
        await Assertions.Expect(page.GetByTestId("timeline-queue.ticket").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("timeline-queue.ticket").First).ToContainTextAsync("排队号");
        await browser.AssertAccessibleAsync();
        await browser.ScreenshotAsync("customers-profile-timeline");

        await page.GetByRole(AriaRole.Button, new() { Name = $"查看{masked}" }).ClickAsync();
        await page.GetByLabel("查看原因").FillAsync("客户来电要求回拨");
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "查 看" }).Or(
            page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "查看" })).ClickAsync();
        await Assertions.Expect(page.GetByTestId("customer-profile").GetByText(phone)).ToBeVisibleAsync();
        await browser.ScreenshotAsync("customers-profile-revealed");

        // A new customer at the counter, made on the spot: the profile opens with the phone masked.
        await page.GetByRole(AriaRole.Link, new() { Name = "返回搜索" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "新建客户" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("姓名").FillAsync("欧阳明月");
        await dialog.GetByLabel("电话").FillAsync("13911112222");
        await dialog.GetByRole(AriaRole.Checkbox, new() { Name = "轮椅" }).ClickAsync();
        await Assertions.Expect(dialog.GetByRole(AriaRole.Checkbox, new() { Name = "轮椅" })).ToBeCheckedAsync();
        await dialog.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^保\\s*存$") }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "欧**月" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("customer-profile")).ToContainTextAsync("139****2222");
        await Assertions.Expect(page.GetByTestId("customer-profile")).ToContainTextAsync("轮椅");
        await browser.ScreenshotAsync("customers-created");

        var reason = await browser.App.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "customer.revealed" && e.Target == $"customer:{id}")
            .Select(e => e.Details).SingleAsync());
        Assert.Contains("客户来电要求回拨", reason);
    }

    [BrowserFact]
    public async Task Manager_ExportsAndErasesACustomer_WhoseVisitsStayCounted()
    {
        await using var browser = await BrowserSession.StartAsync(demo: true);
        var (id, visits) = await browser.App.WithDbAsync(async db =>
        {
            var regular = await db.QueueTickets.Where(t => t.CustomerId != null).GroupBy(t => t.CustomerId)
                .OrderByDescending(g => g.Count()).Select(g => new { Id = g.Key!.Value, Visits = g.Count() }).FirstAsync();
            return (regular.Id, regular.Visits);
        });
        var page = browser.Page;
        await browser.SignInAsync("lon.manager", TouchpointFactory.DemoPassword);
        await page.GotoAsync($"/customers/{id}");
        await Assertions.Expect(page.GetByTestId("timeline-queue.ticket").First).ToBeVisibleAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Export (JSON)" }).ClickAsync());
        var exported = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.Contains("\"timeline\"", exported);
        Assert.Contains("\"contacts\"", exported);

        await page.GetByRole(AriaRole.Button, new() { Name = "Erase personal data" }).ClickAsync();
        await page.GetByRole(AriaRole.Tooltip).GetByRole(AriaRole.Button, new() { Name = "Erase personal data" }).ClickAsync();
        await Assertions.Expect(page.GetByText("This customer's personal data was erased; statistics remain.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "(no name)" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("timeline-customer.erased")).ToContainTextAsync("Personal data erased by lon.manager");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Reveal" })).ToHaveCountAsync(0);
        await browser.AssertAccessibleAsync();
        await browser.ScreenshotAsync("customers-erased");
        Assert.Equal(visits, await browser.App.WithDbAsync(db => db.QueueTickets.CountAsync(t => t.CustomerId == id)));
    }
}
