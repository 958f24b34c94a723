using System.Net;
using System.Net.Http.Json;
using Touchpoint.Tests.Infrastructure;

namespace Touchpoint.Tests.Platform;

/// <summary>
/// The server remembers sign-in cookies and XSRF pairs it has verified (VerifiedTokens). What it remembers must never
/// let through what the full check would refuse.
/// </summary>
public sealed class VerifiedTokenTests : IDisposable
{
    private readonly TouchpointFactory app = new();
    private readonly HttpClient raw;

    public VerifiedTokenTests() => raw = app.CreateDefaultClient();

    private sealed record Session(string AuthCookie, string AntiforgeryCookie, string Xsrf);

    [Fact]
    public async Task RememberedSession_IsStillCheckedOnEveryRequest()
    {
        var first = await SignInAsync();
        var second = await SignInAsync();
        // Twice each, so the second request of each session is answered from what was remembered.
        for (var i = 0; i < 2; i++)
        {
            await (await SetLanguageAsync(first)).ShouldBeAsync(HttpStatusCode.NoContent);
            await (await SetLanguageAsync(second)).ShouldBeAsync(HttpStatusCode.NoContent);
        }

        // One session's XSRF token with the other's cookies: both pairs were remembered, this one never verified.
        await (await SetLanguageAsync(first with { Xsrf = second.Xsrf })).ProblemAsync(HttpStatusCode.BadRequest);
        await (await SetLanguageAsync(first with { AntiforgeryCookie = second.AntiforgeryCookie })).ProblemAsync(HttpStatusCode.BadRequest);
        // A remembered cookie changed by one character is a cookie never seen.
        await (await SetLanguageAsync(first with { AuthCookie = Tamper(first.AuthCookie) })).ProblemAsync(HttpStatusCode.Unauthorized);

        // A new password ends the other session although its cookie is remembered.
        var change = Request(HttpMethod.Post, "/api/auth/change-password", second,
            new { currentPassword = TouchpointFactory.AdminPassword, newPassword = "Brand-New-Pass-9" });
        await (await raw.SendAsync(change)).ShouldBeAsync(HttpStatusCode.NoContent);
        await (await SetLanguageAsync(first)).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    private async Task<Session> SignInAsync()
    {
        var login = await raw.PostAsJsonAsync("/api/auth/login", new { userName = "admin", password = TouchpointFactory.AdminPassword });
        await login.ShouldBeAsync(HttpStatusCode.OK);
        var cookies = login.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])
            .ToDictionary(c => c[..c.IndexOf('=')], c => c[(c.IndexOf('=') + 1)..]);
        return new Session(cookies["tp.auth"], cookies["tp.antiforgery"], Uri.UnescapeDataString(cookies["XSRF-TOKEN"]));
    }

    private Task<HttpResponseMessage> SetLanguageAsync(Session session) =>
        raw.SendAsync(Request(HttpMethod.Put, "/api/me/preferences", session, new { language = "en-US" }));

    private static HttpRequestMessage Request(HttpMethod method, string path, Session session, object body)
    {
        var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Cookie", $"tp.auth={session.AuthCookie}; tp.antiforgery={session.AntiforgeryCookie}");
        request.Headers.Add("X-XSRF-TOKEN", session.Xsrf);
        return request;
    }

    private static string Tamper(string value)
    {
        var i = value.Length / 2;
        return value[..i] + (value[i] == 'A' ? 'B' : 'A') + value[(i + 1)..];
    }

    public void Dispose()
    {
        raw.Dispose();
        app.Dispose();
    }
}
