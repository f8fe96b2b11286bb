namespace FhirEf.Core.Primitives;

/// <summary>What <see cref="FhirDecimal.Check"/> found in a decimal's text.</summary>
internal enum DecimalTextStatus
{
    Valid,

    /// <summary>Not the R4 regex <c>-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?</c>.</summary>
    InvalidSyntax,

    /// <summary>A valid FHIR decimal that <see cref="decimal"/> cannot hold exactly with its precision bounds.</summary>
    OutOfRange,
}
