-- @resourceType='Patient'
-- @order='102'
-- @ef_filter__ProjectId='<tenant>'
-- @Value='http://terminology.hl7.org/CodeSystem/v2-0203|MR|111'
-- @p='21'
SELECT @resourceType AS "ResourceType", @order AS "TypeOrder", p.id AS "Id", p."versionId" AS "VersionId", p."lastUpdated" AS "LastUpdated", p.content AS "Content"
FROM "Patient" AS p
WHERE p."projectId" = @ef_filter__ProjectId AND NOT (p.deleted) AND p.identifier IS NOT NULL AND p.identifier @> ARRAY[@Value]::text[]
ORDER BY p.id
LIMIT @p
