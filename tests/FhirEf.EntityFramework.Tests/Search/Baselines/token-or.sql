-- @resourceType='Observation'
-- @order='95'
-- @ef_filter__ProjectId='<tenant>'
-- @Value={ '8867-4', '8480-6' } (DbType = Object)
-- @p='21'
SELECT @resourceType AS "ResourceType", @order AS "TypeOrder", o.id AS "Id", o."versionId" AS "VersionId", o."lastUpdated" AS "LastUpdated", o.content AS "Content"
FROM "Observation" AS o
WHERE o."projectId" = @ef_filter__ProjectId AND NOT (o.deleted) AND o.code IS NOT NULL AND @Value && o.code
ORDER BY o.id
LIMIT @p
