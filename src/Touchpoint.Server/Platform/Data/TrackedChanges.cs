using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Touchpoint.Server.Platform.Data;

/// <summary>
/// For save interceptors that care about a few entity types: every save of every context passes through them (the
/// queue's on the SQLite writer too), and <c>ChangeTracker.Entries()</c> would first detect changes in everything the
/// context tracks, which the save itself then does again.
/// </summary>
public static class TrackedChanges
{
    /// <summary>
    /// Whether the save adds, changes or deletes a tracked <typeparamref name="T"/> (that meets <paramref name="condition"/>),
    /// detecting changes in those entries only. Ask about a parent type before its children's.
    /// </summary>
    public static bool Writes<T>(ChangeTracker tracker, Func<EntityEntry<T>, bool>? condition = null) where T : class
    {
        var autoDetect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var e in tracker.Entries<T>())
            {
                // Per entry, navigations included: a child added to a tracked parent's collection becomes an entry here.
                e.DetectChanges();
                if (e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && (condition is null || condition(e))) return true;
            }
            return false;
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = autoDetect;
        }
    }
}
