-- @resourceType='Patient'
-- @order='102'
-- @ef_filter__ProjectId='<tenant>'
-- @Value='2000-12-31T23:59:59.9999990Z' (Nullable = true) (DbType = DateTime)
-- @Value1='a'
-- @p='21'
SELECT @resourceType AS "ResourceType", @order AS "TypeOrder", p.id AS "Id", p."versionId" AS "VersionId", p."lastUpdated" AS "LastUpdated", p.content AS "Content"
FROM "Patient" AS p
WHERE p."projectId" = @ef_filter__ProjectId AND NOT (p.deleted) AND p."lastUpdated" > @Value AND p.id = @Value1
ORDER BY p.id
LIMIT @p
