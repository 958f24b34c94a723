using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Touchpoint.Server.Platform.Data;

/// <summary>
/// Queries compiled once, for lookups on every call, completion and case: building and translating a LINQ query's
/// expression tree on each use cost more than running its statement. EF Core binds a compiled query to the database
/// provider of the first context that runs it; an installation runs one database, but the tests run SQLite and
/// PostgreSQL side by side in one process, so each provider gets its own compilation.
/// </summary>
public static class CompiledQueries
{
    public static Func<TouchpointDb, T1, CancellationToken, Task<TResult>> Compile<T1, TResult>(
        Expression<Func<TouchpointDb, T1, CancellationToken, TResult>> query)
    {
        var sqlite = EF.CompileAsyncQuery(query);
        var postgres = EF.CompileAsyncQuery(query);
        return (db, a, ct) => (db.IsPostgres ? postgres : sqlite)(db, a, ct);
    }

    public static Func<TouchpointDb, T1, T2, CancellationToken, Task<TResult>> Compile<T1, T2, TResult>(
        Expression<Func<TouchpointDb, T1, T2, CancellationToken, TResult>> query)
    {
        var sqlite = EF.CompileAsyncQuery(query);
        var postgres = EF.CompileAsyncQuery(query);
        return (db, a, b, ct) => (db.IsPostgres ? postgres : sqlite)(db, a, b, ct);
    }
}
