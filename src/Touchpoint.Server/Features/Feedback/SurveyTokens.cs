using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Identity;

namespace Touchpoint.Server.Features.Feedback;

/// <summary>
/// Survey link tokens. A token is HMAC-SHA256(installation key, invitation id): 256 unguessable bits that the server
/// can compute again for the ticket page and the case page without storing it. The database keeps only SHA-256 of
/// the token, so a copy of the database alone answers no survey; the key lives in the settings table, encrypted by
/// the data protection key ring like the customers' lookup key.
/// </summary>
public sealed class SurveyTokens(IDataProtectionProvider protection, IServiceScopeFactory scopes)
{
    private const string KeySetting = "feedback.tokenKey";
    private readonly IDataProtector keys = protection.CreateProtector("Touchpoint.Feedback.TokenKey.v1");
    private readonly SemaphoreSlim loading = new(1, 1);
    private byte[]? key;

    public async Task<string> TokenAsync(Guid invitationId, CancellationToken ct)
    {
        var k = key ?? await LoadKeyAsync(ct);
        return Convert.ToBase64String(HMACSHA256.HashData(k, invitationId.ToByteArray())).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public async Task<string> HashForAsync(Guid invitationId, CancellationToken ct) => SecretTokens.Hash(await TokenAsync(invitationId, ct));

    public async Task<string> UrlAsync(Guid invitationId, CancellationToken ct) => "/s/" + await TokenAsync(invitationId, ct);

    /// <summary>Loaded at start by the scheduler: creating the key writes, which is better done before requests come.</summary>
    public async Task<byte[]> LoadKeyAsync(CancellationToken ct)
    {
        await loading.WaitAsync(ct);
        try
        {
            if (key is not null) return key;
            return key = await InstallationSecrets.LoadOrCreateAsync(scopes, keys, KeySetting, ct);
        }
        finally
        {
            loading.Release();
        }
    }
}
