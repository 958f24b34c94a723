using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Tests.Infrastructure;

namespace Touchpoint.Tests.Platform;

public sealed class ApiTokenTests : IDisposable
{
    private readonly TouchpointFactory app = new();

    private static async Task<(string Id, string Token)> CreateTokenAsync(HttpClient admin, params string[] scopes)
    {
        var created = await (await admin.PostAsJsonAsync("/api/admin/api-tokens", new { name = "crm-sync", scopes })).JsonAsync(HttpStatusCode.Created);
        return (created["id"]!.GetValue<string>(), created["token"]!.GetValue<string>());
    }

    private HttpClient Bearer(string token)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [Fact]
    public async Task Token_IsShownOnce_StoredHashed_AndWorksWithoutXsrf()
    {
        var admin = await app.AdminAsync();
        var (_, token) = await CreateTokenAsync(admin, "*");
        Assert.StartsWith("tp_", token);

        var list = await (await admin.GetAsync("/api/admin/api-tokens")).JsonAsync();
        Assert.DoesNotContain(token, list.ToJsonString());
        var stored = await app.WithDbAsync(db => db.ApiTokens.SingleAsync());
        Assert.NotEqual(token, stored.TokenHash);
        Assert.Equal(64, stored.TokenHash.Length);

        var client = Bearer(token);
        await (await client.PostAsJsonAsync("/api/branches", new { code = "API", name = "Via API", timeZone = "UTC" })).ShouldBeAsync(HttpStatusCode.Created);
        var audit = await (await client.GetAsync("/api/audit?action=branch.created")).JsonAsync();
        Assert.Equal("token:crm-sync", audit["items"]![0]!["actor"]!.GetValue<string>());
    }

    [Fact]
    public async Task ScopedToken_CanOnlyDoWhatItsScopesAllow()
    {
        var admin = await app.AdminAsync();
        var (_, token) = await CreateTokenAsync(admin, "organisation.read");
        var client = Bearer(token);
        await (await client.GetAsync("/api/branches")).ShouldBeAsync(HttpStatusCode.OK);
        await (await client.PostAsJsonAsync("/api/branches", new { code = "NO", name = "No", timeZone = "UTC" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await client.GetAsync("/api/audit")).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task RevokedToken_IsRejected()
    {
        var admin = await app.AdminAsync();
        var (id, token) = await CreateTokenAsync(admin, "*");
        await (await Bearer(token).GetAsync("/api/branches")).ShouldBeAsync(HttpStatusCode.OK);
        await (await admin.DeleteAsync($"/api/admin/api-tokens/{id}")).ShouldBeAsync(HttpStatusCode.NoContent);
        await (await Bearer(token).GetAsync("/api/branches")).ProblemAsync(HttpStatusCode.Unauthorized);
        var audit = await (await admin.GetAsync("/api/audit?action=token.")).JsonAsync();
        Assert.Equal(2, audit["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task UnknownScope_OrOneTheCreatorLacks_IsNamedInTheProblem()
    {
        var admin = await app.AdminAsync();
        var problem = await (await admin.PostAsJsonAsync("/api/admin/api-tokens", new { name = "x", scopes = new[] { "rocket.launch" } })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("rocket.launch", problem["errors"]!["scopes"]![0]!.GetValue<string>());
        await (await admin.PostAsJsonAsync("/api/admin/api-tokens", new { name = "", scopes = Array.Empty<string>() })).ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task GarbageBearer_Is401()
    {
        await (await Bearer("tp_not-a-token").GetAsync("/api/branches")).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await Bearer("something-else").GetAsync("/api/branches")).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    public void Dispose() => app.Dispose();
}
