using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace FhirEf.EntityFramework.Npgsql.Schema;

/// <summary>
/// What the model says the database should hold: tables, columns with their store types, primary keys
/// and indexes with their PostgreSQL method, operator classes, INCLUDE columns and filter.
/// </summary>
public static class ModelSchemaReader
{
    private const string DefaultMethod = "btree";

    /// <summary>The tables of the context's design-time model (its runtime model lacks the index annotations). Opens no connection.</summary>
    public static IReadOnlyList<TableSnapshot> Read(DbContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Read(context.GetService<IDesignTimeModel>().Model.GetRelationalModel());
    }

    /// <summary>Reads a relational model built from a design-time model.</summary>
    public static IReadOnlyList<TableSnapshot> Read(IRelationalModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return [.. model.Tables.Select(Read).OrderBy(t => t.Name, StringComparer.Ordinal)];
    }

    private static TableSnapshot Read(ITable table)
    {
        var columns = table.Columns.Select(c => new ColumnSnapshot(c.Name, c.StoreType, c.IsNullable)).ToList();
        var keys = table.UniqueConstraints.Select(key => new IndexSnapshot(
            key.Name,
            DefaultMethod,
            [.. key.Columns.Select(c => new IndexKey(c.Name))],
            IsUnique: true,
            Include: [],
            Predicate: null));
        return new TableSnapshot(table.Name, columns, [.. keys, .. table.Indexes.Select(Read)]);
    }

    private static IndexSnapshot Read(ITableIndex index)
    {
        var declared = index.MappedIndexes.First();
        var operators = declared.GetOperators();
        var keys = index.Columns.Select((column, i) => new IndexKey(column.Name, OperatorClass: operators?[i])).ToList();
        var include = (declared.GetIncludeProperties() ?? [])
            .Select(name => ColumnOf(index.Table, declared.DeclaringEntityType.FindProperty(name)!))
            .ToList();
        return new IndexSnapshot(index.Name, declared.GetMethod() ?? DefaultMethod, keys, index.IsUnique, include, index.Filter);
    }

    private static string ColumnOf(ITable table, IProperty property) =>
        table.FindColumn(property)?.Name ?? throw new InvalidOperationException($"Property '{property.Name}' has no column in \"{table.Name}\".");
}
