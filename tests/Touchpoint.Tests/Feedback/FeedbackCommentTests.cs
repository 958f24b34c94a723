using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Touchpoint.Server.Features.Assist;
using Touchpoint.Tests.Infrastructure;
using static Touchpoint.Tests.Feedback.FeedbackTestData;

namespace Touchpoint.Tests.Feedback;

/// <summary>Survey comments go through the assist models: the summary says how the comments feel and what they are about.</summary>
public sealed class FeedbackCommentTests : IDisposable
{
    private readonly TouchpointFactory app = new();

    [Fact]
    public async Task Comments_AreReadForSentimentAndTopic_InEveryLanguage()
    {
        var staff = await BranchAsync(app);
        (string Language, string Comment)[] said =
        [
            ("zh-CN", "排队等了一个多小时，太慢了，非常失望"),
            ("ko-KR", "대기 시간이 너무 길어서 정말 화가 났어요"),
            ("en-US", "The staff member was friendly and very helpful, thank you so much"),
        ];
        foreach (var (language, comment) in said)
        {
            var ticket = await ServeAsync(app, staff, language);
            await (await AnswerAsync(Phone(app, language), Token(ticket), new { questionId = "comment", value = comment })).ShouldBeAsync(HttpStatusCode.NoContent);
        }
        // A fourth answer without a comment is not counted as one.
        var silent = await ServeAsync(app, staff);
        await (await AnswerAsync(Phone(app), Token(silent), new { questionId = "nps", value = 9 })).ShouldBeAsync(HttpStatusCode.NoContent);

        var supervisor = await app.StaffAsync("Supervisor", "SH");
        var before = (await (await supervisor.GetAsync("/api/feedback/summary?branch=SH")).JsonAsync())["comments"]!;
        Assert.Equal(3, before["comments"]!.GetValue<int>());
        await app.Services.GetRequiredService<AssistQueue>().DrainAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

        var comments = (await (await supervisor.GetAsync("/api/feedback/summary?branch=SH")).JsonAsync())["comments"]!;
        Assert.Equal(3, comments["analysed"]!.GetValue<int>());
        Assert.Equal(2, comments["negative"]!.GetValue<int>());
        Assert.Equal(1, comments["positive"]!.GetValue<int>());
        Assert.True(comments["topics"]!.AsArray().Count > 0, comments.ToJsonString());
        var wait = comments["topics"]!.AsArray().Single(t => t!["intent"]!.GetValue<string>() == "wait_time")!;
        Assert.True(wait["count"]!.GetValue<int>() == 2, comments.ToJsonString());
        Assert.Equal(2, wait["negative"]!.GetValue<int>());
        Assert.Equal("Waiting time", wait["label"]!.GetValue<string>());
    }

    public void Dispose() => app.Dispose();
}
