using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Server.Platform.Audit;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Http;
using Touchpoint.Server.Platform.Identity;

namespace Touchpoint.Server.Platform.Settings;

/// <param name="CustomerRetentionDays">Customers without activity or change for this long are anonymised.</param>
public sealed record InstallationSettings(int AuditRetentionDays, int CustomerRetentionDays = SettingsStore.DefaultCustomerRetentionDays);

public static class SettingsStore
{
    private const string AuditRetentionKey = "audit.retentionDays";
    public const int DefaultAuditRetentionDays = 365;
    private const string CustomerRetentionKey = "customers.retentionDays";
    public const int DefaultCustomerRetentionDays = 1095;

    public static async Task<InstallationSettings> ReadAsync(TouchpointDb db, CancellationToken ct)
    {
        var values = await db.Settings.AsNoTracking().ToDictionaryAsync(s => s.Key, s => s.Value, ct);
        return new InstallationSettings(
            values.TryGetValue(AuditRetentionKey, out var d) && int.TryParse(d, CultureInfo.InvariantCulture, out var days) ? days : DefaultAuditRetentionDays,
            values.TryGetValue(CustomerRetentionKey, out var c) && int.TryParse(c, CultureInfo.InvariantCulture, out var cdays) ? cdays : DefaultCustomerRetentionDays);
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
        // Customers are anonymised after at least 30 days and at most 100 years without activity.
        v.Range("customerRetentionDays", request.CustomerRetentionDays, 30, 36500);
        if (!v.IsValid) return v.Problem();

        var before = await ReadAsync(db, ct);
        await SetAsync(db, audit, AuditRetentionKey, before.AuditRetentionDays, request.AuditRetentionDays, ct);
        await SetAsync(db, audit, CustomerRetentionKey, before.CustomerRetentionDays, request.CustomerRetentionDays, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(request);
    }

    private static async Task SetAsync(TouchpointDb db, AuditLog audit, string key, int from, int to, CancellationToken ct)
    {
        if (from == to) return;
        var row = await db.Settings.FindAsync([key], ct);
        var value = to.ToString(CultureInfo.InvariantCulture);
        if (row is null) db.Settings.Add(new SystemSetting { Key = key, Value = value });
        else row.Value = value;
        audit.Record(AuditActions.SettingsChanged, key, new { from, to });
    }
}
