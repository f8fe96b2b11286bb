using System.Diagnostics.CodeAnalysis;

namespace FhirEf.Core.Schema;

/// <summary>A table: its columns (in order), primary key and indexes.</summary>
public sealed class TableSchema
{
    private readonly Dictionary<string, ColumnSchema> _columns;

    public TableSchema(
        string name,
        TableKind kind,
        string? resourceType,
        IReadOnlyList<ColumnSchema> columns,
        IReadOnlyList<string> primaryKey,
        IReadOnlyList<IndexSchema> indexes)
    {
        ArgumentNullException.ThrowIfNull(columns);
        Name = name;
        Kind = kind;
        ResourceType = resourceType;
        Columns = columns;
        PrimaryKey = primaryKey;
        Indexes = indexes;
        _columns = columns.ToDictionary(c => c.Name, StringComparer.Ordinal);
    }

    public string Name { get; }

    public TableKind Kind { get; }

    /// <summary>The resource type of resource, history and references tables; null for lookup tables.</summary>
    public string? ResourceType { get; }

    public IReadOnlyList<ColumnSchema> Columns { get; }

    public IReadOnlyList<string> PrimaryKey { get; }

    public IReadOnlyList<IndexSchema> Indexes { get; }

    public bool TryGetColumn(string name, [NotNullWhen(true)] out ColumnSchema? column) => _columns.TryGetValue(name, out column);

    public ColumnSchema Column(string name) =>
        _columns.TryGetValue(name, out var column) ? column : throw new KeyNotFoundException($"Table \"{Name}\" has no column \"{name}\".");

    public override string ToString() => Name;
}
