-- @resourceType='Patient'
-- @order='102'
-- @ef_filter__ProjectId='<tenant>'
-- @Value='Patient'
-- @Value1='patient'
-- @Value2='8867-4'
-- @p='21'
SELECT @resourceType AS "ResourceType", @order AS "TypeOrder", p.id AS "Id", p."versionId" AS "VersionId", p."lastUpdated" AS "LastUpdated", p.content AS "Content"
FROM "Patient" AS p
WHERE p."projectId" = @ef_filter__ProjectId AND NOT (p.deleted) AND EXISTS (
    SELECT 1
    FROM "Observation_References" AS o
    WHERE o."projectId" = @ef_filter__ProjectId AND o."targetId" = p.id AND o."targetType" = @Value AND o.code = @Value1 AND EXISTS (
        SELECT 1
        FROM "Observation" AS o0
        WHERE o0."projectId" = @ef_filter__ProjectId AND o0.id = o."resourceId" AND NOT (o0.deleted) AND o0.code IS NOT NULL AND o0.code @> ARRAY[@Value2]::text[]))
ORDER BY p.id
LIMIT @p
