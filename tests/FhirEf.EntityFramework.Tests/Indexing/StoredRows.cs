using System.Globalization;
using System.Text.Json.Nodes;
using Npgsql;
using NpgsqlTypes;

namespace FhirEf.EntityFramework.Tests.Indexing;

/// <summary>
/// Reads what a write left in the database, by plain SQL, as comparable text: arrays as sorted sets
/// (GIN arrays have no meaningful order), timestamps in UTC to the microsecond, numerics without trailing
/// zeros, jsonb re-serialised canonically, tsvectors as their sorted lexemes.
/// </summary>
internal static class StoredRows
{
    private static readonly string[] LookupTables = ["HumanName", "Address", "ContactPoint", "Identifier"];
    private static readonly HashSet<string> LookupKeys = ["projectId", "resourceType", "resourceId"];

    /// <summary>The main-table row: column → rendered value (null for SQL NULL).</summary>
    public static async Task<Dictionary<string, string?>> MainRowAsync(NpgsqlDataSource dataSource, string type, string projectId, string id)
    {
        await using var command = dataSource.CreateCommand($"SELECT * FROM \"{type}\" WHERE \"projectId\" = $1 AND id = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = projectId });
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"{type}/{id} has no row");
        var row = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < reader.FieldCount; i++)
        {
            row[reader.GetName(i)] = await reader.IsDBNullAsync(i) ? null : Render(reader.GetValue(i), reader.GetDataTypeName(i));
        }

        return row;
    }

    /// <summary>The <c>_References</c> rows as <c>code → Type/id</c>, sorted.</summary>
    public static async Task<IReadOnlyList<string>> ReferencesAsync(NpgsqlDataSource dataSource, string type, string projectId, string id)
    {
        var rows = new List<string>();
        await using var command = dataSource.CreateCommand(
            $"SELECT code, \"targetType\", \"targetId\" FROM \"{type}_References\" WHERE \"projectId\" = $1 AND \"resourceId\" = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = projectId });
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add($"{reader.GetString(0)} → {reader.GetString(1)}/{reader.GetString(2)}");
        }

        return [.. rows.Order(StringComparer.Ordinal)];
    }

    /// <summary>Every lookup row of the resource as <c>Table: col=value …</c> (non-null columns, by name), sorted.</summary>
    public static async Task<IReadOnlyList<string>> LookupsAsync(NpgsqlDataSource dataSource, string type, string projectId, string id)
    {
        var rows = new List<string>();
        foreach (var table in LookupTables)
        {
            await using var command = dataSource.CreateCommand(
                $"SELECT * FROM \"{table}\" WHERE \"projectId\" = $1 AND \"resourceType\" = $2 AND \"resourceId\" = $3");
            command.Parameters.Add(new NpgsqlParameter { Value = projectId });
            command.Parameters.Add(new NpgsqlParameter { Value = type });
            command.Parameters.Add(new NpgsqlParameter { Value = id });
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var fields = Enumerable.Range(0, reader.FieldCount)
                    .Where(i => !LookupKeys.Contains(reader.GetName(i)) && !reader.IsDBNull(i))
                    .Select(i => (Name: reader.GetName(i), Value: Render(reader.GetValue(i), reader.GetDataTypeName(i), sortArrays: false)))
                    .OrderBy(f => f.Name, StringComparer.Ordinal);
                rows.Add($"{table}: " + string.Join(" ", fields.Select(f => $"{f.Name}={f.Value}")));
            }
        }

        return [.. rows.Order(StringComparer.Ordinal)];
    }

    /// <summary>The lexemes of a rendered tsvector.</summary>
    public static IReadOnlySet<string> Lexemes(string? rendered) =>
        rendered is null ? new HashSet<string>() : rendered[1..^1].Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);

    private static string Render(object value, string dataType, bool sortArrays = true) => value switch
    {
        string[] array => "[" + string.Join(",", sortArrays ? array.Order(StringComparer.Ordinal) : array) + "]",
        string json when dataType == "jsonb" => JsonNode.Parse(json)!.ToJsonString(),
        string text => text,
        DateTime instant => Timestamp(instant),
        decimal number => Number(number),
        bool flag => flag ? "true" : "false",
        int number => number.ToString(CultureInfo.InvariantCulture),
        NpgsqlTsVector vector => "[" + string.Join(",", vector.Select(l => l.Text).Order(StringComparer.Ordinal)) + "]",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)!,
    };

    public static string Timestamp(DateTime instant) =>
        instant == DateTime.MinValue ? "-infinity"
        : instant == DateTime.MaxValue ? "infinity"
        : instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    public static string Number(decimal number) => number.ToString("0.############################", CultureInfo.InvariantCulture);
}
