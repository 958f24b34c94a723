using System.Text;

namespace Touchpoint.Mail.Mime;

/// <summary>
/// Maps MIME charset labels to .NET encodings. Labels are widened to the superset mail clients really send:
/// GB2312 and GBK mail contains GBK and GB18030 characters, EUC-KR mail from Outlook and Korean webmail contains CP949
/// (UHC) syllables, Big5 mail contains CP950 extensions, ISO-8859-1 mail is really windows-1252.
/// </summary>
internal static class Charsets
{
    static Charsets() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static readonly Encoding Utf8 = new UTF8Encoding(false, false);
    public static readonly Encoding Latin1 = Encoding.Latin1;

    private static readonly Dictionary<string, int> CodePageByLabel = new(StringComparer.OrdinalIgnoreCase)
    {
        ["gb2312"] = 54936, ["gbk"] = 54936, ["gb18030"] = 54936, ["cp936"] = 54936, ["x-gbk"] = 54936,
        ["windows-936"] = 54936, ["euc-cn"] = 54936, ["x-euc-cn"] = 54936, ["csgb2312"] = 54936, ["chinese"] = 54936,
        ["hz-gb-2312"] = 52936,
        ["big5"] = 950, ["big5-hkscs"] = 950, ["cp950"] = 950, ["x-big5"] = 950, ["csbig5"] = 950, ["windows-950"] = 950,
        ["euc-kr"] = 949, ["ks_c_5601-1987"] = 949, ["ks_c_5601"] = 949, ["ksc5601"] = 949, ["cp949"] = 949,
        ["uhc"] = 949, ["x-windows-949"] = 949, ["windows-949"] = 949, ["korean"] = 949, ["csksc56011987"] = 949,
        ["iso-2022-kr"] = 50225,
        ["iso-2022-jp"] = 50220, ["csiso2022jp"] = 50220, ["iso-2022-jp-2"] = 50220, ["iso-2022-jp-3"] = 50220,
        ["shift_jis"] = 932, ["shift-jis"] = 932, ["sjis"] = 932, ["x-sjis"] = 932, ["cp932"] = 932, ["ms_kanji"] = 932,
        ["windows-31j"] = 932, ["csshiftjis"] = 932, ["euc-jp"] = 51932, ["x-euc-jp"] = 51932,
        ["us-ascii"] = 65001, ["ascii"] = 65001, ["ansi_x3.4-1968"] = 65001, ["utf-8"] = 65001, ["utf8"] = 65001,
        ["iso-8859-1"] = 1252, ["latin1"] = 1252, ["l1"] = 1252, ["iso_8859-1"] = 1252, ["cp1252"] = 1252,
        ["tis-620"] = 874, ["windows-874"] = 874, ["koi8-r"] = 20866, ["koi8-u"] = 21866,
        ["utf-16"] = 1200, ["utf-16le"] = 1200, ["utf-16be"] = 1201, ["utf-7"] = 65000,
    };

    /// <summary>The encoding for a label, or null for a missing or unknown one (the caller then detects).</summary>
    public static Encoding? Resolve(string? label)
    {
        if (string.IsNullOrWhiteSpace(label)) return null;
        var name = label.Trim().Trim('"', '\'');
        // RFC 2231 allows a language after '*' in encoded-words: =?utf-8*zh?B?...?=
        int star = name.IndexOf('*');
        if (star > 0) name = name[..star];
        if (CodePageByLabel.TryGetValue(name, out int codePage)) return ByCodePage(codePage);
        if (TryLabelledCodePage(name, out codePage)) return ByCodePage(codePage);
        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    public static Encoding? ByCodePage(int codePage) => codePage switch
    {
        65001 => Utf8,
        1200 => new UnicodeEncoding(false, true),
        1201 => new UnicodeEncoding(true, true),
        _ => SafeGetEncoding(codePage),
    };

    private static Encoding? SafeGetEncoding(int codePage)
    {
        try
        {
            return Encoding.GetEncoding(codePage);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    // iso-8859-N, windows-125N and cp125N: listed by rule rather than one by one.
    private static bool TryLabelledCodePage(string name, out int codePage)
    {
        codePage = 0;
        var lower = name.ToLowerInvariant().Replace('_', '-');
        if (lower.StartsWith("iso-8859-", StringComparison.Ordinal) || lower.StartsWith("iso8859-", StringComparison.Ordinal))
        {
            if (!int.TryParse(lower[(lower.LastIndexOf('-') + 1)..], out int part) || part is < 1 or > 16) return false;
            codePage = part == 1 ? 1252 : 28590 + part;
            return true;
        }
        foreach (var prefix in (string[])["windows-", "cp", "x-cp"])
            if (lower.StartsWith(prefix, StringComparison.Ordinal) && int.TryParse(lower[prefix.Length..], out int number) && number is >= 1250 and <= 1258)
            {
                codePage = number;
                return true;
            }
        return false;
    }

    /// <summary>Decodes with the declared charset when known, else by detection; never throws.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, string? label, ICollection<string>? problems = null)
    {
        var encoding = Resolve(label);
        if (encoding is null)
        {
            if (!string.IsNullOrWhiteSpace(label)) problems?.Add($"unknown charset '{label}', detected instead");
            encoding = CharsetDetector.Detect(bytes);
        }
        else if (encoding.CodePage is not (65001 or 1200 or 1201) && !CharsetDetector.IsAscii(bytes) && CharsetDetector.IsValidUtf8(bytes))
        {
            // Labelled GB2312 or ISO-8859-1 but valid UTF-8: clients that keep an old default label. Text in a legacy
            // double-byte or Latin charset is practically never valid UTF-8 by chance.
            problems?.Add($"text declared as {label} is UTF-8, decoded as such");
            encoding = Utf8;
        }
        else if (encoding.CodePage == 65001 && !CharsetDetector.IsValidUtf8(bytes) && !CharsetDetector.IsAscii(bytes))
        {
            // Declared UTF-8 (or US-ASCII) but not: common with mail clients that label GBK mail as ascii. A few bad
            // sequences in otherwise good UTF-8 (a cut or damaged message) are replaced instead: detection would
            // misread all the rest.
            var text = Utf8.GetString(bytes);
            int invalid = text.AsSpan().Count('\uFFFD'), nonAscii = 0;
            foreach (char c in text) if (c >= 0x80) nonAscii++;
            if (invalid * 20 < nonAscii)
            {
                problems?.Add($"invalid UTF-8 sequences replaced ({invalid})");
                return text;
            }
            var detected = CharsetDetector.Detect(bytes);
            if (detected.CodePage != 65001)
            {
                problems?.Add($"text declared as {label} is not, decoded as {detected.WebName}");
                encoding = detected;
            }
        }
        return GetString(encoding, bytes);
    }

    public static string GetString(Encoding encoding, ReadOnlySpan<byte> bytes)
    {
        try
        {
            var text = encoding.GetString(bytes);
            // A byte order mark says how to read the text; it is not part of it.
            return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        }
        catch (Exception e) when (e is DecoderFallbackException or ArgumentException)
        {
            return Utf8.GetString(bytes);
        }
    }
}
