using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Tests.Infrastructure;
using static Touchpoint.Tests.Customers.CustomerTestData;

namespace Touchpoint.Tests.Customers;

/// <summary>Profiles through the API: found by anything staff type, masked everywhere, revealed only with a reason on record.</summary>
public sealed class CustomerProfileTests : IDisposable
{
    private readonly TouchpointFactory app = new();

    private static object Wang => new
    {
        name = "王小明", phones = new[] { "138 1234 5678" }, emails = new[] { "Kim.Wang@Example.com" }, language = "zh-CN",
        needs = new[] { "wheelchair" }, tags = new[] { "mortgage" }, notes = "Prefers the quiet counter",
        identifiers = new[] { new { kind = "nationalId", value = "31010119900101123X" }, new { kind = "membership", value = "M-7788-9900" } },
    };

    [Fact]
    public async Task Create_ThenFindByPhoneEmailNameAndIdentifier_AllMasked()
    {
        await app.CreateBranchAsync("SH");
        var staff = await app.StaffAsync("Frontline", "SH");
        var created = await CreateAsync(staff, Wang);
        Assert.Equal("王*明", created["name"]!.GetValue<string>());
        Assert.Equal("SH", created["homeBranch"]!.GetValue<string>());
        var contacts = created["contacts"]!.AsArray().Select(c => c!["masked"]!.GetValue<string>()).ToList();
        Assert.Contains("138****5678", contacts);
        Assert.Contains("k***@example.com", contacts);
        Assert.Equal(["****123X", "****9900"], created["identifiers"]!.AsArray().Select(i => i!["masked"]!.GetValue<string>()).Order());
        Assert.True(created["hasNotes"]!.GetValue<bool>());
        Assert.Null(created["notes"]);
        Assert.Equal("disabled", created["policy"]!["queuePriority"]!.GetValue<string>());

        foreach (var q in new[] { "13812345678", "kim.wang@example.com", "王小", "小明", "31010119900101123x", "M77889900" })
        {
            var found = await (await staff.GetAsync($"/api/customers?q={Uri.EscapeDataString(q)}")).JsonAsync();
            Assert.True(found.AsArray().Count == 1, $"search '{q}' found {found.AsArray().Count}");
            Assert.Equal("138****5678", found[0]!["phone"]!.GetValue<string>());
            Assert.Equal("k***@example.com", found[0]!["email"]!.GetValue<string>());
        }
        Assert.Empty((await (await staff.GetAsync("/api/customers?q=13812345679")).JsonAsync()).AsArray());

        // The full profile body never carries a personal value in clear.
        var body = await (await staff.GetAsync($"/api/customers/{created.Id()}")).Content.ReadAsStringAsync();
        foreach (var secret in new[] { "王小明", "13812345678", "kim.wang", "31010119900101123X", "M77889900", "quiet counter" })
            Assert.DoesNotContain(secret, body);
    }

