using FhirEf.Core.Schema;
using FhirEf.Core.Schema.Storage;

namespace FhirEf.Core.Reporting;

/// <summary>
/// An OData navigation property over a reference search parameter and one of its target types:
/// <c>Observation.subject_Patient</c> reads the Patients that <c>"Observation_References"</c> rows with
/// code <c>subject</c> and target type <c>Patient</c> point to. One navigation per target type keeps
/// each navigation typed (an EDM navigation has one target entity type) and leaves the reference
/// column itself (<c>subject</c>, the <c>Type/id</c> strings) under its own name.
/// </summary>
/// <param name="Name"><c>&lt;column&gt;_&lt;TargetType&gt;</c>.</param>
/// <param name="Code">The search parameter code, as <c>"&lt;Type&gt;_References"."code"</c> holds it.</param>
/// <param name="TargetType">The target resource type, as <c>"targetType"</c> holds it; also the target table.</param>
public sealed record ReferenceNavigation(string Name, string Code, string TargetType)
{
    /// <summary>The navigations of a resource type: every reference parameter with a column, times each target type that has a table.</summary>
    public static IEnumerable<ReferenceNavigation> Of(FhirSchema schema, ResourceTableSchema resource)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(resource);
        return resource.Parameters.Values.OfType<ReferenceStorage>()
            .SelectMany(storage => storage.Parameter.Targets
                .Where(target => schema.TryGetResource(target, out _))
                .Distinct(StringComparer.Ordinal)
                .Select(target => new ReferenceNavigation(storage.Column + "_" + target, storage.Parameter.Code, target)))
            .OrderBy(n => n.Name, StringComparer.Ordinal);
    }

    /// <summary>The navigation <paramref name="name"/> of <paramref name="resourceType"/>, or null.</summary>
    public static ReferenceNavigation? Find(FhirSchema schema, string resourceType, string name)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return schema.TryGetResource(resourceType, out var resource)
            ? Of(schema, resource).FirstOrDefault(n => n.Name == name)
            : null;
    }
}
