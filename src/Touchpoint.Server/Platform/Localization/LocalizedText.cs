using System.Text.Json;
using System.Text.Json.Serialization;

namespace Touchpoint.Server.Platform.Localization;

/// <summary>
/// Text that customers or staff read, kept per language ("zh-CN" → "个人业务"). In JSON it is an object keyed by
/// language; a plain string is accepted on input and means the same text in every language.
/// </summary>
[JsonConverter(typeof(LocalizedTextJsonConverter))]
public sealed class LocalizedText : Dictionary<string, string>
{
    public LocalizedText() : base(StringComparer.OrdinalIgnoreCase) { }

    public LocalizedText(IEnumerable<KeyValuePair<string, string>> values) : this()
    {
        foreach (var (k, v) in values) this[k] = v;
    }

    public static LocalizedText Same(string text) => new(Languages.All.Select(l => KeyValuePair.Create(l, text)));

    public static LocalizedText Of(string zhCn, string zhTw, string koKr, string enUs) => new()
    {
        [Languages.ZhCn] = zhCn, [Languages.ZhTw] = zhTw, [Languages.KoKr] = koKr, [Languages.EnUs] = enUs,
    };

    /// <summary>The text in the language asked for, else English, else whatever exists.</summary>
    public string Resolve(string? language = null)
    {
        var lang = Languages.Normalize(language ?? Languages.Current);
        if (TryGetValue(lang, out var t) && !string.IsNullOrWhiteSpace(t)) return t;
        if (TryGetValue(Languages.Default, out t) && !string.IsNullOrWhiteSpace(t)) return t;
        return Values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)) ?? "";
    }

    public bool IsBlank => Values.All(string.IsNullOrWhiteSpace);

    public string ToJson() => JsonSerializer.Serialize<Dictionary<string, string>>(this);

    public static LocalizedText FromJson(string json) =>
        new(JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? []);
}

public sealed class LocalizedTextJsonConverter : JsonConverter<LocalizedText>
{
    public override LocalizedText? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                return LocalizedText.Same(reader.GetString() ?? "");
            case JsonTokenType.StartObject:
                var text = new LocalizedText();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var key = reader.GetString() ?? "";
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.String)
                        throw new JsonException("A localised text maps language codes to strings.");
                    text[key] = reader.GetString() ?? "";
                }
                return text;
            default:
                throw new JsonException("A localised text is a string or an object keyed by language.");
        }
    }

    public override void Write(Utf8JsonWriter writer, LocalizedText value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (k, v) in value.OrderBy(p => p.Key, StringComparer.Ordinal)) writer.WriteString(k, v);
        writer.WriteEndObject();
    }
}
