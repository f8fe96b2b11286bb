-- @resourceType='Observation'
-- @order='95'
-- @ef_filter__ProjectId='<tenant>'
-- @Value='System.Text.Json.JsonDocument' (DbType = Object)
-- @Value1='$[*] ? (exists(@."0"[*] ? (@ == $c0)) && exists(@."1"[*] ? (@.v >= $lo1 && @.v < $hi1)))'
-- @Value2='{"c0":"8867-4","lo1":79.5,"hi1":80.5,"v1":80}'
-- @p='21'
SELECT @resourceType AS "ResourceType", @order AS "TypeOrder", o.id AS "Id", o."versionId" AS "VersionId", o."lastUpdated" AS "LastUpdated", o.content AS "Content"
FROM "Observation" AS o
WHERE o."projectId" = @ef_filter__ProjectId AND NOT (o.deleted) AND o."codeValueQuantity" @> @Value AND o."codeValueQuantity" IS NOT NULL AND jsonb_path_exists(o."codeValueQuantity", @Value1::jsonpath, @Value2::jsonb)
ORDER BY o.id
LIMIT @p
