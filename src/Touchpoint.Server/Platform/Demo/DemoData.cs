using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Features.Cases;
using Touchpoint.Server.Features.Organisation;
using Touchpoint.Server.Features.Queue;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Devices;
using Touchpoint.Server.Platform.Hosting;
using Touchpoint.Server.Platform.Settings;
using Touchpoint.Server.Platform.Identity;
using Touchpoint.Server.Platform.Localization;

namespace Touchpoint.Server.Platform.Demo;

/// <summary>
/// A demo bank with branches in Shanghai, Taipei, Seoul and London: services, counters, staff in every role and
/// devices waiting to be paired. Later modules add their own demo history on top.
/// </summary>
public static class DemoData
{
    public const string StaffPassword = "Demo!2345";

    private sealed record DemoBranch(string Code, LocalizedText Name, string TimeZone, string Language, string Address, string[] StaffNames);

    private static readonly DemoBranch[] Branches =
    [
        new("SH", LocalizedText.Of("上海陆家嘴支行", "上海陸家嘴支行", "상하이 루자쭈이 지점", "Shanghai Lujiazui"), "Asia/Shanghai", Languages.ZhCn,
            "上海市浦东新区陆家嘴环路 1000 号", ["王芳", "李伟", "张敏", "刘洋", "陈静", "杨磊"]),
        new("TPE", LocalizedText.Of("台北信义分行", "台北信義分行", "타이베이 신이 지점", "Taipei Xinyi"), "Asia/Taipei", Languages.ZhTw,
            "台北市信義區松仁路 100 號", ["林怡君", "陳冠宇", "黃雅婷", "張家豪", "李佳穎", "王俊傑"]),
        new("SEL", LocalizedText.Of("首尔钟路支行", "首爾鐘路分行", "서울 종로 지점", "Seoul Jongno"), "Asia/Seoul", Languages.KoKr,
            "서울특별시 종로구 종로 1", ["김민준", "이서연", "박지훈", "최수빈", "정예은", "강도윤"]),
        new("LON", LocalizedText.Of("伦敦金融城支行", "倫敦金融城分行", "런던 시티 지점", "London City"), "Europe/London", Languages.EnUs,
            "1 Poultry, London EC2R 8EJ", ["Olivia Smith", "James Brown", "Amelia Jones", "Oliver Taylor", "Isla Wilson", "Harry Davies"]),
    ];

    private static readonly (string Code, string Prefix, LocalizedText Name)[] Services =
    [
        ("PERSONAL", "A", LocalizedText.Of("个人业务", "個人業務", "개인 업무", "Personal banking")),
        ("CORPORATE", "B", LocalizedText.Of("对公业务", "法人業務", "기업 업무", "Business banking")),
        ("WEALTH", "C", LocalizedText.Of("理财咨询", "理財諮詢", "자산관리 상담", "Wealth advice")),
        ("VIP", "V", LocalizedText.Of("贵宾服务", "貴賓服務", "VIP 서비스", "Premier service")),
    ];

    // Counter number -> the services it takes. Counter 1 is the generalist; 5 serves premier customers first.
    private static readonly (int Number, string[] Services)[] Counters =
    [
        (1, ["PERSONAL", "CORPORATE", "WEALTH"]), (2, ["PERSONAL"]), (3, ["PERSONAL"]),
        (4, ["CORPORATE"]), (5, ["VIP", "WEALTH"]), (6, ["WEALTH", "PERSONAL"]),
    ];

    private static readonly (string Suffix, string Role)[] StaffRoles =
    [
        ("supervisor", Roles.Supervisor), ("frontline", Roles.Frontline), ("backoffice", Roles.BackOffice),
        ("quality", Roles.QualityReviewer), ("trainer", Roles.Trainer), ("manager", Roles.Manager),
    ];

