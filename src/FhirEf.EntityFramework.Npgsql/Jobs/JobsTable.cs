namespace FhirEf.EntityFramework.Npgsql.Jobs;

/// <summary>
/// The <c>"_Jobs"</c> table: created by the <c>Jobs</c> migration with SQL, outside the EF model (jobs are
/// bookkeeping, not FHIR data; keeping them out of the model keeps the model a function of the definitions).
/// </summary>
public static class JobsTable
{
    public const string Name = "_Jobs";

    public const string CreateSql = """
        CREATE TABLE IF NOT EXISTS "_Jobs" (
            id uuid PRIMARY KEY,
            kind varchar(32) NOT NULL,
            status varchar(16) NOT NULL,
            request jsonb NOT NULL,
            progress jsonb,
            created timestamptz NOT NULL DEFAULT now(),
            updated timestamptz NOT NULL DEFAULT now(),
            error text
        );
        CREATE INDEX IF NOT EXISTS "_Jobs_open_idx" ON "_Jobs" (created) WHERE status IN ('queued', 'running');
        """;

    public const string DropSql = """DROP TABLE IF EXISTS "_Jobs";""";
}
