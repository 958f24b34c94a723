using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Http;

namespace Touchpoint.Server.Features.Customers;

public sealed record IdentifierInput(string? Kind, string? Value);

/// <summary>
/// Fields a profile is created or changed with. On change, null leaves a field as it is, contact points and identifiers
/// are added, and the Remove lists take some away. Branch is the home branch, read on creation only.
/// </summary>
public sealed record CustomerInput(
    string? Name, List<string>? Phones, List<string>? Emails, List<string>? Messaging, string? Language, List<string>? Needs,
    List<string>? Tags, List<IdentifierInput>? Identifiers, bool? ConsentSurveys, bool? ConsentMarketing, string? Notes, double? Value,
    List<Guid>? RemoveContacts = null, List<Guid>? RemoveIdentifiers = null, string? Branch = null);

/// <summary>Validates profile input and writes it: contact points normalised, identifiers encrypted, name keys refreshed.</summary>
public sealed class CustomerEditor(IdentifierVault vault)
{
    private const int MaxListItems = 20;

    /// <summary>Checks the input; values are never echoed in messages (they are personal data).</summary>
    public static void Validate(Validation v, CustomerInput r, bool creating)
    {
        if (creating || r.Name is not null) v.Required("name", r.Name, 128);
        if (creating || r.Language is not null) v.Language("language", r.Language);
        Each(v, "phones", r.Phones, p => PersonalData.NormalizePhone(p) is not null, "validation.phone");
        Each(v, "emails", r.Emails, e => PersonalData.NormalizeEmail(e) is not null, "validation.email");
        Each(v, "messaging", r.Messaging, m => PersonalData.NormalizeMessaging(m) is not null, "validation.messaging");
        Each(v, "needs", r.Needs, n => CustomerNeeds.All.Contains(n), "validation.needs", string.Join(", ", CustomerNeeds.All));
        Each(v, "tags", r.Tags, t => !string.IsNullOrWhiteSpace(t) && t.Trim().Length <= 32, "validation.maxLength", 32);
        for (var i = 0; i < (r.Identifiers?.Count ?? 0); i++)
        {
            var id = r.Identifiers![i];
            if (!IdentifierKinds.All.Contains(id.Kind ?? "")) v.Add($"identifiers[{i}].kind", "validation.identifierKind", string.Join(", ", IdentifierKinds.All));
            if (string.IsNullOrWhiteSpace(id.Value) || PersonalData.NormalizeIdentifier(id.Value).Length is < 4 or > 64)
                v.Add($"identifiers[{i}].value", "validation.identifier");
        }
        v.MaxLength("notes", r.Notes, 2000);
        if (r.Value is { } value && (double.IsNaN(value) || value < 0 || value > 1e15)) v.Add("value", "validation.range", 0, 1e15);
    }

    private static void Each(Validation v, string field, List<string>? items, Func<string, bool> ok, string key, params object?[] args)
    {
        if (items is null) return;
        if (items.Count > MaxListItems) { v.Add(field, "validation.range", 0, MaxListItems); return; }
        for (var i = 0; i < items.Count; i++)
            if (items[i] is null || !ok(items[i])) v.Add($"{field}[{i}]", key, args);
    }

    /// <summary>Applies validated input. Returns the field of an identifier that belongs to another customer, if any.</summary>
    public async Task<string?> ApplyAsync(TouchpointDb db, Customer c, CustomerInput r, CancellationToken ct)
    {
        if (r.Name is not null && r.Name.Trim() != c.Name)
        {
            c.Name = r.Name.Trim();
            await SetNameKeysAsync(db, c, ct);
        }
        if (r.Language is not null) c.Language = r.Language;
        if (r.Needs is not null) c.Needs = r.Needs.Distinct().ToList();
        if (r.Tags is not null) c.Tags = r.Tags.Select(t => t.Trim()).Distinct().ToList();
        if (r.ConsentSurveys is { } surveys) c.ConsentSurveys = surveys;
        if (r.ConsentMarketing is { } marketing) c.ConsentMarketing = marketing;
        if (r.Notes is not null) c.Notes = r.Notes.Trim().Length == 0 ? null : r.Notes.Trim();
        if (r.Value is { } value) c.Value = value;
        c.UpdatedAt = DateTime.UtcNow;

        if (r.RemoveContacts is { Count: > 0 } removeContacts)
            await db.CustomerContacts.Where(x => x.CustomerId == c.Id && removeContacts.Contains(x.Id)).ExecuteDeleteAsync(ct);
        if (r.RemoveIdentifiers is { Count: > 0 } removeIds)
            await db.CustomerIdentifiers.Where(x => x.CustomerId == c.Id && removeIds.Contains(x.Id)).ExecuteDeleteAsync(ct);
        var existing = await db.CustomerContacts.Where(x => x.CustomerId == c.Id).Select(x => x.Kind + " " + x.Value).ToListAsync(ct);
        var contacts = (r.Phones ?? []).Select(p => (ContactKinds.Phone, PersonalData.NormalizePhone(p)!))
            .Concat((r.Emails ?? []).Select(e => (ContactKinds.Email, PersonalData.NormalizeEmail(e)!)))
            .Concat((r.Messaging ?? []).Select(m => (ContactKinds.Messaging, PersonalData.NormalizeMessaging(m)!)));
        foreach (var (kind, normalized) in contacts.Distinct())
            if (!existing.Contains(kind + " " + normalized)) db.CustomerContacts.Add(new CustomerContact { CustomerId = c.Id, Kind = kind, Value = normalized });

        for (var i = 0; i < (r.Identifiers?.Count ?? 0); i++)
        {
            var input = r.Identifiers![i];
            var normalized = PersonalData.NormalizeIdentifier(input.Value!);
            var hash = await vault.HashAsync(normalized, ct);
            var owner = await db.CustomerIdentifiers.Where(x => x.Kind == input.Kind && x.LookupHash == hash).Select(x => (Guid?)x.CustomerId).FirstOrDefaultAsync(ct);
            if (owner == c.Id) continue;
            if (owner is not null) return $"identifiers[{i}].value";
            db.CustomerIdentifiers.Add(new CustomerIdentifier
            {
                CustomerId = c.Id, Kind = input.Kind!, Protected = vault.Protect(normalized), LookupHash = hash, Hint = normalized[^Math.Min(4, normalized.Length - 2)..],
            });
        }
        return null;
    }

    public static async Task SetNameKeysAsync(TouchpointDb db, Customer c, CancellationToken ct)
    {
        await db.CustomerNameKeys.Where(k => k.CustomerId == c.Id).ExecuteDeleteAsync(ct);
        if (c.Name is not null)
            db.CustomerNameKeys.AddRange(PersonalData.NameKeys(c.Name).Select(k => new CustomerNameKey { CustomerId = c.Id, Key = k }));
    }
}
