-- @resourceType='Patient'
-- @order='102'
-- @ef_filter__ProjectId='<tenant>'
-- @Value='%ther%'
-- @p='21'
SELECT @resourceType AS "ResourceType", @order AS "TypeOrder", p.id AS "Id", p."versionId" AS "VersionId", p."lastUpdated" AS "LastUpdated", p.content AS "Content"
FROM "Patient" AS p
WHERE p."projectId" = @ef_filter__ProjectId AND NOT (p.deleted) AND p.name IS NOT NULL AND p.name LIKE @Value ESCAPE ''
ORDER BY p.id
LIMIT @p
