-- @resourceType='Observation'
-- @order='95'
-- @ef_filter__ProjectId='<tenant>'
-- @Value='2020-12-31T23:59:59.9999990Z' (Nullable = true) (DbType = DateTime)
-- @p='21'
SELECT @resourceType AS "ResourceType", @order AS "TypeOrder", o.id AS "Id", o."versionId" AS "VersionId", o."lastUpdated" AS "LastUpdated", o.content AS "Content"
FROM "Observation" AS o
WHERE o."projectId" = @ef_filter__ProjectId AND NOT (o.deleted) AND o."dateStart" IS NOT NULL AND o."dateEnd" IS NOT NULL AND o."dateStart" > @Value
ORDER BY o.id
LIMIT @p
