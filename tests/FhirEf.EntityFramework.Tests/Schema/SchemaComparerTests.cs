using FhirEf.EntityFramework.Npgsql.Schema;
using FhirEf.Testing;

namespace FhirEf.EntityFramework.Tests.Schema;

/// <summary>
/// Drift detection on a database of its own: each kind of change behind the model's back is reported once,
/// indexes are matched by definition (an invalid one matches nothing), and a renamed index is no drift.
/// </summary>
public sealed class SchemaComparerTests(PrivateDatabaseFixture database) : IClassFixture<PrivateDatabaseFixture>
{
    [Fact]
    public async Task Every_kind_of_drift_is_reported_once_and_a_renamed_index_is_not_drift()
    {
        await ExecuteAsync(
            """
            ALTER INDEX "Patient_gender_idx" RENAME TO "renamed_gender_idx";
            ALTER TABLE "Patient" ALTER COLUMN "genderSort" TYPE varchar(10);
            ALTER TABLE "Patient" ALTER COLUMN content SET NOT NULL;
            DROP INDEX "Patient_name_trgm_idx";
            CREATE INDEX "Patient_name_trgm_idx" ON "Patient" USING btree (name);
            DROP INDEX "Patient_reindex_idx";
            CREATE INDEX "Patient_reindex_idx" ON "Patient" (__version, id);
            CREATE INDEX "Patient_family_trgm_copy" ON "Patient" USING gin (family gin_trgm_ops);
            ALTER TABLE "Observation" ADD COLUMN "extraProbe" integer;
            DROP TABLE "Basic_References";
            UPDATE pg_index SET indisvalid = false WHERE indexrelid = '"Patient_identifier_idx"'::regclass;
            """);
        await using var context = database.CreateContext();

        var comparison = await SchemaComparer.CompareAsync(context, CancellationToken.None);

        Assert.Equal(
            [
                "missing table: \"Basic_References\"",
                "extra column: \"Observation\".\"extraProbe\" integer NULL",
                "column differs: \"Patient\".\"content\" expected text NULL, found text NOT NULL",
                "column differs: \"Patient\".\"genderSort\" expected text NULL, found character varying(10) NULL",
                "missing index: \"Patient\".\"Patient_identifier_idx\" USING gin (\"identifier\")",
                "missing index: \"Patient\".\"Patient_name_trgm_idx\" USING gin (\"name\" gin_trgm_ops)",
                "missing index: \"Patient\".\"Patient_reindex_idx\" USING btree (\"__version\", \"id\") WHERE deleted = false",
                "extra index: \"Patient\".\"Patient_family_trgm_copy\" USING gin (\"family\" gin_trgm_ops)",
                "extra index: \"Patient\".\"Patient_identifier_idx\" USING gin (\"identifier\") INVALID",
                "extra index: \"Patient\".\"Patient_name_trgm_idx\" USING btree (\"name\")",
                "extra index: \"Patient\".\"Patient_reindex_idx\" USING btree (\"__version\", \"id\")",
            ],
            comparison.Differences.Select(d => d.ToString()));
        Assert.False(comparison.IsInSync);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var command = database.DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
