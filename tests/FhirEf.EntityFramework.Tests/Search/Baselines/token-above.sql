-- @resourceType='Condition'
-- @order='27'
-- @ef_filter__ProjectId='<tenant>'
-- @Value={ 'http://example.org/cs/animals|animal', 'http://example.org/cs/animals|dog', 'http://example.org/cs/animals|mammal' } (DbType = Object)
-- @p='21'
SELECT @resourceType AS "ResourceType", @order AS "TypeOrder", c.id AS "Id", c."versionId" AS "VersionId", c."lastUpdated" AS "LastUpdated", c.content AS "Content"
FROM "Condition" AS c
WHERE c."projectId" = @ef_filter__ProjectId AND NOT (c.deleted) AND c.code IS NOT NULL AND @Value && c.code
ORDER BY c.id
LIMIT @p
