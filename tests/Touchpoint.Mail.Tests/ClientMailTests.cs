namespace Touchpoint.Mail.Tests;

/// <summary>
/// Whole messages shaped like what the mail clients of our customers send (header sets, encodings and structure),
/// written for these tests, with their text encoded in the clients' charsets by .NET.
/// </summary>
public sealed class ClientMailTests
{
    [Fact]
    public void Foxmail_Gb2312Alternative_Base64()
    {
        const string text = "您好：\n\n我的借记卡在ATM机上被吞了，卡号尾号8812，请问怎么取回？\n\n王芳";
        var mail = new RawMail()
            .Header("Date", "Mon, 8 Jan 2024 14:03:11 +0800")
            .Header("From", $"\"{RawMail.B("王芳", "gb2312")}\" <wangfang@foxmail.com>")
            .Header("To", $"\"{RawMail.B("客服中心", "gb2312")}\" <service@bank.example>")
            .Header("Subject", RawMail.B("借记卡被ATM吞卡", "gb2312"))
            .Header("X-Mailer", "Foxmail 7.2.25.228[cn]")
            .Header("Mime-Version", "1.0")
            .Header("Message-ID", "<202401081403112908452@foxmail.com>")
            .Header("Content-Type", "multipart/alternative;")
            .Line("\tboundary=\"----=_001_NextPart321470115236_=----\"")
            .Line()
            .Line("This is a multi-part message in MIME format.")
            .Line()
            .Line("------=_001_NextPart321470115236_=----")
            .Header("Content-Type", "text/plain;")
            .Line("\tcharset=\"gb2312\"")
            .Header("Content-Transfer-Encoding", "base64")
            .Line()
            .Base64Body(text.Replace("\n", "\r\n"), "gb2312")
            .Line()
            .Line("------=_001_NextPart321470115236_=----")
            .Header("Content-Type", "text/html;").Line("\tcharset=\"gb2312\"")
            .Header("Content-Transfer-Encoding", "quoted-printable")
            .Line()
            .QuotedPrintableBody("<html><body><div>您好：</div><div>我的借记卡在ATM机上被吞了</div></body></html>", "gb2312")
            .Line()
            .Line("------=_001_NextPart321470115236_=------")
            .Parse();

        Assert.Equal("王芳", mail.From?.DisplayName);
        Assert.Equal("wangfang@foxmail.com", mail.From?.Address);
        Assert.Equal("客服中心", Assert.Single(mail.To).DisplayName);
        Assert.Equal("借记卡被ATM吞卡", mail.Subject);
        Assert.Equal(new DateTimeOffset(2024, 1, 8, 14, 3, 11, TimeSpan.FromHours(8)), mail.Date);
        Assert.Equal(text, mail.Text);
        Assert.Contains("我的借记卡在ATM机上被吞了", mail.Html);
        Assert.Empty(mail.Problems);
    }

    [Fact]
    public void OutlookTaiwan_Big5QuotedPrintable_WithBig5Attachment()
    {
        const string text = "您好，\n\n附件是我的存款證明申請書，麻煩協助辦理。\n\n陳志明 敬上";
        var mail = new RawMail()
            .Header("From", $"=?big5?B?{Convert.ToBase64String(RawMail.Charset("big5").GetBytes("陳志明"))}?= <chen@example.com.tw>")
            .Header("To", "<service@bank.example>")
            .Header("Subject", RawMail.B("存款證明申請", "big5"))
            .Header("Date", "Tue, 9 Jan 2024 09:15:42 +0800")
            .Header("Message-ID", "<TY0PR01MB5678ABCD@TY0PR01MB5678.apcprd01.prod.exchangelabs.com>")
            .Header("Content-Language", "zh-TW")
            .Header("Content-Type", "multipart/mixed;")
            .Line("\tboundary=\"_002_TY0PR01MB5678_\"")
            .Header("MIME-Version", "1.0")
            .Line()
            .Line("--_002_TY0PR01MB5678_")
            .Header("Content-Type", "text/plain; charset=\"big5\"")
            .Header("Content-Transfer-Encoding", "quoted-printable")
            .Line()
            .QuotedPrintableBody(text, "big5")
            .Line()
            .Line("--_002_TY0PR01MB5678_")
            .Header("Content-Type", $"application/vnd.openxmlformats-officedocument.wordprocessingml.document;\r\n\tname=\"{RawMail.B("存款證明申請書.docx", "big5")}\"")
            .Header("Content-Description", RawMail.B("存款證明申請書.docx", "big5"))
            .Header("Content-Disposition", $"attachment;\r\n\tfilename=\"{RawMail.B("存款證明申請書.docx", "big5")}\"; size=4; creation-date=\"Tue, 09 Jan 2024 01:15:00 GMT\"")
            .Header("Content-Transfer-Encoding", "base64")
            .Line()
            .Line("UEsDBA==")
            .Line()
            .Line("--_002_TY0PR01MB5678_--")
            .Parse();

        Assert.Equal("陳志明", mail.From?.DisplayName);
        Assert.Equal("存款證明申請", mail.Subject);
        Assert.Equal(text + "\n", mail.Text);
        var attachment = Assert.Single(mail.Attachments);
        Assert.Equal("存款證明申請書.docx", attachment.FileName);
        Assert.Equal("PK\u0003\u0004"u8.ToArray(), attachment.Content);
        Assert.False(attachment.Inline);
        Assert.Empty(mail.Problems);
    }

