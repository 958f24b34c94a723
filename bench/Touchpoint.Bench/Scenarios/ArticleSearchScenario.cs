using System.Globalization;
using System.Net.Http.Json;

namespace Touchpoint.Bench.Scenarios;

/// <summary>
/// Knowledge-base search over 10,000 articles (2,500 in each of zh-CN, zh-TW, ko-KR and en-US; 80% published, 10%
/// internal, 10% drafts), 8 workers: the public help centre's search (anonymous), staff search as the admin, and the
/// suggestions for a customer's whole sentence (any of its words, rarer words weighing more), each its own row. The
/// articles are written through POST /api/knowledge/articles, so each is indexed in its own save, as in use.
/// </summary>
public sealed class ArticleSearchScenario : Scenario
{
    public static int Count => int.TryParse(Environment.GetEnvironmentVariable("BENCH_ARTICLES"), out var n) ? n : 10_000;
    private const string Public = "article-search: help centre";
    private const string Staff = "article-search: staff";
    private const string Suggest = "article-search: suggestions";

    private static readonly string[] Languages = ["zh-CN", "zh-TW", "ko-KR", "en-US"];
    // Topics and details per language; an article's title joins a topic and a detail, its body several sentences.
    private static readonly Dictionary<string, (string[] Topics, string[] Details, string[] Queries, string[] Sentences)> Vocabulary = new()
    {
        ["zh-CN"] = (["银行卡", "信用卡", "网上银行", "手机银行", "转账", "理财", "贷款", "开户", "外汇", "存款"],
            ["挂失", "年费", "密码重置", "限额", "手续费", "到账时间", "所需材料", "营业时间", "预约办理", "退款"],
            ["挂失", "年费", "银行卡 挂失", "转账 到账", "卡", "手续费"],
            ["我的银行卡丢了怎么挂失", "信用卡年费可以减免吗", "转账一直没有到账怎么办"]),
        ["zh-TW"] = (["金融卡", "信用卡", "網路銀行", "行動銀行", "轉帳", "理財", "貸款", "開戶", "外匯", "存款"],
            ["掛失", "年費", "密碼重設", "限額", "手續費", "入帳時間", "所需文件", "營業時間", "預約辦理", "退款"],
            ["掛失", "年費", "轉帳 入帳", "信用卡 年費"],
            ["我的金融卡不見了要怎麼掛失", "信用卡年費可以減免嗎"]),
        ["ko-KR"] = (["카드", "신용카드", "인터넷뱅킹", "모바일뱅킹", "계좌이체", "자산관리", "대출", "계좌 개설", "외환", "예금"],
            ["분실 신고", "연회비", "비밀번호 재설정", "한도", "수수료", "입금 시간", "필요 서류", "영업시간", "방문 예약", "환불"],
            ["분실", "연회비", "카드 분실", "환불", "대출 금리"],
            ["카드를 분실했어요 어떻게 해야 하나요", "연회비 환불받고 싶어요"]),
        ["en-US"] = (["Debit card", "Credit card", "Online banking", "Mobile app", "Transfers", "Savings", "Loans", "Opening an account", "Foreign exchange", "Deposits"],
            ["lost or stolen", "annual fee", "password reset", "limits", "charges", "arrival times", "documents needed", "opening hours", "appointments", "refunds"],
            ["lost card", "annual fee", "refund", "transfer limits", "documents"],
            ["I lost my card yesterday, what should I do?", "Can I get a refund of the annual fee?"]),
    };

    private long next;
    private string? note;

    public override string Name => "article-search";
    public override string Description => $"knowledge search over {Count:#,0} articles in four languages: help centre, staff, suggestions";
    public override int MaxConcurrency => 8;
    public override IReadOnlyList<string> Operations => [Name, Public, Staff, Suggest];

    public override async Task PrepareAsync(BenchTarget target, CancellationToken ct)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var clients = new System.Collections.Concurrent.ConcurrentBag<HttpClient>();
        try
        {
            for (var i = 0; i < 8; i++) clients.Add(await BenchApi.AdminAsync(target, ct));
            var pool = new System.Collections.Concurrent.ConcurrentQueue<HttpClient>(clients);
            await BenchApi.ForEachAsync(Count, 8, async (i, c) =>
            {
                pool.TryDequeue(out var admin);
                try { await BenchApi.PostAsync(admin!, "/api/knowledge/articles", Article(i), $"Writing article {i + 1}", c); }
                finally { pool.Enqueue(admin!); }
            }, ct);
        }
        finally
        {
            foreach (var c in clients) c.Dispose();
        }
        note = string.Create(CultureInfo.InvariantCulture, $"{Count:#,0} articles written through the API (each indexed in its save) in {clock.Elapsed.TotalSeconds:0} s.");
        Console.WriteLine(note);
    }

    private static object Article(int i)
    {
        var language = Languages[i % 4];
        var (topics, details, _, _) = Vocabulary[language];
        var random = new Random(i);
        var topic = topics[random.Next(topics.Length)];
        var detail = details[random.Next(details.Length)];
        var separator = language.StartsWith("zh", StringComparison.Ordinal) ? "" : " ";
        var sentences = Enumerable.Range(0, 6).Select(_ => topics[random.Next(topics.Length)] + separator + details[random.Next(details.Length)]);
        var state = (i / 4 % 10) switch { 0 => "draft", 1 => "internal", _ => "published" };
        return new
        {
            language, title = $"{topic}{separator}{detail} {i}", summary = topic + separator + detail, state, category = topic,
            body = "## " + detail + "\n\n" + string.Join(language.StartsWith("zh", StringComparison.Ordinal) ? "。" : ". ", sentences) + ".",
            tags = new[] { detail },
        };
    }

    public override Task PrepareWorkerAsync(BenchWorker worker, CancellationToken ct) =>
        BenchApi.SignInAsync(worker.Client, worker.Target.AdminUserName, worker.Target.AdminPassword, ct);

    public override async Task RunOnceAsync(BenchWorker worker, CancellationToken ct)
    {
        var n = Interlocked.Increment(ref next);
        var language = Languages[n / 3 % 4];
        var (_, _, queries, sentences) = Vocabulary[language];
        var q = Uri.EscapeDataString(queries[n / 12 % queries.Length]);
        var (operation, request) = (n % 3) switch
        {
            0 => (Public, new HttpRequestMessage(HttpMethod.Get, $"/api/public/help/search?q={q}&language={language}")),
            1 => (Staff, new HttpRequestMessage(HttpMethod.Get, $"/api/knowledge/search?q={q}&language={language}")),
            // The customer's words go in the body, as the web app sends them.
            _ => (Suggest, new HttpRequestMessage(HttpMethod.Post, "/api/knowledge/suggestions")
            {
                Content = JsonContent.Create(new { text = sentences[n / 12 % sentences.Length], language }),
            }),
        };
        using var response = await worker.SendAsync(operation, request, ct);
    }

    public override string? MeasuredNote() => note;
}
