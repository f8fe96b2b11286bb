-- @resourceType='QuestionnaireResponse'
-- @order='112'
-- @ef_filter__ProjectId='<tenant>'
-- @Value='http://example.org/Questionnaire/intake|1.0'
-- @p='21'
SELECT @resourceType AS "ResourceType", @order AS "TypeOrder", q.id AS "Id", q."versionId" AS "VersionId", q."lastUpdated" AS "LastUpdated", q.content AS "Content"
FROM "QuestionnaireResponse" AS q
WHERE q."projectId" = @ef_filter__ProjectId AND NOT (q.deleted) AND q.questionnaire IS NOT NULL AND q.questionnaire @> ARRAY[@Value]::text[]
ORDER BY q.id
LIMIT @p
