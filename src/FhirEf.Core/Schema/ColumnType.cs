namespace FhirEf.Core.Schema;

/// <summary>The storage types FhirEf's tables use; the PostgreSQL layer maps each to a column type.</summary>
public enum ColumnType
{
    /// <summary><c>text</c>.</summary>
    Text,

    /// <summary><c>text[]</c>.</summary>
    TextArray,

    /// <summary><c>integer</c>.</summary>
    Integer,

    /// <summary><c>boolean</c>.</summary>
    Boolean,

    /// <summary><c>timestamptz</c> (UTC; ±infinity for open ends).</summary>
    Timestamp,

    /// <summary><c>numeric</c>: FHIR decimals, exactly.</summary>
    Numeric,

    /// <summary><c>jsonb</c>.</summary>
    Jsonb,

    /// <summary><c>tsvector</c> for <c>_text</c> and <c>_content</c>.</summary>
    TsVector,
}
