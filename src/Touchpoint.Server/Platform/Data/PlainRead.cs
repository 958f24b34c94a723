using System.Collections.Concurrent;
using System.Data.Common;
using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Touchpoint.Server.Platform.Data;

/// <summary>
/// Reads one entity by its id with one plain statement and a reader compiled from the EF model (the same columns and
/// conversions a query would use), untracked. For the queue's reads on every call and completion, where EF's query
/// pipeline (even compiled) cost more than the statement; the counterpart of <see cref="PlainInsert"/>.
/// </summary>
public static class PlainRead
{
    private sealed record Statement(string Sql, Func<DbDataReader, object> Read);

    private static readonly ConditionalWeakTable<IModel, ConcurrentDictionary<Type, Statement>> Statements = new();

    public static async Task<T?> ReadPlainAsync<T>(this TouchpointDb db, Guid id, CancellationToken ct) where T : class
    {
        var statement = Statements.GetOrCreateValue(db.Model).GetOrAdd(typeof(T), _ => Build(db.Model, typeof(T)));
        var rows = await db.QueryAsync(statement.Sql, reader => (T)statement.Read(reader), ct, id);
        return rows.Count == 0 ? null : rows[0];
    }

    private static Statement Build(IModel model, Type type)
    {
        var (entityType, table, tableName) = PlainInsert.TableOf(model, type);
        var key = entityType.FindPrimaryKey()!.Properties;
        if (key is not [{ ClrType: var keyType } id] || keyType != typeof(Guid))
            throw new InvalidOperationException($"{type.Name} has no single Guid key.");
        var columns = entityType.GetProperties().ToList();
        if (columns.FirstOrDefault(p => p.IsShadowProperty() || p.PropertyInfo is null) is { } unsuitable)
            throw new InvalidOperationException($"{type.Name}.{unsuitable.Name} has no property to read into.");

        // reader => new T { P0 = read column 0, P1 = read column 1, ... }
        var reader = Expression.Parameter(typeof(DbDataReader), "reader");
        var bindings = columns.Select((p, i) => Expression.Bind(p.PropertyInfo!, Column(reader, p, i)));
        var read = Expression.Lambda<Func<DbDataReader, object>>(Expression.MemberInit(Expression.New(type), bindings), reader).Compile();
        var names = string.Join(", ", columns.Select(p => $"\"{p.GetColumnName(table)}\""));
        return new Statement($"SELECT {names} FROM {tableName} WHERE \"{id.GetColumnName(table)}\" = @p0", read);
    }

    /// <summary>The column's provider value (GetFieldValue of the provider type), converted to the property's type; null when the column is.</summary>
    private static Expression Column(ParameterExpression reader, IProperty property, int ordinal)
    {
        var mapping = property.GetRelationalTypeMapping();
        var converter = mapping.Converter;
        var providerType = Nullable.GetUnderlyingType(converter?.ProviderClrType ?? mapping.ClrType) ?? converter?.ProviderClrType ?? mapping.ClrType;
        Expression value = Expression.Call(reader, nameof(DbDataReader.GetFieldValue), [providerType], Expression.Constant(ordinal));
        if (converter is not null)
        {
            var fromProvider = converter.ConvertFromProviderExpression;
            value = Expression.Invoke(fromProvider, Expression.Convert(value, fromProvider.Parameters[0].Type));
        }
        value = Expression.Convert(value, property.ClrType);
        if (!property.IsNullable) return value;
        var isNull = Expression.Call(reader, nameof(DbDataReader.IsDBNull), Type.EmptyTypes, Expression.Constant(ordinal));
        return Expression.Condition(isNull, Expression.Default(property.ClrType), value);
    }
}
