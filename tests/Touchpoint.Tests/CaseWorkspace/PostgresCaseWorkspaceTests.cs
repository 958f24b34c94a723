using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Tests.Infrastructure;

namespace Touchpoint.Tests.CaseWorkspace;

/// <summary>
/// On PostgreSQL attachment bytes live in the database (no shared folder for several nodes): stored once per hash,
/// downloaded, erased with the customer; tag views match the JSON column the same way as on SQLite.
/// </summary>
public sealed class PostgresCaseWorkspaceTests
{
    [PostgresFact]
    public async Task AttachmentsInTheDatabase_AndTagViews_WorkOnPostgres()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        using var app = new TouchpointFactory(postgresConnectionString: database.ConnectionString);
        await app.CreateBranchAsync("SEL");
        var staff = await app.StaffAsync("Frontline", "SEL");
        var created = await (await staff.PostAsJsonAsync("/api/cases", new
        {
            subject = "환불 문의", description = "d", channel = "phone", tags = new[] { "환불", "VIP" },
            customer = new { name = "김민준", phone = "010-2222-3333" },
        })).JsonAsync(HttpStatusCode.Created);
        var caseId = created["id"]!.GetValue<Guid>();

        var text = "환불 영수증 receipt"u8.ToArray();
        var form = new MultipartFormDataContent();
        foreach (var name in new[] { "영수증.txt", "copy.txt" })
        {
            var part = new ByteArrayContent(text);
            part.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
            form.Add(part, "file", name);
        }
        var uploaded = (await (await staff.PostAsync($"/api/cases/{caseId}/attachments", form)).JsonAsync(HttpStatusCode.Created)).AsArray();
        await (await staff.PostAsJsonAsync($"/api/cases/{caseId}/messages", new
        {
            body = "영수증을 첨부했습니다.", visibility = "internal", attachmentIds = uploaded.Select(a => a!["id"]!.GetValue<Guid>()).ToArray(),
        })).ShouldBeAsync(HttpStatusCode.Created);
        Assert.Equal(1, await app.WithDbAsync(db => db.AttachmentBlobs.CountAsync()));
        Assert.False(Directory.Exists(Path.Combine(app.DataDirectory, "attachments")));
        var download = await staff.GetAsync($"/api/cases/{caseId}/attachments/{uploaded[0]!["id"]}");
        Assert.Equal(text, await download.Content.ReadAsByteArrayAsync());

        var view = await (await staff.PostAsJsonAsync("/api/case-views", new { name = "환불", filter = new { tags = new[] { "환불" }, sort = "slaDue" } }))
            .JsonAsync(HttpStatusCode.Created);
        Assert.Equal(1, view["count"]!.GetValue<int>());
        // The side bar's counts, built-in and saved views in one UNION ALL ... GROUP BY query, read the same on PostgreSQL.
        var side = (await (await staff.GetAsync("/api/case-views")).JsonAsync()).AsArray();
        Assert.Equal(1, side.Single(v => v!["key"]!.GetValue<string>() == "unassigned")!["count"]!.GetValue<int>());
        Assert.Equal(0, side.Single(v => v!["key"]!.GetValue<string>() == "mine")!["count"]!.GetValue<int>());
        Assert.Equal(1, side.Single(v => v!["key"]!.GetValue<string>() == view["key"]!.GetValue<string>())!["count"]!.GetValue<int>());
        Assert.Single((await (await staff.GetAsync($"/api/case-views/{view["id"]}/cases")).JsonAsync())["items"]!.AsArray());

        var customerId = (await (await staff.GetAsync($"/api/cases/{caseId}")).JsonAsync())["customer"]!["id"]!.GetValue<Guid>();
        var manager = await app.StaffAsync("Manager");
        await (await manager.PostAsJsonAsync($"/api/customers/{customerId}/erase", new { reason = "request" })).ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal(0, await app.WithDbAsync(db => db.AttachmentBlobs.CountAsync()));
    }
}
