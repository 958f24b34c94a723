using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Touchpoint.Tests.Infrastructure;

/// <summary>
/// A Touchpoint on a real port (Kestrel) and a headless Debian Chromium driven by Playwright. Screenshots go to
/// test-results/screenshots/ so people can look at what the tests saw.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    public TouchpointFactory App { get; }
    public Uri BaseAddress { get; }
    public IPage Page { get; private set; } = null!;
    private IPlaywright playwright = null!;
    private IBrowser browser = null!;
    private IBrowserContext context = null!;

    // Assertions wait as long as actions do. Playwright's 5 s default was too short on a 2-core CI machine running the
    // whole suite: a case created and its lists refetched took longer once, and the landing was refused for it.
    static BrowserSession() => Assertions.SetDefaultExpectTimeout(15_000);

    private BrowserSession(TouchpointFactory app)
    {
        App = app;
        app.UseKestrel(0);
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1"));
    }

    public static async Task<BrowserSession> StartAsync(bool demo = false, string locale = "en-US", int width = 1366, int height = 900,
        Dictionary<string, string?>? settings = null)
    {
        var chromium = TestEnvironment.ChromiumPath
            ?? throw new InvalidOperationException("CI=true but Chromium is missing: apt-get install chromium fonts-noto-cjk");
        var web = Path.Combine(TestEnvironment.RepositoryRoot, "src", "Touchpoint.Server", "wwwroot", "index.html");
        if (!File.Exists(web)) throw new InvalidOperationException("The web app is not built: run `dotnet build src/Touchpoint.Server`.");
        var session = new BrowserSession(new TouchpointFactory(demo, settings: settings));
        session.playwright = await Playwright.CreateAsync();
        session.browser = await session.playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Headless = true, Args = ChromiumArgs });
        session.context = await session.browser.NewContextAsync(new()
        {
            BaseURL = session.BaseAddress.ToString(), Locale = locale, ViewportSize = new() { Width = width, Height = height },
            // The app turns animations off for reduced motion, so nothing is caught half-way through a transition.
            ReducedMotion = ReducedMotion.Reduce,
        });
        session.context.SetDefaultTimeout(15_000);
        session.Page = await session.context.NewPageAsync();
        return session;
    }

    /// <summary>A second person at another computer: a page in its own browser context (own cookies), same server.</summary>
    public async Task<IPage> NewPersonAsync(string userName, string password, string locale = "en-US")
    {
        var other = await browser.NewContextAsync(new()
        {
            BaseURL = BaseAddress.ToString(), Locale = locale, ViewportSize = new() { Width = 1366, Height = 900 }, ReducedMotion = ReducedMotion.Reduce,
        });
        other.SetDefaultTimeout(15_000);
        var page = await other.NewPageAsync();
        await SignInAsync(page, userName, password);
        return page;
    }

    public Task SignInAsync(string userName, string password) => SignInAsync(Page, userName, password);

    private static async Task SignInAsync(IPage page, string userName, string password)
    {
        await page.GotoAsync("/login");
        await page.GetByLabel(LoginLabels.UserName).FillAsync(userName);
        await page.GetByLabel(LoginLabels.Password).FillAsync(password);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => !url.Contains("/login"));
    }

    public Task<string> ScreenshotAsync(string name) => ScreenshotAsync(Page, name);

    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        var dir = Path.Combine(TestEnvironment.RepositoryRoot, "test-results", "screenshots");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, name + ".png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        Assert.True(new FileInfo(path).Length > 5_000, "the screenshot is suspiciously small: " + path);
        return path;
    }

    /// <summary>Runs axe-core on the current page and fails on serious or critical violations.</summary>
    public async Task AssertAccessibleAsync()
    {
        var axe = Path.Combine(TestEnvironment.RepositoryRoot, "web", "node_modules", "axe-core", "axe.min.js");
        await Page.AddScriptTagAsync(new() { Content = await File.ReadAllTextAsync(axe) });
        var json = await Page.EvaluateAsync<JsonElement>(
            "async () => (await axe.run(document, { resultTypes: ['violations'] })).violations" +
            ".filter(v => v.impact === 'serious' || v.impact === 'critical')" +
            ".map(v => v.id + ': ' + v.help + ' (' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ') + ')')");
        var violations = json.EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.True(violations.Count == 0, "axe-core found:\n" + string.Join("\n", violations));
    }

    public async ValueTask DisposeAsync()
    {
        await context.DisposeAsync();
        await browser.DisposeAsync();
        playwright.Dispose();
        App.Dispose();
    }
}

/// <summary>Accessible names of the sign-in form in en-US; the browser tests read the UI as a person does.</summary>
public static class LoginLabels
{
    public const string UserName = "User name";
    public const string Password = "Password";
}
