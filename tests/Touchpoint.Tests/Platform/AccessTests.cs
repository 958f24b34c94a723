using System.Net;
using System.Net.Http.Json;
using Touchpoint.Tests.Infrastructure;

namespace Touchpoint.Tests.Platform;

/// <summary>Roles decide what a user may do; branches decide where.</summary>
public sealed class AccessTests : IDisposable
{
    private readonly TouchpointFactory app = new();

    [Fact]
    public async Task Anonymous_GetsProblem401_OnEveryProtectedEndpoint()
    {
        var client = app.CreateClient();
        foreach (var path in new[] { "/api/me", "/api/branches", "/api/audit", "/api/admin/users", "/api/admin/api-tokens", "/api/admin/settings" })
            await (await client.GetAsync(path)).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Frontline_SeesOnlyTheirBranch_AndCannotManage()
    {
        await app.CreateBranchAsync("SH", "PERSONAL");
        await app.CreateBranchAsync("TPE", "PERSONAL");
        var frontline = await app.StaffAsync("Frontline", "SH");

        var branches = await (await frontline.GetAsync("/api/branches")).JsonAsync();
        Assert.Equal(["SH"], branches.AsArray().Select(b => b!["code"]!.GetValue<string>()));
        await (await frontline.GetAsync("/api/branches/SH/services")).ShouldBeAsync(HttpStatusCode.OK);
        await (await frontline.GetAsync("/api/branches/TPE")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await frontline.GetAsync("/api/branches/TPE/counters")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await frontline.PostAsJsonAsync("/api/branches/SH/services", new { code = "X", name = "X", prefix = "X" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await frontline.GetAsync("/api/audit")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await frontline.GetAsync("/api/admin/users")).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Manager_SpansBranches_ButCannotManageUsersOrTokens()
    {
        await app.CreateBranchAsync("SH");
        await app.CreateBranchAsync("TPE");
        var manager = await app.StaffAsync("Manager", "SH");

        var branches = await (await manager.GetAsync("/api/branches")).JsonAsync();
        Assert.Equal(2, branches.AsArray().Count);
        await (await manager.PostAsJsonAsync("/api/branches/TPE/services", new { code = "LOAN", name = "Loans", prefix = "L" })).ShouldBeAsync(HttpStatusCode.Created);
        await (await manager.GetAsync("/api/audit")).ShouldBeAsync(HttpStatusCode.OK);
        await (await manager.GetAsync("/api/admin/users")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await manager.PostAsJsonAsync("/api/admin/api-tokens", new { name = "x", scopes = new[] { "*" } })).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ChangingAUsersBranches_TakesEffectOnTheirLiveSession()
    {
        await app.CreateBranchAsync("SH");
        await app.CreateBranchAsync("TPE");
        var supervisor = await app.StaffAsync("Supervisor", "SH");
        var me = await (await supervisor.GetAsync("/api/me")).JsonAsync();
        await (await supervisor.GetAsync("/api/branches/TPE")).ShouldBeAsync(HttpStatusCode.Forbidden);

        var admin = await app.AdminAsync();
        await (await admin.PutAsJsonAsync($"/api/admin/users/{me["id"]}",
            new { displayName = "S", roles = new[] { "Supervisor" }, branches = new[] { "TPE" }, language = "en-US", isActive = true })).ShouldBeAsync(HttpStatusCode.OK);
        // The change ends the old session (its security stamp changed): the user signs in again with the new reach.
        await (await supervisor.GetAsync("/api/me")).ShouldBeAsync(HttpStatusCode.Unauthorized);

        var audit = await (await admin.GetAsync("/api/audit?action=user.permissions_changed")).JsonAsync();
        Assert.Contains("TPE", audit["items"]![0]!["details"]!.GetValue<string>());
    }

    [Fact]
    public async Task DeactivatingTheLastAdministrator_IsRefused()
    {
        var admin = await app.AdminAsync();
        var me = await (await admin.GetAsync("/api/me")).JsonAsync();
        var problem = await (await admin.PutAsJsonAsync($"/api/admin/users/{me["id"]}",
            new { displayName = "A", roles = new[] { "Administrator" }, branches = Array.Empty<string>(), language = "en-US", isActive = false }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["roles"]);
    }

    [Fact]
    public async Task CreateUser_WithUnknownRoleAndBranch_NamesBothFields()
    {
        var admin = await app.AdminAsync();
        var problem = await (await admin.PostAsJsonAsync("/api/admin/users",
            new { userName = "new.user", displayName = "N", password = "Pass-1234", roles = new[] { "Wizard" }, branches = new[] { "NOPE" } }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Wizard", problem["errors"]!["roles"]![0]!.GetValue<string>());
        Assert.Contains("NOPE", problem["errors"]!["branches"]![0]!.GetValue<string>());
    }

    public void Dispose() => app.Dispose();
}
