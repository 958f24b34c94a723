using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;

namespace Touchpoint.Server.Features.Chat;

/// <summary>
/// Signing of messaging webhooks, both ways: <c>X-Touchpoint-Timestamp</c> holds Unix seconds, and
/// <c>X-Touchpoint-Signature</c> holds <c>sha256=</c> and the lower-case hex HMAC-SHA256, keyed with the channel's
/// secret, of the ASCII timestamp, a full stop, and the raw body bytes: <c>HMAC(secret, "1795000000." + body)</c>.
/// A timestamp more than five minutes away from the server's clock is refused, and so is a signature seen before.
/// </summary>
public static class MessagingSignature
{
    public const string TimestampHeader = "X-Touchpoint-Timestamp";
    public const string SignatureHeader = "X-Touchpoint-Signature";
    public const string Scheme = "sha256=";
    public static readonly TimeSpan ReplayWindow = TimeSpan.FromMinutes(5);

    public static string Sign(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.ASCII.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        var data = new byte[prefix.Length + body.Length];
        prefix.CopyTo(data, 0);
        body.CopyTo(data.AsSpan(prefix.Length));
        return Scheme + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), data));
    }

    /// <summary>Compares in constant time, so response timing tells an attacker nothing about how much of a guess was right.</summary>
    public static bool Verify(string secret, long timestamp, ReadOnlySpan<byte> body, string? signature)
    {
        if (signature is null) return false;
        var expected = Encoding.ASCII.GetBytes(Sign(secret, timestamp, body));
        var given = Encoding.ASCII.GetBytes(signature.Trim().ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}

/// <summary>Channel secrets: random, shown once, kept encrypted by the data-protection key ring (HMAC needs the secret itself).</summary>
public sealed class MessagingSecrets(IDataProtectionProvider protection)
{
    private const string Prefix = "tpm_";
    private readonly IDataProtector protector = protection.CreateProtector("Touchpoint.Chat.MessagingSecrets.v1");

    public static string New() => Prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
    public string Protect(string secret) => protector.Protect(secret);
    public string Unprotect(string protectedSecret) => protector.Unprotect(protectedSecret);
}
