using System.Globalization;
using System.Text.Json.Nodes;
using FhirEf.Core.Abstractions;
using FhirEf.Core.Indexing.Text;

namespace FhirEf.Benchmarks.Search;

/// <summary>
/// The 20 canonical searches of docs/benchmarks.md ("Search on 1,000,000 resources"), each beside the SQL
/// a developer would write by hand against FhirEf's schema (docs/schema.md) for the same rows: the first
/// page (20, or <c>_count</c>) in id order unless sorted, and for includes the included rows after the page.
/// The SQL follows the search semantics of docs/search.md (for example date ranges, folded strings), so
/// that the two return identical ids; it is free to use any shape (arrays instead of the references
/// table, CTEs) the schema allows.
/// </summary>
internal static class CanonicalSearches
{
    public const int PageSize = 20;

    private const string Columns = """id, "versionId", "lastUpdated", content""";
    private const char Separator = '\u001F';

    public static IReadOnlyList<CanonicalSearch> Build(SearchSamples s)
    {
        var patient = "Patient/" + s.PatientId;
        var birthYear = new DateOnly(s.BirthDate.Year, 1, 1);
        var month = new DateOnly(s.EncounterMonth.Year, s.EncounterMonth.Month, 1);
        var value = s.ObservationValue.ToString(CultureInfo.InvariantCulture);
        return
        [
            Simple("patient-family", Fhir("Patient", ("family", s.Family)),
                Page("Patient", "family LIKE $2"), "%" + Separator + TextFolding.Fold(s.Family) + "%"),
            Simple("patient-birthdate-gender", Fhir("Patient", ("birthdate", "ge" + Day(birthYear)), ("gender", s.Gender)),
                Page("Patient", """gender @> ARRAY[$2] AND ("birthdateEnd" > $3 OR ("birthdateStart" >= $4 AND "birthdateEnd" <= $3))"""),
                s.Gender, DayEnd(birthYear), DayStart(birthYear)),
            Simple("patient-identifier", Fhir("Patient", ("identifier", s.Identifier)),
                Page("Patient", "identifier @> ARRAY[$2]"), s.Identifier),
            Simple("patient-name-contains", Fhir("Patient", ("name:contains", s.NameFragment)),
                Page("Patient", "name LIKE $2"), "%" + TextFolding.Fold(s.NameFragment) + "%"),
            Simple("observation-code-frequent", Fhir("Observation", ("code", s.FrequentObservationCode)),
                Page("Observation", "code @> ARRAY[$2]"), s.FrequentObservationCode),
            Simple("observation-code-date", Fhir("Observation", ("code", s.ObservationCode), ("date", "ge" + Day(s.ObservationDate))),
                Page("Observation", """code @> ARRAY[$2] AND ("dateEnd" > $3 OR ("dateStart" >= $4 AND "dateEnd" <= $3))"""),
                s.ObservationCode, DayEnd(s.ObservationDate), DayStart(s.ObservationDate)),
            Simple("observation-code-value-quantity", Fhir("Observation", ("code-value-quantity", $"{s.ObservationCode}$gt{value}")),
                Page("Observation", """
                    "codeValueQuantity" @> $2::jsonb
                    AND jsonb_path_exists("codeValueQuantity", '$[*] ? (exists(@."0"[*] ? (@ == $c)) && exists(@."1"[*] ? (@.v > $v)))', $3::jsonb)
                    """),
                new JsonArray(new JsonObject { ["0"] = new JsonArray(s.ObservationCode) }).ToJsonString(),
                new JsonObject { ["c"] = s.ObservationCode, ["v"] = s.ObservationValue }.ToJsonString()),
            Simple("observation-value-quantity", Fhir("Observation", ("value-quantity", "gt" + value)),
                Page("Observation", "\"valueQuantityLow\" IS NOT NULL AND \"valueQuantityHigh\" > $2"), s.ObservationValue),
            Simple("condition-code", Fhir("Condition", ("code", s.ConditionCode)),
                Page("Condition", "code @> ARRAY[$2]"), s.ConditionCode),
            Simple("encounter-date-month", Fhir("Encounter", ("date", month.ToString("yyyy-MM", CultureInfo.InvariantCulture))),
                Page("Encounter", "\"dateStart\" >= $2 AND \"dateStart\" < $3 AND \"dateEnd\" < $3"), DayStart(month), DayStart(month.AddMonths(1))),
            Simple("medicationrequest-status-patient", Fhir("MedicationRequest", ("status", "active"), ("patient", patient)),
                Page("MedicationRequest", "status @> ARRAY['active'] AND patient @> ARRAY[$2]"), patient),
            Simple("observation-last-updated", Fhir("Observation", ("_lastUpdated", "gt" + s.LastUpdatedThreshold.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture))),
                Page("Observation", "\"lastUpdated\" > $2"), s.LastUpdatedThreshold.AddSeconds(1).AddTicks(-10)),
            Simple("observation-subject-sort-date", Fhir("Observation", ("subject", patient), ("_sort", "-date"), ("_count", "50")),
                $"""
                SELECT 'match' AS kind, {Columns} FROM "Observation"
                WHERE "projectId" = $1 AND NOT deleted AND subject @> ARRAY[$2]
                ORDER BY "dateEnd" DESC NULLS LAST, id LIMIT 50
                """, patient),
            Simple("condition-content", Fhir("Condition", ("_content", s.ConditionWord)),
                Page("Condition", "_content @@ $2::tsquery"), s.ConditionWord),
            Simple("compartment-encounter", new SearchRequest("Encounter", []) { CompartmentType = "Patient", CompartmentId = s.PatientId },
                Page("Encounter", "compartments @> ARRAY[$2]"), patient),
            Complex("chain-subject-name", Fhir("Observation", ("subject:Patient.name", s.Family)),
                Page("Observation", Chained("subject", """p.name LIKE $2""")), "%" + Separator + TextFolding.Fold(s.Family) + "%"),
            Complex("chain-patient-birthdate", Fhir("Observation", ("patient.birthdate", Day(s.BirthDate))),
                Page("Observation", Chained("patient", """p."birthdateStart" BETWEEN $2 AND $3 AND p."birthdateEnd" <= $3""")),
                DayStart(s.BirthDate), DayEnd(s.BirthDate)),
            Complex("has-observation-code", Fhir("Patient", ("_has:Observation:patient:code", s.ObservationCode)),
                Page("Patient", """
                    EXISTS (SELECT 1 FROM "Observation_References" r JOIN "Observation" o ON o."projectId" = r."projectId" AND o.id = r."resourceId"
                        WHERE r."projectId" = $1 AND r."targetId" = "Patient".id AND r."targetType" = 'Patient' AND r.code = 'patient'
                        AND NOT o.deleted AND o.code @> ARRAY[$2])
                    """), s.ObservationCode),
            Complex("include-subject", Fhir("Observation", ("code", s.ObservationCode), ("_include", "Observation:subject")),
                $"""
                WITH page AS (
                    SELECT {Columns}, subject FROM "Observation"
                    WHERE "projectId" = $1 AND NOT deleted AND code @> ARRAY[$2] ORDER BY id LIMIT {PageSize})
                SELECT 'match' AS kind, {Columns} FROM page
                UNION ALL
                SELECT 'include', {Columns} FROM "Patient"
                WHERE "projectId" = $1 AND NOT deleted
                    AND id IN (SELECT substr(s, 9) FROM page, unnest(page.subject) AS s WHERE s LIKE 'Patient/%')
                ORDER BY 1 DESC, 2
                """, s.ObservationCode),
            Complex("revinclude-condition", Fhir("Patient", ("identifier", s.Identifier), ("_revinclude", "Condition:subject")),
                $"""
                WITH page AS (
                    SELECT {Columns} FROM "Patient"
                    WHERE "projectId" = $1 AND NOT deleted AND identifier @> ARRAY[$2] ORDER BY id LIMIT {PageSize})
                SELECT 'match' AS kind, {Columns} FROM page
                UNION ALL
                SELECT 'include', {Columns} FROM "Condition"
                WHERE "projectId" = $1 AND NOT deleted AND subject && (SELECT array_agg('Patient/' || id) FROM page)
                ORDER BY 1 DESC, 2
                """, s.Identifier),
        ];
    }

    private static string Page(string type, string condition) =>
        $"""
        SELECT 'match' AS kind, {Columns} FROM "{type}"
        WHERE "projectId" = $1 AND NOT deleted AND {condition}
        ORDER BY id LIMIT {PageSize}
        """;

    /// <summary>Observations whose <paramref name="code"/> reference points to a Patient matching <paramref name="patientCondition"/> (alias <c>p</c>).</summary>
    private static string Chained(string code, string patientCondition) =>
        $"""
        id IN (SELECT r."resourceId" FROM "Observation_References" r
            JOIN "Patient" p ON p."projectId" = r."projectId" AND p.id = r."targetId"
            WHERE r."projectId" = $1 AND r.code = '{code}' AND r."targetType" = 'Patient' AND NOT p.deleted AND {patientCondition})
        """;

    private static SearchRequest Fhir(string type, params (string Name, string Value)[] parameters) =>
        new(type, [.. parameters.Select(p => new KeyValuePair<string, string>(p.Name, p.Value))]);

    private static CanonicalSearch Simple(string name, SearchRequest request, string sql, params object[] parameters) =>
        new(name, SearchKind.Simple, request, sql, parameters);

    private static CanonicalSearch Complex(string name, SearchRequest request, string sql, params object[] parameters) =>
        new(name, SearchKind.Complex, request, sql, parameters);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateTime DayStart(DateOnly day) => day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    /// <summary>The last microsecond of the day: PostgreSQL's precision, and the inclusive end FhirEf gives a day.</summary>
    private static DateTime DayEnd(DateOnly day) => DayStart(day.AddDays(1)).AddTicks(-10);
}
