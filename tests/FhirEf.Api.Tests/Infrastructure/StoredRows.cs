using FhirEf.Core.Definitions;
using FhirEf.Core.Schema;
using FhirEf.EntityFramework.Npgsql.Sql;
using FhirEf.Testing;
using Npgsql;

namespace FhirEf.Api.Tests.Infrastructure;

/// <summary>What a tenant has in the database, counted with SQL behind the API's back.</summary>
internal static class StoredRows
{
    /// <summary>Every version (history row) of every resource type the tenant has.</summary>
    public static async Task<long> VersionsAsync(FhirDatabaseFixture database)
    {
        var definitions = FhirDefinitions.R4.Structures;
        var tables = definitions.ResourceTypes.Where(definitions.IsConcreteResourceType)
            .Select(type => $"SELECT count(*) FROM {SqlIdentifier.Quote(SchemaNames.HistoryTable(type))} WHERE {SqlIdentifier.Quote(FixedColumns.ProjectId)} = $1");
        await using var command = database.DataSource.CreateCommand($"SELECT coalesce(sum(n), 0)::bigint FROM ({string.Join(" UNION ALL ", tables)}) AS counts(n)");
        command.Parameters.Add(new NpgsqlParameter { Value = database.ProjectId });
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
