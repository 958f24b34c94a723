using System.Text.Json;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Identity;

namespace Touchpoint.Server.Platform.Audit;

/// <summary>
/// Writes audit entries through the request's DbContext, so an entry is saved in the same transaction as the change it
/// describes: no change without its entry, no entry for a change that failed.
/// </summary>
public sealed class AuditLog(TouchpointDb db, IHttpContextAccessor http)
{
    // Details are read by people in the audit page: keep 同步 readable instead of \u540C\u6B65. They are stored, never
    // embedded in HTML, so relaxed escaping is safe here.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Adds an entry to be saved with the caller's next SaveChanges.</summary>
    public void Record(string action, string? target = null, object? details = null, string? actorOverride = null, Guid? actorIdOverride = null)
    {
        var ctx = http.HttpContext;
        var user = ctx?.User;
        db.AuditEntries.Add(new AuditEntry
        {
            Action = action,
            Target = target,
            Details = details is null ? null : details as string ?? JsonSerializer.Serialize(details, Json),
            Actor = actorOverride ?? user?.ActorName() ?? "system",
            ActorId = actorIdOverride ?? user?.UserId() ?? user?.DeviceId(),
            IpAddress = ctx?.Connection.RemoteIpAddress?.ToString(),
        });
    }

    /// <summary>Records and saves at once, for events that change nothing else (a failed sign-in, a reveal).</summary>
    public async Task RecordNowAsync(string action, string? target = null, object? details = null, string? actorOverride = null, Guid? actorIdOverride = null)
    {
        Record(action, target, details, actorOverride, actorIdOverride);
        await db.SaveChangesAsync();
    }
}

public static class AuditActions
{
    public const string SignIn = "auth.sign_in";
    public const string SignInFailed = "auth.sign_in_failed";
    public const string LockedOut = "auth.locked_out";
    public const string SignOut = "auth.sign_out";
    public const string PasswordChanged = "auth.password_changed";
    public const string UserCreated = "user.created";
    public const string UserUpdated = "user.updated";
    public const string UserPermissionsChanged = "user.permissions_changed";
    public const string UserUnlocked = "user.unlocked";
    public const string UserPasswordReset = "user.password_reset";
    public const string TokenCreated = "token.created";
    public const string TokenRevoked = "token.revoked";
    public const string DeviceCreated = "device.created";
    public const string DevicePaired = "device.paired";
    public const string DeviceRevoked = "device.revoked";
    public const string SettingsChanged = "settings.changed";
    public const string BranchCreated = "branch.created";
    public const string BranchUpdated = "branch.updated";
    public const string BranchDeleted = "branch.deleted";
    public const string ServiceChanged = "service.changed";
    public const string CounterChanged = "counter.changed";
    public const string CaseStatusChanged = "case.status_changed";
    public const string CaseAssigned = "case.assigned";
    public const string CaseEdited = "case.edited";
    public const string CaseLinked = "case.linked";
    public const string CaseMerged = "case.merged";
    public const string SlaPolicyChanged = "sla_policy.changed";
    public const string CaseRouted = "case.routed";
    public const string CasePriorityRaised = "case.priority_raised";
    public const string AssistCorrected = "assist.corrected";
    public const string AssistTaxonomyChanged = "assist.taxonomy_changed";
}
