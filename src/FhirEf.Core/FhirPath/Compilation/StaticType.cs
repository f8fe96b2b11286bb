using FhirEf.Core.Definitions;

namespace FhirEf.Core.FhirPath.Compilation;

/// <summary>
/// What strict mode knows about a sub-expression before evaluation: the FHIR types its items can have
/// (null when unknown), each with the element definition that lists its children, and whether the
/// order of its items is undefined.
/// </summary>
internal sealed record StaticType(IReadOnlyList<(string TypeName, ElementDefinitionInfo? Scope)>? Types, bool Unordered)
{
    public static readonly StaticType Unknown = new(null, false);

    public static readonly StaticType UnknownUnordered = new(null, true);
}
