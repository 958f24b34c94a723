using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Touchpoint.Server.Platform.Localization;

namespace Touchpoint.Server.Platform.Data;

internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

/// <summary>
/// Small structured values (localised names, opening hours, scopes) are stored as JSON text: the same column type on
/// SQLite and PostgreSQL, and nothing queries inside them.
/// </summary>
public static class JsonColumns
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <summary>A column's value as its converter reads it, for a plain statement that reads the column itself.</summary>
    public static T FromJson<T>(string json) where T : class, new() => JsonSerializer.Deserialize<T>(json, Options) ?? new T();

    public static PropertyBuilder<T> HasJsonConversion<T>(this PropertyBuilder<T> property) where T : class, new()
    {
        property.HasConversion(
            v => JsonSerializer.Serialize(v, Options),
            v => FromJson<T>(v),
            ComparerFor<T>());
        return property;
    }

    /// <summary>
    /// EF compares a tracked value with its snapshot on every DetectChanges, several times a save. Comparing by JSON
    /// serialises both sides each time; tags, needs and skills (lists of strings) and the emotions' scores compare
    /// item by item instead, and only the rarely written shapes (rules, opening hours) go through JSON.
    /// </summary>
    private static ValueComparer<T> ComparerFor<T>() where T : class, new()
    {
        if (typeof(T) == typeof(List<string>)) return (ValueComparer<T>)(object)StringLists;
        if (typeof(T) == typeof(Dictionary<string, float>)) return (ValueComparer<T>)(object)Scores;
        return new ValueComparer<T>(
            (a, b) => JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options),
            v => JsonSerializer.Serialize(v, Options).GetHashCode(),
            v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, Options), Options)!);
    }

    private static readonly ValueComparer<List<string>> StringLists = new(
        (a, b) => a == b || (a != null && b != null && a.SequenceEqual(b)),
        v => v.Aggregate(v.Count, (hash, item) => HashCode.Combine(hash, item)),
        v => v.ToList());

    private static readonly ValueComparer<Dictionary<string, float>> Scores = new(
        (a, b) => a == b || (a != null && b != null && a.Count == b.Count && a.All(kv => b.ContainsKey(kv.Key) && b[kv.Key] == kv.Value)),
        v => v.Count,
        v => new Dictionary<string, float>(v));

    /// <summary>EF never passes null to a converter, so this serves optional names too.</summary>
    public static PropertyBuilder<LocalizedText> HasLocalizedTextConversion(this PropertyBuilder<LocalizedText> property)
    {
        property.HasConversion(
            v => v.ToJson(),
            v => LocalizedText.FromJson(v),
            new ValueComparer<LocalizedText>(
                (a, b) => a!.ToJson() == b!.ToJson(),
                v => v.ToJson().GetHashCode(),
                v => LocalizedText.FromJson(v.ToJson())));
        return property;
    }
}
