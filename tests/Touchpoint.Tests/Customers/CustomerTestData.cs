using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Tests.Infrastructure;

namespace Touchpoint.Tests.Customers;

/// <summary>What the customer tests share: creating customers, serving them at a counter, and searching the stored bytes.</summary>
public static class CustomerTestData
{
    public static async Task<JsonNode> CreateAsync(HttpClient client, object body) =>
        await (await client.PostAsJsonAsync("/api/customers", body)).JsonAsync(HttpStatusCode.Created);

    public static string Id(this JsonNode node) => node["id"]!.GetValue<string>();

    /// <summary>Branch SH with one counter serving PERSONAL, opened by a new front-line member who is returned.</summary>
    public static async Task<HttpClient> BranchWithCounterAsync(TouchpointFactory app, string code = "SH")
    {
        await app.CreateBranchAsync(code, "PERSONAL");
        var admin = await app.AdminAsync();
        await (await admin.PostAsJsonAsync($"/api/branches/{code}/counters", new { number = 1, services = new[] { "PERSONAL" } })).ShouldBeAsync(HttpStatusCode.Created);
        var staff = await app.StaffAsync("Frontline", code);
        await (await staff.PostAsync($"/api/branches/{code}/counters/1/open", null)).ShouldBeAsync(HttpStatusCode.OK);
        return staff;
    }

    /// <summary>Issues a ticket for the customer at the desk, calls it at counter 1 and completes it.</summary>
    public static async Task<JsonNode> ServeAsync(HttpClient staff, string customerId, string branch = "SH")
    {
        var ticket = await (await staff.PostAsJsonAsync($"/api/branches/{branch}/tickets", new { service = "PERSONAL", customerId })).JsonAsync(HttpStatusCode.Created);
        await (await staff.PostAsync($"/api/branches/{branch}/counters/1/call-next", null)).ShouldBeAsync(HttpStatusCode.OK);
        await (await staff.PostAsJsonAsync($"/api/tickets/{ticket.Id()}/complete", new { outcome = "resolved" })).ShouldBeAsync(HttpStatusCode.OK);
        return ticket;
    }

    /// <summary>Every text value of every table, on either database: "nowhere in the database" means nowhere here.</summary>
    public static async Task<List<string>> TablesContainingAsync(TouchpointFactory app, params string[] needles) =>
        await app.WithDbAsync(async db =>
        {
            var found = new List<string>();
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            foreach (var table in db.Model.GetEntityTypes().Select(e => e.GetTableName()!).Distinct())
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT * FROM \"{table}\"";
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                    for (var i = 0; i < reader.FieldCount; i++)
                        if (!reader.IsDBNull(i) && reader.GetValue(i)?.ToString() is { } text && needles.FirstOrDefault(text.Contains) is { } hit)
                            found.Add($"{table}.{reader.GetName(i)}: {hit}");
            }
            return found;
        });

    /// <summary>The raw bytes of the SQLite file and its write-ahead log, for what SQL no longer shows.</summary>
    public static List<string> FilesContaining(string dataDirectory, params string[] needles)
    {
        var found = new List<string>();
        foreach (var file in Directory.GetFiles(dataDirectory, "touchpoint.db*"))
        {
            byte[] bytes;
            using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            {
                bytes = new byte[stream.Length];
                stream.ReadExactly(bytes);
            }
            foreach (var needle in needles)
                if (bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(needle)) >= 0) found.Add($"{Path.GetFileName(file)}: {needle}");
        }
        return found;
    }
}
