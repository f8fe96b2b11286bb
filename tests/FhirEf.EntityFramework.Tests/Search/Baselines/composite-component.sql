-- @resourceType='Observation'
-- @order='95'
-- @ef_filter__ProjectId='<tenant>'
-- @Value='System.Text.Json.JsonDocument' (DbType = Object)
-- @Value1='$[*] ? (exists(@."0"[*] ? (@ == $c0)) && exists(@."1"[*] ? (@.v > $v1)))'
-- @Value2='{"c0":"8480-6","lo1":129.5,"hi1":130.5,"v1":130}'
-- @p='21'
SELECT @resourceType AS "ResourceType", @order AS "TypeOrder", o.id AS "Id", o."versionId" AS "VersionId", o."lastUpdated" AS "LastUpdated", o.content AS "Content"
FROM "Observation" AS o
WHERE o."projectId" = @ef_filter__ProjectId AND NOT (o.deleted) AND o."componentCodeValueQuantity" @> @Value AND o."componentCodeValueQuantity" IS NOT NULL AND jsonb_path_exists(o."componentCodeValueQuantity", @Value1::jsonpath, @Value2::jsonb)
ORDER BY o.id
LIMIT @p
