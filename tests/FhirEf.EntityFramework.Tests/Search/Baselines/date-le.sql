-- @resourceType='Patient'
-- @order='102'
-- @ef_filter__ProjectId='<tenant>'
-- @Value='1980-05-31T23:59:59.9999990Z' (Nullable = true) (DbType = DateTime)
-- @Value1='1980-05-01T00:00:00.0000000Z' (Nullable = true) (DbType = DateTime)
-- @Value2='1980-05-01T00:00:00.0000000Z' (Nullable = true) (DbType = DateTime)
-- @Value3='1980-05-31T23:59:59.9999990Z' (Nullable = true) (DbType = DateTime)
-- @p='21'
SELECT @resourceType AS "ResourceType", @order AS "TypeOrder", p.id AS "Id", p."versionId" AS "VersionId", p."lastUpdated" AS "LastUpdated", p.content AS "Content"
FROM "Patient" AS p
WHERE p."projectId" = @ef_filter__ProjectId AND NOT (p.deleted) AND p."birthdateStart" IS NOT NULL AND p."birthdateEnd" IS NOT NULL AND p."birthdateStart" <= @Value AND (p."birthdateStart" < @Value1 OR (p."birthdateStart" >= @Value2 AND p."birthdateEnd" <= @Value3))
ORDER BY p.id
LIMIT @p
