namespace FhirEf.Benchmarks.OData;

/// <summary>
/// The reporting queries of the OData benchmark, each with hand-written SQL returning the same rows
/// (<c>$1</c> the project, <c>$2</c> the code): what PostgreSQL alone needs for the same answer.
/// </summary>
internal sealed record ODataBenchmarkQueries(string Name, string Url, string Sql)
{
    public static IEnumerable<ODataBenchmarkQueries> All(string code) =>
    [
        new(
            "group-by status",
            "Observation?$apply=groupby((statusSort),aggregate($count as n))",
            """SELECT "statusSort", count(*) FROM "Observation" WHERE "projectId" = $1 AND NOT deleted GROUP BY "statusSort" ORDER BY "statusSort" """),
        new(
            "group-by code",
            "Observation?$apply=groupby((codeSort),aggregate($count as n))",
            """SELECT "codeSort", count(*) FROM "Observation" WHERE "projectId" = $1 AND NOT deleted GROUP BY "codeSort" ORDER BY "codeSort" """),
        new(
            "filtered page",
            $"Observation?$filter=codeSort eq '{code}' and dateStart ge 2010-01-01T00:00:00Z&$top=100&$select=id,codeSort,dateStart,valueQuantityLow",
            """
            SELECT id, "versionId", "codeSort", "dateStart", "valueQuantityLow" FROM "Observation"
            WHERE "projectId" = $1 AND NOT deleted AND "codeSort" = $2 AND "dateStart" >= '2010-01-01T00:00:00Z'
            ORDER BY "projectId", id LIMIT 101
            """),
        new(
            "filtered page with $expand",
            $"Observation?$filter=codeSort eq '{code}'&$top=100&$select=id&$expand=subject_Patient($select=id,birthdateStart)",
            """
            SELECT o.id, o."versionId", p.id, p."versionId", p."birthdateStart"
            FROM (SELECT "projectId", id, "versionId" FROM "Observation"
                  WHERE "projectId" = $1 AND NOT deleted AND "codeSort" = $2 ORDER BY "projectId", id LIMIT 101) AS o
            LEFT JOIN LATERAL (
                SELECT t."projectId", t.id, t."versionId", t."birthdateStart" FROM "Patient" AS t
                JOIN "Observation_References" AS r ON r."projectId" = o."projectId" AND r."resourceId" = o.id
                    AND r.code = 'subject' AND r."targetType" = 'Patient' AND r."targetId" = t.id
                WHERE t."projectId" = o."projectId" AND NOT t.deleted) AS p ON true
            ORDER BY o."projectId", o.id, p."projectId", p.id
            """),
    ];
}