    /// <param name="historyDays">Days of simulated queue history per branch (TOUCHPOINT_DEMO_HISTORY_DAYS; tests use few).</param>
    public static async Task SeedAsync(TouchpointDb db, int historyDays, CancellationToken ct)
    {
        if (await db.Branches.AnyAsync(ct)) return;
        // One hash for every demo account: hashing is deliberately slow and these passwords are public anyway.
        var hash = Passwords.Hash(StaffPassword);
        var histories = new List<(Branch Branch, List<Guid> Staff, string Code)>();
        var caseStaff = new List<(Branch Branch, string Language, List<(Guid, string)> Staff)>();
        foreach (var d in Branches)
        {
            var branch = new Branch
            {
                Code = d.Code, Name = d.Name, TimeZone = d.TimeZone, Address = d.Address,
                BusinessHours = [.. Enumerable.Range(1, 5).Select(day => new BusinessHours(day, "09:00", "17:00")), new BusinessHours(6, "09:00", "12:00")],
                Holidays = [new Holiday("2027-01-01", d.Language switch
                {
                    Languages.ZhCn => "元旦", Languages.ZhTw => "開國紀念日", Languages.KoKr => "신정", _ => "New Year's Day",
                })],
            };
            var services = Services.Select(s => new ServiceType { BranchId = branch.Id, Code = s.Code, Prefix = s.Prefix, Name = s.Name }).ToList();
            branch.Services = services;
            branch.Counters = Counters.Select(c =>
            {
                var counter = new Counter { BranchId = branch.Id, Number = c.Number };
                counter.Services = c.Services.Select(code => new CounterService
                {
                    CounterId = counter.Id, ServiceTypeId = services.Single(s => s.Code == code).Id,
                    Weight = code == "VIP" ? 3 : 1,
                }).ToList();
                return counter;
            }).ToList();
            db.Branches.Add(branch);

            var prefix = d.Code.ToLowerInvariant();
            var counterStaff = new List<Guid>();
            var caseWorkers = new List<(Guid, string)>();
            for (var i = 0; i < StaffRoles.Length; i++)
            {
                var (suffix, role) = StaffRoles[i];
                var user = new User
                {
                    UserName = $"{prefix}.{suffix}", NormalizedUserName = $"{prefix}.{suffix}",
                    DisplayName = d.StaffNames[i], PasswordHash = hash, Language = d.Language,
                };
                user.Roles.Add(new UserRole { UserId = user.Id, Role = role });
                user.Branches.Add(new UserBranch { UserId = user.Id, BranchId = branch.Id });
                db.Users.Add(user);
                if (role is Roles.Frontline or Roles.Supervisor or Roles.BackOffice) counterStaff.Add(user.Id);
                if (role is Roles.Frontline or Roles.BackOffice) caseWorkers.Add((user.Id, user.DisplayName));
            }
            histories.Add((branch, counterStaff, d.Code));
            caseStaff.Add((branch, d.Language, caseWorkers));

            foreach (var (kind, name, counter) in new (string, string, int?)[]
                     { (DeviceKinds.Kiosk, "Kiosk 1", null), (DeviceKinds.Display, "Lobby display", null), (DeviceKinds.Pad, "Pad 1", 1) })
            {
                db.Devices.Add(new Device
                {
                    BranchId = branch.Id, Kind = kind, Name = name, CounterNumber = counter,
                    PairingCode = SecretTokens.PairingCode(), PairingExpiresAt = DateTime.UtcNow.AddDays(30),
                });
            }
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        foreach (var (branch, staff, code) in histories)
        {
            // London runs with fewer counters open than its arrivals need: its waits and ratings show it.
            var (arrivals, open) = code == "LON" ? (230, 4) : (260, 6);
            await QueueDemoHistory.GenerateAsync(db, branch, staff, historyDays, arrivals, open, seed: code.Sum(c => c), ct);
        }
        long lastCase = 0;
        foreach (var (branch, language, workers) in caseStaff)
            lastCase = CaseDemoData.Generate(db, branch, language, workers, historyDays, lastCase, seed: branch.Code.Sum(c => c));
        db.CaseSequences.Add(new CaseSequence { Name = "case", LastNumber = lastCase });
        await Features.Teams.TeamDemoData.AddAsync(db, ct);
        // Written last: a start interrupted while seeding seeds again (no branches yet) or not at all (this marker).
        db.Settings.Add(new SystemSetting { Key = PlatformEndpoints.DemoSeededKey, Value = DateTime.UtcNow.ToString("O") });
        await db.SaveChangesAsync(ct);
    }
}
