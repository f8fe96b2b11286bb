namespace FhirEf.EntityFramework.Npgsql.Embedded;

/// <summary>The embedded PostgreSQL cluster could not be found, created or started.</summary>
public sealed class EmbeddedPostgresException : Exception
{
    public EmbeddedPostgresException(string message)
        : base(message)
    {
    }

    public EmbeddedPostgresException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
