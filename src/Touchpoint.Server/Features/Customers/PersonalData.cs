using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

using Touchpoint.Server.Platform.Privacy;

namespace Touchpoint.Server.Features.Customers;

/// <summary>
/// How personal values are normalised for exact lookups and masked for display (138****5678, k***@example.com, 王*明).
/// Masks keep enough to tell two people apart at the counter, not enough to contact or identify them.
/// </summary>
public static partial class PersonalData
{
    /// <summary>"+86 138-1234-5678" -> "+8613812345678"; null when it is not a phone number.</summary>
    public static string? NormalizePhone(string? phone)
    {
        if (phone is null || !PhonePattern().IsMatch(phone.Trim())) return null;
        var t = phone.Trim();
        var digits = new string(t.Where(char.IsAsciiDigit).ToArray());
        return t.StartsWith('+') ? "+" + digits : digits;
    }

    public static string? NormalizeEmail(string? email)
    {
        if (email is null) return null;
        var t = email.Trim().ToLowerInvariant();
        return EmailPattern().IsMatch(t) && t.Length <= 256 ? t : null;
    }

    /// <summary>"line:Abc123" stays as given apart from the app name, which is lower-cased.</summary>
    public static string? NormalizeMessaging(string? id)
    {
        if (id is null) return null;
        var t = id.Trim();
        var colon = t.IndexOf(':');
        if (colon < 1 || colon == t.Length - 1 || t.Length > 256) return null;
        return t[..colon].ToLowerInvariant() + t[colon..];
    }

    /// <summary>Identifiers compare without case, spaces or hyphens: "a123 456-7" is "A1234567".</summary>
    public static string NormalizeIdentifier(string value) =>
        new string(value.Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray()).ToUpperInvariant();

    public static string NormalizeName(string name) =>
        string.Join(' ', name.Normalize(NormalizationForm.FormKC).ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>
    /// The whole name, each later word ("smith" in "olivia smith") and, for names written without spaces (王芳, 김민준),
    /// the given name after a one-character surname, so staff find a person by what they are usually called.
    /// </summary>
    public static IReadOnlyList<string> NameKeys(string name)
    {
        var normal = NormalizeName(name);
        if (normal.Length == 0) return [];
        var keys = new List<string> { Truncate(normal) };
        var words = normal.Split(' ');
        keys.AddRange(words.Skip(1).Select(Truncate));
        if (words.Length == 1 && normal.Length is >= 2 and <= 4 && IsCjkOrHangul(normal[0])) keys.Add(normal[1..]);
        return keys.Distinct().ToList();
    }

    public static string MaskEmail(string email)
    {
        var at = email.IndexOf('@');
        if (at <= 0) return "***";
        return email[0] + "***" + email[at..];
    }

    public static string MaskMessaging(string id)
    {
        var colon = id.IndexOf(':');
        var value = id[(colon + 1)..];
        return id[..(colon + 1)] + (value.Length <= 2 ? "**" : value[0] + new string('*', Math.Min(6, value.Length - 2)) + value[^1]);
    }

    /// <summary>王*明, 김*준, 林**君; Latin names keep initials: "O. S****".</summary>
    public static string MaskName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return "";
        var t = name.Trim();
        if (!t.Contains(' '))
        {
            var chars = StringInfo.GetTextElementEnumerator(t);
            var elements = new List<string>();
            while (chars.MoveNext()) elements.Add((string)chars.Current);
            return elements.Count switch
            {
                1 => "*",
                2 => elements[0] + "*",
                _ => elements[0] + new string('*', elements.Count - 2) + elements[^1],
            };
        }
        var words = t.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words.Select((w, i) => i == words.Length - 1 ? w[0] + new string('*', Math.Max(1, w.Length - 1)) : w[0] + "."));
    }

    public static string MaskIdentifier(string hint) => "****" + hint;

    public static string MaskContact(string kind, string value) => kind switch
    {
        ContactKinds.Phone => Masks.Phone(value),
        ContactKinds.Email => MaskEmail(value),
        _ => MaskMessaging(value),
    };

    private static string Truncate(string s) => s.Length <= 128 ? s : s[..128];

    private static bool IsCjkOrHangul(char c) => c is >= '\u3400' and <= '\u9fff' or >= '\uac00' and <= '\ud7af' or >= '\uf900' and <= '\ufaff';

    [GeneratedRegex(@"^\+?[0-9][0-9 \-()]{5,22}$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();
}
