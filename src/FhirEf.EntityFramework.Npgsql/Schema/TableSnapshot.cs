namespace FhirEf.EntityFramework.Npgsql.Schema;

/// <summary>A table's columns and indexes, from the model or from the catalog.</summary>
public sealed record TableSnapshot(string Name, IReadOnlyList<ColumnSnapshot> Columns, IReadOnlyList<IndexSnapshot> Indexes);
