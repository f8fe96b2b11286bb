namespace FhirEf.EntityFramework.Npgsql.Schema;

public enum SchemaDifferenceKind
{
    /// <summary>The model has the table; the database does not.</summary>
    MissingTable,

    /// <summary>The database has a table the model does not know (EF's migrations history aside).</summary>
    ExtraTable,

    MissingColumn,

    ExtraColumn,

    /// <summary>Both have the column, with another type or nullability.</summary>
    ColumnMismatch,

    /// <summary>No index of the table has the model's definition (whatever its name).</summary>
    MissingIndex,

    /// <summary>An index whose definition the model does not declare on that table.</summary>
    ExtraIndex,
}
