using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Touchpoint.Tests.Infrastructure;
using static Touchpoint.Tests.Knowledge.KnowledgeArticleTests;

namespace Touchpoint.Tests.Knowledge;

/// <summary>
/// Article owners: who may be picked (knowledge writers of the article's branch, by name) and what a save accepts, on
/// SQLite and PostgreSQL (the list is a query over roles and branches).
/// </summary>
public sealed class ArticleOwnerTests
{
    private const string Password = "Staff-Pass-1";

    [Fact]
    public async Task Owners_AreActiveKnowledgeWritersByName_ScopedByBranch_ForWritersOnly()
    {
        using var app = new TouchpointFactory();
        await OwnersAsync(app);
    }

    [Fact]
    public async Task Saving_ChecksTheOwner_NamingOwnerId()
    {
        using var app = new TouchpointFactory();
        await SavingAsync(app);
    }

    [PostgresFact]
    public async Task OwnersAndTheirChecks_WorkOnPostgres()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        using var app = new TouchpointFactory(postgresConnectionString: database.ConnectionString);
        await OwnersAsync(app);
        await SavingAsync(app);
    }

    /// <summary>Staff with names to pick from: writers and a non-writer in Shanghai, a writer in Taipei, one who left.</summary>
    private static async Task<Dictionary<string, Guid>> StaffAsync(TouchpointFactory app)
    {
        var admin = await app.AdminAsync();
        var existing = (await (await admin.GetAsync("/api/admin/users")).JsonAsync()).AsArray();
        if (existing.Any(u => u!["userName"]!.GetValue<string>() == "sh.wang"))
            return existing.ToDictionary(u => u!["userName"]!.GetValue<string>(), u => Guid.Parse(u!["id"]!.GetValue<string>()));

        await app.CreateBranchAsync("SH");
        await app.CreateBranchAsync("TPE");
        var ids = new Dictionary<string, Guid>();
        async Task Add(string userName, string displayName, string role, params string[] branches)
        {
            var user = await (await admin.PostAsJsonAsync("/api/admin/users",
                new { userName, displayName, password = Password, roles = new[] { role }, branches, language = "en-US" })).JsonAsync(HttpStatusCode.Created);
            ids[userName] = Guid.Parse(user["id"]!.GetValue<string>());
        }
        await Add("sh.wang", "Wang Fang", "Supervisor", "SH");
        await Add("sh.li", "Li Na", "Trainer", "SH");
        await Add("sh.chen", "Chen Jie", "Frontline", "SH");
        await Add("sh.gone", "Zhou Left", "Supervisor", "SH");
        await Add("tpe.lin", "Lin Mei", "Supervisor", "TPE");
        await Add("hq.park", "Park Min", "Manager", "TPE");
        await (await admin.PutAsJsonAsync($"/api/admin/users/{ids["sh.gone"]}",
            new { displayName = "Zhou Left", roles = new[] { "Supervisor" }, branches = new[] { "SH" }, language = "en-US", isActive = false }))
            .ShouldBeAsync(HttpStatusCode.OK);
        return ids;
    }

    private static Task<HttpClient> As(TouchpointFactory app, string userName) => app.SignInAsync(userName, Password);

    private static async Task<List<string>> NamesAsync(HttpClient client, string query = "")
    {
        var owners = (await (await client.GetAsync("/api/knowledge/owners" + query)).JsonAsync()).AsArray();
        // A name and an id to pick by, nothing more about the person.
        Assert.All(owners, o => Assert.Equal(["id", "displayName"], o!.AsObject().Select(p => p.Key)));
        return owners.Select(o => o!["displayName"]!.GetValue<string>()).ToList();
    }

    private static async Task OwnersAsync(TouchpointFactory app)
    {
        await StaffAsync(app);
        var wang = await As(app, "sh.wang");
        // A Shanghai supervisor picks among Shanghai's writers (not the front line, not someone who left, not Taipei's).
        Assert.Equal(["Li Na", "Wang Fang"], await NamesAsync(wang));
        Assert.Equal(["Li Na", "Wang Fang"], await NamesAsync(wang, "?branch=sh"));
        Assert.Equal(["Li Na"], await NamesAsync(wang, "?q=LI%20n"));
        await (await wang.GetAsync("/api/knowledge/owners?branch=TPE")).ProblemAsync(HttpStatusCode.Forbidden);
        var unknown = await (await wang.GetAsync("/api/knowledge/owners?branch=NOPE&limit=0")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(unknown["errors"]!["branch"]);
        Assert.NotNull(unknown["errors"]!["limit"]);

        // A manager's role spans branches: every writer for an article shown everywhere; for Taipei's own, those who
        // may write there (Taipei's staff and whoever spans branches).
        var park = await As(app, "hq.park");
        Assert.Equal(["Administrator", "Li Na", "Lin Mei", "Park Min", "Wang Fang"], await NamesAsync(park));
        Assert.Equal(["Administrator", "Lin Mei", "Park Min"], await NamesAsync(park, "?branch=TPE"));
        Assert.Equal(["Administrator", "Li Na", "Park Min", "Wang Fang"], await NamesAsync(park, "?branch=SH"));
        Assert.Equal(["Administrator", "Li Na"], await NamesAsync(park, "?limit=2"));

        // Only those who write knowledge see the list.
        await (await (await As(app, "sh.chen")).GetAsync("/api/knowledge/owners")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await app.CreateClient().GetAsync("/api/knowledge/owners")).ShouldBeAsync(HttpStatusCode.Unauthorized);
    }

    private static async Task SavingAsync(TouchpointFactory app)
    {
        var ids = await StaffAsync(app);
        var wang = await As(app, "sh.wang");
        object WithOwner(string title, string owner, string? branch = null, int? version = null) =>
            Owned(Article(title, "Body.", branch: branch, version: version), ids[owner]);

        var created = await (await wang.PostAsJsonAsync("/api/knowledge/articles", WithOwner("Card fees", "sh.li"))).JsonAsync(HttpStatusCode.Created);
        Assert.Equal("Li Na", created["ownerName"]!.GetValue<string>());
        Assert.Equal(ids["sh.li"].ToString(), created["ownerId"]!.GetValue<string>());
        var listed = (await (await wang.GetAsync("/api/knowledge/articles")).JsonAsync())["items"]!.AsArray().Single();
        Assert.Equal("Li Na", listed!["ownerName"]!.GetValue<string>());

        // Someone who does not write knowledge, someone who left, a stranger's id, and staff of a branch the writer does
        // not see are all refused, naming the field.
        var notWriter = await OwnerProblemAsync(wang.PostAsJsonAsync("/api/knowledge/articles", WithOwner("Fees", "sh.chen")));
        var gone = await OwnerProblemAsync(wang.PostAsJsonAsync("/api/knowledge/articles", WithOwner("Fees", "sh.gone")));
        var stranger = await OwnerProblemAsync(wang.PostAsJsonAsync("/api/knowledge/articles", Owned(Article("Fees", "Body."), Guid.NewGuid())));
        var otherBranch = await OwnerProblemAsync(wang.PostAsJsonAsync("/api/knowledge/articles", WithOwner("Fees", "tpe.lin")));
        Assert.Equal(stranger, gone);
        Assert.Equal(stranger, otherBranch);
        Assert.NotEqual(stranger, notWriter);

        // A manager sees Taipei's supervisor, who may own an article shown everywhere but not Shanghai's own.
        var park = await As(app, "hq.park");
        var mayNot = await OwnerProblemAsync(park.PostAsJsonAsync("/api/knowledge/articles", WithOwner("Parking", "tpe.lin", branch: "SH")));
        Assert.Equal(notWriter, mayNot);
        var everywhere = await (await park.PostAsJsonAsync("/api/knowledge/articles", WithOwner("Opening hours", "tpe.lin"))).JsonAsync(HttpStatusCode.Created);
        Assert.Equal("Lin Mei", everywhere["ownerName"]!.GetValue<string>());

        // Shanghai's supervisor does not see that owner but fixes the article as it is; moving it to Shanghai needs an
        // owner who may write there; handing it to a colleague does.
        var id = Id(everywhere);
        await (await wang.PutAsJsonAsync($"/api/knowledge/articles/{id}", WithOwner("Opening hours", "tpe.lin", version: 1))).ShouldBeAsync(HttpStatusCode.OK);
        await OwnerProblemAsync(wang.PutAsJsonAsync($"/api/knowledge/articles/{id}", WithOwner("Opening hours", "tpe.lin", branch: "SH", version: 2)));
        var moved = await (await wang.PutAsJsonAsync($"/api/knowledge/articles/{id}", WithOwner("Opening hours", "sh.wang", branch: "SH", version: 2))).JsonAsync();
        Assert.Equal("Wang Fang", moved["ownerName"]!.GetValue<string>());
        Assert.Equal("SH", moved["branch"]!.GetValue<string>());
    }

    private static object Owned(object article, Guid ownerId)
    {
        var node = JsonSerializer.SerializeToNode(article)!.AsObject();
        node["ownerId"] = ownerId;
        return node;
    }

    /// <summary>Asserts a 400 whose only field is ownerId; returns its message.</summary>
    private static async Task<string> OwnerProblemAsync(Task<HttpResponseMessage> request)
    {
        var problem = await (await request).ProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsObject();
        Assert.Equal(["ownerId"], errors.Select(e => e.Key));
        return errors["ownerId"]![0]!.GetValue<string>();
    }
}
