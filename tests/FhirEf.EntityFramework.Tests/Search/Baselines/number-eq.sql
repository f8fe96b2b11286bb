-- @resourceType='RiskAssessment'
-- @order='119'
-- @ef_filter__ProjectId='<tenant>'
-- @Value='0.75' (Nullable = true)
-- @Value1='0.85' (Nullable = true)
-- @p='21'
SELECT @resourceType AS "ResourceType", @order AS "TypeOrder", r.id AS "Id", r."versionId" AS "VersionId", r."lastUpdated" AS "LastUpdated", r.content AS "Content"
FROM "RiskAssessment" AS r
WHERE r."projectId" = @ef_filter__ProjectId AND NOT (r.deleted) AND r."probabilityLow" IS NOT NULL AND r."probabilityHigh" IS NOT NULL AND r."probabilityLow" >= @Value AND r."probabilityHigh" < @Value1
ORDER BY r.id
LIMIT @p
