using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Tests.Infrastructure;
using static Touchpoint.Tests.Customers.CustomerTestData;

namespace Touchpoint.Tests.Cases;

/// <summary>Cases land on one customer profile: found or made by their contact point, shown on the timeline, merged and erased with it.</summary>
public sealed class CaseCustomerTests : IDisposable
{
    private readonly TouchpointFactory app = new();

    private static object NewCase(string subject, string? phone = null, string? email = null, string name = "Grace Pemberton") => new
    {
        subject, description = "Asked about the new savings account.", channel = "phone", customer = new { name, phone, email },
    };

    private async Task<HttpClient> StaffAsync()
    {
        await app.CreateBranchAsync("SH");
        return await app.StaffAsync("Frontline", "SH");
    }

    private static async Task<string?> CustomerOfCaseAsync(HttpClient staff, string caseId) =>
        (await (await staff.GetAsync($"/api/cases/{caseId}")).JsonAsync())["customer"]!["id"]?.GetValue<string>();

    [Fact]
    public async Task CasesFromOnePerson_LandOnOneProfile_AndItsTimeline()
    {
        var staff = await StaffAsync();
        var first = await (await staff.PostAsJsonAsync("/api/cases", NewCase("Savings rates", phone: "+44 7700 900123"))).JsonAsync(HttpStatusCode.Created);
        var second = await (await staff.PostAsJsonAsync("/api/cases", NewCase("Standing order", phone: "+447700900123"))).JsonAsync(HttpStatusCode.Created);
        var nameOnly = await (await staff.PostAsJsonAsync("/api/cases", NewCase("Walk-in question"))).JsonAsync(HttpStatusCode.Created);

        var customer = await CustomerOfCaseAsync(staff, first.Id());
        Assert.NotNull(customer);
        Assert.Equal(customer, await CustomerOfCaseAsync(staff, second.Id()));
        Assert.Null(await CustomerOfCaseAsync(staff, nameOnly.Id())); // a name alone identifies nobody
        Assert.Single((await (await staff.GetAsync("/api/customers?q=%2B447700900123")).JsonAsync()).AsArray());

        var timeline = (await (await staff.GetAsync($"/api/customers/{customer}/timeline")).JsonAsync()).AsArray();
        var cases = timeline.Where(e => e!["type"]!.GetValue<string>() == "case").ToList();
        Assert.Equal(["TP-000002", "TP-000001"], cases.Select(e => e!["reference"]!.GetValue<string>()));
        Assert.Equal("Standing order", cases[0]!["details"]!["subject"]!.GetValue<string>());
        Assert.Contains(timeline, e => e!["type"]!.GetValue<string>() == "customer.created");

        // A call logged against the case reaches the same timeline.
        await (await staff.PostAsJsonAsync("/api/encounters", new { channel = "phone", caseId = first.Id(), summary = "Called back" })).ShouldBeAsync(HttpStatusCode.Created);
        timeline = (await (await staff.GetAsync($"/api/customers/{customer}/timeline")).JsonAsync()).AsArray();
        Assert.Contains(timeline, e => e!["type"]!.GetValue<string>() == "encounter");
    }

    [Fact]
    public async Task ManyCasesAtOnceFromANewPerson_MakeOneProfile()
    {
        var staff = await StaffAsync();
        var created = await Task.WhenAll(Enumerable.Range(0, 12).Select(async i =>
            await (await staff.PostAsJsonAsync("/api/cases", NewCase($"Question {i}", email: "Grace.P@Example.com"))).JsonAsync(HttpStatusCode.Created)));
        var owners = new HashSet<string?>();
        foreach (var c in created) owners.Add(await CustomerOfCaseAsync(staff, c.Id()));
        Assert.Single(owners);
        Assert.Equal(1, await app.WithDbAsync(db => db.CustomerContacts.CountAsync(x => x.Value == "grace.p@example.com")));
    }

