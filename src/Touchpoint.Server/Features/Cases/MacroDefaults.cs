using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Localization;

namespace Touchpoint.Server.Features.Cases;

/// <summary>
/// The replies every service desk needs on its first day, written as the service standards teach: thank first, say what
/// will happen and when, offer what can be done rather than what cannot, and invite feedback. Added once, when an
/// installation has no macros; administrators change or retire them.
/// </summary>
public static class MacroDefaults
{
    public static async Task SeedAsync(TouchpointDb db, CancellationToken ct)
    {
        if (await db.Macros.AnyAsync(ct)) return;
        var now = DateTime.UtcNow;
        foreach (var (category, title, body) in Defaults())
            db.Macros.Add(new Macro { Title = title, Body = body, Category = category, CreatedAt = now, UpdatedAt = now });
        await db.SaveChangesAsync(ct);
    }

    private static IEnumerable<(string Category, LocalizedText Title, LocalizedText Body)> Defaults() =>
    [
        ("greeting", LocalizedText.Of("确认收到", "確認收到", "접수 확인", "We have your request"), LocalizedText.Of(
            "{{customer.name}}，您好！感谢您联系我们。您的问题已登记为 {{case.reference}}，我们会在今天内给您答复。",
            "{{customer.name}}，您好！感謝您與我們聯繫。您的問題已登記為 {{case.reference}}，我們會在今天內給您答覆。",
            "{{customer.name}} 고객님, 안녕하세요. 문의해 주셔서 감사합니다. 문의하신 내용은 {{case.reference}}(으)로 접수되었으며, 오늘 중으로 답변드리겠습니다.",
            "Dear {{customer.name}}, thank you for contacting us. We have recorded your request as {{case.reference}} and will reply to you today.")),
        ("information", LocalizedText.Of("请补充资料", "請補充資料", "추가 정보 요청", "A detail we need"), LocalizedText.Of(
            "{{customer.name}}，您好！为了尽快为您办理，请您告诉我们……收到后我们马上继续处理。",
            "{{customer.name}}，您好！為了儘快為您辦理，請您告訴我們……收到後我們馬上繼續處理。",
            "{{customer.name}} 고객님, 빠르게 처리해 드리기 위해 ……을(를) 알려 주시면 바로 이어서 진행하겠습니다.",
            "Dear {{customer.name}}, so that we can settle this quickly, could you tell us …? As soon as we have it, we will carry on.")),
        ("callback", LocalizedText.Of("约定回电", "約定回電", "전화 약속", "We will call you back"), LocalizedText.Of(
            "{{customer.name}}，您好！我们可以在……（日期、时间）给您回电，届时由{{agent.name}}为您继续处理。如果这个时间不方便，请告诉我们您方便的时间。",
            "{{customer.name}}，您好！我們可以在……（日期、時間）給您回電，屆時由{{agent.name}}為您繼續處理。如果這個時間不方便，請告訴我們您方便的時間。",
            "{{customer.name}} 고객님, ……(날짜, 시간)에 {{agent.name}}이(가) 다시 전화드려 이어서 도와드리겠습니다. 이 시간이 어려우시면 편하신 시간을 알려 주세요.",
            "Dear {{customer.name}}, we can call you back on … (day and time), when {{agent.name}} will take this further with you. If that time does not suit you, just tell us one that does.")),
        ("alternative", LocalizedText.Of("提供其他方案", "提供其他方案", "다른 방법 안내", "What we can do"), LocalizedText.Of(
            "{{customer.name}}，您好！感谢您的耐心。我们可以为您……，这样您可以在……之前完成办理。您看这样可以吗？",
            "{{customer.name}}，您好！感謝您的耐心。我們可以為您……，這樣您可以在……之前完成辦理。您看這樣可以嗎？",
            "{{customer.name}} 고객님, 기다려 주셔서 감사합니다. ……(으)로 도와드릴 수 있어 ……까지 처리를 마치실 수 있습니다. 이렇게 진행해 드려도 될까요?",
            "Dear {{customer.name}}, thank you for your patience. We can arrange …, so that this is done by …. Would that work for you?")),
        ("apology", LocalizedText.Of("致歉与补救", "致歉與補救", "사과와 조치", "We are sorry"), LocalizedText.Of(
            "{{customer.name}}，您好！给您带来不便，我们深表歉意。我们已经……，并会……，确保同样的情况不再发生。",
            "{{customer.name}}，您好！給您帶來不便，我們深表歉意。我們已經……，並會……，確保同樣的情況不再發生。",
            "{{customer.name}} 고객님, 불편을 드려 진심으로 사과드립니다. ……을(를) 조치했으며, 같은 일이 다시 없도록 ……하겠습니다.",
            "Dear {{customer.name}}, we are sorry for the trouble this caused you. We have … and will … so that it does not happen again.")),
        ("closing", LocalizedText.Of("办结致谢", "辦結致謝", "처리 완료 감사", "All done, thank you"), LocalizedText.Of(
            "{{customer.name}}，您好！您的问题 {{case.reference}} 已办理完毕。感谢您的信任，欢迎您对本次服务提出意见和建议。",
            "{{customer.name}}，您好！您的問題 {{case.reference}} 已辦理完畢。感謝您的信任，歡迎您對本次服務提出意見與建議。",
            "{{customer.name}} 고객님, 문의하신 {{case.reference}} 건의 처리가 끝났습니다. 믿고 맡겨 주셔서 감사드리며, 이번 서비스에 대한 의견을 들려주시면 큰 도움이 됩니다.",
            "Dear {{customer.name}}, your request {{case.reference}} is now complete. Thank you for your trust; we would be glad to hear how we did.")),
    ];
}
