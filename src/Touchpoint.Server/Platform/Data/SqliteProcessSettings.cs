using SQLitePCL;

namespace Touchpoint.Server.Platform.Data;

/// <summary>
/// SQLite's process-wide settings, which it accepts only before its first connection opens (after that it answers
/// SQLITE_MISUSE and keeps what it has, which is what a second app in the same process, as in the tests, gets).
/// </summary>
public static class SqliteProcessSettings
{
    private static int applied;

    public static void Apply()
    {
        if (Interlocked.Exchange(ref applied, 1) == 1) return;
        Batteries_V2.Init();
        // SQLite counts every allocation under a global mutex for sqlite3_memory_used(), which nothing here reads: the
        // mutex and the size lookups were about 1.5 % of the server's samples under call-next.
        raw.sqlite3_config(raw.SQLITE_CONFIG_MEMSTATUS, 0);
    }
}
