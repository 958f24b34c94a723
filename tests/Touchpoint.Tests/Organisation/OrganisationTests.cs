using System.Net;
using System.Net.Http.Json;
using Touchpoint.Tests.Infrastructure;

namespace Touchpoint.Tests.Organisation;

public sealed class OrganisationTests : IDisposable
{
    private readonly TouchpointFactory app = new();

    [Fact]
    public async Task Branch_NamesInFourLanguages_ResolveToTheRequestLanguage()
    {
        var admin = await app.AdminAsync();
        var name = new Dictionary<string, string> { ["zh-CN"] = "北京分行", ["zh-TW"] = "北京分行", ["ko-KR"] = "베이징 지점", ["en-US"] = "Beijing" };
        var created = await (await admin.PostAsJsonAsync("/api/branches", new
        {
            code = "bj", name, timeZone = "Asia/Shanghai", address = "北京市",
            businessHours = new[] { new { day = 1, open = "09:00", close = "12:00" }, new { day = 1, open = "13:00", close = "17:00" } },
            holidays = new[] { new { date = "2027-02-06", name = "春节" } },
        })).JsonAsync(HttpStatusCode.Created);
        Assert.Equal("BJ", created["code"]!.GetValue<string>());

        var korean = await app.SignInAsync("admin", TouchpointFactory.AdminPassword, "ko-KR");
        var branch = await (await korean.GetAsync("/api/branches/BJ")).JsonAsync();
        Assert.Equal("베이징 지점", branch["displayName"]!.GetValue<string>());
        Assert.Equal(2, branch["businessHours"]!.AsArray().Count);
    }

    [Fact]
    public async Task ServicesAndCounters_LinkBySkill_AndDuplicatesAreRefused()
    {
        await app.CreateBranchAsync("SH", "PERSONAL", "CORPORATE");
        var admin = await app.AdminAsync();
        var counter = await (await admin.PostAsJsonAsync("/api/branches/SH/counters",
            new { number = 3, name = new { en_US = "" }, services = new[] { "personal", "CORPORATE" } })).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(["CORPORATE", "PERSONAL"], counter["services"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal("closed", counter["state"]!.GetValue<string>());
        Assert.Equal("Counter 3", counter["displayName"]!.GetValue<string>());

        var dup = await (await admin.PostAsJsonAsync("/api/branches/SH/counters", new { number = 3, services = Array.Empty<string>() })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(dup["errors"]!["number"]);
        var unknown = await (await admin.PostAsJsonAsync("/api/branches/SH/counters", new { number = 4, services = new[] { "LOANS" } })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("LOANS", unknown["errors"]!["services"]![0]!.GetValue<string>());

        var updated = await (await admin.PutAsJsonAsync("/api/branches/SH/counters/3", new { services = new[] { "PERSONAL" } })).JsonAsync();
        Assert.Equal(["PERSONAL"], updated["services"]!.AsArray().Select(s => s!.GetValue<string>()));

        await (await admin.DeleteAsync("/api/branches/SH/services/PERSONAL")).ShouldBeAsync(HttpStatusCode.NoContent);
        var counters = await (await admin.GetAsync("/api/branches/SH/counters")).JsonAsync();
        Assert.Empty(counters[0]!["services"]!.AsArray());
    }

    [Theory]
    [InlineData("{\"code\":\"\",\"name\":\"X\",\"timeZone\":\"UTC\"}", "code")]
    [InlineData("{\"code\":\"has space\",\"name\":\"X\",\"timeZone\":\"UTC\"}", "code")]
    [InlineData("{\"code\":\"OK\",\"name\":{\"fr-FR\":\"X\"},\"timeZone\":\"UTC\"}", "name.fr-FR")]
    [InlineData("{\"code\":\"OK\",\"name\":\"X\",\"timeZone\":\"Mars/Olympus\"}", "timeZone")]
    [InlineData("{\"code\":\"OK\",\"name\":\"X\",\"timeZone\":\"UTC\",\"businessHours\":[{\"day\":9,\"open\":\"09:00\",\"close\":\"17:00\"}]}", "businessHours[0].day")]
    [InlineData("{\"code\":\"OK\",\"name\":\"X\",\"timeZone\":\"UTC\",\"businessHours\":[{\"day\":1,\"open\":\"18:00\",\"close\":\"09:00\"}]}", "businessHours[0]")]
    [InlineData("{\"code\":\"OK\",\"name\":\"X\",\"timeZone\":\"UTC\",\"holidays\":[{\"date\":\"31/12/2026\",\"name\":\"x\"}]}", "holidays[0].date")]
    [InlineData("{\"code\":\"OK\",\"name\":42,\"timeZone\":\"UTC\"}", "name")]
    [InlineData("{\"code\":\"OK\",", "body")]
    public async Task BadBranch_Is400_NamingTheField_AndNothingIsSaved(string json, string field)
    {
        var admin = await app.AdminAsync();
        var response = await admin.PostAsync("/api/branches", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsObject();
        Assert.True(errors.ContainsKey(field), $"expected an error for '{field}', got {errors.ToJsonString()}");
        var branches = await (await admin.GetAsync("/api/branches")).JsonAsync();
        Assert.Empty(branches.AsArray());
    }

    [Fact]
    public async Task ValidationMessages_FollowAcceptLanguage()
    {
        var admin = await app.SignInAsync("admin", TouchpointFactory.AdminPassword, "zh-TW");
        var problem = await (await admin.PostAsJsonAsync("/api/branches", new { code = "", name = "X", timeZone = "UTC" })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("此欄位為必填。", problem["errors"]!["code"]![0]!.GetValue<string>());
        Assert.Equal("請求中有無效的欄位。", problem["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task DeletingABranchWithStaff_IsAConflict()
    {
        await app.CreateBranchAsync("SH");
        await app.StaffAsync("Frontline", "SH");
        var admin = await app.AdminAsync();
        await (await admin.DeleteAsync("/api/branches/SH")).ProblemAsync(HttpStatusCode.Conflict);
        await app.CreateBranchAsync("EMPTY");
        await (await admin.DeleteAsync("/api/branches/EMPTY")).ShouldBeAsync(HttpStatusCode.NoContent);
        await (await admin.GetAsync("/api/branches/EMPTY")).ProblemAsync(HttpStatusCode.NotFound);
    }

    public void Dispose() => app.Dispose();
}
