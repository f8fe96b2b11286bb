using System.Text.RegularExpressions;
using FhirEf.Cli.Tests.Infrastructure;
using FhirEf.Core.Schema;

namespace FhirEf.Cli.Tests.Commands;

/// <summary><c>fhiref schema ddl</c>: EF Core's migration SQL for the schema, without a database.</summary>
public sealed partial class SchemaDdlCommandTests
{
    [Fact]
    public async Task The_whole_schema_DDL_creates_every_table_and_index_of_the_model()
    {
        var run = await CliRun.RunAsync("schema", "ddl");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.StartsWith("CREATE EXTENSION IF NOT EXISTS pg_trgm;", run.Output, StringComparison.Ordinal);
        Assert.Equal(FhirSchema.R4.Tables.Select(t => t.Name).Order(StringComparer.Ordinal), CreatedTables(run.Output).Order(StringComparer.Ordinal));
        Assert.Equal(FhirSchema.R4.Tables.Sum(t => t.Indexes.Count), IndexedTables(run.Output).Count);
    }

    [Fact]
    public async Task The_DDL_of_one_resource_type_holds_its_main_history_and_references_tables_only()
    {
        var patient = FhirSchema.R4.Resource("Patient");

        var run = await CliRun.RunAsync("schema", "ddl", "--resource", "Patient");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(["Patient", "Patient_History", "Patient_References"], CreatedTables(run.Output));
        Assert.Contains("CREATE TABLE \"Patient\" (", run.Output, StringComparison.Ordinal);
        Assert.Contains("CREATE INDEX \"Patient_name_trgm_idx\" ON \"Patient\" USING gin (name gin_trgm_ops);", run.Output, StringComparison.Ordinal);
        Assert.Contains("CREATE INDEX \"Patient_reindex_idx\" ON \"Patient\" (__version, id) WHERE \"deleted\" = false;", run.Output, StringComparison.Ordinal);
        Assert.Equal(["Patient", "Patient_History", "Patient_References"], IndexedTables(run.Output).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(patient.Main.Indexes.Count + patient.History.Indexes.Count + patient.References.Indexes.Count, IndexedTables(run.Output).Count);
    }

    [Theory]
    [InlineData("Foo", "Unknown resource type 'Foo'. Resource types are")]
    [InlineData("patient", "Unknown resource type 'patient'. Did you mean 'Patient'?")]
    public async Task An_unknown_resource_type_exits_with_1_and_says_how_to_find_valid_names(string resourceType, string message)
    {
        var run = await CliRun.RunAsync("schema", "ddl", "--resource", resourceType);

        Assert.Equal(1, run.ExitCode);
        Assert.Empty(run.Output);
        Assert.StartsWith(message, run.Error, StringComparison.Ordinal);
        Assert.Contains("fhiref schema ddl | grep '^CREATE TABLE'", run.Error, StringComparison.Ordinal);
    }

    private static List<string> CreatedTables(string ddl) => [.. CreateTable().Matches(ddl).Select(m => m.Groups[1].Value)];

    private static List<string> IndexedTables(string ddl) => [.. CreateIndex().Matches(ddl).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("^CREATE TABLE \"([^\"]+)\"", RegexOptions.Multiline)]
    private static partial Regex CreateTable();

    [GeneratedRegex("^CREATE (?:UNIQUE )?INDEX \"[^\"]+\" ON \"([^\"]+)\"", RegexOptions.Multiline)]
    private static partial Regex CreateIndex();
}
