namespace FhirEf.Core.Indexing.Values;

/// <summary>
/// A token: a Coding (system, code, display), an Identifier (system, value, with its type for
/// <c>:of-type</c>), a ContactPoint value, a code, boolean, string, uri or id (code only), or the
/// text of a CodeableConcept (text only).
/// </summary>
public sealed record TokenSearchValue(string? System, string? Code, string? Text = null, TokenType? OfType = null) : SearchValue;

/// <summary>The Identifier.type coding of an identifier token (for <c>identifier:of-type=system|code|value</c>).</summary>
public sealed record TokenType(string? System, string? Code);
