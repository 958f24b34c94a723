using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Touchpoint.Server.Platform.Data;

/// <summary>
/// Turns on SQLite's secure_delete for every connection: deleted and overwritten content is zeroed in the file instead
/// of lingering in free pages, so erasing a customer (or changing their phone) leaves no readable copy behind. The
/// setting belongs to the connection, not the file, hence an interceptor rather than a one-time PRAGMA.
/// </summary>
internal sealed class SqliteSecureDelete : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA secure_delete=ON";
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken ct = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA secure_delete=ON";
        await command.ExecuteNonQueryAsync(ct);
    }
}
