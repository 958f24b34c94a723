using System.Net;
using System.Net.Http.Json;
using Touchpoint.Tests.Infrastructure;

namespace Touchpoint.Tests.Platform;

public sealed class SignInTests : IDisposable
{
    private readonly TouchpointFactory app = new();

    [Fact]
    public async Task SignIn_ValidPassword_ReturnsUserAndSetsReadableXsrfCookie()
    {
        var client = app.CreateBrowserLikeClient();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { userName = "ADMIN", password = TouchpointFactory.AdminPassword });

        var me = await response.JsonAsync();
        Assert.Equal("admin", me["userName"]!.GetValue<string>());
        Assert.Contains("Administrator", me["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        var setCookies = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.Contains(setCookies, c => c.StartsWith("tp.auth=") && c.Contains("httponly", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(setCookies, c => c.StartsWith("XSRF-TOKEN=") && !c.Contains("httponly", StringComparison.OrdinalIgnoreCase));

        await (await client.GetAsync("/api/me")).ShouldBeAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task SignIn_WrongPassword_Returns401ProblemInRequestLanguage()
    {
        var client = app.CreateBrowserLikeClient("ko-KR");
        var response = await client.PostAsJsonAsync("/api/auth/login", new { userName = "admin", password = "wrong-1234" });
        var problem = await response.ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("사용자 이름 또는 비밀번호가 맞지 않습니다.", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task SignIn_FiveFailures_LocksOutEvenTheRightPassword_UntilAdminUnlocks()
    {
        var client = app.CreateBrowserLikeClient();
        for (var i = 0; i < 4; i++)
            await (await client.PostAsJsonAsync("/api/auth/login", new { userName = "sh.x", password = "nope" })).ShouldBeAsync(HttpStatusCode.Unauthorized);

        var staff = await app.StaffAsync("Frontline");
        var me = await (await staff.GetAsync("/api/me")).JsonAsync();
        var userName = me["userName"]!.GetValue<string>();
        for (var i = 0; i < 4; i++)
            await (await client.PostAsJsonAsync("/api/auth/login", new { userName, password = "wrong-pass-1" })).ShouldBeAsync(HttpStatusCode.Unauthorized);
        var fifth = await client.PostAsJsonAsync("/api/auth/login", new { userName, password = "wrong-pass-1" });
        var problem = await fifth.ProblemAsync(HttpStatusCode.Locked);
        Assert.Contains("UTC", problem["detail"]!.GetValue<string>());

        await (await client.PostAsJsonAsync("/api/auth/login", new { userName, password = "Staff-Pass-1" })).ProblemAsync(HttpStatusCode.Locked);

        var admin = await app.AdminAsync();
        var users = await (await admin.GetAsync("/api/admin/users")).JsonAsync();
        var user = users.AsArray().Single(u => u!["userName"]!.GetValue<string>() == userName)!;
        Assert.True(user["isLockedOut"]!.GetValue<bool>());
        await (await admin.PostAsync($"/api/admin/users/{user["id"]}/unlock", null)).ShouldBeAsync(HttpStatusCode.NoContent);
        await (await client.PostAsJsonAsync("/api/auth/login", new { userName, password = "Staff-Pass-1" })).ShouldBeAsync(HttpStatusCode.OK);

        var audit = await (await admin.GetAsync("/api/audit?action=auth.locked_out")).JsonAsync();
        Assert.Equal(1, audit["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task StateChangingRequest_WithCookieButWithoutXsrfHeader_IsRejected()
    {
        // A raw client, so the test controls exactly which cookies and headers are sent.
        var raw = app.CreateDefaultClient();
        var login = await raw.PostAsJsonAsync("/api/auth/login", new { userName = "admin", password = TouchpointFactory.AdminPassword });
        await login.ShouldBeAsync(HttpStatusCode.OK);
        var cookies = login.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).ToList();
        var xsrf = cookies.Single(c => c.StartsWith("XSRF-TOKEN="))["XSRF-TOKEN=".Length..];

        HttpRequestMessage CreateBranch(string code)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/branches") { Content = JsonContent.Create(new { code, name = "X", timeZone = "UTC" }) };
            request.Headers.Add("Cookie", string.Join("; ", cookies));
            return request;
        }

        var problem = await (await raw.SendAsync(CreateBranch("X1"))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("X-XSRF-TOKEN", problem["detail"]!.GetValue<string>());

        var withHeader = CreateBranch("X1");
        withHeader.Headers.Add("X-XSRF-TOKEN", Uri.UnescapeDataString(xsrf));
        await (await raw.SendAsync(withHeader)).ShouldBeAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        var client = await app.AdminAsync();
        await (await client.PostAsync("/api/auth/logout", null)).ShouldBeAsync(HttpStatusCode.NoContent);
        await (await client.GetAsync("/api/me")).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ChangePassword_EndsOtherSessions_AndTheNewPasswordWorks()
    {
        var first = await app.AdminAsync();
        var second = await app.AdminAsync();

        var bad = await first.PostAsJsonAsync("/api/auth/change-password", new { currentPassword = "wrong", newPassword = "short" });
        var problem = await bad.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["currentPassword"]);
        Assert.NotNull(problem["errors"]!["newPassword"]);

        await (await first.PostAsJsonAsync("/api/auth/change-password",
            new { currentPassword = TouchpointFactory.AdminPassword, newPassword = "Brand-New-Pass-9" })).ShouldBeAsync(HttpStatusCode.NoContent);
        await (await first.GetAsync("/api/me")).ShouldBeAsync(HttpStatusCode.OK);
        await (await second.GetAsync("/api/me")).ShouldBeAsync(HttpStatusCode.Unauthorized);
        await app.SignInAsync("admin", "Brand-New-Pass-9");
    }

    [Fact]
    public async Task Preferences_StoreTheLanguage()
    {
        var client = await app.AdminAsync();
        await (await client.PutAsJsonAsync("/api/me/preferences", new { language = "xx-YY" })).ProblemAsync(HttpStatusCode.BadRequest);
        await (await client.PutAsJsonAsync("/api/me/preferences", new { language = "zh-TW" })).ShouldBeAsync(HttpStatusCode.NoContent);
        var me = await (await client.GetAsync("/api/me")).JsonAsync();
        Assert.Equal("zh-TW", me["language"]!.GetValue<string>());
    }

    [Fact]
    public async Task FirstStart_WithoutConfiguredPassword_WritesARandomOneToTheDataFolder()
    {
        using var fresh = new TouchpointFactory(settings: new() { ["TOUCHPOINT_ADMIN_PASSWORD"] = "" });
        fresh.CreateClient();
        var password = (await File.ReadAllTextAsync(Path.Combine(fresh.DataDirectory, "admin-password.txt"))).Trim();
        Assert.True(password.Length >= 16);
        await fresh.SignInAsync("admin", password);
    }

    public void Dispose() => app.Dispose();
}
