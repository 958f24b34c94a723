using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Touchpoint.Tests.Infrastructure;

namespace Touchpoint.Tests.Browser;

/// <summary>
/// A manager makes a team on the teams page; a member moves a case to it from the case page and shares a view with the
/// team, where the case shows. A manager opens a case in a team from the new-case dialog and picks team names in a
/// case rule. Screenshots of the teams page (English and Chinese), the case page's team picker, the new-case dialog
/// and the rule editor's team names with the warning for a name no team carries.
/// </summary>
public sealed class TeamBrowserTests
{
    [BrowserFact]
    public async Task Manager_MakesATeam_StaffMoveACaseToIt_AndSeeItInTheTeamsView()
    {
        await using var browser = await BrowserSession.StartAsync(demo: true);
        var page = browser.Page;
        await browser.SignInAsync("lon.manager", TouchpointFactory.DemoPassword);
        await page.GetByRole(AriaRole.Link, new() { Name = "Teams" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Branch", Exact = true }).FocusAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Locator(".ant-select-item-option", new() { HasText = "(LON)" }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Cards and payments", Exact = true })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "New team" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Name").FillAsync("Mortgages");
        await dialog.GetByLabel("Members").FocusAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        foreach (var name in new[] { "James Brown", "Amelia Jones" })
            await page.Locator(".ant-select-item-option", new() { HasText = name }).First.ClickAsync();
        await dialog.GetByLabel("Name").ClickAsync(); // closes the member list
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        var row = page.GetByRole(AriaRole.Row, new() { NameRegex = new Regex("Mortgages.*James Brown") });
        await Assertions.Expect(row).ToBeVisibleAsync();
        await Assertions.Expect(row).ToContainTextAsync("Amelia Jones");
        await browser.AssertAccessibleAsync();
        await browser.ScreenshotAsync("teams-admin-en");

        // A member of the new team moves a case to it from the case page.
        var desk = await browser.App.SignInAsync("lon.frontline", TouchpointFactory.DemoPassword);
        var created = await (await desk.PostAsJsonAsync("/api/cases", new
        {
            subject = "Remortgage offer expires on Friday", description = "Can you confirm the fixed rate before my offer runs out?", channel = "phone",
            branch = "LON", customer = new { name = "Grace Evans" },
        })).JsonAsync(HttpStatusCode.Created);
        var member = await browser.NewPersonAsync("lon.frontline", TouchpointFactory.DemoPassword);
        await member.GotoAsync($"/cases/{created["id"]}");
        await Assertions.Expect(member.GetByTestId("case-team")).ToHaveTextAsync("No team");
        await member.GetByTestId("case-team-picker").ClickAsync();
        await Assertions.Expect(member.Locator(".ant-select-item-option", new() { HasText = "Customer care" })).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(member, "case-team-picker-en");
        await member.Locator(".ant-select-item-option", new() { HasText = "Mortgages" }).First.ClickAsync();
        await Assertions.Expect(member.GetByTestId("case-team")).ToHaveTextAsync("Mortgages");
        await Assertions.Expect(member.GetByTestId("case-team-picker")).ToContainTextAsync("Mortgages");
        await BrowserSession.ScreenshotAsync(member, "case-team-chosen-en");

        // They share a view with the team; it lists the case.
        await member.GotoAsync("/cases");
        var views = member.GetByTestId("case-views");
        await views.GetByRole(AriaRole.Button, new() { Name = "Save a view" }).ClickAsync();
        var save = member.GetByRole(AriaRole.Dialog);
        await save.GetByLabel("Name").FillAsync("Mortgage desk");
        await save.GetByText("A team", new() { Exact = true }).ClickAsync();
        await save.GetByLabel("Share with").FocusAsync();
        await member.Keyboard.PressAsync("ArrowDown");
        await member.Locator(".ant-select-item-option", new() { HasText = "Mortgages (LON)" }).First.ClickAsync();
        await save.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(views).ToContainTextAsync("Mortgage desk");
        await Assertions.Expect(views.GetByLabel("Shared with Mortgages")).ToBeVisibleAsync();
        await Assertions.Expect(member.GetByText("Remortgage offer expires on Friday")).ToBeVisibleAsync();
        await Assertions.Expect(member.GetByText(new Regex("^1 cases$"))).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(member, "team-view-en");

        // Only the team's members have it: the supervisor, not in the team, does not.
        var supervisor = await browser.App.SignInAsync("lon.supervisor", TouchpointFactory.DemoPassword);
        var theirs = (await (await supervisor.GetAsync("/api/case-views")).JsonAsync()).AsArray();
        Assert.DoesNotContain(theirs, v => v!["name"]!.GetValue<string>() == "Mortgage desk");
        var backOffice = await browser.App.SignInAsync("lon.backoffice", TouchpointFactory.DemoPassword);
        Assert.Contains((await (await backOffice.GetAsync("/api/case-views")).JsonAsync()).AsArray(), v => v!["name"]!.GetValue<string>() == "Mortgage desk");

        // The teams page in a Shanghai manager's own language (Chinese, from their profile).
        var shanghai = await browser.NewPersonAsync("sh.manager", TouchpointFactory.DemoPassword);
        await shanghai.GotoAsync("/admin/teams");
        await shanghai.GetByRole(AriaRole.Combobox, new() { Name = "网点", Exact = true }).FocusAsync();
        await shanghai.Keyboard.PressAsync("ArrowDown");
        await shanghai.Locator(".ant-select-item-option", new() { HasText = "(SH)" }).First.ClickAsync();
        await Assertions.Expect(shanghai.GetByRole(AriaRole.Cell, new() { Name = "银行卡小组", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(shanghai.GetByRole(AriaRole.Heading, new() { Name = "小组" })).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(shanghai, "teams-admin-zh-CN");
    }

    [BrowserFact]
    public async Task Manager_OpensACaseInATeam_AndPicksTeamNamesInARule()
    {
        await using var browser = await BrowserSession.StartAsync(demo: true);
        var page = browser.Page;
        await browser.SignInAsync("lon.manager", TouchpointFactory.DemoPassword);
        await page.GotoAsync("/cases");
        await page.GetByRole(AriaRole.Button, new() { Name = "New case" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Subject").FillAsync("Card payment taken twice");
        await dialog.GetByLabel("Customer name").FillAsync("Oliver Smith");
        var branch = dialog.GetByRole(AriaRole.Combobox, new() { Name = "Branch" }); // "* Branch": it is required
        var team = dialog.GetByRole(AriaRole.Combobox, new() { Name = "Team", Exact = true });
        // A manager works across branches: the team waits for the branch, and a change of branch clears it.
        await Assertions.Expect(team).ToBeDisabledAsync();
        await PickAsync(page, branch, "SH ·");
        await PickAsync(page, team, "银行卡小组");
        await Assertions.Expect(dialog.GetByTestId("new-case-team")).ToContainTextAsync("银行卡小组");
        await PickAsync(page, branch, "LON ·");
        await Assertions.Expect(dialog.GetByTestId("new-case-team")).ToContainTextAsync("No team");
        await PickAsync(page, team, "Cards and payments");
        await Assertions.Expect(dialog.GetByTestId("new-case-team")).ToContainTextAsync("Cards and payments");
        await browser.AssertAccessibleAsync();
        await browser.ScreenshotAsync("new-case-team-en");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("TP-\\d{6} · Card payment taken twice") })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("case-team")).ToHaveTextAsync("Cards and payments");

        // A rule for every branch offers every branch's team names, and warns about a name none of them has.
        await page.GotoAsync("/admin/case-rules");
        await page.GetByRole(AriaRole.Button, new() { Name = "New rule" }).ClickAsync();
        var editor = page.GetByRole(AriaRole.Dialog);
        await editor.GetByLabel("Name").FillAsync("Card disputes to the card team");
        var action = editor.GetByTestId("rule-action");
        await PickAsync(page, action.GetByRole(AriaRole.Combobox, new() { Name = "Action" }), "Set team");
        var teamName = action.GetByRole(AriaRole.Combobox, new() { Name = "Value" });
        await teamName.FillAsync("card");
        var options = page.Locator(".ant-select-dropdown:visible .ant-select-item-option");
        await Assertions.Expect(options.Filter(new() { HasText = "Cards and payments" })).ToContainTextAsync("LON");
        await Assertions.Expect(options.Filter(new() { HasText = "Customer care" })).ToHaveCountAsync(0);
        await browser.ScreenshotAsync("rule-team-picker-en");
        await options.Filter(new() { HasText = "Cards and payments" }).ClickAsync();
        await Assertions.Expect(teamName).ToHaveValueAsync("Cards and payments");
        await Assertions.Expect(editor.GetByTestId("team-name-warning")).ToHaveCountAsync(0);
        await teamName.FillAsync("Card disputes");
        await Assertions.Expect(action.GetByTestId("team-name-warning")).ToHaveTextAsync("No active team called Card disputes in your branches yet.");

        // A condition on the team takes a name the same way; a rule for one branch offers that branch's names.
        await editor.GetByRole(AriaRole.Button, new() { Name = "Add condition" }).ClickAsync();
        var condition = editor.GetByTestId("rule-condition");
        await PickAsync(page, condition.GetByRole(AriaRole.Combobox, new() { Name = "Field" }), "Team");
        await PickAsync(page, condition.GetByRole(AriaRole.Combobox, new() { Name = "Test" }), "is not");
        await PickAsync(page, editor.GetByRole(AriaRole.Combobox, new() { Name = "Branch", Exact = true }), "LON ·");
        await Assertions.Expect(action.GetByTestId("team-name-warning")).ToHaveTextAsync("No active team called Card disputes in LON yet.");
        await condition.GetByRole(AriaRole.Combobox, new() { Name = "Value" }).ClickAsync();
        await Assertions.Expect(options.Filter(new() { HasText = "银行卡小组" })).ToHaveCountAsync(0);
        await options.Filter(new() { HasText = "Customer care" }).ClickAsync();
        await Assertions.Expect(condition.GetByTestId("team-name-warning")).ToHaveCountAsync(0);
        await browser.AssertAccessibleAsync();
        await browser.ScreenshotAsync("rule-team-names-en");
        await teamName.FillAsync("");
        await teamName.FillAsync("cards and payments");
        await Assertions.Expect(action.GetByTestId("team-name-warning")).ToHaveCountAsync(0);
        await editor.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Card disputes to the card team" })).ToBeVisibleAsync();

        var rules = (await (await (await browser.App.AdminAsync()).GetAsync("/api/case-rules")).JsonAsync()).AsArray();
        var saved = rules.Single(r => r!["name"]!.GetValue<string>() == "Card disputes to the card team")!;
        Assert.Equal("LON", saved["branch"]!.GetValue<string>());
        Assert.Equal("cards and payments", saved["actions"]![0]!["value"]!.GetValue<string>());
        Assert.Equal("Customer care", saved["conditions"]![0]!["value"]!.GetValue<string>());
    }

    /// <summary>Opens a select by keyboard (Ant Design's selects open on a key, not on focus) and clicks the visible option.</summary>
    private static async Task PickAsync(IPage page, ILocator select, string option)
    {
        await select.FocusAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Locator(".ant-select-dropdown:visible .ant-select-item-option", new() { HasText = option }).First.ClickAsync();
    }
}
