namespace FhirEf.EntityFramework.Npgsql.Schema;

/// <summary>The outcome of comparing a database with the model: what was expected, and every difference found.</summary>
public sealed record SchemaComparison(IReadOnlyList<TableSnapshot> Expected, IReadOnlyList<SchemaDifference> Differences)
{
    public bool IsInSync => Differences.Count == 0;
}
