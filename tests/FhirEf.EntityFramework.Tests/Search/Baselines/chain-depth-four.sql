-- @resourceType='Observation'
-- @order='95'
-- @ef_filter__ProjectId='<tenant>'
-- @Value='subject'
-- @Value1='Patient'
-- @Value2='organization'
-- @Value3='Organization'
-- @Value4='partof'
-- @Value5='Organization'
-- @Value6='partof'
-- @Value7='Organization'
-- @Value8='%acme%'
-- @p='21'
SELECT @resourceType AS "ResourceType", @order AS "TypeOrder", o.id AS "Id", o."versionId" AS "VersionId", o."lastUpdated" AS "LastUpdated", o.content AS "Content"
FROM "Observation" AS o
WHERE o."projectId" = @ef_filter__ProjectId AND NOT (o.deleted) AND EXISTS (
    SELECT 1
    FROM "Observation_References" AS o0
    WHERE o0."projectId" = @ef_filter__ProjectId AND o0."resourceId" = o.id AND o0.code = @Value AND o0."targetType" = @Value1 AND EXISTS (
        SELECT 1
        FROM "Patient" AS p
        WHERE p."projectId" = @ef_filter__ProjectId AND p.id = o0."targetId" AND NOT (p.deleted) AND EXISTS (
            SELECT 1
            FROM "Patient_References" AS p0
            WHERE p0."projectId" = @ef_filter__ProjectId AND p0."resourceId" = p.id AND p0.code = @Value2 AND p0."targetType" = @Value3 AND EXISTS (
                SELECT 1
                FROM "Organization" AS o1
                WHERE o1."projectId" = @ef_filter__ProjectId AND o1.id = p0."targetId" AND NOT (o1.deleted) AND EXISTS (
                    SELECT 1
                    FROM "Organization_References" AS o2
                    WHERE o2."projectId" = @ef_filter__ProjectId AND o2."resourceId" = o1.id AND o2.code = @Value4 AND o2."targetType" = @Value5 AND EXISTS (
                        SELECT 1
                        FROM "Organization" AS o3
                        WHERE o3."projectId" = @ef_filter__ProjectId AND o3.id = o2."targetId" AND NOT (o3.deleted) AND EXISTS (
                            SELECT 1
                            FROM "Organization_References" AS o4
                            WHERE o4."projectId" = @ef_filter__ProjectId AND o4."resourceId" = o3.id AND o4.code = @Value6 AND o4."targetType" = @Value7 AND EXISTS (
                                SELECT 1
                                FROM "Organization" AS o5
                                WHERE o5."projectId" = @ef_filter__ProjectId AND o5.id = o4."targetId" AND NOT (o5.deleted) AND o5.name IS NOT NULL AND o5.name LIKE @Value8 ESCAPE ''))))))))
ORDER BY o.id
LIMIT @p
