using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Touchpoint.Server.Features.Assist;
using Touchpoint.Server.Features.Chat;
using Touchpoint.Tests.Chat;
using Touchpoint.Tests.Infrastructure;
using static Touchpoint.Tests.Knowledge.KnowledgeArticleTests;

namespace Touchpoint.Tests.Bot;

/// <summary>The knowledge-base bot in the web chat: answers from published articles, says when it is not sure, hands over.</summary>
public sealed class ChatBotTests : IDisposable
{
    private readonly TouchpointFactory app = new();

    /// <summary>Published articles in three languages, and an internal and a draft one on a topic nothing else covers.</summary>
    internal static async Task<Dictionary<string, string>> SeedAsync(TouchpointFactory app)
    {
        await app.CreateBranchAsync("SH");
        var writer = await app.StaffAsync("Manager");
        var ids = new Dictionary<string, string>();
        async Task Add(string key, object article) =>
            ids[key] = Id(await (await writer.PostAsJsonAsync("/api/knowledge/articles", article)).JsonAsync(HttpStatusCode.Created));
        await Add("password-en", Article("Reset your online banking password",
            "Open the app, tap Forgot password on the sign-in page and follow the text message we send you."));
        await Add("password-zh", Article("重置网上银行密码", "打开手机银行，在登录页点击“忘记密码”，按短信提示重置网上银行密码。", "zh-CN",
            translationOf: Guid.Parse(ids["password-en"])));
        await Add("password-ko", Article("인터넷뱅킹 비밀번호 재설정", "앱을 열고 로그인 화면에서 비밀번호 찾기를 누른 뒤 문자 안내에 따라 인터넷뱅킹 비밀번호를 재설정하세요.",
            "ko-KR", translationOf: Guid.Parse(ids["password-en"])));
        await Add("hours-en", Article("Branch opening hours", "Branches open Monday to Friday from nine to five, Saturday mornings until noon."));
        await Add("vault-internal", Article("Safe deposit box procedure", "Staff only: check two identity documents before opening a safe deposit box.", state: "internal"));
        await Add("vault-draft", Article("Safe deposit box rental", "Draft: safe deposit box rental prices.", state: "draft"));
        return ids;
    }

    private async Task<(HttpClient Visitor, JsonNode Conversation)> AskAsync(string language, string message)
    {
        var (visitor, started) = await ChatWidgetTests.StartAsync(app, new { branch = "SH", language, message });
        return (visitor, started["conversation"]!);
    }

    private static async Task<JsonNode> SayAsync(HttpClient visitor, string body)
    {
        await (await visitor.PostAsJsonAsync("/api/chat/visitor/messages", new { body })).ShouldBeAsync(HttpStatusCode.Created);
        return await (await visitor.GetAsync("/api/chat/visitor/conversation")).JsonAsync();
    }

    private static string LastBot(JsonNode c) =>
        c["messages"]!.AsArray().Last(m => m!["sender"]!.GetValue<string>() == "bot")!["body"]!.GetValue<string>();

