-- @resourceType='ValueSet'
-- @order='143'
-- @ef_filter__ProjectId='<tenant>'
-- @Value='http://example.org/fhir/ValueSet/colors/light/extra'
-- @p='21'
SELECT @resourceType AS "ResourceType", @order AS "TypeOrder", v.id AS "Id", v."versionId" AS "VersionId", v."lastUpdated" AS "LastUpdated", v.content AS "Content"
FROM "ValueSet" AS v
WHERE v."projectId" = @ef_filter__ProjectId AND NOT (v.deleted) AND v.url IS NOT NULL AND EXISTS (
    SELECT 1
    FROM unnest(v.url) AS u(value)
    WHERE u.value IS NOT NULL AND left(@Value, length(u.value)) = u.value)
ORDER BY v.id
LIMIT @p
