using Npgsql;

namespace FhirEf.Benchmarks.Search;

/// <summary>The hand-written SQL of a canonical search, run as a client would: a pooled connection, one command, every row read.</summary>
internal static class SqlSearch
{
    public static async Task<List<(string Kind, string Id)>> RunAsync(NpgsqlDataSource dataSource, string projectId, CanonicalSearch search)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(search.Sql, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = projectId });
        foreach (var value in search.SqlParameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        var rows = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            // Read every column, as the search service materialises every column of its rows.
            _ = reader.GetInt32(2);
            _ = reader.GetDateTime(3);
            _ = reader.GetString(4);
            rows.Add((reader.GetString(0), reader.GetString(1)));
        }

        return rows;
    }
}
