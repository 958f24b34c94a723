using Microsoft.AspNetCore.Identity;
using Touchpoint.Server.Platform.Http;

namespace Touchpoint.Server.Platform.Identity;

public static class Passwords
{
    public const int MinLength = 8;
    public const int MaxFailedSignIns = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    private static readonly PasswordHasher<User> Hasher = new();

    // Hashing costs ~50 ms of CPU. When a shift starts and everyone signs in at once, letting every request hash in
    // parallel would starve the thread pool and slow every other request; one hash per core at a time keeps the rest
    // of the server responsive while sign-ins queue.
    private static readonly SemaphoreSlim HashingSlots = new(Environment.ProcessorCount);

    public static async Task<T> WithHashingSlotAsync<T>(Func<T> hash, CancellationToken ct)
    {
        await HashingSlots.WaitAsync(ct);
        try { return hash(); }
        finally { HashingSlots.Release(); }
    }

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
