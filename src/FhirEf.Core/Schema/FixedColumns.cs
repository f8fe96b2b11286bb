namespace FhirEf.Core.Schema;

/// <summary>Names of the columns every resource, history and references table has.</summary>
public static class FixedColumns
{
    public const string Id = "id";
    public const string ProjectId = "projectId";
    public const string VersionId = "versionId";
    public const string LastUpdated = "lastUpdated";
    public const string Deleted = "deleted";
    public const string Content = "content";
    public const string IndexerVersion = "__version";
    public const string Source = "_source";
    public const string Profile = "_profile";
    public const string Compartments = "compartments";

    /// <summary>Identifiers of logical references, for <c>:identifier</c> on any reference parameter: <c>code\u001Fsystem|value</c>.</summary>
    public const string ReferenceIdentifiers = "__referenceIdentifiers";

    /// <summary>History: the interaction that produced the version (POST, PUT, PATCH, DELETE).</summary>
    public const string Method = "method";

    /// <summary>References and lookup tables: the id of the resource the row belongs to.</summary>
    public const string ResourceId = "resourceId";

    /// <summary>Lookup tables: the resource type of the resource the row belongs to.</summary>
    public const string ResourceType = "resourceType";

    /// <summary>References and lookup tables: the search parameter code that produced the row.</summary>
    public const string Code = "code";

    public const string TargetType = "targetType";
    public const string TargetId = "targetId";

    /// <summary>Lookup tables: position of the value within its parameter's values.</summary>
    public const string Ordinal = "ordinal";

    /// <summary>Longest FHIR id (https://hl7.org/fhir/R4/datatypes.html#id).</summary>
    public const int IdMaxLength = 64;
}
