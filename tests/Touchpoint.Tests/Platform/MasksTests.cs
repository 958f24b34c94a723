using Touchpoint.Server.Platform.Privacy;

namespace Touchpoint.Tests.Platform;

public sealed class MasksTests
{
    [Fact]
    public void Tokens_CutsLinkTokensInLoggedText_AndLeavesTheWordsAndShortNumbers()
    {
        var text = "请评价本次服务 https://bank.example/s/Xq3v9LmT0aBcDeFgHiJkLmNoPq (A023, 5号窗口)";
        var masked = Masks.Tokens(text);
        Assert.Equal("请评价本次服务 https://bank.example/s/Xq3v… (A023, 5号窗口)", masked);
        Assert.DoesNotContain("Xq3v9LmT0aBcDeFgHiJkLmNoPq", masked);
    }
}
