using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Features.Channels;
using Touchpoint.Tests.Infrastructure;

namespace Touchpoint.Tests.CaseWorkspace;

/// <summary>Collision detection (presence pings, the 409 on a reply crossing another) and the supervisors' review of unparsed mail.</summary>
public sealed class CollisionAndMailReviewTests : IDisposable
{
    private readonly TouchpointFactory app = new();

    private static async Task<Guid> OpenAsync(HttpClient staff) =>
        (await (await staff.PostAsJsonAsync("/api/cases", new { subject = "Card", description = "d", channel = "phone", customer = new { name = "Lee" } }))
            .JsonAsync(HttpStatusCode.Created))["id"]!.GetValue<Guid>();

    [Fact]
    public async Task ReplyAfterSomeoneElseWrote_Is409WithTheNewMessages_UnlessConfirmed()
    {
        await app.CreateBranchAsync("SH");
        var alice = await app.StaffAsync("Frontline", "SH");
        var bob = await app.StaffAsync("Frontline", "SH");
        var id = await OpenAsync(alice);
        var openedAt = (await (await alice.GetAsync($"/api/cases/{id}")).JsonAsync())["createdAt"]!.GetValue<DateTime>();

        await (await bob.PostAsJsonAsync($"/api/cases/{id}/messages", new { body = "Bob answered", visibility = "public", seenAt = openedAt }))
            .ShouldBeAsync(HttpStatusCode.Created);
        var conflict = await (await alice.PostAsJsonAsync($"/api/cases/{id}/messages", new { body = "Alice answers too", visibility = "public", seenAt = openedAt }))
            .ProblemAsync(HttpStatusCode.Conflict);
        var newer = Assert.Single(conflict["messages"]!.AsArray())!;
        Assert.Equal("Bob answered", newer["body"]!.GetValue<string>());
        // Her own earlier messages never count against her, and confirming sends.
        await (await alice.PostAsJsonAsync($"/api/cases/{id}/messages", new { body = "Alice answers too", visibility = "public", seenAt = openedAt, confirm = true }))
            .ShouldBeAsync(HttpStatusCode.Created);
        await (await alice.PostAsJsonAsync($"/api/cases/{id}/messages", new { body = "And a note", visibility = "internal", seenAt = newer["createdAt"]!.GetValue<DateTime>() }))
            .ShouldBeAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Presence_IsPushedToColleagues_AndValidated()
    {
        await app.CreateBranchAsync("SH");
        await app.CreateBranchAsync("BJ");
        var alice = await app.StaffAsync("Frontline", "SH");
        var id = await OpenAsync(alice);
        var bobCookie = await app.StaffCookieAsync("Frontline", "SH");
        var ws = app.Server.CreateWebSocketClient();
        ws.ConfigureRequest = r => r.Headers.Cookie = bobCookie;
        await using var bob = await SignalRTestClient.ConnectAsync(ws, app.Server.BaseAddress);
        await Task.Delay(200);

        await (await alice.PostAsJsonAsync($"/api/cases/{id}/presence", new { state = "typing", tab = "k3x9", seq = 7 })).ShouldBeAsync(HttpStatusCode.NoContent);
        var ping = await bob.WaitForEventAsync("case.presence", TimeSpan.FromSeconds(10));
        Assert.Equal(id, ping["data"]!["caseId"]!.GetValue<Guid>());
        Assert.Equal("typing", ping["data"]!["state"]!.GetValue<string>());
        Assert.Equal(30, ping["data"]!["expiresInSeconds"]!.GetValue<int>());
        // The page's id and number travel with it, so colleagues can drop a heartbeat that arrives after its goodbye.
        Assert.Equal("k3x9", ping["data"]!["tab"]!.GetValue<string>());
        Assert.Equal(7, ping["data"]!["seq"]!.GetValue<long>());

        var bad = await (await alice.PostAsJsonAsync($"/api/cases/{id}/presence", new { state = "dancing", tab = new string('t', 65), seq = -1 }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(bad["errors"]!["state"]);
        Assert.NotNull(bad["errors"]!["tab"]);
        Assert.NotNull(bad["errors"]!["seq"]);
        var elsewhere = await app.StaffAsync("Frontline", "BJ");
        await (await elsewhere.PostAsJsonAsync($"/api/cases/{id}/presence", new { state = "viewing" })).ShouldBeAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task UnparsedMail_SupervisorsList_Download_AttachToACase_OrDismiss()
    {
        await app.CreateBranchAsync("SH");
        var admin = await app.AdminAsync();
        var token = await (await admin.PostAsJsonAsync("/api/admin/api-tokens", new { name = "postfix", scopes = new[] { "channels.email" } }))
            .JsonAsync(HttpStatusCode.Created);
        var mailer = app.CreateClient();
        mailer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token["token"]!.GetValue<string>());
        async Task<Guid> DeliverGarbageAsync(string text)
        {
            var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
            content.Headers.ContentType = new MediaTypeHeaderValue("message/rfc822");
            var result = await (await mailer.PostAsync("/api/channels/email/inbound?branch=SH", content)).JsonAsync();
            Assert.Equal("unparsed", result["status"]!.GetValue<string>());
            return result["id"]!.GetValue<Guid>();
        }
        var first = await DeliverGarbageAsync("this is not a mail at all");
        var second = await DeliverGarbageAsync("neither is this");

        var frontline = await app.StaffAsync("Frontline", "SH");
        await (await frontline.GetAsync("/api/inbound-mail/unparsed")).ShouldBeAsync(HttpStatusCode.Forbidden);
        var supervisor = await app.StaffAsync("Supervisor", "SH");
        var list = (await (await supervisor.GetAsync("/api/inbound-mail/unparsed")).JsonAsync()).AsArray();
        Assert.Equal(2, list.Count);

        var raw = await supervisor.GetAsync($"/api/inbound-mail/unparsed/{first}/raw");
        await raw.ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal("this is not a mail at all", await raw.Content.ReadAsStringAsync());
        Assert.Equal("attachment", raw.Content.Headers.ContentDisposition!.DispositionType);

        var caseId = await OpenAsync(supervisor);
        var missing = await (await supervisor.PostAsJsonAsync($"/api/inbound-mail/unparsed/{first}/attach", new { })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(missing["errors"]!["caseId"]);
        var attached = await (await supervisor.PostAsJsonAsync($"/api/inbound-mail/unparsed/{first}/attach", new { caseId })).JsonAsync();
        Assert.Equal("message/rfc822", attached["contentType"]!.GetValue<string>());
        var detail = await (await supervisor.GetAsync($"/api/cases/{caseId}")).JsonAsync();
        Assert.Contains(detail["messages"]!.AsArray(), m => m!["visibility"]!.GetValue<string>() == "internal");
        Assert.Single((await (await supervisor.GetAsync($"/api/cases/{caseId}/attachments")).JsonAsync()).AsArray());
        await (await supervisor.PostAsJsonAsync($"/api/inbound-mail/unparsed/{first}/attach", new { caseId })).ShouldBeAsync(HttpStatusCode.Conflict);

        await (await supervisor.PostAsync($"/api/inbound-mail/unparsed/{second}/dismiss", null)).ShouldBeAsync(HttpStatusCode.NoContent);
        Assert.Empty((await (await supervisor.GetAsync("/api/inbound-mail/unparsed")).JsonAsync()).AsArray());
        await (await supervisor.PostAsync($"/api/inbound-mail/unparsed/{Guid.NewGuid()}/dismiss", null)).ShouldBeAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task UnparsedMail_ABranchSeesItsOwnEvenBehindABusyBranch()
    {
        await app.CreateBranchAsync("SH");
        await app.CreateBranchAsync("BJ");
        var now = DateTime.UtcNow;
        await app.WithDbAsync(async db =>
        {
            var sh = await db.Branches.Where(b => b.Code == "SH").Select(b => b.Id).SingleAsync();
            var bj = await db.Branches.Where(b => b.Code == "BJ").Select(b => b.Id).SingleAsync();
            // Beijing's one mail is older than Shanghai's 500: a cap applied before the branch filter would hide it.
            db.InboundMails.Add(new InboundMail
            {
                BranchId = bj, ReceivedAt = now.AddHours(-1), Raw = "garbage"u8.ToArray(), Status = InboundMailStatuses.Unparsed,
                FromAddress = "wangfang@example.com",
            });
            for (var i = 0; i < 500; i++)
                db.InboundMails.Add(new InboundMail { BranchId = sh, ReceivedAt = now.AddSeconds(-i), Raw = [1], Status = InboundMailStatuses.Unparsed });
            return await db.SaveChangesAsync();
        });

        var beijing = await app.StaffAsync("Supervisor", "BJ");
        var mail = Assert.Single((await (await beijing.GetAsync("/api/inbound-mail/unparsed")).JsonAsync()).AsArray())!;
        Assert.Equal("BJ", mail["branchCode"]!.GetValue<string>());
        // Supervisors may reveal personal data: the sender in full (others get PersonalData.MaskEmail's w***@example.com).
        Assert.Equal("wangfang@example.com", mail["fromAddress"]!.GetValue<string>());
        Assert.Equal(7, mail["size"]!.GetValue<int>());
    }

    public void Dispose() => app.Dispose();
}
