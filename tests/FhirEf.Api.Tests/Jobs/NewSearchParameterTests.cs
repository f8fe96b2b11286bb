using System.Net;
using FhirEf.Api.Tests.Infrastructure;
using FhirEf.Core.Definitions;
using FhirEf.Core.Definitions.Loading;
using FhirEf.Core.Indexing;
using FhirEf.Core.Schema;
using FhirEf.EntityFramework.Npgsql.Hosting;
using FhirEf.EntityFramework.Npgsql.Sql;
using FhirEf.EntityFramework.Storage;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using FhirEf.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FhirEf.Api.Tests.Jobs;

/// <summary>
/// The whole story of docs/migrations.md, "Adding a SearchParameter", on a database of its own: resources are
/// stored; a SearchParameter is added (tests/data/search-parameters/) with its columns, which changes the indexer version;
/// the new parameter finds nothing until <c>$reindex</c> rewrites the stale rows, then it finds them.
/// </summary>
public sealed class NewSearchParameterTests(PrivateDatabaseFixture database) : IClassFixture<PrivateDatabaseFixture>
{
    private const string Married = """{"resourceType":"Patient","name":[{"family":"Wed"}],"maritalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v3-MaritalStatus","code":"M"}]}}""";

    [Fact]
    public async Task After_the_migration_and_a_reindex_the_new_parameter_is_searchable()
    {
        string married;
        await using (var before = new FhirApiFactory(database))
        {
            using var client = before.CreateClient();
            married = await client.CreateAsync(Married);
            await client.CreateAsync("""{"resourceType":"Patient","name":[{"family":"Single"}]}""");
        }

        var definitions = FhirDefinitions.Load(new SpecificationSource(
            [.. SpecificationSource.FromSpecDirectory(SpecificationSource.FindSpecDirectory()!).Files, TestData.PathOf("search-parameters/SearchParameter-Patient-marital-status.json")]));
        var schema = TableSchemaBuilder.Build(definitions);
        // No manual bump: the indexer version is a fingerprint of the SearchParameters, so the new one changes it.
        var indexer = new SearchIndexer(definitions);
        Assert.NotEqual(new SearchIndexer(FhirDefinitions.R4).Version, indexer.Version);
        await AddNewColumnsAsync(schema, "Patient");

        await using var after = new FhirApiFactory(database, services: services =>
        {
            services.Replace(ServiceDescriptor.Singleton(definitions));
            services.Replace(ServiceDescriptor.Singleton(schema));
            services.Replace(ServiceDescriptor.Singleton<IResourceIndexer>(indexer));
            services.Replace(ServiceDescriptor.Singleton(sp =>
            {
                // The contexts of searches take the model of the new schema, with the new columns.
                var options = new DbContextOptionsBuilder<FhirDbContext>();
                options.UseFhirEfNpgsql(sp.GetRequiredService<NpgsqlDataSource>(), schema);
                return options.Options;
            }));
        });
        using var server = after.CreateClient();
        const string search = "/fhir/Patient?marital-status=M";
        Assert.Empty(await MatchesAsync(server, search));

        var done = await JobPolling.UntilDoneAsync(server, await server.PostAsync("/fhir/Patient/$reindex", string.Empty));

        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal([married], await MatchesAsync(server, search));
    }

    /// <summary>What the migration of the new parameter adds: its columns (the test leaves its indexes out).</summary>
    private async Task AddNewColumnsAsync(FhirSchema schema, string type)
    {
        var existing = FhirSchema.R4.Resource(type).Main.Columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var added = schema.Resource(type).Main.Columns.Where(c => !existing.Contains(c.Name)).ToList();
        Assert.NotEmpty(added);
        foreach (var column in added)
        {
            var sqlType = column.Type switch
            {
                ColumnType.TextArray => "text[]",
                ColumnType.Text => "text",
                _ => throw new InvalidOperationException($"The test maps token columns only, not {column.Type}."),
            };
            await using var command = database.DataSource.CreateCommand(
                $"ALTER TABLE {SqlIdentifier.Quote(schema.Resource(type).Main.Name)} ADD COLUMN {SqlIdentifier.Quote(column.Name)} {sqlType}");
            await command.ExecuteNonQueryAsync();
        }
    }

    private static async Task<List<string>> MatchesAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        var bundle = await response.BodyAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, bundle.ToString());
        return bundle.TryGetProperty("entry", out var entries)
            ? [.. entries.EnumerateArray()
                .Where(e => e.GetProperty("search").GetProperty("mode").GetString() == "match")
                .Select(e => e.GetProperty("resource").GetProperty("id").GetString()!)]
            : [];
    }
}
