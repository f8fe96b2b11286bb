-- @resourceType='Observation'
-- @order='95'
-- @ef_filter__ProjectId='<tenant>'
-- @Value='%heart%'
-- @p='21'
SELECT @resourceType AS "ResourceType", @order AS "TypeOrder", o.id AS "Id", o."versionId" AS "VersionId", o."lastUpdated" AS "LastUpdated", o.content AS "Content"
FROM "Observation" AS o
WHERE o."projectId" = @ef_filter__ProjectId AND NOT (o.deleted) AND o."codeText" IS NOT NULL AND o."codeText" LIKE @Value ESCAPE ''
ORDER BY o.id
LIMIT @p
