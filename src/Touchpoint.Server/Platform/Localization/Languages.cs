using System.Globalization;

namespace Touchpoint.Server.Platform.Localization;

/// <summary>The four UI languages. Everything a user reads exists in each of them.</summary>
public static class Languages
{
    public const string ZhCn = "zh-CN";
    public const string ZhTw = "zh-TW";
    public const string KoKr = "ko-KR";
    public const string EnUs = "en-US";
    public const string Default = EnUs;

    public static readonly IReadOnlyList<string> All = [ZhCn, ZhTw, KoKr, EnUs];

    public static bool IsSupported(string? code) => code is not null && All.Contains(code);

    /// <summary>Maps any culture name (zh-Hant-HK, ko, en-GB) onto the nearest supported language.</summary>
    public static string Normalize(string? code)
    {
        if (string.IsNullOrWhiteSpace(code)) return Default;
        var c = code.Trim();
        foreach (var l in All)
            if (string.Equals(l, c, StringComparison.OrdinalIgnoreCase)) return l;
        var lower = c.ToLowerInvariant();
        if (lower.StartsWith("zh"))
            return lower.Contains("hant") || lower.EndsWith("-tw") || lower.EndsWith("-hk") || lower.EndsWith("-mo") ? ZhTw : ZhCn;
        if (lower.StartsWith("ko")) return KoKr;
        return EnUs;
    }

    public static string Current => Normalize(CultureInfo.CurrentUICulture.Name);
}
