using FhirEf.Cli.Tests.Infrastructure;
using FhirEf.Core.Schema;
using FhirEf.Testing;

namespace FhirEf.Cli.Tests.Commands;

/// <summary><c>fhiref schema diff</c> on the migrated test database: no drift.</summary>
public sealed class SchemaDiffCommandTests(FhirDatabaseFixture database) : IClassFixture<FhirDatabaseFixture>
{
    [Fact]
    public async Task A_migrated_database_has_no_drift_and_exits_with_0()
    {
        var tables = FhirSchema.R4.Tables;

        var run = await CliRun.RunSchemaAsync(database.ConnectionString, "diff");

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.Equal(
            [$"No drift: the database matches the model ({tables.Count} tables, {tables.Sum(t => t.Columns.Count)} columns, " +
                $"{tables.Sum(t => t.Indexes.Count + 1)} indexes)."],
            run.OutputLines);
        Assert.Empty(run.Error);
    }
}
