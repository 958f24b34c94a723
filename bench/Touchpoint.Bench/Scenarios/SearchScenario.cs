using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Touchpoint.Bench.Scenarios;

/// <summary>
/// GET /api/search over a million encounters in four languages (<see cref="SearchSeed"/>), as the administrator (every
/// branch), 8 workers. Each round asks one of four kinds of query, each its own row: a common word (tens of thousands of
/// matches), two common words, a rare order number (about ten matches) and a single CJK character (a prefix search).
/// Preparation seeds the encounters straight into the database, then builds the index through
/// POST /api/search/rebuild, and reports both times.
/// </summary>
public sealed class SearchScenario : Scenario
{
    private const string Common = "search: common word";
    private const string TwoWords = "search: two words";
    private const string Rare = "search: rare word";
    private const string OneCharacter = "search: one character";
    private static readonly string[] CommonWords = ["退款", "환불", "refund", "年費", "카드", "transfer", "挂失", "로그인"];
    private static readonly string[] WordPairs = ["客户 退款", "환불 고객", "customer refund", "轉帳 入帳", "카드 분실", "card fee", "理财 咨询", "대출 금리"];
    private static readonly string[] Characters = ["退", "환", "款", "卡", "금", "費"];
    private long next;
    private string? note;

    public override string Name => "search";
    public override string Description => $"GET /api/search?q=<words> over {SearchSeed.Count:#,0} encounters in zh-CN, zh-TW, ko and en, as the admin";
    public override int MaxConcurrency => 8;
    public override IReadOnlyList<string> Operations => [Name, Common, TwoWords, Rare, OneCharacter];

    public override async Task PrepareAsync(BenchTarget target, CancellationToken ct)
    {
        // The rebuild of a million entries answers when it is done: far beyond HttpClient's default 100 s.
        using var admin = BenchWorker.CreateClient(target.BaseAddress, keepsCookies: true);
        admin.Timeout = TimeSpan.FromHours(1);
        await BenchApi.SignInAsync(admin, target.AdminUserName, target.AdminPassword, ct);
        foreach (var code in SearchSeed.Branches) await BenchApi.CreateBranchAsync(admin, code, ct);
        var seeded = await SearchSeed.SeedAsync(target, await BranchIdsAsync(target, ct), ct);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var rebuilt = await admin.PostAsync("/api/search/rebuild", null, ct);
        await BenchApi.EnsureAsync(rebuilt, "Rebuilding the search index", ct);
        var rebuildSeconds = clock.Elapsed.TotalSeconds;
        var answer = await rebuilt.Content.ReadAsStringAsync(ct);
        note = string.Create(CultureInfo.InvariantCulture,
            $"{SearchSeed.Count:#,0} encounters seeded in {seeded.Seconds:0} s; index rebuilt through the API in {rebuildSeconds:0} s ({answer}).");
        Console.WriteLine(note);
    }

    private static async Task<Dictionary<string, Guid>> BranchIdsAsync(BenchTarget target, CancellationToken ct)
    {
        var ids = new Dictionary<string, Guid>();
        const string sql = """SELECT "Code", "Id" FROM "Branches" """;
        if (target.PostgresConnectionString is { } pg)
        {
            await using var connection = new NpgsqlConnection(pg);
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand(sql, connection);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) ids[reader.GetString(0)] = reader.GetGuid(1);
        }
        else
        {
            await using var connection = new SqliteConnection($"Data Source={target.SqliteFile};Default Timeout=60");
            await connection.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) ids[reader.GetString(0)] = Guid.Parse(reader.GetString(1));
        }
        return ids;
    }

    public override Task PrepareWorkerAsync(BenchWorker worker, CancellationToken ct) =>
        BenchApi.SignInAsync(worker.Client, worker.Target.AdminUserName, worker.Target.AdminPassword, ct);

    public override async Task RunOnceAsync(BenchWorker worker, CancellationToken ct)
    {
        var n = Interlocked.Increment(ref next);
        var (operation, q) = (n % 4) switch
        {
            0 => (Common, CommonWords[n / 4 % CommonWords.Length]),
            1 => (TwoWords, WordPairs[n / 4 % WordPairs.Length]),
            2 => (Rare, "K" + (n * 7919 % 100_000).ToString("D5", CultureInfo.InvariantCulture)),
            _ => (OneCharacter, Characters[n / 4 % Characters.Length]),
        };
        using var response = await worker.SendAsync(operation, new HttpRequestMessage(HttpMethod.Get, "/api/search?limit=20&q=" + Uri.EscapeDataString(q)), ct);
    }

    public override string? MeasuredNote() => note;
}
