using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Touchpoint.Server.Features.CaseWorkspace;
using Touchpoint.Mail;
using Touchpoint.Tests.Infrastructure;

namespace Touchpoint.Tests.CaseWorkspace;

/// <summary>
/// Attachments end to end: staff upload (type sniffed, safe list, size limit, names cleaned), the reply carries them
/// out by SMTP, a customer's email attachments become the case's, downloads are scoped by branch and never run in the
/// browser, identical bytes are stored once, and erasure removes the bytes.
/// </summary>
public sealed class AttachmentApiTests : IAsyncDisposable
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3];
    private readonly SmtpTestServer smtp = new();
    private readonly TouchpointFactory app;

    public AttachmentApiTests()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        app = new TouchpointFactory(settings: new()
        {
            ["Smtp:Host"] = "127.0.0.1", ["Smtp:Port"] = smtp.Port.ToString(), ["Smtp:From"] = "service@bank.example",
            ["Attachments:MaxBytes"] = "2048",
        });
    }

    private static MultipartFormDataContent Files(params (string Name, string ClaimedType, byte[] Bytes)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, type, bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue(type);
            form.Add(part, "file", name);
        }
        return form;
    }

    /// <summary>An email case from 王小明 with a PDF attached, delivered through the inbound channel.</summary>
    private async Task<Guid> EmailCaseAsync()
    {
        await app.CreateBranchAsync("SH");
        var admin = await app.AdminAsync();
        var token = await (await admin.PostAsJsonAsync("/api/admin/api-tokens", new { name = "postfix", scopes = new[] { "channels.email" } }))
            .JsonAsync(HttpStatusCode.Created);
        var mailer = app.CreateClient();
        mailer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token["token"]!.GetValue<string>());
        var pdf = Convert.ToBase64String("%PDF-1.4 statement"u8.ToArray());
        var raw = "From: =?utf-8?B?546L5bCP5piO?= <xiaoming@example.com>\r\nTo: service@bank.example\r\nSubject: Statement\r\n"
            + "Message-ID: <m1@mail.example>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
            + "--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nPlease see the attached statement.\r\n"
            + "--b1\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename=\"=?utf-8?B?5a+56LSm5Y2VLnBkZg==?=\"\r\n"
            + $"Content-Transfer-Encoding: base64\r\n\r\n{pdf}\r\n--b1--\r\n";
        var content = new ByteArrayContent(Encoding.ASCII.GetBytes(raw));
        content.Headers.ContentType = new MediaTypeHeaderValue("message/rfc822");
        var opened = await (await mailer.PostAsync("/api/channels/email/inbound?branch=SH", content)).JsonAsync(HttpStatusCode.Created);
        return opened["caseId"]!.GetValue<Guid>();
    }

    [Fact]
    public async Task InboundAttachment_Upload_ReplyBySmtp_Download()
    {
        var caseId = await EmailCaseAsync();
        var staff = await app.StaffAsync("Frontline", "SH");

        var listed = (await (await staff.GetAsync($"/api/cases/{caseId}/attachments")).JsonAsync()).AsArray();
        var inbound = Assert.Single(listed)!;
        Assert.Equal("对账单.pdf", inbound["fileName"]!.GetValue<string>());
        Assert.Equal("application/pdf", inbound["contentType"]!.GetValue<string>());
        Assert.Equal("email", inbound["source"]!.GetValue<string>());

        // The claimed type is ignored: the bytes say PNG. A folder in the name is dropped.
        var uploaded = (await (await staff.PostAsync($"/api/cases/{caseId}/attachments", Files(("..\\..\\screen shot.png", "text/html", Png))))
            .JsonAsync(HttpStatusCode.Created)).AsArray();
        var png = Assert.Single(uploaded)!;
        Assert.Equal("screen shot.png", png["fileName"]!.GetValue<string>());
        Assert.Equal("image/png", png["contentType"]!.GetValue<string>());
        // Not on the thread until a message carries it.
        Assert.Single((await (await staff.GetAsync($"/api/cases/{caseId}/attachments")).JsonAsync()).AsArray());

        await (await staff.PostAsJsonAsync($"/api/cases/{caseId}/messages",
            new { body = "Here is the corrected statement.", visibility = "public", attachmentIds = new[] { png["id"]!.GetValue<Guid>() } }))
            .ShouldBeAsync(HttpStatusCode.Created);
        var mail = MailParser.Parse((await smtp.NextAsync(TimeSpan.FromSeconds(20))).Data);
        var part = Assert.Single(mail.Attachments);
        Assert.Equal("screen shot.png", part.FileName);
        Assert.Equal(Png, part.Content);
        Assert.Equal(2, (await (await staff.GetAsync($"/api/cases/{caseId}/attachments")).JsonAsync()).AsArray().Count);

        // Used once: the same upload cannot be sent again.
        var again = await (await staff.PostAsJsonAsync($"/api/cases/{caseId}/messages",
            new { body = "again", visibility = "internal", attachmentIds = new[] { png["id"]!.GetValue<Guid>() } })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(again["errors"]!["attachmentIds[0]"]);

        var download = await staff.GetAsync($"/api/cases/{caseId}/attachments/{png["id"]}");
        await download.ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal(Png, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("sandbox", download.Headers.GetValues("Content-Security-Policy").Single());

        await app.CreateBranchAsync("BJ");
        var elsewhere = await app.StaffAsync("Frontline", "BJ");
        await (await elsewhere.GetAsync($"/api/cases/{caseId}/attachments/{png["id"]}")).ShouldBeAsync(HttpStatusCode.Forbidden);
        await (await staff.GetAsync($"/api/cases/{caseId}/attachments/{Guid.NewGuid()}")).ShouldBeAsync(HttpStatusCode.NotFound);
        var reviewer = await app.StaffAsync("QualityReviewer", "SH");
        await (await reviewer.PostAsync($"/api/cases/{caseId}/attachments", Files(("a.png", "image/png", Png)))).ShouldBeAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task UnsentUpload_IsOnlyTheUploadersToDownload()
    {
        var caseId = await EmailCaseAsync();
        var staff = await app.StaffAsync("Frontline", "SH");
        var colleague = await app.StaffAsync("Frontline", "SH");
        var supervisor = await app.StaffAsync("Supervisor", "SH");
        var png = Assert.Single((await (await staff.PostAsync($"/api/cases/{caseId}/attachments", Files(("draft.png", "image/png", Png))))
            .JsonAsync(HttpStatusCode.Created)).AsArray())!;
        await (await staff.GetAsync($"/api/cases/{caseId}/attachments/{png["id"]}")).ShouldBeAsync(HttpStatusCode.OK);
        await (await colleague.GetAsync($"/api/cases/{caseId}/attachments/{png["id"]}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await supervisor.GetAsync($"/api/cases/{caseId}/attachments/{png["id"]}")).ProblemAsync(HttpStatusCode.NotFound);

        // Once a message carries it, it is the case's: whoever reads the case may download it.
        await (await staff.PostAsJsonAsync($"/api/cases/{caseId}/messages",
            new { body = "See the screenshot.", visibility = "internal", attachmentIds = new[] { png["id"]!.GetValue<Guid>() } }))
            .ShouldBeAsync(HttpStatusCode.Created);
        var download = await colleague.GetAsync($"/api/cases/{caseId}/attachments/{png["id"]}");
        await download.ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal(Png, await download.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("page.html", "<!DOCTYPE html><html><script>alert(1)</script></html>")]
    [InlineData("logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>")]
    [InlineData("setup.exe", "MZ\u0090\u0000\u0003")]
    public async Task Upload_RefusesUnsafeTypes_NamingTheField(string name, string content)
    {
        var caseId = await EmailCaseAsync();
        var staff = await app.StaffAsync("Frontline", "SH");
        var problem = await (await staff.PostAsync($"/api/cases/{caseId}/attachments", Files((name, "image/png", Encoding.Latin1.GetBytes(content)))))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(name, problem["errors"]!["file"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Upload_TooLarge_IsRefused_AndDuplicatesAreStoredOnce()
    {
        var caseId = await EmailCaseAsync();
        var staff = await app.StaffAsync("Frontline", "SH");
        var big = Encoding.UTF8.GetBytes(new string('x', 3000));
        var problem = await (await staff.PostAsync($"/api/cases/{caseId}/attachments", Files(("big.txt", "text/plain", big)))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["file"]);

        var text = Encoding.UTF8.GetBytes("账户明细 계좌 내역");
        var two = (await (await staff.PostAsync($"/api/cases/{caseId}/attachments", Files(("a.txt", "text/plain", text), ("b.txt", "text/plain", text))))
            .JsonAsync(HttpStatusCode.Created)).AsArray();
        Assert.Equal(2, two.Count);
        Assert.All(two, a => Assert.Equal("text/plain", a!["contentType"]!.GetValue<string>()));
        var folder = Path.Combine(app.DataDirectory, "attachments");
        // The PDF from the email, and the text once.
        Assert.Equal(2, Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Length);
    }

    [Fact]
    public async Task Upload_PastTheRequestLimit_Is413NamingTheFile_DeclaredLengthOrNot()
    {
        var caseId = await EmailCaseAsync();
        var staff = await app.StaffAsync("Frontline", "SH");
        // 2 KB per file and 10 files make a limit of 84 KB for a whole request: send 200 KB.
        var huge = new byte[200 * 1024];
        var declared = await (await staff.PostAsync($"/api/cases/{caseId}/attachments", Files(("huge.txt", "text/plain", huge))))
            .ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("2 KB", declared["errors"]!["file"]![0]!.GetValue<string>());

        // A body without a length (chunked) is stopped by the endpoint's limit while it is read.
        var form = new MultipartFormDataContent();
        var part = new StreamContent(new UnseekableStream(huge));
        part.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(part, "file", "huge.txt");
        Assert.False(form.Headers.ContentLength.HasValue);
        var chunked = await (await staff.PostAsync($"/api/cases/{caseId}/attachments", form)).ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.NotNull(chunked["errors"]!["file"]);
        Assert.Equal(0, await app.WithDbAsync(db => db.CaseAttachments.CountAsync(a => a.Source == "upload")));
    }

    /// <summary>A stream that cannot tell its length, so HttpClient sends it chunked.</summary>
    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }

    [Fact]
    public async Task UnsentUploads_AreDeletedAfterADay_WithTheirBytesUnlessShared()
    {
        var caseId = await EmailCaseAsync();
        var staff = await app.StaffAsync("Frontline", "SH");
        async Task<Guid> UploadAsync(string name, byte[] bytes) => Assert.Single((await (await staff.PostAsync($"/api/cases/{caseId}/attachments",
            Files((name, "text/plain", bytes)))).JsonAsync(HttpStatusCode.Created)).AsArray())!["id"]!.GetValue<Guid>();
        var shared = "同一份文件 same bytes"u8.ToArray();
        var sent = await UploadAsync("sent.txt", shared);
        await (await staff.PostAsJsonAsync($"/api/cases/{caseId}/messages", new { body = "Attached.", visibility = "internal", attachmentIds = new[] { sent } }))
            .ShouldBeAsync(HttpStatusCode.Created);
        var abandonedCopy = await UploadAsync("copy.txt", shared);
        var abandoned = await UploadAsync("draft.txt", "abandoned draft"u8.ToArray());
        var recent = await UploadAsync("recent.txt", "still being written"u8.ToArray());
        var cleanup = app.Services.GetRequiredService<UnsentUploadCleanup>();
        Assert.Equal(0, await cleanup.CleanAsync(CancellationToken.None));

        // Age two uploads past the day (and the sent one too: being carried by a message is what keeps it).
        var old = DateTime.UtcNow - UnsentUploadCleanup.MaxAge - TimeSpan.FromMinutes(1);
        await app.WithDbAsync(db => db.CaseAttachments.Where(a => a.Id == abandonedCopy || a.Id == abandoned || a.Id == sent)
            .ExecuteUpdateAsync(x => x.SetProperty(a => a.CreatedAt, old)));
        var folder = Path.Combine(app.DataDirectory, "attachments");
        Assert.Equal(4, Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Length);
        Assert.Equal(2, await cleanup.CleanAsync(CancellationToken.None));

        var left = await app.WithDbAsync(db => db.CaseAttachments.Select(a => a.Id).ToListAsync());
        Assert.Contains(sent, left);
        Assert.Contains(recent, left);
        Assert.DoesNotContain(abandoned, left);
        Assert.DoesNotContain(abandonedCopy, left);
        // The email's PDF, the sent text (its bytes shared with the deleted copy) and the recent draft: the abandoned draft's bytes are gone.
        Assert.Equal(3, Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Length);
        var download = await staff.GetAsync($"/api/cases/{caseId}/attachments/{sent}");
        Assert.Equal(shared, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(0, await cleanup.CleanAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Erasure_DeletesTheCustomersAttachmentBytes()
    {
        var caseId = await EmailCaseAsync();
        var admin = await app.AdminAsync();
        var detail = await (await admin.GetAsync($"/api/cases/{caseId}")).JsonAsync();
        var customerId = detail["customer"]!["id"]!.GetValue<Guid>();
        var folder = Path.Combine(app.DataDirectory, "attachments");
        Assert.Single(Directory.GetFiles(folder, "*", SearchOption.AllDirectories));
        await (await admin.PostAsJsonAsync($"/api/customers/{customerId}/erase", new { reason = "Request by letter" })).ShouldBeAsync(HttpStatusCode.OK);
        Assert.Empty(Directory.GetFiles(folder, "*", SearchOption.AllDirectories));
        Assert.Empty((await (await admin.GetAsync($"/api/cases/{caseId}/attachments")).JsonAsync()).AsArray());
    }

    public async ValueTask DisposeAsync()
    {
        app.Dispose();
        await smtp.DisposeAsync();
    }
}