    [Fact]
    public async Task Identifiers_AreEncryptedAtRest_AndUniquePerKind()
    {
        var admin = await app.AdminAsync();
        await CreateAsync(admin, Wang);
        var stored = await app.WithDbAsync(db => db.CustomerIdentifiers.Select(i => i.Protected + " " + i.LookupHash).ToListAsync());
        Assert.Equal(2, stored.Count);
        Assert.All(stored, s => Assert.DoesNotContain("31010119900101123X", s));
        Assert.Empty(FilesContaining(app.DataDirectory, "31010119900101123X", "M77889900"));

        var duplicate = await (await admin.PostAsJsonAsync("/api/customers", new
        {
            name = "Someone Else", language = "en-US", identifiers = new[] { new { kind = "nationalId", value = "310101 19900101 123x" } },
        })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(duplicate["errors"]!["identifiers[0].value"]);
        Assert.DoesNotContain("310101", duplicate.ToJsonString());
    }

    [Fact]
    public async Task BadInput_NamesEachField_WithoutEchoingPersonalData()
    {
        var admin = await app.AdminAsync();
        var problem = await (await admin.PostAsJsonAsync("/api/customers", new
        {
            name = "", phones = new[] { "call me maybe" }, emails = new[] { "not-an-email" }, language = "fr-FR", needs = new[] { "wings" },
            identifiers = new[] { new { kind = "passport", value = "1" } },
        })).ProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsObject().Select(e => e.Key).Order().ToList();
        Assert.Equal(["emails[0]", "identifiers[0].kind", "identifiers[0].value", "language", "name", "needs[0]", "phones[0]"], errors);
        Assert.DoesNotContain("not-an-email", problem.ToJsonString());
        await (await admin.GetAsync($"/api/customers/{Guid.NewGuid()}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await admin.PatchAsJsonAsync($"/api/customers/{Guid.NewGuid()}", new { name = "X" })).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Reveal_NeedsThePermissionAndAReason_AndIsAudited()
    {
        await app.CreateBranchAsync("SH");
        var frontline = await app.StaffAsync("Frontline", "SH");
        var supervisor = await app.StaffAsync("Supervisor", "SH");
        var id = (await CreateAsync(frontline, Wang)).Id();

        await (await frontline.PostAsJsonAsync($"/api/customers/{id}/reveal", new { field = "phone", reason = "Call back about the loan" }))
            .ProblemAsync(HttpStatusCode.Forbidden);
        var missing = await (await supervisor.PostAsJsonAsync($"/api/customers/{id}/reveal", new { field = "phone" })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(missing["errors"]!["reason"]);
        var badField = await (await supervisor.PostAsJsonAsync($"/api/customers/{id}/reveal", new { field = "salary", reason = "curious about it" })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(badField["errors"]!["field"]);

        var phone = await (await supervisor.PostAsJsonAsync($"/api/customers/{id}/reveal", new { field = "phone", reason = "Call back about the loan" })).JsonAsync();
        Assert.Equal(["13812345678"], phone["values"]!.AsArray().Select(v => v!.GetValue<string>()));
        var national = await (await supervisor.PostAsJsonAsync($"/api/customers/{id}/reveal", new { field = "identifier", reason = "Verify identity at counter" })).JsonAsync();
        Assert.Contains("31010119900101123X", national["values"]!.AsArray().Select(v => v!.GetValue<string>()));

        var audit = await (await (await app.AdminAsync()).GetAsync($"/api/audit?action=customer.revealed&target=customer:{id}")).JsonAsync();
        var details = audit["items"]!.AsArray().Select(i => JsonNode.Parse(i!["details"]!.GetValue<string>())!).ToList();
        Assert.Equal(2, details.Count);
        Assert.Contains(details, d => d["field"]!.GetValue<string>() == "phone" && d["reason"]!.GetValue<string>() == "Call back about the loan");
        // The log says what was shown, not the value itself.
        Assert.DoesNotContain("13812345678", audit.ToJsonString());
    }

    [Fact]
    public async Task Update_AddsContacts_ChangesNeeds_AndSearchFollowsTheNewName()
    {
        var admin = await app.AdminAsync();
        var id = (await CreateAsync(admin, Wang)).Id();
        var updated = await (await admin.PatchAsJsonAsync($"/api/customers/{id}", new
        {
            name = "Olivia Smith", phones = new[] { "+44 7700 900123" }, needs = new[] { "hearing", "interpreter" }, language = "en-US",
        })).JsonAsync();
        Assert.Equal("O. S****", updated["name"]!.GetValue<string>());
        Assert.Equal(3, updated["contacts"]!.AsArray().Count);
        Assert.Equal(["hearing", "interpreter"], updated["needs"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Single((await (await admin.GetAsync("/api/customers?q=smi")).JsonAsync()).AsArray());
        Assert.Empty((await (await admin.GetAsync("/api/customers?q=王")).JsonAsync()).AsArray());
        Assert.Single((await (await admin.GetAsync("/api/customers?q=%2B447700900123")).JsonAsync()).AsArray());
    }

    public void Dispose() => app.Dispose();
}
