using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Touchpoint.Bench.Scenarios;

/// <summary>
/// A million encounters with summaries in Simplified and Traditional Chinese, Korean and English (a quarter each), written
/// straight into the server's database (prepared inserts in one transaction on SQLite, binary COPY on PostgreSQL), over
/// 90 days, in four branches. Each summary is a sentence put together from fragments of a service desk's everyday
/// vocabulary, so common words are common (退款 in about one Chinese summary in six) and every summary carries an order
/// number (K00000-K99999, about ten summaries each) for rare-word searches. The same seed gives the same text every run.
/// </summary>
public static class SearchSeed
{
    public const int Count = 1_000_000;
    public static readonly string[] Branches = ["SRCH1", "SRCH2", "SRCH3", "SRCH4"];

    private static readonly string[][] ZhCn =
    [
        ["客户来电", "客户到柜台", "客户在线咨询", "客户发邮件", "客户留言", "老年客户", "企业客户来电", "客户再次来电"],
        ["申请退款", "询问信用卡年费", "反映转账未到账", "要求修改手机号码", "咨询理财产品", "挂失银行卡", "投诉等候时间过长", "咨询贷款利率", "要求开具证明", "反映网银无法登录", "申请退款并要求解释扣款原因", "咨询外汇兑换"],
        ["已登记并跟进", "已当场解决", "已转交后台处理", "已安抚情绪并解释流程", "已预约下周办理", "已发送短信确认", "客户表示满意", "需补充材料"],
    ];
    private static readonly string[][] ZhTw =
    [
        ["客戶來電", "客戶到櫃檯", "客戶線上諮詢", "客戶寄電子郵件", "客戶留言", "年長客戶", "企業客戶來電", "客戶再次來電"],
        ["申請退款", "詢問信用卡年費", "反映轉帳未入帳", "要求修改手機號碼", "諮詢理財產品", "掛失金融卡", "抱怨等候時間過長", "諮詢貸款利率", "要求開立證明", "反映網路銀行無法登入", "申請退款並要求說明扣款原因", "諮詢外幣兌換"],
        ["已登記並追蹤", "已當場解決", "已轉交後台處理", "已安撫情緒並說明流程", "已預約下週辦理", "已傳送簡訊確認", "客戶表示滿意", "需補充資料"],
    ];
    private static readonly string[][] Ko =
    [
        ["고객이 전화로", "고객이 창구에서", "고객이 온라인으로", "고객이 이메일로", "고령 고객이", "기업 고객이", "고객이 다시 전화하여"],
        ["환불을 요청했습니다", "카드 연회비를 문의했습니다", "이체 지연을 문의했습니다", "휴대폰 번호 변경을 요청했습니다", "예금 상품을 상담받았습니다", "카드 분실 신고를 했습니다", "대기 시간이 길다고 불만을 제기했습니다", "대출 금리를 문의했습니다", "증명서 발급을 요청했습니다", "인터넷뱅킹 로그인 문제를 알렸습니다", "환불받고싶다며 이중 청구를 설명했습니다", "환전을 문의했습니다"],
        ["접수 후 후속 조치 예정입니다", "즉시 해결했습니다", "후선 부서로 이관했습니다", "절차를 안내해 드렸습니다", "다음 주로 예약했습니다", "문자로 확인을 보냈습니다", "고객이 만족했습니다", "서류 보완이 필요합니다"],
    ];
    private static readonly string[][] En =
    [
        ["Customer called", "Customer visited the counter", "Customer chatted online", "Customer emailed", "Elderly customer called", "Business customer called", "Customer called again"],
        ["asking for a refund", "about the annual card fee", "about a transfer that has not arrived", "to change their mobile number", "about savings products", "to report a lost card", "complaining about the waiting time", "about loan rates", "requesting a statement letter", "unable to log in to online banking", "asking for a refund of a double charge", "about currency exchange"],
        ["logged and followed up", "solved on the spot", "passed to the back office", "explained the process", "booked for next week", "confirmed by text message", "customer satisfied", "documents still needed"],
    ];

    public sealed record Seeded(int Count, double Seconds);

