using Touchpoint.Mail.Text;

namespace Touchpoint.Mail.Tests;

public sealed class QuotedHistoryTests
{
    [Theory]
    [InlineData("New text.\n\nOn Mon, Jan 8, 2024 at 3:12 PM Support <s@x.com> wrote:\n> old\n> older")]
    [InlineData("New text.\n\nOn Mon, Jan 8, 2024 at 3:12 PM Support <\ns@x.com> wrote:\n\n> old")]
    [InlineData("New text.\n\nOn Jan 8, 2024, at 15:12, Support <s@x.com> wrote:\n\n> old")]
    [InlineData("New text.\n\n在 2024年1月8日 星期一 15:12，客服中心 <s@x.com> 写道：\n> 旧内容")]
    [InlineData("New text.\n\n客服中心 <s@x.com> 于2024年1月8日周一 15:12写道：\n\n> 旧内容")]
    [InlineData("New text.\n\n於 2024年1月8日 週一 下午3:12，客服中心 <s@x.com> 寫道：\n> 舊內容")]
    [InlineData("New text.\n\n2024년 1월 8일 (월) 오후 3:12, 고객센터 <s@x.com>님이 작성:\n> 이전 내용")]
    [InlineData("New text.\n\n2024年1月8日(月) 15:12 サポート <s@x.com>:\n> 以前の内容")]
    [InlineData("New text.\n\n-----Original Message-----\nFrom: Support\nSent: Monday\nTo: me\nSubject: x\n\nold body")]
    [InlineData("New text.\n\n------------------ 原始邮件 ------------------\n发件人: 客服\n发送时间: 周一\n\nold body")]
    [InlineData("New text.\n\n________________________________\nFrom: Support <s@x.com>\nSent: Monday, January 8, 2024 3:12 PM\nTo: Me\nSubject: RE: x\n\nold")]
    [InlineData("New text.\n\n发件人: 客服中心 <s@x.com>\n发送时间: 2024年1月8日 15:12\n收件人: 我\n主题: 回复: x\n\nold")]
    [InlineData("New text.\n\n寄件者: 客服中心 <s@x.com>\n寄件日期: 2024年1月8日 下午 03:12\n收件者: 我\n主旨: x\n\nold")]
    [InlineData("New text.\n\n보낸 사람: 고객센터 <s@x.com>\n보낸 날짜: 2024년 1월 8일 월요일 오후 3:12\n받는 사람: 나\n제목: x\n\nold")]
    [InlineData("New text.\n\nLe lun. 8 janv. 2024 à 15:12, Support <s@x.com> a écrit :\n> ancien")]
    [InlineData("New text.\n\nSupport schrieb am Montag:\n> alt")]
    public void Strip_EachClientsAttribution_LeavesTheNewText(string text) =>
        Assert.Equal("New text.", QuotedHistory.Strip(text));

    [Fact]
    public void Strip_InlineAnswers_AreKept_QuotesDropped()
    {
        var text = "> Can you come on Monday?\nYes, at ten.\n> Will you bring your ID?\nOf course.";

        Assert.Equal("Yes, at ten.\nOf course.", QuotedHistory.Strip(text));
    }

    [Fact]
    public void Strip_NothingQuoted_KeepsEverything()
    {
        var text = "Hello,\n\nFrom: my branch in Taipei I could not withdraw.\nThanks";

        Assert.Equal(text, QuotedHistory.Strip(text));
    }

    [Fact]
    public void Strip_OnlyQuotes_KeepsTheWholeText()
    {
        var text = "> forwarded without comment\n> second line";

        Assert.Equal(text, QuotedHistory.Strip(text));
    }

    [Fact]
    public void Strip_OnInTheMiddleOfASentence_IsNotAnAttribution()
    {
        var text = "On Monday I wrote to you about my card.\nStill nothing.";

        Assert.Equal(text, QuotedHistory.Strip(text));
    }
}
