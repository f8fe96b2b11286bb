using FhirEf.EntityFramework.Npgsql.Sql;

namespace FhirEf.EntityFramework.Npgsql.Schema;

/// <summary>One way the database differs from the model; <see cref="ToString"/> is the line <c>fhiref schema diff</c> prints.</summary>
public sealed record SchemaDifference(SchemaDifferenceKind Kind, string Table, string? Name = null, string? Detail = null)
{
    public override string ToString()
    {
        var label = Kind switch
        {
            SchemaDifferenceKind.MissingTable => "missing table",
            SchemaDifferenceKind.ExtraTable => "extra table",
            SchemaDifferenceKind.MissingColumn => "missing column",
            SchemaDifferenceKind.ExtraColumn => "extra column",
            SchemaDifferenceKind.ColumnMismatch => "column differs",
            SchemaDifferenceKind.MissingIndex => "missing index",
            SchemaDifferenceKind.ExtraIndex => "extra index",
            _ => Kind.ToString(),
        };
        var target = Name is null ? SqlIdentifier.Quote(Table) : $"{SqlIdentifier.Quote(Table)}.{SqlIdentifier.Quote(Name)}";
        return Detail is null ? $"{label}: {target}" : $"{label}: {target} {Detail}";
    }
}
