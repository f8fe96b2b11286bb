-- @resourceType='Observation'
-- @order='95'
-- @ef_filter__ProjectId='<tenant>'
-- @Value='79.5' (Nullable = true)
-- @Value1='80.5' (Nullable = true)
-- @Value2='http://unitsofmeasure.org|/min'
-- @p='21'
SELECT @resourceType AS "ResourceType", @order AS "TypeOrder", o.id AS "Id", o."versionId" AS "VersionId", o."lastUpdated" AS "LastUpdated", o.content AS "Content"
FROM "Observation" AS o
WHERE o."projectId" = @ef_filter__ProjectId AND NOT (o.deleted) AND o."valueQuantityLow" IS NOT NULL AND o."valueQuantityHigh" IS NOT NULL AND o."valueQuantityLow" >= @Value AND o."valueQuantityHigh" < @Value1 AND o."valueQuantityUnits" IS NOT NULL AND @Value2 = ANY (o."valueQuantityUnits")
ORDER BY o.id
LIMIT @p
