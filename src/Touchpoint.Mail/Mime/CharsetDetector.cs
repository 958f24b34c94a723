using System.Text;

namespace Touchpoint.Mail.Mime;

/// <summary>
/// Guesses the charset of text that declares none (or a wrong one). ASCII and valid UTF-8 are taken as UTF-8, an
/// escape sequence means ISO-2022-JP, and otherwise each East Asian double-byte charset decodes the bytes and is scored
/// by how many of its language's most frequent characters come out: a wrong charset turns GBK into rare ideographs or
/// Hangul, and Big5 into rare simplified characters, but seldom into the everyday ones. Nothing scores: windows-1252.
/// </summary>
internal static class CharsetDetector
{
    // The most frequent characters of Chinese (simplified and traditional forms), Korean and Japanese kana.
    private const string FrequentHan =
        "的是不了在人有我他这個个们們中来來上大为為和国國地到以说說时時要就出会會可也你对對生能而子那得于於着著下自之年过過发發后" +
        "後作里裡用道行所然家种種事成方多经經么麼去法学學如都同现現当當没沒动動面起看定天分还還进進好小部其些主样樣理心她本前开開" +
        "但因只从從想实實日者意无無力它与與长長把机機十民第公此已工使情明性知全三又关關点點正业業外将將两兩高间間由问問很最重并物" +
        "手应應向头頭文体體政美相见見被利什二等产產或新己制身果加西月话話合回特代内信表化老给給世位次度门門任常先海通教儿兒原东東" +
        "声聲提立及比员員解水名真论論处處走义義各入几幾口认認条條平系气氣题題活更别別打女变變四神总總何电電数數安少报報才结結反受" +
        "目太量再感建务務做接必场場件计計管期市直资資命山金指许許统統区區保至队隊形社便空决決治展马馬科司五基书書非则則听聽白界达" +
        "達光放强強即像难難且权權思王象完设設式色路记記南品住告类類求据程北边邊死张張该該交规規万萬取拉格望觉覺术術领領共确確传傳" +
        "师師观觀清今切院让讓识識候带帶导導争爭运運笑风風步改收根干造言联聯持组組每车車亲親极極林服快办辦议議往元英证證近失转轉夫" +
        "令准布始怎呢存未远遠叫台单單影具您请請谢謝问问题題客户戶服务務银銀行卡号號码碼账賬办辦理投诉訴退款";
    private const string FrequentHangul =
        "이다는의에가을를하고서습니요지한로기사리도어시수있나해대자게으인일것세주면보안전정라문께님드립감합까제상객원없우오과들적그내만와요며더회신확번부분께당께말씀려드겠";

    private static readonly HashSet<char> HanSet = [.. FrequentHan];
    private static readonly HashSet<char> HangulSet = [.. FrequentHangul];

    // Candidate double-byte charsets, each scored by its own language's characters.
    private static readonly (int CodePage, Func<char, bool> IsFrequent)[] Candidates =
    [
        (54936, HanSet.Contains),
        (950, HanSet.Contains),
        (949, HangulSet.Contains),
        (932, c => c is >= '\u3041' and <= '\u309F' || HanSet.Contains(c)),
        (51932, c => c is >= '\u3041' and <= '\u309F' || HanSet.Contains(c)),
    ];

    public static Encoding Detect(ReadOnlySpan<byte> bytes)
    {
        // ISO-2022-JP is 7-bit: look for its escape sequences before taking the bytes for ASCII.
        if (bytes.IndexOf("\u001b$B"u8) >= 0 || bytes.IndexOf("\u001b$@"u8) >= 0) return Charsets.Resolve("iso-2022-jp")!;
        if (IsAscii(bytes) || IsValidUtf8(bytes)) return Charsets.Utf8;
        if (LooksLikeUtf16(bytes, out var utf16)) return utf16;

        // Scoring a megabyte is as good as scoring its first 16 KB.
        var sample = bytes.Length > 16384 ? bytes[..16384] : bytes;
        Encoding best = Charsets.Resolve("windows-1252")!;
        double bestScore = 0;
        foreach (var (codePage, isFrequent) in Candidates)
        {
            if (Charsets.ByCodePage(codePage) is not { } encoding) continue;
            var text = Charsets.GetString(encoding, sample);
            int frequent = 0, invalid = 0, nonAscii = 0;
            foreach (char c in text)
            {
                if (c < 0x80) continue;
                nonAscii++;
                if (c == '\uFFFD' || c is >= '\uE000' and <= '\uF8FF') invalid++;
                else if (isFrequent(c)) frequent++;
            }
            if (nonAscii == 0) continue;
            double score = (frequent - 4.0 * invalid) / nonAscii;
            if (score > bestScore)
            {
                bestScore = score;
                best = encoding;
            }
        }
        return best;
    }

    public static bool IsAscii(ReadOnlySpan<byte> bytes) => System.Text.Ascii.IsValid(bytes);

    public static bool IsValidUtf8(ReadOnlySpan<byte> bytes) => System.Text.Unicode.Utf8.IsValid(bytes);

    // UTF-16 without a label: a BOM, or every other byte zero in mostly-ASCII text.
    private static bool LooksLikeUtf16(ReadOnlySpan<byte> bytes, out Encoding encoding)
    {
        encoding = Charsets.Utf8;
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE) { encoding = Encoding.Unicode; return true; }
        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF) { encoding = Encoding.BigEndianUnicode; return true; }
        if (bytes.Length < 8 || bytes.Length % 2 != 0) return false;
        int evenZero = 0, oddZero = 0;
        for (int i = 0; i + 1 < bytes.Length; i += 2)
        {
            if (bytes[i] == 0) evenZero++;
            if (bytes[i + 1] == 0) oddZero++;
        }
        int pairs = bytes.Length / 2;
        if (oddZero > pairs * 0.6 && evenZero < pairs * 0.1) { encoding = Encoding.Unicode; return true; }
        if (evenZero > pairs * 0.6 && oddZero < pairs * 0.1) { encoding = Encoding.BigEndianUnicode; return true; }
        return false;
    }
}
