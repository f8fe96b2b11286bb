using System.Globalization;
using System.Text.Json;
using FhirEf.Core.Indexing.Text;
using Npgsql;

namespace FhirEf.Benchmarks.Search;

/// <summary>
/// The values the canonical searches use, taken from the tenant's data with a fixed seed so that every run
/// on the same database searches for the same things: an anchor patient (one with an active
/// MedicationRequest, else any), its name, birth date, gender and Synthea identifier, one of its
/// Observations with a quantity (code, value, date), one of its Conditions (code, a word of its display),
/// the month of one of its Encounters, the most frequent LOINC code of Observations, and the 90th
/// percentile of Observation <c>lastUpdated</c>.
/// </summary>
internal sealed record SearchSamples(
    string PatientId,
    string Family,
    string NameFragment,
    DateOnly BirthDate,
    string Gender,
    string Identifier,
    string ObservationCode,
    string FrequentObservationCode,
    decimal ObservationValue,
    DateOnly ObservationDate,
    string ConditionCode,
    string ConditionWord,
    DateOnly EncounterMonth,
    DateTime LastUpdatedThreshold)
{
    private const string SyntheaIdentifierSystem = "https://github.com/synthetichealth/synthea";

    public static async Task<SearchSamples> LoadAsync(NpgsqlDataSource dataSource, string projectId, int seed)
    {
        var random = new Random(seed);
        var patients = await ListAsync(dataSource,
            """
            SELECT DISTINCT substr(p, 9) FROM "MedicationRequest", unnest(patient) AS p
            WHERE "projectId" = $1 AND NOT deleted AND status @> ARRAY['active'] AND p LIKE 'Patient/%' ORDER BY 1
            """, projectId);
        if (patients.Count == 0)
        {
            patients = await ListAsync(dataSource, """SELECT id FROM "Patient" WHERE "projectId" = $1 AND NOT deleted ORDER BY id""", projectId);
        }

        if (patients.Count == 0)
        {
            throw new InvalidOperationException($"The tenant '{projectId}' holds no Patient: generate data first (fhiref generate).");
        }

        var patientId = patients[random.Next(patients.Count)];
        using var patient = JsonDocument.Parse((await ListAsync(dataSource,
            """SELECT content FROM "Patient" WHERE "projectId" = $1 AND id = $2""", projectId, patientId))[0]);
        var root = patient.RootElement;
        var family = root.GetProperty("name")[0].GetProperty("family").GetString()!;
        var letters = new string(family.Where(char.IsLetter).ToArray());
        var identifier = root.GetProperty("identifier").EnumerateArray()
            .First(i => i.TryGetProperty("system", out var s) && s.GetString() == SyntheaIdentifierSystem);

        using var observation = JsonDocument.Parse(await PickAsync(dataSource, random,
            """SELECT content FROM "Observation" WHERE "projectId" = $1 AND NOT deleted AND subject @> ARRAY[$2] AND "valueQuantityLow" IS NOT NULL ORDER BY id""",
            projectId, "Patient/" + patientId));
        var observationCode = Coding(observation.RootElement);
        using var condition = JsonDocument.Parse(await PickAsync(dataSource, random,
            """SELECT content FROM "Condition" WHERE "projectId" = $1 AND NOT deleted AND subject @> ARRAY[$2] ORDER BY id""",
            projectId, "Patient/" + patientId));
        var conditionCoding = condition.RootElement.GetProperty("code").GetProperty("coding")[0];
        using var encounter = JsonDocument.Parse(await PickAsync(dataSource, random,
            """SELECT content FROM "Encounter" WHERE "projectId" = $1 AND NOT deleted AND subject @> ARRAY[$2] ORDER BY id""",
            projectId, "Patient/" + patientId));

        var frequent = await ListAsync(dataSource,
            """
            SELECT c FROM "Observation", unnest(code) AS c WHERE "projectId" = $1 AND NOT deleted AND c LIKE 'http://loinc.org|_%'
            GROUP BY c ORDER BY count(*) DESC, c LIMIT 1
            """, projectId);

        await using var threshold = dataSource.CreateCommand(
            """SELECT percentile_disc(0.9) WITHIN GROUP (ORDER BY "lastUpdated") FROM "Observation" WHERE "projectId" = $1""");
        threshold.Parameters.Add(new NpgsqlParameter { Value = projectId });
        var lastUpdated = (DateTime)(await threshold.ExecuteScalarAsync())!;

        return new SearchSamples(
            patientId,
            family,
            letters.Length > 4 ? letters[1..5] : letters,
            DateOnly.Parse(root.GetProperty("birthDate").GetString()!, CultureInfo.InvariantCulture),
            root.GetProperty("gender").GetString()!,
            SyntheaIdentifierSystem + "|" + identifier.GetProperty("value").GetString(),
            observationCode,
            frequent[0],
            observation.RootElement.GetProperty("valueQuantity").GetProperty("value").GetDecimal(),
            DayOf(observation.RootElement.GetProperty("effectiveDateTime").GetString()!),
            conditionCoding.GetProperty("system").GetString() + "|" + conditionCoding.GetProperty("code").GetString(),
            LongestWord(conditionCoding.GetProperty("display").GetString()!),
            DayOf(encounter.RootElement.GetProperty("period").GetProperty("start").GetString()!),
            new DateTime(lastUpdated.Ticks - lastUpdated.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc));
    }

    private static string Coding(JsonElement resource)
    {
        var coding = resource.GetProperty("code").GetProperty("coding")[0];
        return coding.GetProperty("system").GetString() + "|" + coding.GetProperty("code").GetString();
    }

    /// <summary>The calendar day of a FHIR dateTime in UTC, as FhirEf compares instants with an offset.</summary>
    private static DateOnly DayOf(string dateTime) =>
        DateOnly.FromDateTime(DateTimeOffset.Parse(dateTime, CultureInfo.InvariantCulture).UtcDateTime);

    private static string LongestWord(string display) =>
        TextFolding.Fold(display.Split([' ', '(', ')', ',', '-', '/'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.All(char.IsLetter))
            .OrderByDescending(w => w.Length)
            .ThenBy(w => w, StringComparer.Ordinal)
            .First());

    private static async Task<string> PickAsync(NpgsqlDataSource dataSource, Random random, string sql, params string[] parameters)
    {
        var rows = await ListAsync(dataSource, sql, parameters);
        return rows.Count == 0
            ? throw new InvalidOperationException($"No row for the sample query: {sql}")
            : rows[random.Next(rows.Count)];
    }

    private static async Task<List<string>> ListAsync(NpgsqlDataSource dataSource, string sql, params string[] parameters)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.CommandTimeout = 0;
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
