using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Settings;

namespace Touchpoint.Server.Features.Customers;

/// <summary>
/// Encrypts identifiers with ASP.NET Core data protection (its key ring lives in the database, shared by every node)
/// and hashes them with HMAC-SHA256 for exact lookups. The HMAC key is random per installation, stored in the
/// settings table encrypted by the same key ring: without the key ring a stolen database cannot test guesses of
/// national ids against the hashes.
/// </summary>
public sealed class IdentifierVault(IDataProtectionProvider protection, IServiceScopeFactory scopes)
{
    private const string LookupKeySetting = "customers.lookupKey";
    private readonly IDataProtector values = protection.CreateProtector("Touchpoint.Customers.Identifiers.v1");
    private readonly IDataProtector keys = protection.CreateProtector("Touchpoint.Customers.LookupKey.v1");
    private readonly SemaphoreSlim loading = new(1, 1);
    private byte[]? lookupKey;

    public string Protect(string normalized) => values.Protect(normalized);

    public string Unprotect(string protectedValue) => values.Unprotect(protectedValue);

    public async Task<string> HashAsync(string normalized, CancellationToken ct)
    {
        var key = lookupKey ?? await LoadKeyAsync(ct);
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(normalized)));
    }

    /// <summary>
    /// Called at start (<see cref="CustomerMaintenance"/>): loading may write the key, and on SQLite that write would
    /// wait for any request that hashes inside its own write transaction.
    /// </summary>
    public async Task<byte[]> LoadKeyAsync(CancellationToken ct)
    {
        await loading.WaitAsync(ct);
        try
        {
            if (lookupKey is not null) return lookupKey;
            return lookupKey = await InstallationSecrets.LoadOrCreateAsync(scopes, keys, LookupKeySetting, ct);
        }
        finally
        {
            loading.Release();
        }
    }
}
