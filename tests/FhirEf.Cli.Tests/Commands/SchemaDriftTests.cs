using FhirEf.Cli.Tests.Infrastructure;
using FhirEf.Testing;

namespace FhirEf.Cli.Tests.Commands;

/// <summary><c>fhiref schema diff</c> on a database of its own that the test changes behind the model's back.</summary>
public sealed class SchemaDriftTests(PrivateDatabaseFixture database) : IClassFixture<PrivateDatabaseFixture>
{
    [Fact]
    public async Task A_dropped_index_a_dropped_column_and_an_extra_table_are_the_three_lines_and_exit_code_2()
    {
        await using (var command = database.DataSource.CreateCommand(
            """
            DROP INDEX "Patient_birthdateStart_idx";
            ALTER TABLE "Patient" DROP COLUMN "genderSort";
            CREATE TABLE drift_probe (id integer);
            """))
        {
            await command.ExecuteNonQueryAsync();
        }

        var run = await CliRun.RunSchemaAsync(database.ConnectionString, "diff");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            [
                "missing column: \"Patient\".\"genderSort\" text NULL",
                "missing index: \"Patient\".\"Patient_birthdateStart_idx\" USING btree (\"birthdateStart\")",
                "extra table: \"drift_probe\"",
            ],
            run.OutputLines);
        Assert.Equal("Drift: 3 difference(s) between the database and the model.", run.Error.Trim());
    }
}
