namespace FhirEf.EntityFramework.Npgsql.Sql;

/// <summary>Quotes PostgreSQL identifiers for the few statements that cannot take parameters (DDL).</summary>
public static class SqlIdentifier
{
    public static string Quote(string identifier)
    {
        ArgumentException.ThrowIfNullOrEmpty(identifier);
        return '"' + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + '"';
    }
}
