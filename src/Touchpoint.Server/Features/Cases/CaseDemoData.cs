using Touchpoint.Server.Features.Encounters;
using Touchpoint.Server.Features.Organisation;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Localization;

namespace Touchpoint.Server.Features.Cases;

/// <summary>
/// Cases and encounters of the demo branches, in each branch's language, across the channels: a couple a day over
/// the history, answered and solved in working time (some late, so breaches show), and a handful still open today.
/// The SLA fields come from the real clock with the default policies, so what the lists show is what the rules say.
/// </summary>
public static class CaseDemoData
{
    private sealed record Sample(string Subject, string Description, string Category, string Customer, string Email, string Reply, string Channel, string Stage, string Nature);

    private static readonly Dictionary<string, Sample[]> Samples = new()
    {
        [Languages.ZhCn] =
        [
            new("信用卡年费被重复扣除", "本月账单中年费扣了两次，请核实并退回。", "cards", "王小明", "xiaoming.wang@example.cn", "王先生您好，已核实重复扣费，款项将在三个工作日内退回。", "email", "afterSale", "procedural"),
            new("ATM 吞卡", "在陆家嘴网点门口的 ATM 取款时卡被吞。", "cards", "李娜", "na.li@example.cn", "李女士您好，卡片已找回，请携带身份证到柜台领取。", "phone", "afterSale", "emotional"),
            new("咨询理财产品风险等级", "想了解稳健型理财产品的风险等级和赎回规则。", "wealth", "张伟", "wei.zhang@example.cn", "张先生您好，产品说明书已发送到您的邮箱，如有疑问欢迎来电。", "counter", "preSale", "informational"),
            new("网银无法登录", "输入密码后提示证书错误，无法登录网银。", "online", "刘洋", "yang.liu@example.cn", "刘先生您好，请更新安全控件后重试，我们已为您重置证书。", "webChat", "inSale", "procedural"),
            new("对柜台服务态度不满", "上周办理业务时等候很久，工作人员态度冷淡。", "complaint", "陈静", "jing.chen@example.cn", "陈女士您好，非常抱歉给您带来不好的体验，网点负责人将当面向您致歉。", "phone", "afterSale", "emotional"),
        ],
        [Languages.ZhTw] =
        [
            new("信用卡年費重複扣款", "本月帳單年費扣了兩次，請協助查明並退款。", "cards", "林志明", "chihming.lin@example.tw", "林先生您好，已確認重複扣款，款項將於三個營業日內退回。", "email", "afterSale", "procedural"),
            new("外幣匯款進度查詢", "上週申請的外幣匯款尚未入帳，想了解進度。", "transfers", "陳怡君", "yichun.chen@example.tw", "陳小姐您好，匯款已於今日入帳，造成不便敬請見諒。", "phone", "afterSale", "informational"),
            new("房貸利率諮詢", "想了解首購房貸的利率與寬限期。", "loans", "黃建宏", "chienhung.huang@example.tw", "黃先生您好，專員將於明天下午致電為您說明方案。", "counter", "preSale", "informational"),
            new("網路銀行密碼鎖定", "密碼輸入錯誤多次被鎖定，無法登入。", "online", "張雅婷", "yating.chang@example.tw", "張小姐您好，已為您解除鎖定，請使用簡訊驗證碼重新設定密碼。", "webChat", "inSale", "procedural"),
            new("對等候時間不滿", "午休時段只開一個櫃檯，等了四十分鐘。", "complaint", "李宗翰", "tsunghan.li@example.tw", "李先生您好，感謝您的寶貴意見，我們已調整午間櫃檯人力。", "email", "afterSale", "emotional"),
        ],
        [Languages.KoKr] =
        [
            new("카드 연회비 이중 청구", "이번 달 명세서에 연회비가 두 번 청구되었습니다.", "cards", "김민지", "minji.kim@example.kr", "김민지 고객님, 이중 청구를 확인했으며 3영업일 내에 환불해 드리겠습니다.", "email", "afterSale", "procedural"),
            new("해외 송금 지연 문의", "지난주 보낸 해외 송금이 아직 도착하지 않았습니다.", "transfers", "이준호", "junho.lee@example.kr", "이준호 고객님, 송금이 오늘 입금 처리되었습니다. 불편을 드려 죄송합니다.", "phone", "afterSale", "informational"),
            new("적금 상품 상담", "청년 적금 상품의 금리와 가입 조건이 궁금합니다.", "savings", "박서연", "seoyeon.park@example.kr", "박서연 고객님, 상품 설명서를 이메일로 보내 드렸습니다.", "counter", "preSale", "informational"),
            new("인터넷뱅킹 인증서 오류", "공동인증서 로그인 시 오류가 발생합니다.", "online", "최우진", "woojin.choi@example.kr", "최우진 고객님, 인증서를 재발급해 드렸으니 다시 시도해 주세요.", "webChat", "inSale", "procedural"),
            new("창구 직원 응대 불만", "창구 직원이 설명 없이 서류를 다시 요구했습니다.", "complaint", "정하은", "haeun.jung@example.kr", "정하은 고객님, 불편을 드려 진심으로 사과드립니다. 지점장이 직접 연락드리겠습니다.", "phone", "afterSale", "emotional"),
        ],
        [Languages.EnUs] =
        [
            new("Annual card fee charged twice", "My statement shows the annual fee twice this month.", "cards", "Oliver Smith", "oliver.smith@example.co.uk", "Dear Mr Smith, we have refunded the duplicate fee; it will reach your account within three working days.", "email", "afterSale", "procedural"),
            new("Card retained by the cash machine", "The machine outside the branch kept my card this morning.", "cards", "Amelia Jones", "amelia.jones@example.co.uk", "Dear Ms Jones, your card has been recovered; please collect it at the counter with photo ID.", "phone", "afterSale", "emotional"),
            new("ISA transfer question", "How long does a cash ISA transfer from another bank take?", "savings", "Harry Taylor", "harry.taylor@example.co.uk", "Dear Mr Taylor, transfers take up to 15 working days; we will confirm when it arrives.", "counter", "preSale", "informational"),
            new("Cannot log in to online banking", "The app says my security code is wrong.", "online", "Isla Brown", "isla.brown@example.co.uk", "Dear Ms Brown, we have reset your security code; please follow the text message to set a new one.", "webChat", "inSale", "procedural"),
            new("Long wait at lunchtime", "Only one counter was open at lunchtime and I waited 40 minutes.", "complaint", "George Wilson", "george.wilson@example.co.uk", "Dear Mr Wilson, thank you for telling us; we have added a counter over lunchtime.", "email", "afterSale", "emotional"),
        ],
    };

