using Touchpoint.Mail.Text;

namespace Touchpoint.Mail.Tests;

public sealed class HtmlToTextTests
{
    [Theory]
    [InlineData("<p>one</p><p>two</p>", "one\ntwo")]
    [InlineData("line<br>break<br/>again<BR />", "line\nbreak\nagain")]
    [InlineData("<div>a</div>\n\n<div>  b   c </div>", "a\nb c")]
    [InlineData("&lt;tag&gt; &amp; &quot;q&quot; &#20320;&#x597D; &nbsp;x", "<tag> & \"q\" 你好 x")]
    [InlineData("<ul><li>first</li><li>second</li></ul>", "- first\n- second")]
    [InlineData("<head><title>t</title><style>p{}</style></head><body><script>alert(1)</script>text</body>", "text")]
    [InlineData("<!-- hidden --><p>shown</p>", "shown")]
    [InlineData("a < b and c > d", "a < b and c > d")]
    [InlineData("<a href=\"x\" title='a > b'>link</a> text", "link text")]
    [InlineData("<table><tr><td>Name</td><td>王芳</td></tr><tr><td>Card</td><td>8812</td></tr></table>", "Name 王芳\nCard 8812")]
    [InlineData("<p>text</p><pre>  keep\n    spacing</pre>", "text\n  keep\n    spacing")]
    [InlineData("<p>unclosed <b>bold", "unclosed bold")]
    [InlineData("<p>broken <tag", "broken")]
    public void Convert_Markup_GivesReadableText(string html, string expected) =>
        Assert.Equal(expected, HtmlToText.Convert(html));

    [Fact]
    public void Convert_Blockquote_IsQuotedSoHistoryCanBeStripped()
    {
        var html = "<div>Yes, please go ahead.</div><div class=\"gmail_quote\"><div class=\"gmail_attr\">On Mon, Jan 8, 2024 at 3:12 PM Support &lt;service@bank.example&gt; wrote:<br></div>"
                   + "<blockquote class=\"gmail_quote\"><div>Shall we close the account?</div><blockquote>older</blockquote></blockquote></div>";

        var text = HtmlToText.Convert(html);

        Assert.Contains("> Shall we close the account?", text);
        Assert.Contains("> > older", text);
        Assert.Equal("Yes, please go ahead.", QuotedHistory.Strip(text));
    }
}
