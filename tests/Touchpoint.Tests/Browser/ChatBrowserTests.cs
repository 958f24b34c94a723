using Microsoft.Playwright;
using Touchpoint.Tests.Infrastructure;

namespace Touchpoint.Tests.Browser;

/// <summary>
/// A visitor on somebody else's site (a plain page with the script tag, served from another origin, with hostile CSS)
/// chats in Korean with a member of staff in the Seoul branch's console, with screenshots of both sides.
/// </summary>
public sealed class ChatBrowserTests
{
    [BrowserFact]
    public async Task Visitor_OnAnySite_ChatsWithStaff_InTheConsole()
    {
        await using var browser = await BrowserSession.StartAsync(demo: true, settings: Chat.ChatWidgetTests.NoBot());
        var staff = browser.Page;
        await browser.SignInAsync("sel.frontline", TouchpointFactory.DemoPassword);
        await staff.GotoAsync("/chats");
        await Assertions.Expect(staff.GetByRole(AriaRole.Heading, new() { Name = "채팅 상담" })).ToBeVisibleAsync();

        // The visitor's own browser, on a shop's page that styles everything it can reach.
        await using var visitorContext = await staff.Context.Browser!.NewContextAsync(new()
        {
            Locale = "ko-KR", ViewportSize = new() { Width = 1000, Height = 760 }, ReducedMotion = ReducedMotion.Reduce,
        });
        var visitor = await visitorContext.NewPageAsync();
        var server = browser.BaseAddress.ToString().TrimEnd('/');
        // Another origin on this machine (Chromium refuses a public page pulling scripts from loopback, as it should).
        using var shop = new StaticPage($$"""
            <!doctype html><html lang="ko"><head><meta charset="utf-8"><title>행복 쇼핑</title>
            <style>* { font-family: serif !important; color: #c00 !important; } iframe { width: 10px; height: 10px; border: 6px solid red; }
            button, textarea { display: none !important; }</style></head>
            <body><h1>행복 쇼핑 고객센터</h1><p>궁금한 점은 오른쪽 아래 채팅으로 문의해 주세요.</p>
            <script src="{{server}}/chat/widget.js" data-branch="SEL" data-language="ko-KR" async></script></body></html>
            """);
        await visitor.GotoAsync(shop.Url);
        var frame = visitor.FrameLocator("iframe[title='Chat']");
        await frame.GetByRole(AriaRole.Button, new() { Name = "채팅 상담 열기" }).ClickAsync();
        await frame.GetByRole(AriaRole.Textbox, new() { Name = "문의 내용을 입력해 주세요…" }).FillAsync("체크카드를 잃어버렸어요. 정지하려면 어떻게 하나요?");
        await frame.GetByRole(AriaRole.Button, new() { Name = "보내기" }).ClickAsync();
        await Assertions.Expect(frame.GetByText("잠시만 기다려 주세요. 곧 상담원이 연결됩니다.")).ToBeVisibleAsync();
        var box = await visitor.Locator("iframe[title='Chat']").BoundingBoxAsync();
        Assert.True(box!.Width >= 300 && box.Height >= 400, $"The shop's CSS shrank the chat to {box.Width}x{box.Height}.");

        // Staff see it arrive without reloading, accept it and answer.
        var row = staff.GetByTestId("chat-row").Filter(new() { HasText = "체크카드를 잃어버렸어요" });
        await Assertions.Expect(row).ToBeVisibleAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "수락" }).ClickAsync();
        await Assertions.Expect(staff.GetByTestId("chat-message").Filter(new() { HasText = "체크카드를 잃어버렸어요" })).ToBeVisibleAsync();
        await Assertions.Expect(frame.GetByText("상담원이 연결되었습니다")).ToBeVisibleAsync();
        await staff.GetByLabel("답장").FillAsync("안녕하세요, 고객님. 지금 바로 카드 사용을 정지해 드리겠습니다. 본인 확인을 위해 성함을 알려 주시겠어요?");
        await staff.GetByRole(AriaRole.Button, new() { Name = "보내기" }).ClickAsync();

        // The visitor's long poll brings the reply; the visitor answers and staff see it live.
        await Assertions.Expect(frame.GetByText("지금 바로 카드 사용을 정지해 드리겠습니다")).ToBeVisibleAsync();
        await frame.GetByRole(AriaRole.Textbox).FillAsync("김민준입니다. 감사합니다!");
        await frame.GetByRole(AriaRole.Button, new() { Name = "보내기" }).ClickAsync();
        await Assertions.Expect(staff.GetByTestId("chat-message").Filter(new() { HasText = "김민준입니다" })).ToBeVisibleAsync();

        await browser.AssertAccessibleAsync();
        await browser.ScreenshotAsync("chat-console-ko");
        var dir = Path.Combine(TestEnvironment.RepositoryRoot, "test-results", "screenshots");
        await visitor.ScreenshotAsync(new() { Path = Path.Combine(dir, "chat-widget-ko.png") });

        // A reload resumes the conversation from the token in the frame's storage.
        await visitor.ReloadAsync();
        await frame.GetByRole(AriaRole.Button, new() { Name = "채팅 상담 열기" }).ClickAsync();
        await Assertions.Expect(frame.GetByText("김민준입니다. 감사합니다!")).ToBeVisibleAsync();

        await staff.GetByRole(AriaRole.Button, new() { Name = "상담 종료" }).ClickAsync();
        await Assertions.Expect(frame.GetByText("상담이 종료되었습니다. 문의해 주셔서 감사합니다.")).ToBeVisibleAsync();
        await Assertions.Expect(staff.GetByText("대화 내용은 서비스 접점으로 저장되었습니다", new() { Exact = false })).ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task Administrator_ConnectsAMessagingGateway_AndSeesTheSecretOnce()
    {
        await using var browser = await BrowserSession.StartAsync(demo: true, settings: Chat.ChatWidgetTests.NoBot());
        var page = browser.Page;
        await browser.SignInAsync("admin", TouchpointFactory.AdminPassword);
        await page.GotoAsync("/admin/messaging");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Messaging channels" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Connect a gateway" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Key").FillAsync("line-tpe");
        await dialog.GetByLabel("Name").FillAsync("LINE Taipei");
        await dialog.GetByLabel("Branch").ClickAsync();
        await page.GetByTitle("TPE").ClickAsync();
        await dialog.GetByLabel("Callback URL").FillAsync("https://gateway.example/line/touchpoint");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        var secret = page.GetByTestId("messaging-secret");
        await Assertions.Expect(secret).ToContainTextAsync("tpm_");
        await browser.ScreenshotAsync("messaging-secret-en");
        await page.GetByRole(AriaRole.Button, new() { Name = "Done" }).ClickAsync();
        await Assertions.Expect(page.GetByText("/api/channels/messaging/line-tpe/inbound")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("messaging-secret")).ToHaveCountAsync(0);
        await browser.AssertAccessibleAsync();
        await browser.ScreenshotAsync("messaging-channels-en");
    }
}

/// <summary>Serves one HTML page from its own origin (localhost on a free port): the site the widget is embedded in.</summary>
internal sealed class StaticPage : IDisposable
{
    private readonly System.Net.HttpListener listener = new();

    public StaticPage(string html)
    {
        var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        var port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Url = $"http://localhost:{port}/help";
        listener.Prefixes.Add($"http://localhost:{port}/");
        listener.Start();
        var bytes = System.Text.Encoding.UTF8.GetBytes(html);
        _ = Task.Run(async () =>
        {
            while (listener.IsListening)
            {
                try
                {
                    var ctx = await listener.GetContextAsync();
                    ctx.Response.ContentType = "text/html; charset=utf-8";
                    await ctx.Response.OutputStream.WriteAsync(bytes);
                    ctx.Response.Close();
                }
                catch (Exception) { return; }
            }
        });
    }

    public string Url { get; }

    public void Dispose() => listener.Close();
}
