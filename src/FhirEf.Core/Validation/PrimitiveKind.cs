namespace FhirEf.Core.Validation;

/// <summary>The R4 primitive types, each with its own syntax check (see <see cref="PrimitiveRules"/>).</summary>
internal enum PrimitiveKind
{
    Boolean,
    Integer,
    PositiveInt,
    UnsignedInt,
    Decimal,
    String,
    Markdown,
    Code,
    Id,
    Uri,
    Url,
    Canonical,
    Oid,
    Uuid,
    Base64Binary,
    Date,
    DateTime,
    Instant,
    Time,
    Xhtml,
}
