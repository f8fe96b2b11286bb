using System.Text.Json;
using FhirEf.Cli.Tests.Infrastructure;
using FhirEf.Testing;
using Npgsql;

namespace FhirEf.Cli.Tests.Commands;

/// <summary><c>fhiref generate</c>: clones of the repository's Synthea bundles, with fresh ids and working references.</summary>
public sealed class GenerateCommandTests(FhirDatabaseFixture database) : IClassFixture<FhirDatabaseFixture>
{
    [Fact]
    public async Task Generating_more_resources_than_the_bundles_hold_clones_them_with_fresh_ids_and_literal_references()
    {
        var project = "gen-" + Guid.NewGuid().ToString("N")[..8];
        var source = TestData.PathOf("synthea");
        var resources = Directory.GetFiles(source, "*.json").Order(StringComparer.Ordinal)
            .SelectMany(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement.GetProperty("entry").EnumerateArray())
            .Select(e => e.GetProperty("resource"))
            .ToList();
        var original = resources.Select(r => r.GetProperty("id").GetString()!).ToHashSet();
        var count = resources.Count + 100;
        var patients = resources.Concat(resources).Take(count).Count(r => r.GetProperty("resourceType").GetString() == "Patient");

        var run = await CliRun.RunGenerateAsync(database.ConnectionString, "--resources", count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--source", source, "--project", project, "--batch-size", "300", "--seed", "7", "--compare-raw-copy");

        Assert.True(run.ExitCode == 0, run.Error + run.Output);
        Assert.Contains($"Generated {count} resources", run.Output, StringComparison.Ordinal);
        Assert.Contains("raw COPY", run.Output, StringComparison.Ordinal);
        var ids = await ColumnAsync("SELECT id FROM \"Patient\" WHERE \"projectId\" = $1", project);
        Assert.Equal(patients, ids.Count);
        Assert.DoesNotContain(ids, original.Contains);
        Assert.Equal(ids.Order(), (await ColumnAsync("SELECT id FROM \"Patient\" WHERE \"projectId\" = $1", project + "-raw")).Order());

        // Every Encounter's subject is one of the generated patients, by a literal reference.
        var subjects = await ColumnAsync("SELECT \"targetId\" FROM \"Encounter_References\" WHERE \"projectId\" = $1 AND code = 'subject'", project);
        Assert.NotEmpty(subjects);
        Assert.All(subjects, s => Assert.Contains(s, ids));
    }

    private async Task<List<string>> ColumnAsync(string sql, string project)
    {
        await using var command = database.DataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = project });
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
