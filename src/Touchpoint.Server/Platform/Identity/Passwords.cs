using Microsoft.AspNetCore.Identity;
using Touchpoint.Server.Platform.Http;

namespace Touchpoint.Server.Platform.Identity;

public static class Passwords
{
    public const int MinLength = 8;
    public const int MaxFailedSignIns = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    private static readonly PasswordHasher<User> Hasher = new();

    public static string Hash(string password) => Hasher.HashPassword(null!, password);

    /// <summary>Verifies; says whether the hash should be upgraded (the hasher's format moved on).</summary>
    public static (bool Ok, bool Rehash) Verify(string hash, string password)
    {
        if (string.IsNullOrEmpty(hash)) return (false, false);
        var result = Hasher.VerifyHashedPassword(null!, hash, password);
        return (result != PasswordVerificationResult.Failed, result == PasswordVerificationResult.SuccessRehashNeeded);
    }

    public static void Validate(Validation v, string field, string? password)
    {
        if (!v.Required(field, password, 128)) return;
        if (password!.Length < MinLength || !password.Any(char.IsLetter) || !password.Any(char.IsDigit))
            v.Add(field, "validation.password", MinLength);
    }
}
