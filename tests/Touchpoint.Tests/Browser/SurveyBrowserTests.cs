using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Touchpoint.Tests.Feedback;
using Touchpoint.Tests.Infrastructure;

namespace Touchpoint.Tests.Browser;

/// <summary>
/// A customer answers the survey on a phone-sized screen, from the link on their completed ticket, in each of the four
/// languages; an answered link then says so politely. Staff read the measures and the call-back list.
/// </summary>
public sealed class SurveyBrowserTests
{
    private static readonly (string Language, string Question, string Thanks, string Used)[] Languages =
    [
        ("zh-CN", "您对本次服务满意吗？", "感谢您的反馈！", "这份问卷已经提交过了"),
        ("zh-TW", "您對本次服務滿意嗎？", "感謝您的回饋！", "這份問卷已經提交過了"),
        ("ko-KR", "이번 서비스에 만족하셨습니까?", "의견 감사합니다!", "이미 제출되었습니다"),
        ("en-US", "How satisfied are you with the service you received?", "Thank you!", "already been answered"),
    ];

    [BrowserFact]
    public async Task Customer_AnswersOnAPhone_InEachLanguage()
    {
        await using var browser = await BrowserSession.StartAsync(width: 390, height: 844);
        var staff = await FeedbackTestData.BranchAsync(browser.App);
        var page = browser.Page;
        foreach (var (language, question, thanks, used) in Languages)
        {
            var ticket = await FeedbackTestData.ServeAsync(browser.App, staff, language);
            await page.GotoAsync($"/t/{ticket["id"]}");
            await page.GetByTestId("survey-link").ClickAsync();
            await Assertions.Expect(page.GetByText(question)).ToBeVisibleAsync();
            Assert.Equal(language, await page.EvaluateAsync<string>("document.documentElement.lang"));

            var csat = page.GetByTestId("question-csat").GetByRole(AriaRole.Button);
            Assert.Equal(3, await csat.CountAsync());
            var box = await csat.Nth(2).BoundingBoxAsync();
            Assert.True(box!.Height >= 48 && box.Width >= 48, $"touch target {box.Width}x{box.Height}");
            await csat.Nth(2).ClickAsync();
            await page.GetByTestId("question-reasons").GetByRole(AriaRole.Button).Nth(4).ClickAsync();
            await page.GetByTestId("question-effort").GetByRole(AriaRole.Button).Nth(3).ClickAsync();
            await page.GetByTestId("question-nps").GetByRole(AriaRole.Button, new() { Name = "9", Exact = true }).ClickAsync();
            await page.GetByTestId("question-comment").GetByRole(AriaRole.Textbox).FillAsync(language == "en-US" ? "Quick and friendly" : "OK");
            await Assertions.Expect(page.GetByTestId("question-nps").GetByRole(AriaRole.Button, new() { Name = "9", Exact = true })).ToHaveAttributeAsync("aria-pressed", "true");
            await browser.AssertAccessibleAsync();
            await browser.ScreenshotAsync($"feedback-survey-{language}");
            await page.GetByTestId("survey-submit").ClickAsync();
            await Assertions.Expect(page.GetByTestId("survey-thanks")).ToContainTextAsync(thanks);
            await browser.ScreenshotAsync($"feedback-survey-{language}-thanks");

            await page.ReloadAsync();
            await Assertions.Expect(page.GetByTestId("survey-closed")).ToContainTextAsync(new Regex(Regex.Escape(used)));
            if (language == "zh-CN") await browser.ScreenshotAsync("feedback-survey-zh-CN-used");
        }
    }

    [BrowserFact]
    public async Task Manager_ReadsTheMeasures_AndTheCallBackList()
    {
        await using var browser = await BrowserSession.StartAsync(demo: true);
        await browser.SignInAsync("admin", TouchpointFactory.AdminPassword);
        var page = browser.Page;
        await page.GotoAsync("/feedback");
        // The first summary over every branch's demo history can take several seconds on a busy machine.
        await Assertions.Expect(page.GetByTestId("measure-nps")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "LON", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("The wait was too long").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("comments-card")).ToContainTextAsync("comments read");
        await browser.AssertAccessibleAsync();
        await browser.ScreenshotAsync("feedback-measures-en-US");
        await page.GotoAsync("/callbacks");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Phone call-backs" })).ToBeVisibleAsync();
        // The demo's recent dissatisfied customers wait on the list; one opens with the script and the answer form.
        await page.GetByText("Dissatisfied", new() { Exact = true }).First.ClickAsync();
        await Assertions.Expect(page.GetByText("Script")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "No answer" })).ToBeVisibleAsync();
        await browser.AssertAccessibleAsync();
        await browser.ScreenshotAsync("feedback-callbacks-en-US");

        // The designer: the counter survey opens with its five questions, each in four languages.
        await page.GotoAsync("/feedback/templates");
        await page.GetByRole(AriaRole.Cell, new() { Name = "counter", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("Question 5")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Question · 한국어").First).ToHaveValueAsync("이번 서비스에 만족하셨습니까?");
        await browser.ScreenshotAsync("feedback-designer-en-US");
    }
}
