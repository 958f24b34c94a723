using System.Text;
using Touchpoint.Mail.Outbound;

namespace Touchpoint.Mail.Bench;

/// <summary>The measured messages: a typical customer mail (text, HTML and a small attachment, about 20 KB) and one
/// carrying a 2 MB attachment. Deterministic content, so that runs compare.</summary>
public static class BenchMessages
{
    public static IEnumerable<(string Name, byte[] Bytes)> All()
    {
        yield return ("typical multipart (text + HTML + 7 KB PDF, Chinese)", Typical());
        yield return ("2 MB attachment", WithLargeAttachment());
    }

    private const string Paragraph =
        "您好，我上周在浦东支行办理的信用卡到现在还没有收到，查询后显示已经寄出，但快递一直没有更新。请问能否帮忙确认一下地址是否正确？" +
        "Dear team, my card has not arrived yet although it was posted last week. Could you please check the address on file?\n";

    private static OutboundMail Base(string text, string html, params MailAttachment[] attachments) => new()
    {
        From = new MailboxAddress("王芳", "wangfang@example.cn"),
        To = [new MailboxAddress("客服中心", "service@bank.example")],
        Cc = [new MailboxAddress("Ann Lee", "ann@example.com")],
        Subject = "回复：信用卡未收到 [TP-000123]",
        Text = text,
        Html = html,
        Attachments = attachments,
        InReplyTo = "tp.1@bank.example",
        References = ["tp.0@bank.example", "tp.1@bank.example"],
        Date = new DateTimeOffset(2024, 1, 8, 15, 12, 0, TimeSpan.FromHours(8)),
    };

    private static byte[] Typical()
    {
        var text = string.Concat(Enumerable.Repeat(Paragraph, 10));
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<p>" + Paragraph + "</p>", 10)) + "</body></html>";
        return MimeWriter.Write(Base(text, html, new MailAttachment("快递单.pdf", "application/pdf", Pattern(7 * 1024)))).Bytes;
    }

    private static byte[] WithLargeAttachment() =>
        MimeWriter.Write(Base(Paragraph, "<p>" + Paragraph + "</p>", new MailAttachment("scan.pdf", "application/pdf", Pattern(2 * 1024 * 1024)))).Bytes;

    private static byte[] Pattern(int length)
    {
        var random = new Random(42);
        var bytes = new byte[length];
        random.NextBytes(bytes);
        Encoding.ASCII.GetBytes("%PDF-1.7").CopyTo(bytes, 0);
        return bytes;
    }
}