    [Fact]
    public async Task MergingCustomers_MovesTheirCases()
    {
        var staff = await StaffAsync();
        var manager = await app.StaffAsync("Manager", "SH");
        var a = await (await staff.PostAsJsonAsync("/api/cases", NewCase("One", phone: "+447700900001"))).JsonAsync(HttpStatusCode.Created);
        var b = await (await staff.PostAsJsonAsync("/api/cases", NewCase("Two", email: "grace@example.com"))).JsonAsync(HttpStatusCode.Created);
        var keep = (await CustomerOfCaseAsync(staff, a.Id()))!;
        var other = (await CustomerOfCaseAsync(staff, b.Id()))!;
        Assert.NotEqual(keep, other);
        await (await manager.PostAsJsonAsync($"/api/customers/{keep}/merge", new { otherId = other, reason = "Same person" })).ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal(keep, await CustomerOfCaseAsync(staff, b.Id()));
    }

    [Fact]
    public async Task ErasingTheCustomer_TakesTheirWordsAndAddressesFromCasesAndMail_AndKeepsTheCounts()
    {
        await app.CreateBranchAsync("SH");
        var admin = await app.AdminAsync();
        var token = await (await admin.PostAsJsonAsync("/api/admin/api-tokens", new { name = "mx", scopes = new[] { "channels.email" } })).JsonAsync(HttpStatusCode.Created);
        var mailServer = app.CreateClient();
        mailServer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token["token"]!.GetValue<string>());
        var raw = Encoding.UTF8.GetBytes("From: Ottoline Quenby <ottoline.quenby@example.org>\r\nTo: service@bank.example\r\n"
            + "Subject: Lost passbook Quenbyfold\r\nMessage-ID: <lost-1@example.org>\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: text/plain; charset=utf-8\r\n\r\nMy passbook number is PB-77410, I live at Quenbyfold Farm.\r\n");
        var content = new ByteArrayContent(raw);
        content.Headers.ContentType = new MediaTypeHeaderValue("message/rfc822");
        await (await mailServer.PostAsync("/api/channels/email/inbound?branch=SH", content)).ShouldBeAsync(HttpStatusCode.Created);

        var manager = await app.StaffAsync("Manager", "SH");
        var customer = (await (await manager.GetAsync("/api/customers?q=ottoline.quenby@example.org")).JsonAsync()).AsArray().Single()!.Id();
        var caseId = await app.WithDbAsync(db => db.Cases.Where(c => c.CustomerId == Guid.Parse(customer)).Select(c => c.Id).SingleAsync());
        await (await manager.PostAsJsonAsync("/api/encounters", new { channel = "phone", caseId, summary = "Called about the passbook, Quenbyfold Farm" }))
            .ShouldBeAsync(HttpStatusCode.Created);
        Assert.NotEmpty((await (await manager.GetAsync("/api/search?q=Quenbyfold")).JsonAsync())["items"]!.AsArray());
        // A staff correction keeps the customer's words as a training example: erasure takes that copy too.
        var message = await app.WithDbAsync(db => db.CaseMessages.Where(m => m.CaseId == caseId && m.Direction == "inbound").Select(m => m.Id).SingleAsync());
        await (await manager.PostAsJsonAsync($"/api/assist/analyses/message/{message}/correction", new { sentiment = "negative" })).ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal(1, await app.WithDbAsync(db => db.AssistExamples.CountAsync(x => x.OwnerId == message)));
        string[] secrets = ["ottoline.quenby@example.org", "Quenbyfold", "PB-77410", "Ottoline Quenby"];
        Assert.NotEmpty(await TablesContainingAsync(app, secrets));
        var casesBefore = await app.WithDbAsync(db => db.Cases.CountAsync());

        await (await manager.PostAsJsonAsync($"/api/customers/{customer}/erase", new { reason = "Asked by phone" })).ShouldBeAsync(HttpStatusCode.OK);

        Assert.Equal([], await TablesContainingAsync(app, secrets));
        Assert.Empty((await (await manager.GetAsync("/api/search?q=Quenbyfold")).JsonAsync())["items"]!.AsArray());
        Assert.Equal([], FilesContaining(app.DataDirectory, secrets));
        Assert.Equal(casesBefore, await app.WithDbAsync(db => db.Cases.CountAsync(c => c.CustomerId == Guid.Parse(customer))));
    }

    public void Dispose() => app.Dispose();
}
