namespace FhirEf.Core.Indexing.Extraction;

/// <summary>
/// The FHIR value families search extraction tells apart (R4 search §3.1.1.9, the cross-map between
/// search parameter types and data types). Specialisations fold into their family: <c>Age</c>,
/// <c>Duration</c>, <c>Count</c>, <c>Distance</c> and <c>SimpleQuantity</c> are <see cref="Quantity"/>,
/// <c>positiveInt</c> and <c>unsignedInt</c> are <see cref="Integer"/>.
/// </summary>
internal enum ValueKind : byte
{
    /// <summary>A complex type search does not read, or an element the definitions do not know.</summary>
    Other,

    /// <summary>string and markdown.</summary>
    String,
    Code,
    Id,

    /// <summary>uri, url, oid and uuid.</summary>
    Uri,
    Canonical,
    Boolean,

    /// <summary>integer, positiveInt and unsignedInt.</summary>
    Integer,
    Decimal,
    Date,
    DateTime,
    Instant,
    Time,
    Base64Binary,
    Xhtml,

    /// <summary>The first complex type: the kinds from here on are data types with fields (ExtractionSession relies on the order).</summary>
    Coding,
    CodeableConcept,
    Identifier,
    ContactPoint,
    HumanName,
    Address,
    Period,
    Timing,
    Quantity,
    Money,
    Range,
    Reference,

    /// <summary>A resource nested in another (contained, Bundle.entry.resource).</summary>
    Resource,
}
