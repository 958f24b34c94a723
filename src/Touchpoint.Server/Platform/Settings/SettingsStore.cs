using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Platform.Audit;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Http;
using Touchpoint.Server.Platform.Identity;

namespace Touchpoint.Server.Platform.Settings;

public sealed record InstallationSettings(int AuditRetentionDays);

public static class SettingsStore
{
    private const string AuditRetentionKey = "audit.retentionDays";
    public const int DefaultAuditRetentionDays = 365;

    public static async Task<InstallationSettings> ReadAsync(TouchpointDb db, CancellationToken ct)
    {
        var values = await db.Settings.AsNoTracking().ToDictionaryAsync(s => s.Key, s => s.Value, ct);
        return new InstallationSettings(
            values.TryGetValue(AuditRetentionKey, out var d) && int.TryParse(d, CultureInfo.InvariantCulture, out var days) ? days : DefaultAuditRetentionDays);
    }

    public static void MapSettingsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin/settings").RequireAuthorization(Permissions.SettingsManage).WithTags("Settings");
        group.MapGet("", (TouchpointDb db, CancellationToken ct) => ReadAsync(db, ct));
        group.MapPut("", Update);
    }

    private static async Task<Results<Ok<InstallationSettings>, ValidationProblem>> Update(
        InstallationSettings request, TouchpointDb db, AuditLog audit, CancellationToken ct)
    {
        var v = new Validation();
        // Audit entries must outlive a typical complaint investigation: at least 30 days, at most 10 years.
        v.Range("auditRetentionDays", request.AuditRetentionDays, 30, 3650);
        if (!v.IsValid) return v.Problem();

        var before = await ReadAsync(db, ct);
        var row = await db.Settings.FindAsync([AuditRetentionKey], ct);
        var value = request.AuditRetentionDays.ToString(CultureInfo.InvariantCulture);
        if (row is null) db.Settings.Add(new SystemSetting { Key = AuditRetentionKey, Value = value });
        else row.Value = value;
        audit.Record(AuditActions.SettingsChanged, AuditRetentionKey, new { from = before.AuditRetentionDays, to = request.AuditRetentionDays });
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(request);
    }
}
