using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Identity;

namespace Touchpoint.Server.Platform.Hosting;

/// <summary>
/// First start: creates the user "admin" with TOUCHPOINT_ADMIN_PASSWORD, or else a random password that is printed once
/// to the console (never to the log) and written to admin-password.txt in the data folder.
/// </summary>
public static class AdminBootstrap
{
    public const string UserName = "admin";
    public const string PasswordFile = "admin-password.txt";

    /// <summary>Returns the generated password when one was generated now, else null.</summary>
    public static async Task<string?> EnsureAdminAsync(TouchpointDb db, TouchpointOptions options, CancellationToken ct)
    {
        if (await db.Users.AnyAsync(ct)) return null;
        var generated = options.AdminPassword is null ? SecretTokens.Password() : null;
        var admin = new User
        {
            UserName = UserName, NormalizedUserName = UserName, DisplayName = "Administrator",
            PasswordHash = Passwords.Hash(options.AdminPassword ?? generated!),
        };
        admin.Roles.Add(new UserRole { UserId = admin.Id, Role = Roles.Administrator });
        db.Users.Add(admin);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another node starting at the same moment created it first; anything else is a real failure.
            db.ChangeTracker.Clear();
            if (await db.Users.AnyAsync(u => u.NormalizedUserName == UserName, ct)) return null;
            throw;
        }
        if (generated is not null)
        {
            Directory.CreateDirectory(options.DataDirectory);
            var file = Path.Combine(options.DataDirectory, PasswordFile);
            await File.WriteAllTextAsync(file, generated + Environment.NewLine, ct);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return generated;
    }
}
