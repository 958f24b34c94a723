using System.Text.RegularExpressions;
using Touchpoint.Assist.Text;
using Touchpoint.Server.Platform.Localization;

namespace Touchpoint.Server.Features.Assist;

/// <param name="Kind">negativeWording, blaming, missingEmpathy or missingConfirmation.</param>
/// <param name="Match">The words that raised it (null for what is missing), at <paramref name="Start"/> in the text.</param>
public sealed record ReplyFinding(string Kind, string? Match, int Start, string Message, string Suggestion);
public sealed record ReplyCheckResult(string Language, IReadOnlyList<ReplyFinding> Findings);

/// <summary>
/// Checks a reply before it is sent against what the seeds teach service staff: say what can be done rather than what
/// cannot ("we can arrange it on Wednesday", not "we can't on Monday or Tuesday"), do not blame the customer (不推诿),
/// acknowledge feelings when the news is bad or the customer is upset (同理共情: "I understand this is disappointing"),
/// and close by confirming (反馈确认: "if I understand correctly…", "does that work for you?"). Phrase lists per language,
/// written for this project; a warning never blocks sending.
/// </summary>
public static class ReplyCheck
{
    public const string NegativeWording = "negativeWording";
    public const string Blaming = "blaming";
    public const string MissingEmpathy = "missingEmpathy";
    public const string MissingConfirmation = "missingConfirmation";

    private sealed record Rules(string[] Negative, string[] Blaming, string[] Empathy, string[] Confirmation, bool WholeWords);

    private static readonly Dictionary<string, Rules> ByLanguage = new()
    {
        [Languages.EnUs] = new(
            Negative: ["can't", "cannot", "can not", "unable to", "not able to", "won't be able", "not possible", "impossible", "no way",
                "we don't", "we do not", "not allowed", "isn't possible", "is not possible", "there's nothing", "there is nothing", "never"],
            Blaming: ["you should have", "you shouldn't have", "you didn't", "you did not", "you failed to", "your fault", "your own fault",
                "as i already told you", "as i said before", "i already told you", "you must have", "you were supposed to", "you need to understand",
                "not our fault", "not our problem", "not our responsibility", "you forgot"],
            Empathy: ["sorry", "apologise", "apologize", "apologies", "i understand", "we understand", "i can see", "i see how", "frustrating",
                "inconvenience", "thank you for your patience", "thanks for your patience", "i appreciate", "we appreciate", "must have been"],
            Confirmation: ["does that", "does this", "would that", "will that", "is there anything else", "anything else i can", "let me know",
                "please confirm", "to confirm", "if i understand correctly", "if i understood correctly", "shall i", "would you like", "is that right",
                "is that ok", "works for you", "suit you", "feel free to"],
            WholeWords: true),
        [Languages.ZhCn] = new(
            Negative: ["不能", "不可以", "无法", "办不到", "做不到", "不行", "没办法", "不可能", "不允许", "不予", "不受理", "没有办法"],
            Blaming: ["你应该", "您应该早", "你早该", "是你的问题", "是您的问题", "你自己", "您自己的原因", "你没有按", "您没有按", "怪你",
                "不是我们的责任", "不是我们的问题", "与我们无关", "我已经说过", "我早就说过", "跟你说过", "你搞错了", "您搞错了"],
            Empathy: ["抱歉", "对不起", "理解", "不便", "感谢您的耐心", "谢谢您的耐心", "辛苦", "让您久等", "给您带来", "体谅", "明白您"],
            Confirmation: ["请问", "是否", "如果我理解正确", "确认", "还有什么", "还有其他", "可以吗", "您看", "方便吗", "好吗", "合适吗", "满意吗"],
            WholeWords: false),
        [Languages.ZhTw] = new(
            Negative: ["不能", "不可以", "無法", "辦不到", "做不到", "不行", "沒辦法", "不可能", "不允許", "不予", "不受理", "沒有辦法"],
            Blaming: ["你應該", "您應該早", "你早該", "是你的問題", "是您的問題", "你自己", "您自己的原因", "你沒有按", "您沒有按", "怪你",
                "不是我們的責任", "不是我們的問題", "與我們無關", "我已經說過", "我早就說過", "跟你說過", "你搞錯了", "您搞錯了"],
            Empathy: ["抱歉", "對不起", "理解", "不便", "感謝您的耐心", "謝謝您的耐心", "辛苦", "讓您久等", "給您帶來", "體諒", "明白您"],
            Confirmation: ["請問", "是否", "如果我理解正確", "確認", "還有什麼", "還有其他", "可以嗎", "您看", "方便嗎", "好嗎", "合適嗎", "滿意嗎"],
            WholeWords: false),
        [Languages.KoKr] = new(
            Negative: ["안 됩니다", "안됩니다", "안 돼요", "안돼요", "불가능", "할 수 없", "수 없습니다", "수 없어요", "못 합니다", "못합니다", "못 해요", "못해요",
                "어렵습니다", "불가합니다", "해 드릴 수 없"],
            Blaming: ["고객님 잘못", "고객님의 잘못", "고객님 탓", "고객님이 잘못", "하셨어야", "이미 말씀드렸", "아까 말씀드렸", "저희 책임이 아닙니다", "저희 잘못이 아닙니다",
                "저희 문제가 아닙니다", "확인을 안 하셨", "제대로 안 하셔서"],
            Empathy: ["죄송", "이해합니다", "이해해요", "이해가 됩니다", "불편", "양해", "기다려 주셔서", "기다리게 해", "속상", "답답하셨", "감사합니다"],
            Confirmation: ["확인", "괜찮으실까요", "괜찮으신가요", "괜찮으세요", "더 궁금하신", "다른 문의", "맞으신가요", "말씀이신가요", "도와드릴까요", "어떠신가요", "편하신"],
            WholeWords: false),
    };

