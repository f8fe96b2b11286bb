using FhirEf.Core.Schema;
using FhirEf.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace FhirEf.EntityFramework.Tests.Modeling;

/// <summary>The migrations and the model built from the definitions agree, and the database they create is the schema.</summary>
public sealed class MigrationModelTests(FhirDatabaseFixture database) : IClassFixture<FhirDatabaseFixture>
{
    [Fact]
    public async Task The_model_has_no_changes_missing_from_the_migrations()
    {
        await using var context = database.CreateContext();

        Assert.False(context.Database.HasPendingModelChanges(),
            "The model differs from the last migration: run dotnet ef migrations add (docs/migrations.md).");
    }

    [Fact]
    public async Task The_runtime_model_has_the_tables_columns_and_indexes_of_the_validated_design_time_model()
    {
        // Only the design-time model is validated (FhirModelSource); queries use the runtime one, and Npgsql's
        // translation depends on its indexes (array Contains becomes @> only over a modeled GIN index).
        await using var context = database.CreateContext();
        var designTime = context.GetService<IDesignTimeModel>().Model;

        Assert.NotSame(designTime, context.Model);
        Assert.Equal(Describe(designTime), Describe(context.Model));
        Assert.Equal(FhirSchema.R4.Tables.Sum(t => t.Indexes.Count), context.Model.GetEntityTypes().Sum(e => e.GetIndexes().Count()));
    }

    private static List<string> Describe(IModel model) =>
    [
        .. model.GetEntityTypes().SelectMany(e => e.GetProperties().Select(p => $"{e.Name}.{p.Name} {p.GetColumnType()} {p.IsNullable}")),
        .. model.GetEntityTypes().SelectMany(e => e.GetIndexes().Select(i => $"{e.Name} {i.GetDatabaseName()} {i.GetMethod()} {string.Join(",", i.Properties.Select(p => p.Name))}")),
    ];

    [Fact]
    public async Task The_migrated_database_has_every_table_column_and_index_of_the_schema()
    {
        // Tables named "_…" (EF's history, the job tables) are operational state outside the model, as in SchemaComparer.
        var tables = await QueryAsync("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name NOT LIKE '\\_%'");
        var columns = await QueryAsync("SELECT table_name || '.' || column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name NOT LIKE '\\_%'");
        var indexes = await QueryAsync("SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND tablename NOT LIKE '\\_%'");

        Assert.Equal(FhirSchema.R4.Tables.Select(t => t.Name).Order(StringComparer.Ordinal), tables);
        Assert.Equal(FhirSchema.R4.Tables.SelectMany(t => t.Columns.Select(c => $"{t.Name}.{c.Name}")).Order(StringComparer.Ordinal), columns);
        Assert.Equal(
            FhirSchema.R4.Tables.SelectMany(t => t.Indexes.Select(i => i.Name).Append($"{t.Name}_pkey")).Order(StringComparer.Ordinal),
            indexes);
    }

    [Fact]
    public async Task Trigram_GIN_and_partial_indexes_are_created_as_declared()
    {
        var definitions = await QueryAsync("SELECT indexdef FROM pg_indexes WHERE tablename = 'Patient'");

        Assert.Contains("CREATE INDEX \"Patient_name_trgm_idx\" ON public.\"Patient\" USING gin (name gin_trgm_ops)", definitions);
        Assert.Contains("CREATE INDEX \"Patient_compartments_idx\" ON public.\"Patient\" USING gin (compartments)", definitions);
        Assert.Contains("CREATE INDEX \"Patient_reindex_idx\" ON public.\"Patient\" USING btree (__version, id) WHERE (deleted = false)", definitions);
        Assert.Contains("CREATE UNIQUE INDEX \"Patient_pkey\" ON public.\"Patient\" USING btree (\"projectId\", id)", definitions);
    }

    private async Task<List<string>> QueryAsync(string sql)
    {
        var result = new List<string>();
        await using var command = database.DataSource.CreateCommand($"SELECT v FROM ({sql}) AS q(v) ORDER BY v COLLATE \"C\"");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            result.Add(reader.GetString(0));
        }

        return result;
    }
}
