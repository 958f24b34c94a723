using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Touchpoint.Server.Platform.Localization;

namespace Touchpoint.Server.Platform.Http;

/// <summary>
/// Collects field errors for one request and turns them into a 400 validation problem naming each field, with
/// messages in the request's language. Field names are the JSON (camelCase) names the client sent.
/// </summary>
public sealed partial class Validation
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public bool IsValid => errors.Count == 0;

    public Validation Add(string field, string messageKey, params object?[] args)
    {
        if (!errors.TryGetValue(field, out var list)) errors[field] = list = [];
        list.Add(Messages.Get(messageKey, args));
        return this;
    }

    public bool Required(string field, string? value, int maxLength = 256)
    {
        if (string.IsNullOrWhiteSpace(value)) { Add(field, "validation.required"); return false; }
        if (value.Length > maxLength) { Add(field, "validation.maxLength", maxLength); return false; }
        return true;
    }

    public void MaxLength(string field, string? value, int maxLength)
    {
        if (value is not null && value.Length > maxLength) Add(field, "validation.maxLength", maxLength);
    }

    public void Code(string field, string? value, int maxLength = 32)
    {
        if (!Required(field, value, maxLength)) return;
        if (!CodePattern().IsMatch(value!)) Add(field, "validation.code", maxLength);
    }

    public void Language(string field, string? value)
    {
        if (!Languages.IsSupported(value)) Add(field, "validation.language", value ?? "");
    }

    public void TimeZone(string field, string? value)
    {
        if (!Required(field, value, 64)) return;
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(value!, out _)) Add(field, "validation.timeZone", value);
    }

    /// <param name="messageKey">What to say when no language has text (names by default).</param>
    public void LocalizedName(string field, LocalizedText? value, int maxLength = 128, string messageKey = "validation.localizedName")
    {
        if (value is null || value.IsBlank) { Add(field, messageKey); return; }
        foreach (var (lang, text) in value)
        {
            if (!Languages.IsSupported(lang)) Add($"{field}.{lang}", messageKey);
            else if (text.Length > maxLength) Add($"{field}.{lang}", "validation.maxLength", maxLength);
        }
    }

    public void Range(string field, int value, int min, int max)
    {
        if (value < min || value > max) Add(field, "validation.range", min, max);
    }

    public ValidationProblem Problem() => TypedResults.ValidationProblem(
        errors.ToDictionary(e => e.Key, e => e.Value.ToArray()), title: Messages.Get("validation.title"));

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex CodePattern();
}
