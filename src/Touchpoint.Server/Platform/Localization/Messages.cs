using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;

namespace Touchpoint.Server.Platform.Localization;

/// <summary>
/// Server-side texts (errors, validation) in the four languages, read from the embedded Messages/*.json files.
/// The language is the request's (Accept-Language through request localisation), so an API client reads errors in
/// the language it asked for.
/// </summary>
public static class Messages
{
    private static readonly FrozenDictionary<string, FrozenDictionary<string, string>> ByLanguage = Load();

    public static string Get(string key, params object?[] args) => GetIn(Languages.Current, key, args);

    public static string GetIn(string language, string key, params object?[] args)
    {
        var lang = Languages.Normalize(language);
        if (!ByLanguage[lang].TryGetValue(key, out var text) && !ByLanguage[Languages.Default].TryGetValue(key, out text))
            text = key;
        return args.Length == 0 ? text : string.Format(CultureInfo.InvariantCulture, text, args);
    }

    public static IReadOnlyCollection<string> Keys(string language) => ByLanguage[language].Keys;

    private static FrozenDictionary<string, FrozenDictionary<string, string>> Load()
    {
        var assembly = typeof(Messages).Assembly;
        return Languages.All.ToFrozenDictionary(l => l, l =>
        {
            var name = $"Touchpoint.Server.Messages.{l}.json";
            using var stream = assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"Embedded resource {name} is missing.");
            return (JsonSerializer.Deserialize<Dictionary<string, string>>(stream) ?? []).ToFrozenDictionary();
        });
    }
}