    [Fact]
    public void OutlookKorea_KsC5601_Base64_HtmlOnly()
    {
        const string html = "<html><head><style>p{margin:0}</style></head><body><p>안녕하세요,</p><p>인터넷뱅킹 비밀번호를 5회 틀려서 잠겼습니다.</p><p>감사합니다.<br>박지훈 드림</p></body></html>";
        var mail = new RawMail()
            .Header("From", $"\"{RawMail.B("박지훈", "ks_c_5601-1987")}\" <jihoon.park@example.co.kr>")
            .Header("To", "service@bank.example")
            .Header("Subject", RawMail.B("인터넷뱅킹 비밀번호 잠김", "ks_c_5601-1987"))
            .Header("Date", "Wed, 10 Jan 2024 10:20:30 +0900")
            .Header("Content-Type", "text/html; charset=\"ks_c_5601-1987\"")
            .Header("Content-Transfer-Encoding", "base64")
            .Line()
            .Base64Body(html, "ks_c_5601-1987", lineLength: 72)
            .Parse();

        Assert.Equal("박지훈", mail.From?.DisplayName);
        Assert.Equal("인터넷뱅킹 비밀번호 잠김", mail.Subject);
        Assert.True(mail.TextFromHtml);
        Assert.Equal("안녕하세요,\n인터넷뱅킹 비밀번호를 5회 틀려서 잠겼습니다.\n감사합니다.\n박지훈 드림", mail.Text);
    }

    [Fact]
    public void KoreanWebmail_EucKr_8bit()
    {
        const string text = "지난주 금요일에 강남지점에서 상담을 받았는데 직원분이 정말 친절하셨습니다.\n칭찬 부탁드립니다.";
        var mail = new RawMail()
            .Header("From", $"{RawMail.B("이수진", "euc-kr")} <sujin@example.kr>")
            .Header("Subject", RawMail.Q("직원 칭찬합니다", "euc-kr"))
            .Header("Date", "Thu, 11 Jan 2024 16:45:00 +0900")
            .Header("Content-Type", "text/plain; charset=euc-kr")
            .Header("Content-Transfer-Encoding", "8bit")
            .Line()
            .Text(text, "euc-kr")
            .Parse();

        Assert.Equal("이수진", mail.From?.DisplayName);
        Assert.Equal("직원 칭찬합니다", mail.Subject);
        Assert.Equal(text + "\n", mail.Text);
    }

    [Fact]
    public void Thunderbird_Iso2022Jp_7bit_Flowed()
    {
        var mail = new RawMail()
            .Header("From", $"{RawMail.B("山田太郎", "iso-2022-jp")} <taro@example.jp>")
            .Header("Subject", RawMail.B("口座振替の手続きについて", "iso-2022-jp"))
            .Header("Date", "Fri, 12 Jan 2024 11:00:00 +0900")
            .Header("User-Agent", "Mozilla Thunderbird")
            .Header("Content-Type", "text/plain; charset=ISO-2022-JP; format=flowed; delsp=yes")
            .Header("Content-Transfer-Encoding", "7bit")
            .Line()
            .Text("お世話になっております。口座振替の \n手続きについて教えてください。\n\n山田", "iso-2022-jp")
            .Parse();

        Assert.Equal("山田太郎", mail.From?.DisplayName);
        Assert.Equal("口座振替の手続きについて", mail.Subject);
        Assert.Equal("お世話になっております。口座振替の手続きについて教えてください。\n\n山田\n", mail.Text);
    }

    [Fact]
    public void JapaneseMobile_ShiftJis_Base64()
    {
        var mail = new RawMail()
            .Header("From", "hanako@example.ne.jp")
            .Header("Subject", RawMail.B("カード紛失", "shift_jis"))
            .Header("Content-Type", "text/plain; charset=Shift_JIS")
            .Header("Content-Transfer-Encoding", "base64")
            .Line()
            .Base64Body("カードを紛失しました。利用停止をお願いします。", "shift_jis")
            .Parse();

        Assert.Equal("カード紛失", mail.Subject);
        Assert.Equal("カードを紛失しました。利用停止をお願いします。", mail.Text);
    }

