using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Features.Queue;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Localization;
using Touchpoint.Server.Platform.Settings;

namespace Touchpoint.Server.Features.Customers;

/// <summary>
/// Demo customers for the four demo branches: names, phone formats, languages and needs that fit each city, generated
/// from a fixed seed (the same customers every time), some of the simulated counter history linked to them, and
/// segments with service policies. Names are composed from syllables and common surnames, not taken from any list of
/// real people.
/// </summary>
public static class CustomerDemoData
{
    public const string SeededKey = "demo.customersSeeded";
    private const int PerBranch = 700;

    private sealed record City(string Language, string[] Surnames, string[] Given, Func<Random, string> Phone, string MailDomain, bool Spaced);

    private static readonly Dictionary<string, City> Cities = new()
    {
        ["SH"] = new(Languages.ZhCn, ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗"],
            ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "霞", "平", "刚", "英", "华", "玉", "兰", "欣", "宇", "浩", "婷"],
            r => "1" + "3578"[r.Next(4)] + Digits(r, 9), "example.cn", false),
        ["TPE"] = new(Languages.ZhTw, ["陳", "林", "黃", "張", "李", "王", "吳", "劉", "蔡", "楊", "許", "鄭", "謝", "郭", "洪", "曾"],
            ["怡", "君", "雅", "婷", "家", "豪", "冠", "宇", "佳", "穎", "俊", "傑", "志", "明", "淑", "芬", "美", "玲", "建", "宏", "宗", "翰", "詩", "涵"],
            r => "09" + Digits(r, 8), "example.tw", false),
        ["SEL"] = new(Languages.KoKr, ["김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오", "서", "신", "권", "황"],
            ["민", "서", "준", "지", "현", "우", "수", "연", "예", "도", "하", "은", "유", "진", "영", "성", "재", "희", "윤", "아"],
            r => "010" + Digits(r, 8), "example.kr", false),
        ["LON"] = new(Languages.EnUs, ["Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Davies", "Patel", "Khan", "Evans", "Thomas", "Roberts", "Walker", "Wright", "Okafor", "Nowak"],
            ["Oliver", "George", "Harry", "Noah", "Jack", "Amelia", "Olivia", "Isla", "Ava", "Emily", "Sophie", "Mohammed", "Priya", "Aisha", "Grace", "Daniel", "Chloe", "Samuel"],
            r => "077009" + Digits(r, 5), "example.co.uk", true),
    };

    private static readonly string[] Tags = ["mortgage", "pension", "smallBusiness", "student", "payroll", "wealth"];

    public static async Task SeedAsync(IServiceProvider services, TouchpointDb db, CancellationToken ct)
    {
        if (await db.Settings.AnyAsync(s => s.Key == SeededKey, ct) || await db.Customers.AnyAsync(ct)) return;
        var vault = services.GetRequiredService<IdentifierVault>();
        var branches = await db.Branches.AsNoTracking().Where(b => Cities.Keys.Contains(b.Code)).ToListAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var now = DateTime.UtcNow;
        foreach (var branch in branches)
        {
            var city = Cities[branch.Code];
            var random = new Random(branch.Code.Sum(c => c) * 31);
            var ids = new List<Guid>();
            var people = new List<(Guid Id, string Name, string? Email)>();
            for (var i = 0; i < PerBranch; i++)
            {
                var c = NewCustomer(random, city, branch.Id, now);
                db.Customers.Add(c);
                ids.Add(c.Id);
                string? email = null;
                db.CustomerNameKeys.AddRange(PersonalData.NameKeys(c.Name!).Select(k => new CustomerNameKey { CustomerId = c.Id, Key = k }));
                db.CustomerContacts.Add(new CustomerContact { CustomerId = c.Id, Kind = ContactKinds.Phone, Value = city.Phone(random), CreatedAt = c.CreatedAt });
                if (random.NextDouble() < 0.5)
                {
                    email = $"{branch.Code.ToLowerInvariant()}{i:D4}@{city.MailDomain}";
                    db.CustomerContacts.Add(new CustomerContact { CustomerId = c.Id, Kind = ContactKinds.Email, Value = email, CreatedAt = c.CreatedAt });
                }
                people.Add((c.Id, c.Name!, email));
                if (random.NextDouble() < 0.3)
                {
                    var number = $"{branch.Code}{Digits(random, 8)}";
                    db.CustomerIdentifiers.Add(new CustomerIdentifier
                    {
                        CustomerId = c.Id, Kind = IdentifierKinds.Membership, Protected = vault.Protect(number),
                        LookupHash = await vault.HashAsync(number, ct), Hint = number[^4..], CreatedAt = c.CreatedAt,
                    });
                }
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            await LinkHistoryAsync(db, branch.Id, ids, random, ct);
            await LinkCasesAsync(db, branch.Id, people, random, ct);
        }
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        db.CustomerSegments.AddRange(Segments());
        db.Settings.Add(new SystemSetting { Key = SeededKey, Value = now.ToString("O") });
        await db.SaveChangesAsync(ct);
        await services.GetRequiredService<SegmentMembership>().RecomputeAllAsync(db, ct);
    }

    private static Customer NewCustomer(Random random, City city, Guid branchId, DateTime now)
    {
        var surname = city.Surnames[random.Next(city.Surnames.Length)];
        var given = city.Spaced ? city.Given[random.Next(city.Given.Length)]
            : string.Concat(Enumerable.Range(0, random.NextDouble() < 0.75 ? 2 : 1).Select(_ => city.Given[random.Next(city.Given.Length)]));
        // London serves many languages; the other branches mostly their own, with a few visitors.
        var language = random.NextDouble() < (city.Spaced ? 0.85 : 0.95) ? city.Language : Languages.All[random.Next(Languages.All.Count)];
        var needs = new List<string>();
        if (random.NextDouble() < 0.08) needs.Add(CustomerNeeds.Elderly);
        if (random.NextDouble() < 0.02) needs.Add(CustomerNeeds.Wheelchair);
        if (random.NextDouble() < 0.015) needs.Add(CustomerNeeds.Hearing);
        if (random.NextDouble() < 0.01) needs.Add(CustomerNeeds.Sight);
        if (random.NextDouble() < 0.01) needs.Add(CustomerNeeds.Pregnant);
        if (language != city.Language) needs.Add(CustomerNeeds.Interpreter);
        var created = now.AddDays(-random.Next(30, 730));
        return new Customer
        {
            Name = city.Spaced ? $"{given} {surname}" : surname + given, Language = language, HomeBranchId = branchId, Needs = needs,
            Tags = random.NextDouble() < 0.4 ? [Tags[random.Next(Tags.Length)]] : [],
            ConsentSurveys = random.NextDouble() < 0.7, ConsentMarketing = random.NextDouble() < 0.3,
            // Skewed like real books: most customers hold little, a few hold a lot.
            Value = Math.Round(Math.Exp(9 + 1.6 * Normal(random)) / 10) * 10,
            VipUntil = random.NextDouble() < 0.02 ? now.AddDays(random.Next(30, 365)) : null,
            CreatedAt = created, UpdatedAt = created,
        };
    }

    /// <summary>A quarter of the simulated visits get a known customer; regulars (the first customers) come back most.</summary>
    private static async Task LinkHistoryAsync(TouchpointDb db, Guid branchId, List<Guid> customers, Random random, CancellationToken ct)
    {
        var tickets = await db.QueueTickets.AsNoTracking().Where(t => t.BranchId == branchId && t.CustomerId == null)
            .OrderBy(t => t.IssuedAt).Select(t => t.Id).ToListAsync(ct);
        var byCustomer = tickets.Where(_ => random.NextDouble() < 0.25)
            .GroupBy(_ => customers[(int)(customers.Count * Math.Pow(random.NextDouble(), 1.6))]);
        foreach (var group in byCustomer)
        {
            var ids = group.ToList();
            await db.QueueTickets.Where(t => ids.Contains(t.Id)).ExecuteUpdateAsync(s => s.SetProperty(t => t.CustomerId, group.Key), ct);
        }
    }

    /// <summary>
    /// Most demo cases come from people with an email address (the channel makes them findable); they take that person's
    /// name and address, and their calls and chats join the same timeline.
    /// </summary>
    private static async Task LinkCasesAsync(TouchpointDb db, Guid branchId, List<(Guid Id, string Name, string? Email)> people, Random random, CancellationToken ct)
    {
        var withEmail = people.Where(p => p.Email is not null).ToList();
        if (withEmail.Count == 0) return;
        var cases = await db.Cases.AsNoTracking().Where(c => c.BranchId == branchId && c.CustomerId == null)
            .OrderBy(c => c.CreatedAt).Select(c => c.Id).ToListAsync(ct);
        var byCustomer = cases.Where(_ => random.NextDouble() < 0.7)
            .GroupBy(_ => withEmail[(int)(withEmail.Count * Math.Pow(random.NextDouble(), 1.4))]);
        foreach (var group in byCustomer)
        {
            var ids = group.ToList();
            var (id, name, email) = group.Key;
            await db.Cases.Where(c => ids.Contains(c.Id)).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.CustomerId, id).SetProperty(c => c.CustomerName, name).SetProperty(c => c.CustomerEmail, email), ct);
            await db.CaseMessages.Where(m => ids.Contains(m.CaseId) && m.Direction == Cases.CaseMessageDirections.Inbound)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.AuthorName, name), ct);
            await db.Encounters.Where(e => e.CaseId != null && ids.Contains(e.CaseId.Value))
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.CustomerId, id).SetProperty(e => e.CustomerName, name), ct);
        }
    }

    private static IEnumerable<CustomerSegment> Segments() =>
    [
        new() { Code = "PREMIER", Name = LocalizedText.Of("私人银行", "私人銀行", "프리미어", "Premier"), Rank = 30,
            Rules = new SegmentRules { MinValue = 200_000 }, Policy = new SegmentPolicy { QueuePriority = "vip", SlaPolicy = "premium" } },
        new() { Code = "VIP", Name = LocalizedText.Of("贵宾", "貴賓", "VIP", "VIP"), Rank = 20,
            Rules = new SegmentRules { Vip = true }, Policy = new SegmentPolicy { QueuePriority = "vip", SlaPolicy = "premium" } },
        new() { Code = "CARE", Name = LocalizedText.Of("关爱服务", "關懷服務", "배려 서비스", "Extra care"), Rank = 10,
            Rules = new SegmentRules { AnyNeeds = [.. CustomerNeeds.All] }, Policy = new SegmentPolicy { SlaPolicy = "assisted" } },
        new() { Code = "FREQUENT", Name = LocalizedText.Of("常客", "常客", "단골", "Regulars"), Rank = 5,
            Rules = new SegmentRules { MinVisitsLastYear = 3 }, Policy = new SegmentPolicy { SurveyEligible = true } },
        // Customers being won back are not surveyed: they are called by a person instead.
        new() { Code = "WINBACK", Name = LocalizedText.Of("挽回客户", "挽回客戶", "재방문 유도", "Win back"), Rank = 1,
            Rules = new SegmentRules { AnyTiers = [CustomerTiers.AtRisk] }, Policy = new SegmentPolicy { SurveyEligible = false } },
    ];

    private static string Digits(Random random, int count) => string.Concat(Enumerable.Range(0, count).Select(_ => (char)('0' + random.Next(10))));

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
