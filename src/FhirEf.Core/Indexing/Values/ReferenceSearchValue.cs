namespace FhirEf.Core.Indexing.Values;

/// <summary>
/// A reference (https://hl7.org/fhir/R4/references.html): a literal one (<see cref="TargetType"/>/
/// <see cref="TargetId"/>, optionally a version), an absolute URL to elsewhere or a canonical
/// (<see cref="Url"/> with <see cref="Version"/>), a contained one (<c>#id</c>), and/or a logical one
/// (<see cref="IdentifierSystem"/>|<see cref="IdentifierValue"/>).
/// </summary>
public sealed record ReferenceSearchValue : SearchValue
{
    public string? TargetType { get; init; }

    public string? TargetId { get; init; }

    public string? Version { get; init; }

    /// <summary>An absolute URL that does not point at this server, or a canonical URL.</summary>
    public string? Url { get; init; }

    /// <summary>The id of a contained resource (<c>#id</c>).</summary>
    public string? ContainedId { get; init; }

    public string? IdentifierSystem { get; init; }

    public string? IdentifierValue { get; init; }

    public bool IsLiteral => TargetType is not null && TargetId is not null;
}
