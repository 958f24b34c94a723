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
        var comparer = new ValueComparer<T>(
            (a, b) => JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options),
            v => JsonSerializer.Serialize(v, Options).GetHashCode(),
            v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, Options), Options)!);
        property.HasConversion(
            v => JsonSerializer.Serialize(v, Options),
            v => FromJson<T>(v),
            comparer);
        return property;
    }

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