    /// <summary>Replies shorter than this (a "thank you") are not asked to confirm anything.</summary>
    private const int ConfirmationMinLength = 30;
    private const int ConfirmationMinLengthCjk = 15;

    /// <param name="language">The reply's language; detected from the text when null.</param>
    /// <param name="customerUpset">The customer's last words were negative: empathy is expected whatever the news.</param>
    public static ReplyCheckResult Check(string text, string? language, bool customerUpset)
    {
        var lang = language is null ? Languages.Normalize(LanguageDetector.Detect(text).Tag) : Languages.Normalize(language);
        var rules = ByLanguage[lang];
        // Same length as the text, so positions found in it are positions in the text.
        var lower = text.ToLowerInvariant().Replace('\u2019', '\'');
        var findings = new List<ReplyFinding>();
        foreach (var (phrase, at) in Find(lower, rules.Negative, rules.WholeWords))
            findings.Add(Finding(NegativeWording, text.Substring(at, phrase.Length), at));
        foreach (var (phrase, at) in Find(lower, rules.Blaming, rules.WholeWords))
            findings.Add(Finding(Blaming, text.Substring(at, phrase.Length), at));
        var badNews = findings.Count > 0;
        if ((badNews || customerUpset) && !Find(lower, rules.Empathy, rules.WholeWords).Any())
            findings.Add(Finding(MissingEmpathy, null, 0));
        // What is written comes first, then what is missing.
        var minLength = rules.WholeWords ? ConfirmationMinLength : ConfirmationMinLengthCjk;
        if (text.Trim().Length >= minLength && !Find(lower, rules.Confirmation, rules.WholeWords).Any())
            findings.Add(Finding(MissingConfirmation, null, text.Length));
        return new ReplyCheckResult(lang, findings.OrderBy(f => f.Match is null).ThenBy(f => f.Start).ToList());
    }

    private static ReplyFinding Finding(string kind, string? match, int start) =>
        new(kind, match, start, Messages.Get($"assist.reply.{kind}"), Messages.Get($"assist.reply.{kind}.suggestion"));

    /// <summary>Each phrase found, longest first where two overlap ("can not" before "not").</summary>
    private static IEnumerable<(string Phrase, int At)> Find(string lower, string[] phrases, bool wholeWords)
    {
        var taken = new List<(int Start, int End)>();
        foreach (var phrase in phrases.OrderByDescending(p => p.Length))
        {
            var from = 0;
            while (from < lower.Length)
            {
                var at = lower.IndexOf(phrase, from, StringComparison.Ordinal);
                if (at < 0) break;
                from = at + phrase.Length;
                if (wholeWords && !IsWordBoundary(lower, at, phrase.Length)) continue;
                if (taken.Any(t => at < t.End && at + phrase.Length > t.Start)) continue;
                taken.Add((at, at + phrase.Length));
                yield return (phrase, at);
            }
        }
    }

    private static bool IsWordBoundary(string s, int at, int length) =>
        (at == 0 || !char.IsLetterOrDigit(s[at - 1])) && (at + length >= s.Length || !char.IsLetterOrDigit(s[at + length]));
}
