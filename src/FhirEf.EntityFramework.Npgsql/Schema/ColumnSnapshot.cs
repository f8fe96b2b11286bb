namespace FhirEf.EntityFramework.Npgsql.Schema;

/// <summary>A column as the model declares it or the catalog reports it (<c>format_type</c>, <c>attnotnull</c>).</summary>
public sealed record ColumnSnapshot(string Name, string StoreType, bool IsNullable)
{
    public override string ToString() => $"{StoreType} {(IsNullable ? "NULL" : "NOT NULL")}";
}
