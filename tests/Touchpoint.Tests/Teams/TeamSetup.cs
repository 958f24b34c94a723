using System.Net;
using System.Net.Http.Json;
using Touchpoint.Tests.Infrastructure;

namespace Touchpoint.Tests.Teams;

/// <summary>Intent methods for tests that need teams: an administrator creates one, and anyone learns their own id.</summary>
public static class TeamSetup
{
    public static async Task<Guid> CreateTeamAsync(this TouchpointFactory app, string branch, string name, params Guid[] members)
    {
        var admin = await app.AdminAsync();
        var created = await (await admin.PostAsJsonAsync($"/api/branches/{branch}/teams", new { name, memberIds = members }))
            .JsonAsync(HttpStatusCode.Created);
        return created["id"]!.GetValue<Guid>();
    }

    public static async Task<Guid> IdAsync(this HttpClient client) =>
        (await (await client.GetAsync("/api/me")).JsonAsync())["id"]!.GetValue<Guid>();
}
