namespace FhirEf.EntityFramework.Npgsql.Hosting;

/// <summary>Configuration section <c>Database</c>.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public const string ConnectionStringName = "Fhir";

    /// <summary>
    /// Applies pending migrations when the server starts. Unset means: yes for the embedded cluster,
    /// no for a configured connection string (run <c>dotnet ef database update</c> there).
    /// </summary>
    public bool? MigrateOnStartup { get; set; }
}
