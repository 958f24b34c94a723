using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Touchpoint.Bench.Scenarios;

/// <summary>
/// 100,000 customers written straight into the server's database in one transaction of prepared inserts (the API would
/// take minutes): a phone each, an email for half, and the name search keys the server would have written. Half the
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
        await using DbConnection connection = target.PostgresConnectionString is { } pg ? new NpgsqlConnection(pg)
            : new SqliteConnection($"Data Source={target.SqliteFile ?? throw new InvalidOperationException("No database to seed.")};Default Timeout=60");
        await connection.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var insertCustomer = Prepare(connection, tx, "Customers",
            ["Id", "Name", "Language", "Needs", "Tags", "ConsentSurveys", "ConsentMarketing", "Value", "Tier", "VisitsLastYear", "Status", "CreatedAt", "UpdatedAt"]);
        var insertContact = Prepare(connection, tx, "CustomerContacts", ["Id", "CustomerId", "Kind", "Value", "CreatedAt"]);
        var insertKey = Prepare(connection, tx, "CustomerNameKeys", ["Key", "CustomerId"]);
        var random = new Random(100_000);
        var phones = new List<string>(Count);
        var names = new List<string>(Count);
        var now = DateTime.UtcNow;
        for (var i = 0; i < Count; i++)
        {
            var id = Guid.CreateVersion7();
            var chinese = i % 2 == 0;
            var name = chinese
                ? ChineseSurnames[random.Next(ChineseSurnames.Length)] + ChineseGiven[random.Next(ChineseGiven.Length)] + ChineseGiven[random.Next(ChineseGiven.Length)]
                : $"{EnglishGiven[random.Next(EnglishGiven.Length)]} {EnglishSurnames[random.Next(EnglishSurnames.Length)]}";
            var phone = chinese ? "139" + i.ToString("D8", CultureInfo.InvariantCulture) : "07800" + i.ToString("D6", CultureInfo.InvariantCulture);
            await RunAsync(insertCustomer, ct, Id(id), name, chinese ? "zh-CN" : "en-US", "[]", "[]", true, false, (double)random.Next(100, 500_000),
                "regular", 0, "active", now, now);
            await RunAsync(insertContact, ct, Id(Guid.CreateVersion7()), Id(id), "phone", phone, now);
            if (i % 2 == 1) await RunAsync(insertContact, ct, Id(Guid.CreateVersion7()), Id(id), "email", $"c{i}@example.com", now);
            // As the server's PersonalData.NameKeys: the whole name, later words, the given name after a Chinese surname.
            var normal = name.ToLowerInvariant();
            foreach (var key in (chinese ? [normal, normal[1..]] : new[] { normal, normal.Split(' ')[1] }).Distinct())
                await RunAsync(insertKey, ct, key, Id(id));
            phones.Add(phone);
            names.Add(name);
        }
        await tx.CommitAsync(ct);
        if (connection is NpgsqlConnection)
        {
            await using var analyze = connection.CreateCommand();
            analyze.CommandText = """ANALYZE "Customers", "CustomerContacts", "CustomerNameKeys" """;
            await analyze.ExecuteNonQueryAsync(ct);
        }
        return new Seeded(phones, names, clock.Elapsed.TotalSeconds);

        // EF stores Guids as upper-case text on SQLite and as uuid on PostgreSQL.
        object Id(Guid g) => connection is NpgsqlConnection ? g : g.ToString().ToUpperInvariant();
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
        for (var i = 0; i < values.Length; i++)
            command.Parameters[i].Value = values[i] is DateTime d && command is SqliteCommand ? d.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture) : values[i];
        await command.ExecuteNonQueryAsync(ct);
    }
}
