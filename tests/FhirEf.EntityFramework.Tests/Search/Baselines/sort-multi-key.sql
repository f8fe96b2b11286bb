-- @resourceType='Patient'
-- @order='102'
-- @ef_filter__ProjectId='<tenant>'
-- @p3='21'
-- @p='0'
SELECT @resourceType AS "ResourceType", @order AS "TypeOrder", p.id AS "Id", p."versionId" AS "VersionId", p."lastUpdated" AS "LastUpdated", p.content AS "Content"
FROM "Patient" AS p
WHERE p."projectId" = @ef_filter__ProjectId AND NOT (p.deleted)
ORDER BY p."genderSort" IS NULL, p."genderSort", p."birthdateEnd" IS NULL, p."birthdateEnd" DESC, (SELECT 1), p.id
LIMIT @p3 OFFSET @p
