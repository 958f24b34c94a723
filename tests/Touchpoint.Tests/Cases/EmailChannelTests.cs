using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Touchpoint.Mail;
using Touchpoint.Server.Features.Channels;
using Touchpoint.Tests.Infrastructure;

namespace Touchpoint.Tests.Cases;

/// <summary>
/// The email channel end to end: raw mail posted by a mail server opens or threads into cases, replies go out through
/// a real SMTP conversation with a listener in this test, and the customer's answer threads back to the case.
/// </summary>
public sealed class EmailChannelTests : IAsyncDisposable
{
    private readonly SmtpTestServer smtp = new(user: "mailer", password: "s3cret");
    private readonly TouchpointFactory app;

    public EmailChannelTests()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        app = new TouchpointFactory(settings: new()
        {
            ["Smtp:Host"] = "127.0.0.1", ["Smtp:Port"] = smtp.Port.ToString(), ["Smtp:User"] = "mailer", ["Smtp:Password"] = "s3cret",
            ["Smtp:From"] = "service@bank.example",
        });
    }

    private async Task<HttpClient> MailServerAsync()
    {
        await app.CreateBranchAsync("SH");
        var admin = await app.AdminAsync();
        var token = await (await admin.PostAsJsonAsync("/api/admin/api-tokens", new { name = "postfix", scopes = new[] { "channels.email" } }))
            .JsonAsync(HttpStatusCode.Created);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token["token"]!.GetValue<string>());
        return client;
    }

    private static async Task<HttpResponseMessage> DeliverAsync(HttpClient client, byte[] raw)
    {
        var content = new ByteArrayContent(raw);
        content.Headers.ContentType = new MediaTypeHeaderValue("message/rfc822");
        return await client.PostAsync("/api/channels/email/inbound?branch=SH", content);
    }

    /// <summary>A message as a Chinese mail client writes it: GB2312, base64 body, encoded From name and subject.</summary>
    private static byte[] Gb2312Mail(string messageId, string subject, string body, string? inReplyTo = null)
    {
        var gb = Encoding.GetEncoding("gb2312");
        string B(string s) => "=?gb2312?B?" + Convert.ToBase64String(gb.GetBytes(s)) + "?=";
        var headers = $"From: {B("王小明")} <xiaoming@example.com>\r\nTo: service@bank.example\r\nSubject: {B(subject)}\r\n"
            + $"Message-ID: <{messageId}>\r\nDate: Mon, 23 Nov 2026 10:00:00 +0800\r\nMIME-Version: 1.0\r\n"
            + (inReplyTo is null ? "" : $"In-Reply-To: <{inReplyTo}>\r\nReferences: <{inReplyTo}>\r\n")
            + "Content-Type: text/plain; charset=gb2312\r\nContent-Transfer-Encoding: base64\r\n\r\n";
        return [.. Encoding.ASCII.GetBytes(headers), .. Encoding.ASCII.GetBytes(Convert.ToBase64String(gb.GetBytes(body)) + "\r\n")];
    }

    [Fact]
    public async Task Inbound_NeedsAChannelToken()
    {
        await app.CreateBranchAsync("SH");
        await (await DeliverAsync(app.CreateClient(), Gb2312Mail("a@x", "s", "b"))).ShouldBeAsync(HttpStatusCode.Unauthorized);
        var frontline = await app.StaffAsync("Frontline", "SH");
        var content = new ByteArrayContent(Gb2312Mail("a@x", "s", "b"));
        content.Headers.ContentType = new MediaTypeHeaderValue("message/rfc822");
        await (await frontline.PostAsync("/api/channels/email/inbound", content)).ShouldBeAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task NewMail_OpensACase_ReplyGoesOutBySmtp_AndTheAnswerThreadsBack()
    {
        var mailer = await MailServerAsync();
        var opened = await (await DeliverAsync(mailer, Gb2312Mail("first@mail.example", "信用卡账单有误", "您好，我的账单多扣了一笔年费。")))
            .JsonAsync(HttpStatusCode.Created);
        Assert.Equal("opened", opened["status"]!.GetValue<string>());
        var caseId = opened["caseId"]!.GetValue<Guid>();
        var staff = await app.StaffAsync("BackOffice", "SH");
        var detail = await (await staff.GetAsync($"/api/cases/{caseId}")).JsonAsync();
        Assert.Equal("信用卡账单有误", detail["subject"]!.GetValue<string>());
        Assert.Equal("email", detail["channel"]!.GetValue<string>());
        Assert.Equal("王小明", detail["customer"]!["name"]!.GetValue<string>());
        Assert.Equal("xiaoming@example.com", detail["customer"]!["email"]!.GetValue<string>());
        Assert.Equal("您好，我的账单多扣了一笔年费。", detail["messages"]![0]!["body"]!.GetValue<string>());

        // An internal note never leaves the building; the public reply does, threaded under the customer's message.
        await (await staff.PostAsJsonAsync($"/api/cases/{caseId}/messages", new { body = "Checked: fee charged twice.", visibility = "internal" }))
            .ShouldBeAsync(HttpStatusCode.Created);
        await (await staff.PostAsJsonAsync($"/api/cases/{caseId}/messages", new { body = "王先生您好，多扣的年费已退回，请查收。", visibility = "public" }))
            .ShouldBeAsync(HttpStatusCode.Created);
        var delivered = await smtp.NextAsync(TimeSpan.FromSeconds(20));
        Assert.Equal("mailer", delivered.AuthenticatedAs);
        Assert.Equal("service@bank.example", delivered.From);
        Assert.Equal(["xiaoming@example.com"], delivered.To);
        var reply = MailParser.Parse(delivered.Data);
        Assert.False(reply.CouldNotParse);
        Assert.Equal(opened["reference"]!.GetValue<string>(), CaseReference.Find(reply.Subject));
        Assert.Contains("信用卡账单有误", reply.Subject);
        Assert.Equal(["first@mail.example"], reply.InReplyTo);
        Assert.Contains("多扣的年费已退回", reply.Text);
        Assert.DoesNotContain("charged twice", reply.Text);

        // The customer answers the reply: threaded by In-Reply-To, and a case pending on them opens again.
        await (await staff.PostAsJsonAsync($"/api/cases/{caseId}/status", new { status = "pendingCustomer" })).ShouldBeAsync(HttpStatusCode.OK);
        var answer = await (await DeliverAsync(mailer, Gb2312Mail("second@mail.example", "回复：账单", "收到，谢谢！", reply.MessageId)))
            .JsonAsync(HttpStatusCode.OK);
        Assert.Equal("threaded", answer["status"]!.GetValue<string>());
        Assert.Equal(caseId, answer["caseId"]!.GetValue<Guid>());
        var after = await (await staff.GetAsync($"/api/cases/{caseId}")).JsonAsync();
        Assert.Equal("open", after["status"]!.GetValue<string>());
        Assert.Equal("收到，谢谢！", after["messages"]!.AsArray().Last()!["body"]!.GetValue<string>());
        Assert.Equal("nextResponse", after["sla"]!["target"]!.GetValue<string>());

        // Delivered twice by a retrying forwarder: kept once in the thread.
        await (await DeliverAsync(mailer, Gb2312Mail("second@mail.example", "回复：账单", "收到，谢谢！", reply.MessageId))).ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal(4, (await (await staff.GetAsync($"/api/cases/{caseId}")).JsonAsync())["messages"]!.AsArray().Count);
    }

    [Fact]
    public async Task MailWithOnlyTheReferenceInTheSubject_ThreadsToThatCase()
    {
        var mailer = await MailServerAsync();
        var opened = await (await DeliverAsync(mailer, Gb2312Mail("one@x.example", "网银登录失败", "无法登录"))).JsonAsync(HttpStatusCode.Created);
        var reference = opened["reference"]!.GetValue<string>();
        var again = Encoding.UTF8.GetBytes($"From: someone@other.example\r\nSubject: Re: [{reference}] login\r\nMessage-ID: <new@other.example>\r\n\r\nStill broken.\r\n");
        var threaded = await (await DeliverAsync(mailer, again)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(opened["caseId"]!.GetValue<Guid>(), threaded["caseId"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task UnreadableMail_IsKeptWholeAndFlagged()
    {
        var mailer = await MailServerAsync();
        var garbage = new byte[] { 0, 1, 2, 0xFF, 0xFE, 0x00, 0x42 };
        var result = await (await DeliverAsync(mailer, garbage)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("unparsed", result["status"]!.GetValue<string>());
        var stored = await app.WithDbAsync(db => db.InboundMails.SingleAsync());
        Assert.Equal(garbage, stored.Raw);
        Assert.Equal(InboundMailStatuses.Unparsed, stored.Status);
        await (await DeliverAsync(mailer, [])).ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task SmtpFailure_IsRetriedFromTheOutbox()
    {
        await using var flaky = new SmtpTestServer(failFirst: 1);
        await using var flakyApp = new TouchpointFactory(settings: new() { ["Smtp:Host"] = "127.0.0.1", ["Smtp:Port"] = flaky.Port.ToString() });
        await flakyApp.CreateBranchAsync("SH");
        var staff = await flakyApp.StaffAsync("Frontline", "SH");
        var created = await (await staff.PostAsJsonAsync("/api/cases", new
        {
            subject = "Statement", channel = "email", customer = new { name = "Kim", email = "kim@example.com" },
        })).JsonAsync(HttpStatusCode.Created);
        await (await staff.PostAsJsonAsync($"/api/cases/{created["id"]}/messages", new { body = "Sent again.", visibility = "public" }))
            .ShouldBeAsync(HttpStatusCode.Created);
        // The first attempt is refused (451); wait for it, then make the retry due now instead of in 30 seconds.
        OutboundMailItem? item = null;
        for (var i = 0; i < 100 && (item?.Attempts ?? 0) == 0; i++)
        {
            await Task.Delay(100);
            item = await flakyApp.WithDbAsync(db => db.OutboundMails.AsNoTracking().SingleAsync());
        }
        Assert.Equal(OutboxStatuses.Pending, item!.Status);
        Assert.True(item.LastError?.Contains("451") == true, $"attempts {item.Attempts}, error {item.LastError}, next {item.NextAttemptAt:O}");
        await flakyApp.WithDbAsync(db => db.OutboundMails.ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, DateTime.UtcNow.AddSeconds(-1))));
        flakyApp.Services.GetRequiredService<EmailOutboxSender>().Wake();
        var delivered = await flaky.NextAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(["kim@example.com"], delivered.To);
        Assert.Null(delivered.AuthenticatedAs);
    }

    public async ValueTask DisposeAsync()
    {
        app.Dispose();
        await smtp.DisposeAsync();
    }
}