    /// <summary>A server message as the Messages file has it, read apart from the code under test.</summary>
    private static string MessageIn(string language, string key) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(TestEnvironment.RepositoryRoot, "src", "Touchpoint.Server", "Platform", "Localization", "Messages",
            language + ".json")))![key]!.GetValue<string>();

    private static string Status(JsonNode c) => c["status"]!.GetValue<string>();

    private static string? HandOver(JsonNode c) => c["messages"]!.AsArray().Select(m => m!["body"]!.GetValue<string>())
        .LastOrDefault(b => b.StartsWith(HandOverReasons.Prefix, StringComparison.Ordinal))?[HandOverReasons.Prefix.Length..];

    private async Task ModelsReadyAsync() =>
        await app.Services.GetRequiredService<AssistEngine>().WhenReadyAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(120));

    [Theory]
    [InlineData("zh-CN", "网上银行密码忘记了，怎么重置？", "password-zh", "《重置网上银行密码》", "这解答了您的问题吗")]
    [InlineData("ko-KR", "인터넷뱅킹 비밀번호를 재설정하려면 어떻게 하나요?", "password-ko", "「인터넷뱅킹 비밀번호 재설정」", "해결되었나요")]
    [InlineData("en-US", "How do I reset my online banking password?", "password-en", "\"Reset your online banking password\"", "Did this answer your question?")]
    public async Task ARoutineQuestion_IsAnsweredFromThePublishedArticle_InTheCustomersLanguage_WithItsLink(
        string language, string question, string article, string quotedTitle, string ask)
    {
        var ids = await SeedAsync(app);
        await ModelsReadyAsync();
        var (_, c) = await AskAsync(language, question);
        Assert.Equal("bot", Status(c));
        var answer = LastBot(c);
        Assert.Contains(quotedTitle, answer);
        Assert.Contains($"/help/SH/a/{ids[article]}", answer);
        Assert.Contains(ask, answer);
        // The article's own words, not the bot's.
        var summary = (await (await app.CreateClient().GetAsync($"/api/public/help/articles/{ids[article]}")).JsonAsync())["summary"]!.GetValue<string>();
        Assert.Contains(summary, answer);

        // "Yes" after an answer: the closing phrase in the customer's language (not another answer), still without a person.
        var (visitor, _) = await AskAsync(language, question);
        var after = await SayAsync(visitor, language == "en-US" ? "Yes, thanks!" : language == "zh-CN" ? "谢谢" : "네, 감사합니다");
        Assert.Equal("bot", Status(after));
        Assert.Equal(MessageIn(language, "chatBot.glad"), LastBot(after));
    }

    [Fact]
    public async Task InternalAndDraftArticles_AreNeverUsed_ANoMatch_IsUnsure_ThenHandedOver()
    {
        await SeedAsync(app);
        await ModelsReadyAsync();
        // A greeting has nothing to look up: the bot asks for the question, and that is not an unsure turn.
        var (visitor, hello) = await AskAsync("en-US", "Hello!");
        Assert.StartsWith("Hello! Tell me what you would like to know", LastBot(hello));
        var c = await SayAsync(visitor, "What does a safe deposit box rental cost?");
        Assert.Equal("bot", Status(c));
        Assert.StartsWith("I'm not sure I have the right answer", LastBot(c));
        Assert.DoesNotContain("Staff only", LastBot(c));
        Assert.DoesNotContain("Draft", LastBot(c));

        var second = await SayAsync(visitor, "Safe deposit box prices for a small box");
        Assert.Equal("waiting", Status(second));
        Assert.Equal("unsure", HandOver(second));
        Assert.Contains("passing you to a member of staff", LastBot(second));
    }

    [Fact]
    public async Task NoArticleInTheCustomersLanguage_SaysSo_InsteadOfAnsweringInAnother()
    {
        await SeedAsync(app);
        var (_, c) = await AskAsync("ko-KR", "Branch opening hours Saturday");
        Assert.Equal("bot", Status(c));
        Assert.Contains("한국어 도움말이 없습니다", LastBot(c));
        Assert.DoesNotContain("/help/", LastBot(c));
    }

    [Fact]
    public async Task ConfidenceAndMargin_BothSides()
    {
        // The score is the share of the question's informative words the article holds: title words count fully.
        var terms = Server.Features.Chat.Bot.ArticleMatcher.InformativeTerms("How do I reset my online banking password?");
        Assert.Equal(["reset", "onlin", "bank", "password"], terms.Select(t => t.Text));
        var article = new Server.Features.Knowledge.KnowledgeArticle { Language = "en-US", Title = "Reset your online banking password", Body = "" };
        Assert.Equal(1.0, Server.Features.Chat.Bot.ArticleMatcher.Confidence(terms, article));
        var half = new Server.Features.Knowledge.KnowledgeArticle { Language = "en-US", Title = "Password rules", Body = "Online" };
        Assert.True(Server.Features.Chat.Bot.ArticleMatcher.Confidence(terms, half) < Server.Features.Chat.Bot.ArticleMatcher.MinConfidence);

        // Two articles that answer equally well: no clear winner, so the bot does not pick one.
        await SeedAsync(app);
        var writer = await app.StaffAsync("Manager");
        await (await writer.PostAsJsonAsync("/api/knowledge/articles", Article("Reset your online banking password on the web",
            "On the website, choose Forgot password and follow the text message."))).ShouldBeAsync(HttpStatusCode.Created);
        var (_, c) = await AskAsync("en-US", "Reset online banking password");
        Assert.StartsWith("I'm not sure", LastBot(c));
    }

    [Theory]
    [InlineData("zh-CN", "转人工")]
    [InlineData("ko-KR", "상담원 연결해 주세요")]
    [InlineData("en-US", "I want to talk to a person")]
    [InlineData("zh-TW", "我要找真人客服")]
    public async Task AskingForAPerson_HandsOverAtOnce(string language, string message)
    {
        await SeedAsync(app);
        var (_, c) = await AskAsync(language, message);
        Assert.Equal("waiting", Status(c));
        Assert.Equal("asked", HandOver(c));
    }

    [Fact]
    public async Task AnAngryMessage_HandsOver()
    {
        await SeedAsync(app);
        await ModelsReadyAsync();
        var (_, c) = await AskAsync("en-US", "This is outrageous! You stole my money and nobody cares. I am furious, this is the worst bank ever!");
        Assert.Equal("waiting", Status(c));
        Assert.Contains(HandOver(c), new[] { "anger", "negative" });
    }

    [Fact]
    public async Task AnAnswerThatDidNotHelp_HandsOver_AndStaffSeeTheTranscript()
    {
        await SeedAsync(app);
        await ModelsReadyAsync();
        var (visitor, c) = await AskAsync("en-US", "How do I reset my online banking password?");
        var after = await SayAsync(visitor, "No, it didn't help");
        Assert.Equal("waiting", Status(after));
        Assert.Equal("notHelped", HandOver(after));
        var staff = await app.StaffAsync("Frontline", "SH");
        var detail = await (await staff.GetAsync($"/api/chats/{c["id"]}")).JsonAsync();
        Assert.Equal(["visitor", "bot", "visitor", "bot", "system"], detail["messages"]!.AsArray().Select(m => m!["sender"]!.GetValue<string>()));
    }

    public void Dispose() => app.Dispose();
}