    public static async Task<Seeded> SeedAsync(BenchTarget target, IReadOnlyDictionary<string, Guid> branchIds, CancellationToken ct)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        if (target.PostgresConnectionString is { } pg) await CopyToPostgresAsync(pg, branchIds, ct);
        else await InsertIntoSqliteAsync(target.SqliteFile ?? throw new InvalidOperationException("No database to seed."), branchIds, ct);
        return new Seeded(Count, clock.Elapsed.TotalSeconds);
    }

    private sealed record Row(Guid Id, Guid BranchId, string Channel, string Mode, DateTime StartedAt, string Summary);

    /// <summary>In time order, so the newest encounters have the highest index rows, as they would in real life.</summary>
    private static IEnumerable<Row> Rows(IReadOnlyDictionary<string, Guid> branchIds)
    {
        var random = new Random(1_000_000);
        var start = DateTime.UtcNow.AddDays(-90);
        var step = TimeSpan.FromDays(90).Ticks / Count;
        string[] channels = ["counter", "phone", "email", "webChat", "messaging"];
        var sb = new StringBuilder();
        for (var i = 0; i < Count; i++)
        {
            var language = i % 4;
            var parts = language switch { 0 => ZhCn, 1 => ZhTw, 2 => Ko, _ => En };
            sb.Clear();
            var separator = language == 3 ? " " : language == 2 ? " " : "";
            for (var p = 0; p < parts.Length; p++)
            {
                if (p > 0) sb.Append(p == 2 ? (language == 3 ? ", " : language == 2 ? " " : "，") : separator);
                sb.Append(parts[p][random.Next(parts[p].Length)]);
            }
            sb.Append(language == 3 ? ". Order " : language == 2 ? ". 주문번호 " : "。订单号 ")
                .Append('K').Append(random.Next(100_000).ToString("D5", CultureInfo.InvariantCulture));
            var channel = channels[random.Next(channels.Length)];
            yield return new Row(Guid.CreateVersion7(), branchIds[Branches[language]], channel, channel == "counter" ? "faceToFace" : channel == "phone" ? "phone" : "online",
                start.AddTicks(step * i), sb.ToString());
        }
    }

    private static async Task InsertIntoSqliteAsync(string file, IReadOnlyDictionary<string, Guid> branchIds, CancellationToken ct)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Default Timeout=60");
        await connection.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using var command = connection.CreateCommand();
        command.Transaction = (SqliteTransaction)tx;
        command.CommandText = """
            INSERT INTO "Encounters" ("Id", "BranchId", "Channel", "Mode", "StartedAt", "EndedAt", "Outcome", "Summary")
            VALUES (@id, @branch, @channel, @mode, @started, @ended, 'resolved', @summary)
            """;
        string[] names = ["@id", "@branch", "@channel", "@mode", "@started", "@ended", "@summary"];
        foreach (var n in names) command.Parameters.Add(new SqliteParameter { ParameterName = n });
        command.Prepare();
        // EF stores Guids as upper-case text and instants as this text on SQLite.
        static string At(DateTime t) => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
        foreach (var r in Rows(branchIds))
        {
            command.Parameters[0].Value = r.Id.ToString().ToUpperInvariant();
            command.Parameters[1].Value = r.BranchId.ToString().ToUpperInvariant();
            command.Parameters[2].Value = r.Channel;
            command.Parameters[3].Value = r.Mode;
            command.Parameters[4].Value = At(r.StartedAt);
            command.Parameters[5].Value = At(r.StartedAt.AddMinutes(6));
            command.Parameters[6].Value = r.Summary;
            await command.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
    }

    private static async Task CopyToPostgresAsync(string connectionString, IReadOnlyDictionary<string, Guid> branchIds, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using (var copy = await connection.BeginBinaryImportAsync(
            """COPY "Encounters" ("Id", "BranchId", "Channel", "Mode", "StartedAt", "EndedAt", "Outcome", "Summary") FROM STDIN (FORMAT BINARY)""", ct))
        {
            foreach (var r in Rows(branchIds))
                await copy.WriteRowAsync(ct, r.Id, r.BranchId, r.Channel, r.Mode, r.StartedAt, r.StartedAt.AddMinutes(6), "resolved", r.Summary);
            await copy.CompleteAsync(ct);
        }
        await using var analyze = new NpgsqlCommand("""ANALYZE "Encounters" """, connection);
        await analyze.ExecuteNonQueryAsync(ct);
    }
}
