using FhirEf.Core.Schema;
using FhirEf.EntityFramework.Modeling;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.Conventions;
using NpgsqlTypes;

namespace FhirEf.EntityFramework.Npgsql.Modeling;

/// <summary>PostgreSQL column types, GIN and trigram indexes, and the extensions they need.</summary>
public sealed class NpgsqlFhirStorageProvider : IFhirStorageProvider
{
    public static NpgsqlFhirStorageProvider Instance { get; } = new();

    public string Name => "Npgsql";

    /// <summary>
    /// Npgsql's versions of the store-generation and shared-table checks, its value-generation strategy (no value is
    /// generated: keys are FHIR ids) and its discovery of extensions, enums and ranges from column types (the
    /// columns use none; <c>pg_trgm</c> is declared explicitly).
    /// </summary>
    public IReadOnlyList<Type> UnusedConventions { get; } =
    [
        typeof(NpgsqlStoreGenerationConvention),
        typeof(NpgsqlSharedTableConvention),
        typeof(NpgsqlValueGenerationStrategyConvention),
        typeof(NpgsqlPostgresModelFinalizingConvention),
    ];

    public Type ClrType(ColumnSchema column)
    {
        ArgumentNullException.ThrowIfNull(column);
        var type = column.Type switch
        {
            ColumnType.Text or ColumnType.Jsonb => typeof(string),
            ColumnType.TextArray => typeof(string[]),
            ColumnType.Integer => typeof(int),
            ColumnType.Boolean => typeof(bool),
            ColumnType.Timestamp => typeof(DateTime),
            ColumnType.Numeric => typeof(decimal),
            ColumnType.TsVector => typeof(NpgsqlTsVector),
            _ => throw new ArgumentOutOfRangeException(nameof(column), column.Type, "unknown column type"),
        };
        return column.Nullable && type.IsValueType ? typeof(Nullable<>).MakeGenericType(type) : type;
    }

    public void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.HasPostgresExtension("pg_trgm");
        Search.FhirEfDbFunctions.Register(modelBuilder);
    }

    public void ConfigureColumn(PropertyBuilder property, ColumnSchema column)
    {
        ArgumentNullException.ThrowIfNull(property);
        ArgumentNullException.ThrowIfNull(column);
        switch (column.Type)
        {
            case ColumnType.Jsonb:
                property.HasColumnType("jsonb");
                break;
            case ColumnType.Timestamp:
                property.HasColumnType("timestamp with time zone");
                break;
            case ColumnType.Numeric:
                property.HasColumnType("numeric");
                break;
        }
    }

    public void ConfigureIndex(IndexBuilder index, IndexSchema schema)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(schema);
        if (schema.Method == IndexMethod.Gin)
        {
            index.HasMethod("gin");
        }

        if (schema.Operators is { } operators)
        {
            index.HasOperators([.. schema.Columns.Select(_ => operators)]);
        }

        if (schema.Include is { Count: > 0 } include)
        {
            index.IncludeProperties([.. include]);
        }
    }

    public object? FullTextValue(IReadOnlyList<string> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        if (terms.Count == 0)
        {
            return null;
        }

        // The tsvector's input form (each lexeme single-quoted, quotes doubled, backslashes escaped),
        // sent as text and cast with ::tsvector by the write statements: a literal cast keeps FhirEf's
        // lexemes exactly, where to_tsvector would re-parse them.
        var text = new System.Text.StringBuilder();
        foreach (var term in terms)
        {
            text.Append('\'').Append(term.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal)).Append("' ");
        }

        return text.ToString();
    }
}
