namespace FhirEf.Core.Schema;

/// <summary>A column; <paramref name="MaxLength"/> applies to text columns (ids).</summary>
public sealed record ColumnSchema(string Name, ColumnType Type, bool Nullable, int? MaxLength = null, string? DefaultSql = null);
