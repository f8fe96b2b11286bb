using FhirEf.Core.Schema;
using FhirEf.EntityFramework.Npgsql.Sql;
using Npgsql;

namespace FhirEf.Testing;

/// <summary>
/// Makes a tenant's rows look as an older indexer left them (behind the API's back): <c>__version</c> 0, every
/// search column empty, no references or lookup rows; and reads every row back, to compare with a fresh write.
/// </summary>
public static class StaleRows
{
    private static readonly HashSet<string> Kept = new(StringComparer.Ordinal)
    {
        FixedColumns.ProjectId, FixedColumns.Id, FixedColumns.VersionId, FixedColumns.LastUpdated, FixedColumns.Deleted, FixedColumns.Content, FixedColumns.IndexerVersion,
    };

    public static async Task MakeStaleAsync(FhirDatabaseFixture database, string type)
    {
        var table = FhirSchema.R4.Resource(type);
        var cleared = table.Main.Columns.Where(c => !Kept.Contains(c.Name) && c.Nullable).Select(c => $"{SqlIdentifier.Quote(c.Name)} = NULL");
        var statements = new List<string>
        {
            $"UPDATE {SqlIdentifier.Quote(table.Main.Name)} SET {SqlIdentifier.Quote(FixedColumns.IndexerVersion)} = 0, {string.Join(", ", cleared)} WHERE \"projectId\" = $1",
            $"DELETE FROM {SqlIdentifier.Quote(table.References.Name)} WHERE \"projectId\" = $1",
        };
        statements.AddRange(LookupTables.All.Select(l => $"DELETE FROM {SqlIdentifier.Quote(l.Name)} WHERE \"projectId\" = $1 AND \"resourceType\" = '{type}'"));
        foreach (var sql in statements)
        {
            await using var command = database.DataSource.CreateCommand(sql);
            command.Parameters.Add(new NpgsqlParameter { Value = database.ProjectId });
            await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>The main, references and lookup rows of the tenant's resources of <paramref name="type"/>, as JSON lines in a fixed order.</summary>
    public static async Task<List<string>> ReadAsync(FhirDatabaseFixture database, string type)
    {
        var table = FhirSchema.R4.Resource(type);
        var queries = new List<string>
        {
            $"SELECT row_to_json(t)::text FROM {SqlIdentifier.Quote(table.Main.Name)} t WHERE \"projectId\" = $1",
            $"SELECT row_to_json(t)::text FROM {SqlIdentifier.Quote(table.References.Name)} t WHERE \"projectId\" = $1",
        };
        queries.AddRange(LookupTables.All.Select(l => $"SELECT row_to_json(t)::text FROM {SqlIdentifier.Quote(l.Name)} t WHERE \"projectId\" = $1 AND \"resourceType\" = '{type}'"));
        var rows = new List<string>();
        foreach (var sql in queries)
        {
            await using var command = database.DataSource.CreateCommand($"SELECT v FROM ({sql}) AS q(v) ORDER BY v COLLATE \"C\"");
            command.Parameters.Add(new NpgsqlParameter { Value = database.ProjectId });
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add(reader.GetString(0));
            }
        }

        return rows;
    }
}
