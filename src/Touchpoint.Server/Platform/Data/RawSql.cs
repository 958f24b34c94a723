using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Touchpoint.Server.Platform.Data;

/// <summary>
/// Plain statements on the context's own connection and transaction, for the few on the busiest writes (claiming a
/// ticket, reading the queue heads, taking a case's number or a ticket's daily sequence, a chat line's order): through
/// EF's query pipeline such a statement cost more in building and caching the query than in running it, under the
/// single SQLite writer. Parameters are <c>@p0</c>, <c>@p1</c>…; their values are written as EF writes them (a Guid is
/// text on SQLite), so a statement sees the same values a LINQ query would.
/// On SQLite a statement run on a connection that is already open (the write gate's, a transaction's) is also prepared
/// once and kept: Microsoft.Data.Sqlite keeps no statement between commands, and parsing and planning was a third of
/// SQLite's work on the writer (the queue heads are a union of a dozen parts). A kept statement belongs to the native
/// handle it was prepared on, which a pooled connection may not get back when it opens again (stepping it then was
/// "API misuse": the old handle closed or someone else's); so nothing is kept on a connection opened here for one
/// statement, and kept statements are dropped when their connection's handle changes.
/// </summary>
public static class RawSql
{
    private static readonly ConditionalWeakTable<SqliteConnection, KeptStatements> Prepared = new();

    private sealed class KeptStatements
    {
        public object? Handle;
        public readonly Dictionary<string, SqliteCommand> Commands = [];
    }

    public static Task<T> ScalarAsync<T>(this TouchpointDb db, string sql, CancellationToken ct, params object?[] values) =>
        RunAsync(db, sql, values, ct, async command =>
        {
            var result = await command.ExecuteScalarAsync(ct) ?? throw new InvalidOperationException("The statement returned no value.");
            return (T)Convert.ChangeType(result, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
        });

    /// <summary>Runs a statement and returns the number of rows it changed.</summary>
    public static Task<int> ExecuteAsync(this TouchpointDb db, string sql, CancellationToken ct, params object?[] values) =>
        RunAsync(db, sql, values, ct, command => command.ExecuteNonQueryAsync(ct));

    /// <summary>Reads every row with <paramref name="read"/> (use the reader's typed getters: they read SQLite's text Guids and dates).</summary>
    public static Task<List<T>> QueryAsync<T>(this TouchpointDb db, string sql, Func<DbDataReader, T> read, CancellationToken ct, params object?[] values) =>
        RunAsync(db, sql, values, ct, async command =>
        {
            var rows = new List<T>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) rows.Add(read(reader));
            return rows;
        });

    private static Task<T> RunAsync<T>(TouchpointDb db, string sql, object?[] values, CancellationToken ct, Func<DbCommand, Task<T>> run) =>
        RunAsync(db, sql, command =>
        {
            var mappings = db.GetService<IRelationalTypeMappingSource>();
            for (var i = 0; i < values.Length; i++)
                command.Parameters.Add(Parameter(mappings, command, "@p" + i, values[i]));
        }, ct, run);

    /// <summary>Runs a statement whose parameters <paramref name="bind"/> adds (kept and reused like the others).</summary>
    internal static async Task<T> RunAsync<T>(TouchpointDb db, string sql, Action<DbCommand> bind, CancellationToken ct, Func<DbCommand, Task<T>> run)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened) await db.Database.OpenConnectionAsync(ct);
        var kept = !opened && connection is SqliteConnection sqlite ? Kept(sqlite, sql) : null;
        var command = kept ?? connection.CreateCommand();
        try
        {
            if (command.CommandText != sql) command.CommandText = sql;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.Parameters.Clear();
            bind(command);
            return await run(command);
        }
        finally
        {
            if (kept is null) await command.DisposeAsync();
            if (opened) await db.Database.CloseConnectionAsync();
        }
    }

    private static SqliteCommand Kept(SqliteConnection connection, string sql)
    {
        var kept = Prepared.GetOrCreateValue(connection);
        if (!ReferenceEquals(kept.Handle, connection.Handle))
        {
            foreach (var stale in kept.Commands.Values) stale.Dispose();
            kept.Commands.Clear();
            kept.Handle = connection.Handle;
        }
        if (!kept.Commands.TryGetValue(sql, out var command)) kept.Commands[sql] = command = connection.CreateCommand();
        return command;
    }

    private static DbParameter Parameter(IRelationalTypeMappingSource mappings, DbCommand command, string name, object? value)
    {
        if (value is null)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = DBNull.Value;
            return p;
        }
        return (mappings.FindMapping(value.GetType()) ?? throw new ArgumentException($"No database type for {value.GetType()}.", nameof(value)))
            .CreateParameter(command, name, value, nullable: false);
    }
}
