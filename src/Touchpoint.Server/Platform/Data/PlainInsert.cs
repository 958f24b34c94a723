using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Touchpoint.Server.Platform.Data;

/// <summary>
/// Inserts one entity with one plain statement built from the EF model: the same table, columns and conversions
/// (UTC dates, JSON lists) SaveChanges would write. For the queue's busiest writes under the single SQLite writer
/// (a completion's encounter, evaluation and survey invitation, an issued ticket), where change tracking and batching
/// cost more than the insert itself. The entity is not tracked and no save interceptor sees it, so use it only for
/// entities that no interceptor watches (no search source, assist capture or after-commit hook); a test
/// (<c>PlainInsertTests</c>) holds the queue's entities to that.
/// </summary>
public static class PlainInsert
{
    private sealed record Statement(string Sql, IReadOnlyList<IProperty> Columns);

    // Per model: the tests run SQLite and PostgreSQL side by side, each with a model of its own.
    private static readonly ConditionalWeakTable<IModel, ConcurrentDictionary<Type, Statement>> Statements = new();

    public static Task InsertAsync<T>(this TouchpointDb db, T entity, CancellationToken ct) where T : class
    {
        var statement = Statements.GetOrCreateValue(db.Model).GetOrAdd(typeof(T), _ => Build(db.Model, typeof(T)));
        return RawSql.RunAsync(db, statement.Sql, command =>
        {
            for (var i = 0; i < statement.Columns.Count; i++)
            {
                var property = statement.Columns[i];
                command.Parameters.Add(property.GetRelationalTypeMapping()
                    .CreateParameter(command, "@p" + i, property.GetGetter().GetClrValue(entity), property.IsNullable));
            }
        }, ct, command => command.ExecuteNonQueryAsync(ct));
    }

    private static Statement Build(IModel model, Type type)
    {
        var (entityType, table, tableName) = TableOf(model, type);
        var columns = entityType.GetProperties().ToList();
        // A shadow or store-generated column has no value on the object: SaveChanges would be needed to fill it.
        if (columns.FirstOrDefault(p => p.IsShadowProperty() || p.ValueGenerated != ValueGenerated.Never && !p.IsKey()) is { } unsuitable)
            throw new InvalidOperationException($"{type.Name}.{unsuitable.Name} is filled by the database or the tracker: insert it with SaveChanges.");
        var names = string.Join(", ", columns.Select(p => $"\"{p.GetColumnName(table)}\""));
        var values = string.Join(", ", columns.Select((_, i) => "@p" + i));
        return new Statement($"INSERT INTO {tableName} ({names}) VALUES ({values})", columns);
    }

    /// <summary>The entity type, its table, and the table's name as a statement writes it.</summary>
    internal static (IEntityType Entity, StoreObjectIdentifier Table, string Name) TableOf(IModel model, Type type)
    {
        var entityType = model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not an entity of the model.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        return (entityType, table, table.Schema is null ? $"\"{table.Name}\"" : $"\"{table.Schema}\".\"{table.Name}\"");
    }
}
