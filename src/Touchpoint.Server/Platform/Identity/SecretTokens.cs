using System.Security.Cryptography;
using System.Text;

namespace Touchpoint.Server.Platform.Identity;

/// <summary>Random bearer secrets (API and device tokens): shown once, stored only as a SHA-256 hash.</summary>
public static class SecretTokens
{
    public const string ApiTokenPrefix = "tp_";
    public const string DeviceTokenPrefix = "tpd_";

    public static string New(string prefix) =>
        prefix + Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>A code people type: 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L).</summary>
    public static string PairingCode()
    {
        const string alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
        return string.Create(8, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
        });
    }

    public static string Password(int length = 20)
    {
        const string letters = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
        const string digits = "23456789";
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            var pool = i % 4 == 3 ? digits : letters;
            chars[i] = pool[RandomNumberGenerator.GetInt32(pool.Length)];
        }
        return new string(chars);
    }

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
