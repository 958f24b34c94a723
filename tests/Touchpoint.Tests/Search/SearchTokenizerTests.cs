using Touchpoint.Server.Platform.Search;

namespace Touchpoint.Tests.Search;

/// <summary>The tokenizer decides what can be found: the same rules run on documents and queries.</summary>
public sealed class SearchTokenizerTests
{
    private static List<string> Terms(string text) => SearchTokenizer.Tokenize(text).Select(t => t.Text).ToList();

    /// <summary>What the index does: every query term must be among the document's terms (prefix terms by prefix).</summary>
    private static bool Finds(string document, string query)
    {
        var terms = Terms(document);
        var q = SearchTokenizer.Query(query);
        return q.Count > 0 && q.All(t => terms.Any(d => SearchTokenizer.Matches(d, t)));
    }

    [Fact]
    public void Tokenize_Chinese_GivesOverlappingBigramsAndTheLastCharacter()
    {
        Assert.Equal(["申请", "请退", "退款", "款"], Terms("申请退款"));
        Assert.Equal(["好"], Terms("好"));
    }

    [Theory]
    [InlineData("我想申请退款因为商品坏了", "退款")]
    [InlineData("我想申请退款因为商品坏了", "申请退款")]
    [InlineData("我想申请退款因为商品坏了", "坏")]
    [InlineData("我想申请退款因为商品坏了", "了")]
    [InlineData("客戶申請退款，請盡快處理", "申请退款")] // traditional document, simplified query
    [InlineData("客户申请退款", "申請退款")] // and the other way round
    [InlineData("環境很好", "环境")]
    public void Chinese_WordInsideLongerPhrase_IsFound(string document, string query) => Assert.True(Finds(document, query));

    [Theory]
    [InlineData("我想申请退款因为商品坏了", "退货")]
    [InlineData("我想申请退款因为商品坏了", "款因为商品好")]
    public void Chinese_WordsNotInTheText_AreNotFound(string document, string query) => Assert.False(Finds(document, query));

    [Theory]
    [InlineData("환불받고싶어요", "환불")]
    [InlineData("카드 환불을 요청했습니다", "환불")]
    [InlineData("카드 환불을 요청했습니다", "환불을")]
    [InlineData("환불받고싶어요", "환불을")] // the particle of the query is dropped
    [InlineData("지점에서 카드를 발급받았어요", "지점에서")]
    [InlineData("카드 환불을 요청했습니다", "요청")]
    public void Korean_WordInsideLongerPhraseOrInflected_IsFound(string document, string query) => Assert.True(Finds(document, query));

    [Fact]
    public void Korean_OtherWord_IsNotFound() => Assert.False(Finds("환불받고싶어요", "취소"));

    [Theory]
    [InlineData("Customer asked for REFUNDS twice", "refund")]
    [InlineData("The refund was refunded", "refunding")]
    [InlineData("charged twice", "charge")]
    [InlineData("The customer's card", "customer")]
    [InlineData("Stopped payments", "stop payment")]
    [InlineData("policies", "policy")]
    public void English_FoldsCaseAndStems(string document, string query) => Assert.True(Finds(document, query));

    [Fact]
    public void English_EveryWordIsRequired() => Assert.False(Finds("card refund", "card cancel"));

    [Fact]
    public void MixedScripts_SplitAtScriptBoundaries()
    {
        Assert.Equal(["iphone15", "手机", "机", "환불", "불", "refund"], Terms("iPhone15手机환불refund"));
        Assert.True(Finds("我的iPhone15手机坏了", "手机"));
        Assert.True(Finds("我的iPhone15手机坏了", "iphone15"));
    }

    [Fact]
    public void Punctuation_SeparatesTerms_AndCaseReferencesAreFound()
    {
        Assert.Equal(["tp", "000123", "退款", "款", "ok"], Terms("【TP-000123】退款！OK?"));
        Assert.True(Finds("Re: [TP-000123] card", "TP-000123"));
        Assert.Empty(SearchTokenizer.Query("！？…、。,.;--"));
    }

    [Fact]
    public void FullWidthCharacters_FoldToTheirAsciiForms()
    {
        Assert.Equal(["abc123", "退款", "款"], Terms("ＡＢＣ１２３退款"));
        Assert.True(Finds("ＲＥＦＵＮＤ　申请", "refund"));
        Assert.True(Finds("refund", "ｒｅｆｕｎｄ"));
    }

    [Fact]
    public void Offsets_PointAtTheOriginalText()
    {
        var text = "Ｈi，退款";
        var terms = SearchTokenizer.Tokenize(text);
        Assert.Equal("Ｈi", text[terms[0].Start..terms[0].End]);
        Assert.Equal("退款", text[terms[1].Start..terms[1].End]);
    }

    [Fact]
    public void Query_OneCjkCharacter_IsAPrefixTerm()
    {
        Assert.Equal([new QueryTerm("退", true)], SearchTokenizer.Query("退"));
        Assert.Equal([new QueryTerm("退款", false)], SearchTokenizer.Query("退款"));
    }

    [Fact]
    public void Snippet_HighlightsMatchesAndMasksContacts()
    {
        var terms = SearchTokenizer.Query("退款");
        var parts = SearchSnippets.Build("请致电13812345678或写信 wang.li@example.com 办理退款", terms);
        var text = string.Concat(parts.Select(p => p.Text));
        Assert.Contains("138****5678", text);
        Assert.Contains("w******@example.com", text);
        Assert.DoesNotContain("13812345678", text);
        Assert.Equal("退款", Assert.Single(parts, p => p.Hit).Text);
    }

    [Fact]
    public void Snippet_OfLongText_StartsNearTheMatch()
    {
        var text = new string('这', 300) + "申请退款" + new string('那', 300);
        var parts = SearchSnippets.Build(text, SearchTokenizer.Query("退款"));
        Assert.Equal("…", parts[0].Text);
        Assert.Equal("…", parts[^1].Text);
        Assert.Contains(parts, p => p.Hit && p.Text == "退款");
        Assert.True(string.Concat(parts.Select(p => p.Text)).Length < 130);
    }
}

/// <summary>Ranking is computed in C# over the candidates, so both databases order hits the same way.</summary>
public sealed class SearchRankingTests
{
    [Fact]
    public void Score_MoreMentionsInShorterText_RanksHigher()
    {
        var query = SearchTokenizer.Query("退款");
        var scores = SearchRanking.Score(
            [SearchTokenizer.IndexText("退款申请：退款进度，退款"), SearchTokenizer.IndexText("客户来电询问信用卡年费以及账单地址变更和退款的事情，还问了很多别的问题")],
            query);
        Assert.True(scores[0] > scores[1]);
    }

    [Fact]
    public void Score_PrefixTerm_CountsEveryTermItStarts()
    {
        var scores = SearchRanking.Score(["退款 款 退货 货", "申请 请退 退款 款"], [new QueryTerm("退", true)]);
        Assert.True(scores[0] > scores[1]);
        Assert.All(scores, s => Assert.True(s > 0));
    }
}
