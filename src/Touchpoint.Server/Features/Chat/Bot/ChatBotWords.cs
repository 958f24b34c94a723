using System.Text.RegularExpressions;

namespace Touchpoint.Server.Features.Chat.Bot;

/// <summary>
/// The few words the bot recognises without a model: a request for a person in any of the four languages (the intent
/// model may miss a two-character "转人工"), and the short yes or no that answers "did this answer your question?".
/// </summary>
public static partial class ChatBotWords
{
    private static readonly string[] PersonCjk =
        ["人工", "真人", "客服人员", "客服人員", "找客服", "상담원", "상담사", "직원", "사람이랑", "사람과", "사람하고"];

    [GeneratedRegex(@"\b(agent|human|a person|real person|representative|operator|someone real|(talk|speak) to (someone|staff))\b", RegexOptions.IgnoreCase)]
    private static partial Regex PersonLatin();

    private static readonly HashSet<string> Yes =
        ["yes", "yeah", "yep", "yes thanks", "yes thank you", "thanks", "thank you", "that helps", "that helped", "great thanks",
         "是", "是的", "对", "對", "好的", "有用", "有帮助", "有幫助", "谢谢", "謝謝", "解决了", "解決了",
         "네", "예", "네 감사합니다", "감사합니다", "고맙습니다", "고마워요", "도움이 됐어요", "도움이 되었어요"];

    private static readonly HashSet<string> No =
        ["no", "nope", "not really", "no it didnt", "it didnt help", "didnt help", "that didnt help",
         "不是", "没有", "沒有", "不对", "不對", "没用", "沒用", "没有用", "沒有用", "没帮助", "沒幫助", "不行",
         "아니요", "아니오", "아뇨", "아니", "아니요 도움이 안 됐어요", "도움이 안 됐어요", "도움이 안 돼요"];

    public static bool AsksForPerson(string text) => PersonCjk.Any(text.Contains) || PersonLatin().IsMatch(text);

    public static bool IsYes(string text) => Yes.Contains(Normalise(text));

    /// <summary>A no, alone or leading a sentence ("No, it didn't help", "没有，还是不行").</summary>
    public static bool IsNo(string text)
    {
        var t = Normalise(text);
        return No.Contains(t) || LeadingNo.Any(n => t.StartsWith(n, StringComparison.Ordinal));
    }

    private static readonly string[] LeadingNo = ["no ", "nope ", "not really", "不是", "没有", "沒有", "没用", "沒用", "不行", "아니요", "아니오", "아뇨"];

    /// <summary>Lower case, without punctuation and repeated spaces: "No, it didn't!" reads as "no it didnt".</summary>
    private static string Normalise(string text) =>
        Spaces().Replace(Punctuation().Replace(text.ToLowerInvariant(), ""), " ").Trim();

    [GeneratedRegex(@"[\p{P}\p{S}]")]
    private static partial Regex Punctuation();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
