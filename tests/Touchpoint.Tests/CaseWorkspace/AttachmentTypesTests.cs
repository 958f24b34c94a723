using System.Text;
using Touchpoint.Server.Features.CaseWorkspace;

namespace Touchpoint.Tests.CaseWorkspace;

/// <summary>The type of a file is read from its bytes; markup, scripts and executables are never on the safe list.</summary>
public sealed class AttachmentTypesTests
{
    [Theory]
    [InlineData("%PDF-1.7\n", "x.pdf", "application/pdf")]
    [InlineData("GIF89a....", "x.gif", "image/gif")]
    [InlineData("plain words, 中文, 한국어", "notes.txt", "text/plain")]
    [InlineData("a,b,c\n1,2,3", "list.csv", "text/csv")]
    [InlineData("From: a@b.c\r\nSubject: hi\r\n\r\nbody", "mail.eml", "message/rfc822")]
    [InlineData("PK\u0003\u0004rest", "report.DOCX", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    public void SafeFiles_AreRecognised(string head, string name, string expected) =>
        Assert.Equal(expected, AttachmentTypes.SafeType(Encoding.UTF8.GetBytes(head), name));

    [Theory]
    [InlineData("<html><body>hi</body></html>", "x.txt")]
    [InlineData("  <svg xmlns='http://www.w3.org/2000/svg'/>", "x.png")]
    [InlineData("<?xml version='1.0'?><svg/>", "x.xml")]
    [InlineData("PK\u0003\u0004rest", "archive.jar")]
    [InlineData("MZ\u0000\u0001", "setup.exe")]
    [InlineData("\u007fELF\u0002", "run")]
    public void UnsafeFiles_AreRefused(string head, string name) => Assert.Null(AttachmentTypes.SafeType(Encoding.Latin1.GetBytes(head), name));

    [Fact]
    public void A_MultiByteCharacterCutAtTheEndOfTheHead_IsStillText()
    {
        var bytes = Encoding.UTF8.GetBytes("退款申请");
        Assert.Equal("text/plain", AttachmentTypes.SafeType(bytes.AsSpan(0, bytes.Length - 1), "a.txt"));
    }

    [Theory]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("C:\\Users\\me\\对账单.pdf", "对账单.pdf")]
    [InlineData("..hidden", "hidden")]
    [InlineData("a<b>:c\"d|e?f*.txt", "abcdef.txt")]
    [InlineData("   ", "attachment")]
    [InlineData(null, "attachment")]
    public void FileNames_AreCleaned(string? given, string expected) => Assert.Equal(expected, AttachmentTypes.SafeFileName(given));

    [Fact]
    public void LongNames_KeepTheirExtension()
    {
        var name = AttachmentTypes.SafeFileName(new string('가', 300) + ".pdf");
        Assert.Equal(255, name.Length);
        Assert.EndsWith(".pdf", name);
    }
}
