using Touchpoint.Server.Features.Assist;
using Touchpoint.Server.Features.Knowledge;
using Touchpoint.Server.Features.Organisation;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Localization;

namespace Touchpoint.Server.Features.Chat.Bot;

/// <param name="HelpBaseUrl">Where customers reach the help centre (the links in answers); else the request's own address.</param>
public sealed record ChatBotOptions(bool Enabled, string? HelpBaseUrl)
{
    public static ChatBotOptions Read(IConfiguration c) =>
        new(c.GetValue("Chat:Bot:Enabled", true), c["Chat:Bot:HelpBaseUrl"] ?? c["Feedback:PublicBaseUrl"]);
}

/// <summary>
/// The self-service bot of the web chat and messaging apps (decision 0017). It never writes an answer of its own: a reply
/// is a published article's title and summary (or first paragraph) with its help-centre link, in the customer's
/// language, framed by fixed phrases from the server's messages. It hands over to a person when asked, on anger or
/// clearly negative sentiment, when an answer did not help, and after two turns in a row it was not sure. It keeps no
/// state: what it said before is read from the transcript.
/// </summary>
public sealed class KnowledgeChatBot(
    TouchpointDb db, ArticleMatcher matcher, BranchDirectory branches, AssistEngine assist, ChatBotOptions options, IHttpContextAccessor http)
    : IChatBot
{
    /// <summary>Anger above this hands over at once (lower than a case's strong anger: a bot should not argue).</summary>
    public const float Anger = 0.5f;
    /// <summary>Negative sentiment at this confidence hands over ("my card was lost" is merely worried, not this sure).</summary>
    public const float Negative = 0.8f;

    public async Task<ChatBotTurn> RespondAsync(ChatBotRequest r, CancellationToken ct)
    {
        var lang = Languages.IsSupported(r.Language) ? r.Language : Languages.Default;
        string Say(string key, params object?[] args) => Messages.GetIn(lang, key, args);
        var reason = HandOverReason(r.Message);
        if (reason is not null) return ChatBotTurn.ToPerson(reason, Say("chatBot.handingOver"));

        var lastBot = r.Transcript.LastOrDefault(l => l.Sender == ChatSenders.Bot)?.Body;
        var answeredBefore = lastBot is not null && lastBot.EndsWith(Say("chatBot.didItHelp"), StringComparison.Ordinal);
        if (answeredBefore && ChatBotWords.IsYes(r.Message)) return ChatBotTurn.Answer(Say("chatBot.glad"));
        if (answeredBefore && ChatBotWords.IsNo(r.Message)) return ChatBotTurn.ToPerson(HandOverReasons.NotHelped, Say("chatBot.handingOver"));

        // A greeting or a word of filler has nothing to look up: ask for the question rather than count it as unsure.
        if (ArticleMatcher.InformativeTerms(r.Message).Count == 0) return ChatBotTurn.Answer(Say("chatBot.askQuestion"));
        var branch = await branches.FindAsync(db, r.BranchCode, ct);
        var match = branch is null ? new ArticleMatchResult(null, null, false)
            : await matcher.MatchAsync(db, r.Message, lang, branch.Branch.Id, ct);
        if (match.IsConfident) return ChatBotTurn.Answer(Answer(match.Best!.Article, r.BranchCode, Say));

        // Not sure: say so and offer a person; the second time in a row, pass the visitor to one.
        var unsureBefore = lastBot is not null && (lastBot == Say("chatBot.unsure") || lastBot == Say("chatBot.otherLanguage"));
        if (unsureBefore) return ChatBotTurn.ToPerson(HandOverReasons.Unsure, Say("chatBot.handingOver"));
        return ChatBotTurn.Answer(Say(match.OtherLanguagesOnly ? "chatBot.otherLanguage" : "chatBot.unsure"));
    }

    /// <summary>A request for a person (words or the intent model), anger, or clearly negative sentiment; null to go on.</summary>
    private string? HandOverReason(string message)
    {
        if (ChatBotWords.AsksForPerson(message)) return HandOverReasons.Asked;
        // The models train at first start; until they are ready the bot goes by words and articles only.
        if (assist.Analyse(message) is not { } insight) return null;
        if (insight.Intent == "speak_to_person" && !insight.OutOfScope) return HandOverReasons.Asked;
        if (insight.Emotions.GetValueOrDefault("anger") >= Anger) return HandOverReasons.Anger;
        if (insight.Sentiment == Touchpoint.Assist.Models.SentimentModel.Negative && insight.SentimentConfidence >= Negative)
            return HandOverReasons.Negative;
        return null;
    }

    /// <summary>The article's own words (title, then summary or first paragraph) and its link, between fixed phrases.</summary>
    private string Answer(KnowledgeArticle a, string branchCode, Func<string, object?[], string> say)
    {
        var gist = string.IsNullOrWhiteSpace(a.Summary) ? FirstParagraph(a.Body) : a.Summary.Trim();
        return string.Join("\n", say("chatBot.found", [a.Title]), gist, say("chatBot.readMore", [HelpLink(a.Id, branchCode)]), say("chatBot.didItHelp", []));
    }

    public static string FirstParagraph(string markdown)
    {
        var text = ArticleSearchSource.PlainText(markdown).ReplaceLineEndings("\n");
        var first = text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
        return first.Length <= 400 ? first : first[..400] + "…";
    }

    /// <summary>The public help-centre page of the article, as the web app routes it (/help/&lt;branch&gt;/a/&lt;id&gt;).</summary>
    private string HelpLink(Guid id, string branchCode)
    {
        var path = string.IsNullOrEmpty(branchCode) ? $"/help/a/{id}" : $"/help/{Uri.EscapeDataString(branchCode)}/a/{id}";
        var origin = options.HelpBaseUrl?.TrimEnd('/');
        if (string.IsNullOrWhiteSpace(origin) && http.HttpContext?.Request is { } req) origin = $"{req.Scheme}://{req.Host}";
        return (origin ?? "") + path;
    }
}
