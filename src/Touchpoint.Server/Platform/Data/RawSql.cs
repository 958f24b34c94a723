using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Touchpoint.Server.Platform.Data;

/// <summary>
/// One statement that returns one value, run as a plain command on the context's own connection and transaction. For
/// the counters taken on the busiest writes (a case's number, a ticket's daily sequence, a chat line's order): through
/// EF's query pipeline such a statement cost more in building and caching the query than in running it, under the
/// single SQLite writer. Parameters are <c>@p0</c>, <c>@p1</c>…; their values are written as EF writes them (a Guid is
/// text on SQLite), so the statement sees the same values a LINQ query would.
/// </summary>
public static class RawSql
{
    public static async Task<T> ScalarAsync<T>(this TouchpointDb db, string sql, CancellationToken ct, params object[] values)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened) await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            var mappings = db.GetService<IRelationalTypeMappingSource>();
            for (var i = 0; i < values.Length; i++)
                command.Parameters.Add(Parameter(mappings, command, "@p" + i, values[i]));
            var result = await command.ExecuteScalarAsync(ct)
                ?? throw new InvalidOperationException("The statement returned no value.");
            return (T)Convert.ChangeType(result, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
        }
        finally
        {
            if (opened) await db.Database.CloseConnectionAsync();
        }
    }

    private static DbParameter Parameter(IRelationalTypeMappingSource mappings, DbCommand command, string name, object value) =>
        (mappings.FindMapping(value.GetType()) ?? throw new ArgumentException($"No database type for {value.GetType()}.", nameof(value)))
            .CreateParameter(command, name, value, nullable: false);
}
