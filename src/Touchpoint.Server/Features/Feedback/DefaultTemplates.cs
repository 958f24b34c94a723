using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Localization;

namespace Touchpoint.Server.Features.Feedback;

/// <summary>
/// The surveys every installation starts with, written in the four languages. The counter survey's first question is
/// the evaluation pad's own (three faces) and its reasons are the pad's, so a pad rating is its first answer.
/// </summary>
public static class DefaultTemplates
{
    public const string Counter = "counter";
    public const string Case = "case";
    public const string Relationship = "relationship";
    public const string Phone = "phone";

    private static LocalizedText T(string zhCn, string zhTw, string koKr, string enUs) => LocalizedText.Of(zhCn, zhTw, koKr, enUs);

    private static SurveyQuestion Csat(int scale) => new()
    {
        Id = "csat", Type = QuestionTypes.Csat, Scale = scale,
        Text = T("您对本次服务满意吗？", "您對本次服務滿意嗎？", "이번 서비스에 만족하셨습니까?", "How satisfied are you with the service you received?"),
    };

    private static SurveyQuestion Nps(string zhCn, string zhTw, string koKr, string enUs) => new()
    {
        Id = "nps", Type = QuestionTypes.Nps, Text = T(zhCn, zhTw, koKr, enUs),
    };

    private static readonly SurveyQuestion NpsOrganisation = Nps(
        "您有多大可能向亲友推荐我们？", "您有多大可能向親友推薦我們？", "저희를 가족이나 친구에게 추천하실 가능성은 얼마나 됩니까?",
        "How likely are you to recommend us to a friend or colleague?");

    private static readonly SurveyQuestion Effort = new()
    {
        Id = "effort", Type = QuestionTypes.Effort,
        Text = T("办理这件事容易吗？", "辦理這件事容易嗎？", "이번 업무 처리는 얼마나 쉬웠습니까?", "How easy was it to get what you needed?"),
    };

    private static readonly SurveyQuestion Comment = new()
    {
        Id = "comment", Type = QuestionTypes.Text,
        Text = T("还有什么想告诉我们的吗？", "還有什麼想告訴我們的嗎？", "더 하고 싶은 말씀이 있으십니까?", "Is there anything else you would like to tell us?"),
    };

    private static SurveyQuestion Reasons(params (string Code, LocalizedText Text)[] options) => new()
    {
        Id = "reasons", Type = QuestionTypes.Choice, Multiple = true,
        Text = T("哪些方面可以做得更好？（可多选）", "哪些方面可以做得更好？（可複選）", "어떤 점이 개선되면 좋겠습니까? (복수 선택)", "What could we have done better? (choose any)"),
        Options = options.Select(o => new SurveyOption { Code = o.Code, Text = o.Text }).ToList(),
    };

    // The pad's reasons, in the same order and with the same codes (EvaluationRatings.Reasons).
    private static readonly (string, LocalizedText)[] CounterReasons =
    [
        ("waitTooLong", T("等候时间太长", "等候時間太長", "대기 시간이 너무 길었다", "The wait was too long")),
        ("attitude", T("服务态度", "服務態度", "응대 태도", "Staff attitude")),
        ("notResolved", T("问题没有解决", "問題沒有解決", "문제가 해결되지 않았다", "My matter was not resolved")),
        ("tooSlow", T("办理太慢", "辦理太慢", "처리가 너무 느렸다", "Service was too slow")),
        ("unclear", T("解释不清楚", "解釋不清楚", "설명이 명확하지 않았다", "Explanations were unclear")),
        ("other", T("其他", "其他", "기타", "Something else")),
    ];

    private static readonly (string, LocalizedText)[] CaseReasons =
    [
        ("slowResponse", T("回复太慢", "回覆太慢", "답변이 늦었다", "Replies took too long")),
        ("notResolved", T("问题没有解决", "問題沒有解決", "문제가 해결되지 않았다", "My matter was not resolved")),
        ("repeated", T("需要重复说明", "需要重複說明", "같은 설명을 반복해야 했다", "I had to repeat myself")),
        ("unclear", T("解释不清楚", "解釋不清楚", "설명이 명확하지 않았다", "Explanations were unclear")),
        ("attitude", T("服务态度", "服務態度", "응대 태도", "Staff attitude")),
        ("other", T("其他", "其他", "기타", "Something else")),
    ];

    private static readonly (string, LocalizedText)[] RelationshipReasons =
    [
        ("service", T("服务质量", "服務品質", "서비스 품질", "Quality of service")),
        ("waiting", T("网点等候", "分行等候", "지점 대기 시간", "Waiting in branches")),
        ("fees", T("费用", "費用", "수수료", "Fees and charges")),
        ("digital", T("手机和网上服务", "手機和網路服務", "모바일·인터넷 서비스", "Mobile and online services")),
        ("products", T("产品", "產品", "상품", "Products")),
        ("other", T("其他", "其他", "기타", "Something else")),
    ];

    public static IReadOnlyList<SurveyTemplate> All() =>
    [
        new()
        {
            Code = Counter, Name = T("柜台服务评价", "櫃檯服務評價", "창구 서비스 평가", "Counter service"),
            Questions = [Csat(3), Reasons(CounterReasons), Effort, NpsOrganisation, Comment],
        },
        new()
        {
            Code = Case, Name = T("工单解决评价", "案件解決評價", "문의 처리 평가", "Case resolution"),
            Questions = [Csat(5), Effort, Reasons(CaseReasons), NpsOrganisation, Comment],
        },
        new()
        {
            Code = Relationship, Name = T("客户忠诚度调查", "客戶忠誠度調查", "고객 충성도 조사", "Relationship NPS"),
            Questions = [NpsOrganisation, Reasons(RelationshipReasons) , Comment],
        },
        new()
        {
            Code = Phone, Name = T("电话回访", "電話回訪", "전화 해피콜", "Phone call-back"),
            Questions = [Csat(5), NpsOrganisation, Comment],
        },
    ];

    /// <summary>Adds the default templates an installation lacks (run at every start; an edited template is left alone).</summary>
    public static async Task EnsureAsync(TouchpointDb db, CancellationToken ct)
    {
        var existing = await db.SurveyTemplates.Select(t => t.Code).ToListAsync(ct);
        var missing = All().Where(t => !existing.Contains(t.Code)).ToList();
        if (missing.Count == 0) return;
        db.SurveyTemplates.AddRange(missing);
        await db.SaveChangesAsync(ct);
    }
}
