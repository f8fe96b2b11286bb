using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace FhirEf.EntityFramework.Npgsql.Schema;

/// <summary>
/// Schema drift: compares what a context's model declares with what its PostgreSQL database holds:
/// tables, columns (type and nullability) and indexes, matched by definition rather than by name.
/// </summary>
public static class SchemaComparer
{
    /// <summary>Compares the context's design-time model with the database its connection points at.</summary>
    public static async Task<SchemaComparison> CompareAsync(DbContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var model = context.GetService<IDesignTimeModel>().Model.GetRelationalModel();
        var expected = ModelSchemaReader.Read(model);
        var schemas = model.Tables.Select(t => t.Schema).Distinct().ToList();
        var history = RelationalOptionsExtension.Extract(context.GetService<IDbContextOptions>()).MigrationsHistoryTableName
            ?? HistoryRepository.DefaultTableName;

        var connection = (NpgsqlConnection)context.Database.GetDbConnection();
        await context.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var actual = new List<TableSnapshot>();
            foreach (var schema in schemas)
            {
                actual.AddRange(await PostgresCatalogReader.ReadAsync(connection, schema, cancellationToken));
            }

            var ignored = new HashSet<string>([history], StringComparer.Ordinal);

            // Tables named "_…" (import and other jobs) are operational state created by raw-SQL migrations, outside the model.
            return new SchemaComparison(expected, Compare(expected, [.. actual.Where(t => !ignored.Contains(t.Name) && !t.Name.StartsWith('_'))]));
        }
        finally
        {
            await context.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Every difference, ordered by table, then kind, then name.</summary>
    public static IReadOnlyList<SchemaDifference> Compare(IReadOnlyList<TableSnapshot> expected, IReadOnlyList<TableSnapshot> actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        var actualTables = actual.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var expectedTables = expected.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var differences = new List<SchemaDifference>();
        foreach (var table in expected)
        {
            if (actualTables.TryGetValue(table.Name, out var found))
            {
                differences.AddRange(CompareColumns(table, found));
                differences.AddRange(CompareIndexes(table, found));
            }
            else
            {
                differences.Add(new SchemaDifference(SchemaDifferenceKind.MissingTable, table.Name));
            }
        }

        differences.AddRange(actual.Where(t => !expectedTables.ContainsKey(t.Name)).Select(t => new SchemaDifference(SchemaDifferenceKind.ExtraTable, t.Name)));
        return [.. differences
            .OrderBy(d => d.Table, StringComparer.Ordinal)
            .ThenBy(d => d.Kind)
            .ThenBy(d => d.Name, StringComparer.Ordinal)];
    }

    private static IEnumerable<SchemaDifference> CompareColumns(TableSnapshot expected, TableSnapshot actual)
    {
        var actualColumns = actual.Columns.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var expectedNames = expected.Columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var column in expected.Columns)
        {
            if (!actualColumns.TryGetValue(column.Name, out var found))
            {
                yield return new SchemaDifference(SchemaDifferenceKind.MissingColumn, expected.Name, column.Name, column.ToString());
            }
            else if (column.StoreType != found.StoreType || column.IsNullable != found.IsNullable)
            {
                yield return new SchemaDifference(SchemaDifferenceKind.ColumnMismatch, expected.Name, column.Name, $"expected {column}, found {found}");
            }
        }

        foreach (var column in actual.Columns.Where(c => !expectedNames.Contains(c.Name)))
        {
            yield return new SchemaDifference(SchemaDifferenceKind.ExtraColumn, expected.Name, column.Name, column.ToString());
        }
    }

    /// <summary>Indexes match by definition; an index renamed but otherwise equal is no drift.</summary>
    private static IEnumerable<SchemaDifference> CompareIndexes(TableSnapshot expected, TableSnapshot actual)
    {
        var unmatched = actual.Indexes.ToList();
        foreach (var index in expected.Indexes)
        {
            var definition = index.Definition;
            var match = unmatched.FindIndex(i => i.Name == index.Name && i.Definition == definition);
            if (match < 0)
            {
                match = unmatched.FindIndex(i => i.Definition == definition);
            }

            if (match < 0)
            {
                yield return new SchemaDifference(SchemaDifferenceKind.MissingIndex, expected.Name, index.Name, definition);
            }
            else
            {
                unmatched.RemoveAt(match);
            }
        }

        foreach (var index in unmatched)
        {
            yield return new SchemaDifference(SchemaDifferenceKind.ExtraIndex, expected.Name, index.Name, index.Definition);
        }
    }
}