    /// <summary>Adds the cases and encounters (saved by the caller) and returns the last case number used.</summary>
    public static long Generate(TouchpointDb db, Branch branch, string language, IReadOnlyList<(Guid Id, string Name)> staff, int days, long lastNumber, int seed)
    {
        var random = new Random(seed);
        var samples = Samples[language];
        var calendar = BusinessCalendar.For(branch);
        var now = DateTime.UtcNow;
        var perDay = 2;
        for (var d = Math.Max(days, 1); d >= 0; d--)
        {
            for (var i = 0; i < (d == 0 ? 5 : perDay); i++)
            {
                var s = samples[random.Next(samples.Length)];
                var created = d == 0 ? now.AddMinutes(-random.Next(5, 240)) : calendar.Add(now.AddDays(-d).Date.AddHours(random.Next(0, 24)), TimeSpan.FromMinutes(random.Next(0, 300)));
                if (created > now) created = now.AddMinutes(-random.Next(5, 60));
                var priority = s.Category == "complaint" ? CasePriorities.High : random.NextDouble() < 0.1 ? CasePriorities.Urgent : CasePriorities.Normal;
                var policy = SlaPolicy.Default(priority);
                var c = new SupportCase
                {
                    Number = ++lastNumber, Reference = Touchpoint.Mail.CaseReference.Format(lastNumber), BranchId = branch.Id, Subject = s.Subject,
                    Description = s.Description, Channel = s.Channel, Category = s.Category, Priority = priority, CustomerName = s.Customer,
                    CustomerEmail = s.Email, Language = language, CreatedAt = created, UpdatedAt = created,
                };
                var worker = staff[random.Next(staff.Count)];
                c.AssigneeId = worker.Id;
                SlaClock.Start(c, policy, calendar, created);
                db.CaseMessages.Add(new CaseMessage
                {
                    CaseId = c.Id, Visibility = CaseMessageVisibility.Public, Direction = CaseMessageDirections.Inbound, AuthorName = s.Customer,
                    Body = s.Description, CreatedAt = created,
                });
                // Most are answered within the target; some late, so the history has breaches to show.
                var replyAt = calendar.Add(created, TimeSpan.FromMinutes(policy.FirstResponseMinutes * (random.NextDouble() < 0.15 ? 1.5 : random.NextDouble() * 0.8)));
                if (replyAt < now)
                {
                    SlaClock.StaffReplied(c, policy, calendar, replyAt);
                    c.Status = CaseStatuses.Open;
                    db.CaseMessages.Add(new CaseMessage
                    {
                        CaseId = c.Id, Visibility = CaseMessageVisibility.Public, Direction = CaseMessageDirections.Outbound, AuthorUserId = c.AssigneeId,
                        AuthorName = worker.Name, Body = s.Reply, CreatedAt = replyAt,
                    });
                    var solveAt = calendar.Add(replyAt, TimeSpan.FromMinutes(policy.ResolutionMinutes * (random.NextDouble() < 0.1 ? 1.3 : random.NextDouble() * 0.7)));
                    if (solveAt < now)
                    {
                        c.Status = solveAt < now.AddDays(-3) ? CaseStatuses.Closed : CaseStatuses.Solved;
                        SlaClock.StatusChanged(c, CaseStatuses.Open, policy, calendar, solveAt);
                    }
                }
                SlaClock.Refresh(c, policy, calendar, now);
                c.UpdatedAt = c.SolvedAt ?? c.FirstRespondedAt ?? created;
                db.Cases.Add(c);
                db.Encounters.Add(new Encounter
                {
                    BranchId = branch.Id, Channel = s.Channel, Mode = EncounterChannels.ModeOf(s.Channel), Stage = s.Stage, Nature = s.Nature,
                    Outcome = EncounterOutcomes.FollowUp, Summary = s.Description, StaffUserId = c.AssigneeId, CustomerName = s.Customer,
                    CaseId = c.Id, StartedAt = created, EndedAt = created.AddMinutes(random.Next(2, 12)),
                });
            }
            // Calls and chats that were settled at once, without a case.
            if (d > 0)
            {
                var s = samples[random.Next(samples.Length)];
                var at = calendar.Add(now.AddDays(-d).Date, TimeSpan.FromMinutes(random.Next(30, 400)));
                var channel = random.NextDouble() < 0.6 ? "phone" : "webChat";
                if (at < now)
                    db.Encounters.Add(new Encounter
                    {
                        BranchId = branch.Id, Channel = channel, Mode = EncounterChannels.ModeOf(channel), Stage = s.Stage, Nature = "informational",
                        Outcome = EncounterOutcomes.Resolved, Summary = s.Subject, StaffUserId = staff[random.Next(staff.Count)].Id,
                        CustomerName = s.Customer, StartedAt = at, EndedAt = at.AddMinutes(random.Next(2, 8)),
                    });
            }
        }
        return lastNumber;
    }
}
