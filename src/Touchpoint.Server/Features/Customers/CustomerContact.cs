using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Touchpoint.Server.Features.Customers;

/// <summary>A phone number, email address or messaging id, stored normalised so that lookups are exact index seeks.</summary>
public sealed class CustomerContact
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CustomerId { get; set; }
    public required string Kind { get; set; }
    public required string Value { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
}

public static class ContactKinds
{
    public const string Phone = "phone";
    public const string Email = "email";
    /// <summary>"line:abc", "kakao:xyz", "wechat:..." — the app's name, a colon, the id.</summary>
    public const string Messaging = "messaging";
    public static readonly IReadOnlyList<string> All = [Phone, Email, Messaging];
}

/// <summary>
/// A membership number or national id. The value is encrypted (data protection, keys in the database) and found only
/// by exact match through a keyed hash, so a copy of the database alone reveals neither the value nor a way to test guesses.
/// </summary>
public sealed class CustomerIdentifier
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CustomerId { get; set; }
    public required string Kind { get; set; }
    public required string Protected { get; set; }
    public required string LookupHash { get; set; }
    /// <summary>The last characters, shown masked (****5678) so staff can tell two identifiers apart.</summary>
    public required string Hint { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
}

public static class IdentifierKinds
{
    public const string Membership = "membership";
    public const string NationalId = "nationalId";
    public static readonly IReadOnlyList<string> All = [Membership, NationalId];
}

/// <summary>
/// Search keys of a customer's name (the whole name and each later word or the given name), so that a name prefix is
/// an index range on both databases instead of a scan of every customer.
/// </summary>
public sealed class CustomerNameKey
{
    public Guid CustomerId { get; set; }
    public required string Key { get; set; }
}

internal sealed class CustomerContactConfiguration : IEntityTypeConfiguration<CustomerContact>
{
    public void Configure(EntityTypeBuilder<CustomerContact> b)
    {
        b.ToTable("CustomerContacts");
        b.HasIndex(x => new { x.Kind, x.Value });
        b.HasIndex(x => x.CustomerId);
        b.Property(x => x.Kind).HasMaxLength(16);
        b.Property(x => x.Value).HasMaxLength(256);
    }
}

internal sealed class CustomerIdentifierConfiguration : IEntityTypeConfiguration<CustomerIdentifier>
{
    public void Configure(EntityTypeBuilder<CustomerIdentifier> b)
    {
        b.ToTable("CustomerIdentifiers");
        b.HasIndex(x => new { x.Kind, x.LookupHash }).IsUnique();
        b.HasIndex(x => x.LookupHash);
        b.HasIndex(x => x.CustomerId);
        b.Property(x => x.Kind).HasMaxLength(16);
        b.Property(x => x.LookupHash).HasMaxLength(64);
        b.Property(x => x.Hint).HasMaxLength(8);
    }
}

internal sealed class CustomerNameKeyConfiguration : IEntityTypeConfiguration<CustomerNameKey>
{
    public void Configure(EntityTypeBuilder<CustomerNameKey> b)
    {
        b.ToTable("CustomerNameKeys");
        b.HasKey(x => new { x.Key, x.CustomerId });
        b.HasIndex(x => x.CustomerId);
        b.Property(x => x.Key).HasMaxLength(128);
    }
}
