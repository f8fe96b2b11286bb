-- @resourceType='Patient'
-- @order='102'
-- @ef_filter__ProjectId='<tenant>'
-- @Value='Patient'
-- @Value1='subject'
-- @Value2='Observation'
-- @Value3='result'
-- @Value4='final'
-- @p='21'
SELECT @resourceType AS "ResourceType", @order AS "TypeOrder", p.id AS "Id", p."versionId" AS "VersionId", p."lastUpdated" AS "LastUpdated", p.content AS "Content"
FROM "Patient" AS p
WHERE p."projectId" = @ef_filter__ProjectId AND NOT (p.deleted) AND EXISTS (
    SELECT 1
    FROM "Observation_References" AS o
    WHERE o."projectId" = @ef_filter__ProjectId AND o."targetId" = p.id AND o."targetType" = @Value AND o.code = @Value1 AND EXISTS (
        SELECT 1
        FROM "Observation" AS o0
        WHERE o0."projectId" = @ef_filter__ProjectId AND o0.id = o."resourceId" AND NOT (o0.deleted) AND EXISTS (
            SELECT 1
            FROM "DiagnosticReport_References" AS d
            WHERE d."projectId" = @ef_filter__ProjectId AND d."targetId" = o0.id AND d."targetType" = @Value2 AND d.code = @Value3 AND EXISTS (
                SELECT 1
                FROM "DiagnosticReport" AS d0
                WHERE d0."projectId" = @ef_filter__ProjectId AND d0.id = d."resourceId" AND NOT (d0.deleted) AND d0.status IS NOT NULL AND d0.status @> ARRAY[@Value4]::text[]))))
ORDER BY p.id
LIMIT @p