    [Fact]
    public void GmailReply_Utf8_QuotedHistoryStripped()
    {
        const string text = "Thanks, that worked. The card arrived today.\n\nOn Mon, Jan 8, 2024 at 3:12 PM Touchpoint Support <service@bank.example> wrote:\n\n> Dear Ms Lee,\n> Your new card was posted on Friday.\n>\n";
        var mail = new RawMail()
            .Header("MIME-Version", "1.0")
            .Header("References", "<tp.1@bank.example>")
            .Header("In-Reply-To", "<tp.1@bank.example>")
            .Header("From", "Ann Lee <ann.lee@gmail.com>")
            .Header("Date", "Tue, 9 Jan 2024 08:01:02 +0000")
            .Header("Message-ID", "<CAFx=abc123@mail.gmail.com>")
            .Header("Subject", "Re: Your new card [TP-000482]")
            .Header("To", "Touchpoint Support <service@bank.example>")
            .Header("Content-Type", "multipart/alternative; boundary=\"000000000000a1b2c3\"")
            .Line()
            .Line("--000000000000a1b2c3")
            .Header("Content-Type", "text/plain; charset=\"UTF-8\"")
            .Line()
            .Text(text, "utf-8")
            .Line("--000000000000a1b2c3")
            .Header("Content-Type", "text/html; charset=\"UTF-8\"")
            .Header("Content-Transfer-Encoding", "quoted-printable")
            .Line()
            .QuotedPrintableBody("<div dir=3D\"ltr\">Thanks, that worked.</div>", "utf-8")
            .Line("--000000000000a1b2c3--")
            .Parse();

        Assert.Equal("Re: Your new card [TP-000482]", mail.Subject);
        Assert.Equal("TP-000482", CaseReference.Find(mail.Subject));
        Assert.Equal("CAFx=abc123@mail.gmail.com", mail.MessageId);
        Assert.Equal(["tp.1@bank.example"], mail.InReplyTo);
        Assert.Equal("Thanks, that worked. The card arrived today.", mail.NewText);
        Assert.Contains("Your new card was posted", mail.Text);
    }

    [Fact]
    public void QqMailReply_Gb18030_OriginalMessageBlockStripped()
    {
        const string text = "好的，我明天上午去网点办理。\n\n\n------------------ 原始邮件 ------------------\n发件人: \"客服中心\"<service@bank.example>;\n发送时间: 2024年1月8日(星期一) 下午3:12\n收件人: \"刘洋\"<liuyang@qq.com>;\n主题: 回复：挂失补卡 [TP-000517]\n\n请携带身份证到任一网点办理补卡。";
        var mail = new RawMail()
            .Header("From", $"\"{RawMail.B("刘洋", "gb18030")}\" <liuyang@qq.com>")
            .Header("Subject", RawMail.B("回复：挂失补卡 [TP-000517]", "gb18030"))
            .Header("Content-Type", "text/plain; charset=\"gb18030\"")
            .Header("Content-Transfer-Encoding", "base64")
            .Line()
            .Base64Body(text, "gb18030")
            .Parse();

        Assert.Equal("TP-000517", CaseReference.Find(mail.Subject));
        Assert.Equal("挂失补卡", CaseReference.CleanSubject(mail.Subject));
        Assert.Equal("好的，我明天上午去网点办理。", mail.NewText);
    }

    [Fact]
    public void AppleMail_Utf8QuotedPrintable_InlineImageBetweenText()
    {
        var mail = new RawMail()
            .Header("From", "=?utf-8?Q?Zo=C3=AB_Martin?= <zoe@icloud.com>")
            .Header("Content-Type", "multipart/mixed; boundary=\"Apple-Mail=_7B1C\"")
            .Header("Subject", "Receipt")
            .Header("Date", "Sat, 13 Jan 2024 18:22:05 +0100")
            .Line()
            .Line("--Apple-Mail=_7B1C")
            .Header("Content-Transfer-Encoding", "quoted-printable")
            .Header("Content-Type", "text/plain; charset=utf-8")
            .Line()
            .Line("Here is the receipt you asked for =E2=80=94 page one:")
            .Line("--Apple-Mail=_7B1C")
            .Header("Content-Disposition", "inline; filename=IMG_0042.jpeg")
            .Header("Content-Type", "image/jpeg; x-unix-mode=0644; name=\"IMG_0042.jpeg\"")
            .Header("Content-Transfer-Encoding", "base64")
            .Line()
            .Line("/9j/4AAQ")
            .Line("--Apple-Mail=_7B1C")
            .Header("Content-Transfer-Encoding", "7bit")
            .Header("Content-Type", "text/plain; charset=us-ascii")
            .Line()
            .Line("Best, Zoe")
            .Line("--Apple-Mail=_7B1C--")
            .Parse();

        Assert.Equal("Zoë Martin", mail.From?.DisplayName);
        Assert.Equal("Here is the receipt you asked for — page one:\nBest, Zoe", mail.Text);
        var image = Assert.Single(mail.Attachments);
        Assert.Equal("IMG_0042.jpeg", image.FileName);
        Assert.True(image.Inline);
    }
}
