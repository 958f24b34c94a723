using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Touchpoint.Tests.Infrastructure;

namespace Touchpoint.Tests.Postgres;

/// <summary>Cases on PostgreSQL: numbers under concurrency (row lock instead of the write gate), paging, email threading.</summary>
public sealed class PostgresCaseTests
{
    [PostgresFact]
    public async Task CasesNumberPageAndThreadMail_OnPostgres()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        using var app = new TouchpointFactory(postgresConnectionString: database.ConnectionString);
        await app.CreateBranchAsync("SH");
        var staff = await app.StaffAsync("Frontline", "SH");
        var responses = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => staff.PostAsJsonAsync("/api/cases", new
        {
            subject = $"并发 {i}", channel = "phone", customer = new { name = "张三" },
        })));
        var references = new List<string>();
        foreach (var r in responses) references.Add((await r.JsonAsync(HttpStatusCode.Created))["reference"]!.GetValue<string>());
        Assert.Equal(30, references.Distinct().Count());

        var seen = new List<string>();
        string? next = null;
        do
        {
            var page = await (await staff.GetAsync("/api/cases?limit=7" + (next is null ? "" : "&after=" + next))).JsonAsync();
            seen.AddRange(page["items"]!.AsArray().Select(i => i!["reference"]!.GetValue<string>()));
            next = page["next"]?.GetValue<string>();
        } while (next is not null);
        // Concurrent requests may commit in another order than they read the clock: every case once, none twice.
        Assert.Equal(references.Order(), seen.Order());

        var admin = await app.AdminAsync();
        var token = await (await admin.PostAsJsonAsync("/api/admin/api-tokens", new { name = "mx", scopes = new[] { "channels.email" } })).JsonAsync(HttpStatusCode.Created);
        var mailer = app.CreateClient();
        mailer.DefaultRequestHeaders.Authorization = new("Bearer", token["token"]!.GetValue<string>());
        async Task<System.Text.Json.Nodes.JsonNode> Deliver(string raw, HttpStatusCode expected)
        {
            var content = new ByteArrayContent(Encoding.UTF8.GetBytes(raw));
            content.Headers.ContentType = new MediaTypeHeaderValue("message/rfc822");
            return await (await mailer.PostAsync("/api/channels/email/inbound?branch=SH", content)).JsonAsync(expected);
        }
        var opened = await Deliver("From: 김민지 <minji@example.kr>\r\nSubject: 카드 분실\r\nMessage-ID: <a1@example.kr>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n카드를 잃어버렸어요.\r\n", HttpStatusCode.Created);
        var threaded = await Deliver("From: minji@example.kr\r\nSubject: Re: 카드 분실\r\nMessage-ID: <a2@example.kr>\r\nIn-Reply-To: <a1@example.kr>\r\n\r\n추가 정보입니다.\r\n", HttpStatusCode.OK);
        Assert.Equal(opened["caseId"]!.GetValue<Guid>(), threaded["caseId"]!.GetValue<Guid>());
    }
}
