-- @resourceType='Patient'
-- @order='102'
-- @ef_filter__ProjectId='<tenant>'
-- @Value='2015-02-03T08:00:00.0000000Z' (Nullable = true) (DbType = DateTime)
-- @Value1='2015-02-03T08:00:00.9999990Z' (Nullable = true) (DbType = DateTime)
-- @Value2='2015-02-03T08:00:00.9999990Z' (Nullable = true) (DbType = DateTime)
-- @p='21'
SELECT @resourceType AS "ResourceType", @order AS "TypeOrder", p.id AS "Id", p."versionId" AS "VersionId", p."lastUpdated" AS "LastUpdated", p.content AS "Content"
FROM "Patient" AS p
WHERE p."projectId" = @ef_filter__ProjectId AND NOT (p.deleted) AND p."deathDateStart" IS NOT NULL AND p."deathDateEnd" IS NOT NULL AND p."deathDateStart" >= @Value AND p."deathDateEnd" <= @Value1 AND p."deathDateStart" <= @Value2
ORDER BY p.id
LIMIT @p
