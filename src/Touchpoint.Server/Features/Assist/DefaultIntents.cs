using Touchpoint.Server.Platform.Localization;

namespace Touchpoint.Server.Features.Assist;

/// <summary>
/// The intents of the built-in examples (Touchpoint.Assist Resources/intent.*.tsv) with their names: the taxonomy a new
/// installation starts with. The organisation renames, routes, extends or removes them.
/// </summary>
public static class DefaultIntents
{
    public sealed record Entry(string Key, LocalizedText Name);

    public static readonly IReadOnlyList<Entry> All =
    [
        new("wait_time", LocalizedText.Of("等候时间", "等候時間", "대기 시간", "Waiting time")),
        new("book_appointment", LocalizedText.Of("预约办理", "預約辦理", "예약", "Book an appointment")),
        new("cancel_appointment", LocalizedText.Of("取消预约", "取消預約", "예약 취소", "Cancel an appointment")),
        new("opening_hours", LocalizedText.Of("营业时间", "營業時間", "영업시간", "Opening hours")),
        new("branch_location", LocalizedText.Of("网点位置", "分行位置", "지점 위치", "Branch location")),
        new("documents_needed", LocalizedText.Of("所需材料", "所需文件", "필요 서류", "Documents needed")),
        new("fees", LocalizedText.Of("费用咨询", "費用諮詢", "수수료 문의", "Fees")),
        new("lost_card", LocalizedText.Of("卡片挂失", "卡片掛失", "카드 분실", "Lost card")),
        new("complaint", LocalizedText.Of("投诉", "投訴", "불만 접수", "Complaint")),
        new("speak_to_person", LocalizedText.Of("转人工服务", "轉真人服務", "상담원 연결", "Speak to a person")),
    ];
}
