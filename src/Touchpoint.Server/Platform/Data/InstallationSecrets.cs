using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Touchpoint.Server.Platform.Data;

/// <summary>
/// A random 32-byte secret of this installation (a lookup-hash key, a token key), kept in Settings under data
/// protection, so every node shares it and it survives restarts.
/// </summary>
public static class InstallationSecrets
{
    public static async Task<byte[]> LoadOrCreateAsync(IServiceScopeFactory scopes, IDataProtector protector, string setting, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TouchpointDb>();
        // Two nodes may create a key at once: the insert that loses changes nothing and both read the winner's key.
        var candidate = protector.Protect(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        await db.Database.ExecuteSqlAsync($"""INSERT INTO "Settings" ("Key", "Value") VALUES ({setting}, {candidate}) ON CONFLICT DO NOTHING""", ct);
        var stored = await db.Settings.AsNoTracking().Where(s => s.Key == setting).Select(s => s.Value).SingleAsync(ct);
        return Convert.FromBase64String(protector.Unprotect(stored));
    }
}
