-- @resourceType='Patient'
-- @order='102'
-- @ef_filter__ProjectId='<tenant>'
-- @Value=''gardener'' (DbType = Object)
-- @p='21'
SELECT @resourceType AS "ResourceType", @order AS "TypeOrder", p.id AS "Id", p."versionId" AS "VersionId", p."lastUpdated" AS "LastUpdated", p.content AS "Content"
FROM "Patient" AS p
WHERE p."projectId" = @ef_filter__ProjectId AND NOT (p.deleted) AND p._text IS NOT NULL AND p._text @@ @Value
ORDER BY p.id
LIMIT @p
