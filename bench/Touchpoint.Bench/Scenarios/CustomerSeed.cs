using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Touchpoint.Bench.Scenarios;

/// <summary>
/// 100,000 customers written straight into the server's database, by prepared inserts in one transaction on SQLite and
/// by binary COPY on PostgreSQL (the API would take minutes): a phone each, an email for half, and the name search keys the server would have written. Half the
/// names are Chinese, half English; the same seed gives the same customers on every run.
/// </summary>
public static class CustomerSeed
{
    public const int Count = 100_000;
    private static readonly string[] ChineseSurnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗"];
    private static readonly string[] ChineseGiven = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "霞", "平", "刚", "英", "华", "玉", "兰"];
    private static readonly string[] EnglishGiven = ["Oliver", "George", "Harry", "Noah", "Jack", "Amelia", "Olivia", "Isla", "Ava", "Emily", "Sophie", "Grace", "Daniel", "Chloe"];
    private static readonly string[] EnglishSurnames = ["Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Davies", "Patel", "Khan", "Evans", "Thomas", "Roberts", "Walker", "Wright"];

    public sealed record Seeded(IReadOnlyList<string> Phones, IReadOnlyList<string> Names, double Seconds);

    public static async Task<Seeded> SeedAsync(BenchTarget target, CancellationToken ct)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (customers, contacts, keys) = Generate();
        if (target.PostgresConnectionString is { } pg) await CopyToPostgresAsync(pg, customers, contacts, keys, ct);
        else await InsertIntoSqliteAsync(target.SqliteFile ?? throw new InvalidOperationException("No database to seed."), customers, contacts, keys, ct);
        return new Seeded(customers.Select(c => c.Phone).ToList(), customers.Select(c => c.Name).ToList(), clock.Elapsed.TotalSeconds);
    }

    private sealed record Row(Guid Id, string Name, string Language, double Value, string Phone);

    private static (List<Row> Customers, List<(Guid Customer, string Kind, string Value)> Contacts, List<(string Key, Guid Customer)> Keys) Generate()
    {
        var random = new Random(100_000);
        var customers = new List<Row>(Count);
        var contacts = new List<(Guid, string, string)>(Count * 3 / 2);
        var keys = new List<(string, Guid)>(Count * 2);
        for (var i = 0; i < Count; i++)
        {
            var id = Guid.CreateVersion7();
            var chinese = i % 2 == 0;
            var name = chinese
                ? ChineseSurnames[random.Next(ChineseSurnames.Length)] + ChineseGiven[random.Next(ChineseGiven.Length)] + ChineseGiven[random.Next(ChineseGiven.Length)]
                : $"{EnglishGiven[random.Next(EnglishGiven.Length)]} {EnglishSurnames[random.Next(EnglishSurnames.Length)]}";
            var phone = chinese ? "139" + i.ToString("D8", CultureInfo.InvariantCulture) : "07800" + i.ToString("D6", CultureInfo.InvariantCulture);
            customers.Add(new Row(id, name, chinese ? "zh-CN" : "en-US", random.Next(100, 500_000), phone));
            contacts.Add((id, "phone", phone));
            if (!chinese) contacts.Add((id, "email", $"c{i}@example.com"));
            // As the server's PersonalData.NameKeys: the whole name, later words, the given name after a Chinese surname.
            var normal = name.ToLowerInvariant();
            foreach (var key in (chinese ? [normal, normal[1..]] : new[] { normal, normal.Split(' ')[1] }).Distinct()) keys.Add((key, id));
        }
        return (customers, contacts, keys);
    }

    /// <summary>One transaction of prepared inserts: SQLite runs in-process, so a statement costs microseconds.</summary>
    private static async Task InsertIntoSqliteAsync(string file, List<Row> customers, List<(Guid Customer, string Kind, string Value)> contacts,
        List<(string Key, Guid Customer)> keys, CancellationToken ct)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Default Timeout=60");
        await connection.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var now = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
        // EF stores Guids as upper-case text on SQLite.
        static string Id(Guid g) => g.ToString().ToUpperInvariant();
        var insertCustomer = Prepare(connection, tx, "Customers",
            ["Id", "Name", "Language", "Needs", "Tags", "ConsentSurveys", "ConsentMarketing", "Value", "Tier", "VisitsLastYear", "Status", "CreatedAt", "UpdatedAt"]);
        foreach (var c in customers) await RunAsync(insertCustomer, ct, Id(c.Id), c.Name, c.Language, "[]", "[]", true, false, c.Value, "regular", 0, "active", now, now);
        var insertContact = Prepare(connection, tx, "CustomerContacts", ["Id", "CustomerId", "Kind", "Value", "CreatedAt"]);
        foreach (var (customer, kind, value) in contacts) await RunAsync(insertContact, ct, Id(Guid.CreateVersion7()), Id(customer), kind, value, now);
        var insertKey = Prepare(connection, tx, "CustomerNameKeys", ["Key", "CustomerId"]);
        foreach (var (key, customer) in keys) await RunAsync(insertKey, ct, key, Id(customer));
        await tx.CommitAsync(ct);
    }

    /// <summary>Binary COPY: one round trip per table instead of one per row.</summary>
    private static async Task CopyToPostgresAsync(string connectionString, List<Row> customers, List<(Guid Customer, string Kind, string Value)> contacts,
        List<(string Key, Guid Customer)> keys, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        var now = DateTime.UtcNow;
        await using (var copy = await connection.BeginBinaryImportAsync(
            """COPY "Customers" ("Id", "Name", "Language", "Needs", "Tags", "ConsentSurveys", "ConsentMarketing", "Value", "Tier", "VisitsLastYear", "Status", "CreatedAt", "UpdatedAt") FROM STDIN (FORMAT BINARY)""", ct))
        {
            foreach (var c in customers)
                await copy.WriteRowAsync(ct, c.Id, c.Name, c.Language, "[]", "[]", true, false, c.Value, "regular", 0, "active", now, now);
            await copy.CompleteAsync(ct);
        }
        await using (var copy = await connection.BeginBinaryImportAsync(
            """COPY "CustomerContacts" ("Id", "CustomerId", "Kind", "Value", "CreatedAt") FROM STDIN (FORMAT BINARY)""", ct))
        {
            foreach (var (customer, kind, value) in contacts) await copy.WriteRowAsync(ct, Guid.CreateVersion7(), customer, kind, value, now);
            await copy.CompleteAsync(ct);
        }
        await using (var copy = await connection.BeginBinaryImportAsync("""COPY "CustomerNameKeys" ("Key", "CustomerId") FROM STDIN (FORMAT BINARY)""", ct))
        {
            foreach (var (key, customer) in keys) await copy.WriteRowAsync(ct, key, customer);
            await copy.CompleteAsync(ct);
        }
        await using var analyze = new NpgsqlCommand("""ANALYZE "Customers", "CustomerContacts", "CustomerNameKeys" """, connection);
        await analyze.ExecuteNonQueryAsync(ct);
    }

    private static DbCommand Prepare(DbConnection connection, DbTransaction tx, string table, string[] columns)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";
        for (var i = 0; i < columns.Length; i++)
        {
            var p = command.CreateParameter();
            p.ParameterName = $"@p{i}";
            command.Parameters.Add(p);
        }
        return command;
    }

    private static async Task RunAsync(DbCommand command, CancellationToken ct, params object[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i];
        await command.ExecuteNonQueryAsync(ct);
    }
}
